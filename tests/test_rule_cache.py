"""Compiled rule sets are kept in the cache folder and rebuilt when any file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint import config as config_module
from lint.errors import RuleError


def _load(folder: Path) -> dict[str, str]:
    config_module._load_folder_cached.cache_clear()
    return {r.meta.id: r.meta.message for r in config_module._load_folder_cached(str(folder))}


def test_cached_rules_follow_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path / "cache"))
    rule = tmp_path / "rules" / "Team" / "Word.yml"
    rule.parent.mkdir(parents=True)
    rule.write_text("extends: existence\nmessage: first\ntokens: [synergy]\n")
    assert _load(tmp_path / "rules") == {"Team.Word": "first"}
    assert len(list((tmp_path / "cache").glob("rules-*"))) == 1
    assert _load(tmp_path / "rules") == {"Team.Word": "first"}  # from the cache

    rule.write_text("extends: existence\nmessage: second\ntokens: [synergy]\n")
    os.utime(rule, ns=(1, 10**18))  # a different modification time, whatever the clock
    assert _load(tmp_path / "rules") == {"Team.Word": "second"}
    assert len(list((tmp_path / "cache").glob("rules-*"))) == 1  # the stale set is gone

    (rule.parent / "Extra.yml").write_text("extends: existence\nmessage: x\ntokens: [y]\n")
    assert set(_load(tmp_path / "rules")) == {"Team.Word", "Team.Extra"}

    rule.write_text("extends: existence\nmessage: third\ntokns: [synergy]\n")
    os.utime(rule, ns=(1, 2 * 10**18))
    with pytest.raises(RuleError, match="unknown key 'tokns'"):
        _load(tmp_path / "rules")
