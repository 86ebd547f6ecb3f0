"""Every rule in rules/ ships examples that must fire (bad) and must not (good); a bad
example may also state each finding's text (``match``), where the first starts (``line``,
``column``) and the text after ``--fix`` (``fix``, through the real fix loop). What each
key means, and how an example is run, is lint/examples.py."""

from __future__ import annotations

import pytest

from lint import examples
from lint.config import Config, all_rules
from lint.rules.contract import Example, Rule

RULES = all_rules(Config())

CASES = [
    pytest.param(rule, kind, ex, id=f"{rule.meta.id}-{kind}-{i}")
    for rule in RULES
    for kind, group in (("bad", rule.meta.bad), ("good", rule.meta.good))
    for i, ex in enumerate(group)
]


@pytest.mark.parametrize(("rule", "kind", "example"), CASES)
def test_example(rule: Rule, kind: str, example: Example) -> None:
    problems = examples.problems(rule, example, bad=kind == "bad")
    assert not problems, f"{rule.meta.id} ({rule.meta.path}:{example.defined_at}): " + "; ".join(
        problems
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.id)
def test_rule_is_documented(rule: Rule) -> None:
    """A meta-test: every rule has bad and good examples, a why and a source, and a rule
    whose findings --fix can change shows a fix in at least one bad example."""
    meta = rule.meta
    assert meta.bad, f"{meta.id} has no bad examples"
    assert meta.good, f"{meta.id} has no good examples"
    assert meta.why.strip(), f"{meta.id} has no 'why'"
    assert meta.source.strip(), f"{meta.id} has no 'source'"
    if examples.has_fix(rule):
        assert any(ex.fix is not None and ex.fix != ex.text for ex in meta.bad), (
            f"{meta.id} has a fix: give a bad example its 'fix' (the text after --fix)"
        )
