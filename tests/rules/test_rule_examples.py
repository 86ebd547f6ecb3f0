"""Every rule in rules/ ships examples that must fire (bad) and must not (good)."""

from __future__ import annotations

import pytest

from lint.config import Config, all_rules, known_profiles
from lint.engine import ActiveRule, check_document
from lint.finding import Severity
from lint.fix import apply_fixes
from lint.readers import read_text
from lint.rules.contract import Example, Rule

RULES = all_rules(Config())
PROFILES = sorted(known_profiles(RULES))


def _level(rule: Rule, profile: str | None) -> Severity | None:
    """The rule's level in the example's profile (or the first profile where it is on)."""
    candidates = [profile] if profile else ["govuk", *PROFILES]
    for name in candidates:
        setting = rule.meta.profiles.get(name, rule.meta.level.label)
        if setting != "off":
            return Severity.parse(setting)
    return None


def _run(rule: Rule, example: Example) -> list:
    level = _level(rule, example.profile)
    assert level is not None, f"{rule.meta.id}: rule is off in profile {example.profile}"
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[example.fmt]
    doc = read_text(f"example{suffix}", example.text, example.fmt)
    return [
        f for f in check_document(doc, [ActiveRule(rule, level)]).findings if f.rule == rule.meta.id
    ]


CASES = [
    pytest.param(rule, kind, ex, id=f"{rule.meta.id}-{kind}-{i}")
    for rule in RULES
    for kind, examples in (("bad", rule.meta.bad), ("good", rule.meta.good))
    for i, ex in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "example"), CASES)
def test_example(rule: Rule, kind: str, example: Example) -> None:
    findings = _run(rule, example)
    if kind == "good":
        assert not findings, f"{rule.meta.id} fired on a good example: {findings}"
        return
    assert findings, f"{rule.meta.id} did not fire on: {example.text!r}"
    for f in findings:  # positions point at the match, in the original text
        assert example.text[f.start : f.end] == f.match
    if example.fix is not None:
        fixed, _ = apply_fixes(example.text, findings, unsafe=True)
        assert fixed == example.fix


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.id)
def test_rule_is_documented(rule: Rule) -> None:
    """A meta-test: every rule has bad and good examples, a why and a source."""
    meta = rule.meta
    assert meta.bad, f"{meta.id} has no bad examples"
    assert meta.good, f"{meta.id} has no good examples"
    assert meta.why.strip(), f"{meta.id} has no 'why'"
    assert meta.source.strip(), f"{meta.id} has no 'source'"
