"""The project passes its own linter: `sglint check .` at the repository root exits 0 at
the default fail level, and the project's pre-commit hook runs sglint with the same
exclusions (.sglint.yaml's, through --force-exclude)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from lint.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_sglint_check_dot_is_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", "--no-cache", "--format", "json", "--jobs", "1", "."])
    out = capsys.readouterr()
    findings = json.loads(out.out)
    errors = [
        f"{f['path']}:{f['line']}: {f['rule']} {f['match']!r}"
        for f in findings
        if f["severity"] == "error"
    ]
    assert code == 0, (errors, out.err)
    # the project's prose was linted, not all left out
    assert {"README.md", "SECURITY.md"} <= {f["path"] for f in findings}


def test_the_pre_commit_hook_runs_sglint_with_the_config_exclusions() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["sglint"]
    assert hook["entry"].split()[1:] == ["check", "--force-exclude"]
    assert "exclude" not in hook  # one list of exclusions: .sglint.yaml's
    excluded = yaml.safe_load((ROOT / ".sglint.yaml").read_text(encoding="utf-8"))["exclude"]
    assert {"seeds/", "tests/", "docs/rules.md"} <= set(excluded)
