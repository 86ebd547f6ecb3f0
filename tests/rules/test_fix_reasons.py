"""Every built-in rule that offers a fix says how safe it is and why (``fix`` and
``fix_reason``), and so does every swap entry that chooses a safety of its own.

The test for a choice: a fix is ``safe`` only when no context can make it wrong;
otherwise it is ``unsafe`` (applied only with --unsafe-fixes) or ``display`` (shown,
never applied).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint.config import builtin_rules_dir
from lint.engine import ActiveRule, check_document
from lint.finding import FixSafety, Severity
from lint.readers import read_text
from lint.rules.loader import load_rule_text, rule_files
from lint.rules.registry import REGISTRY
from lint.yamlload import load_yaml

FILES = list(rule_files(builtin_rules_dir()))


def _data(path: Path) -> dict[str, Any]:
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    assert isinstance(data, dict)
    return data


def _offers_fix(rule_id: str, path: Path, data: dict[str, Any]) -> bool:
    """Whether the rule can produce a fix: its kind fixes by default, it names a safety,
    or one of its own bad examples comes with a fix."""
    if REGISTRY[data["extends"]].DEFAULT_FIX is not FixSafety.DISPLAY or "fix" in data:
        return True
    rule = load_rule_text(path.read_text(encoding="utf-8"), rule_id=rule_id, path=str(path))
    for example in rule.meta.bad:
        doc = read_text("example.txt", example.text, example.fmt)
        found = check_document(doc, [ActiveRule(rule, Severity.ERROR)]).findings
        if any(f.fix is not None for f in found):
            return True
    return False


@pytest.mark.parametrize(("rule_id", "path"), FILES, ids=[r for r, _ in FILES])
def test_rule_with_a_fix_gives_its_safety_and_reason(rule_id: str, path: Path) -> None:
    data = _data(path)
    if not _offers_fix(rule_id, path, data):
        return
    assert "fix" in data, f"{rule_id}: say 'fix: safe|unsafe|display' (and fix_reason)"
    reason = str(data.get("fix_reason") or "").strip()
    assert len(reason.split()) >= 6, f"{rule_id}: 'fix_reason' must say why it is {data['fix']}"


@pytest.mark.parametrize(("rule_id", "path"), FILES, ids=[r for r, _ in FILES])
def test_swap_entry_with_its_own_safety_gives_a_reason(rule_id: str, path: Path) -> None:
    data = _data(path)
    for key, value in (data.get("swap") or {}).items():
        if isinstance(value, dict) and value.get("fix") and value["fix"] != data.get("fix"):
            assert str(value.get("fix_reason") or "").strip(), (
                f"{rule_id}: swap entry {key!r} is {value['fix']} (the rule is "
                f"{data.get('fix')}): give its fix_reason"
            )


def test_every_kind_that_fixes_is_covered() -> None:
    """The check above must not be vacuous: most packs offer fixes of each safety."""
    safeties = {str(_data(p).get("fix")) for _, p in FILES if "fix_reason" in _data(p)}
    assert {"safe", "unsafe", "display"} <= safeties
