"""The engine's decisions: inline switches, de-duplication, order, the Python API."""

from __future__ import annotations

import pytest
from helpers import make_rule, run

import lint
from lint import engine
from lint.config import Config, active_rules
from lint.engine import check_document
from lint.finding import Finding
from lint.readers import read_text

RULE_A = "extends: existence\nmessage: a\ntokens: [alpha]\n"
RULE_B = "extends: existence\nmessage: b\ntokens: [beta]\n"


def _lines(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in findings]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_inline_switches(fmt: str) -> None:
    rules = [make_rule(RULE_A, "P.A"), make_rule(RULE_B, "Q.B")]
    lines = [
        "alpha beta",  # 1: both
        "<!-- sglint-disable P.A -->",  # 2
        "alpha beta",  # 3: only Q.B
        "<!-- sglint-disable -->",  # 4
        "alpha beta",  # 5: none
        "<!-- sglint-enable Q -->",  # 6: a pack name
        "alpha beta",  # 7: only Q.B
        "<!-- sglint-enable -->",  # 8
        "<!-- sglint-disable-next-line Q.B -->",  # 9
        "",  # 10: blank lines are skipped
        "alpha beta",  # 11: only P.A
        "alpha beta",  # 12: both
    ]
    if fmt == "html":
        text = "\n".join(f"<p>{line}</p>" if "alpha" in line else line for line in lines)
    else:
        text = "\n".join(line or "" for line in lines)
    found = run(rules, text, fmt=fmt)
    # Read the findings line by line for each "alpha beta", in order.
    occurrences = [i + 1 for i, line in enumerate(text.split("\n")) if "alpha" in line]
    per_line = [sorted(f.rule for f in found if f.line == n) for n in occurrences]
    assert per_line == [["P.A", "Q.B"], ["Q.B"], [], ["Q.B"], ["P.A"], ["P.A", "Q.B"]]


def test_vale_comments_also_switch_off() -> None:
    rule = make_rule(RULE_A, "P.A")
    text = "alpha\n\n<!-- vale off -->\n\nalpha\n\n<!-- vale on -->\n\nalpha\n"
    assert [f.line for f in run(rule, text, fmt="markdown")] == [1, 9]


def test_findings_are_sorted_and_deduplicated() -> None:
    rules = [
        make_rule(RULE_B, "Z.B"),
        make_rule(RULE_A, "A.A"),
        make_rule("extends: existence\nmessage: a\ntokens: [alpha, alph\\w+]\n", "A.C"),
    ]
    found = run(rules, "beta alpha\nalpha beta")
    assert [(f.line, f.column, f.rule) for f in found] == [
        (1, 1, "Z.B"),
        (1, 6, "A.A"),
        (1, 6, "A.C"),
        (2, 1, "A.A"),
        (2, 1, "A.C"),
        (2, 7, "Z.B"),
    ]


def test_findings_are_immutable() -> None:
    finding = run(make_rule(RULE_A, "P.A"), "alpha")[0]
    with pytest.raises(AttributeError):
        finding.line = 3  # type: ignore[misc]


def test_public_check_text_api() -> None:
    findings = lint.check_text("The police investigate care gangs.", path="draft.txt")
    rules = {f.rule for f in findings}
    assert "Safeguarding.Mistranslations" in rules
    only = lint.check_text(
        "<p>Care gangs</p>", path="x.html", config=lint.Config(select=("Safeguarding",))
    )
    assert [(f.line, f.column, f.fix) for f in only] == [(1, 4, "Grooming gangs")]


def test_the_rule_sets_plan_is_made_once_and_only_for_the_same_rules() -> None:
    """What the engine reads from the rule set (needles, names, raw views, the UK rules)
    is kept for the next document checked with the same rules, and made again for others."""
    one = active_rules(Config(profile="govuk"), [make_rule(RULE_A, "P.A")])
    two = active_rules(Config(profile="govuk"), [make_rule(RULE_B, "Q.B")])
    doc = read_text("d.txt", "alpha beta\n")
    assert [f.rule for f in check_document(doc, one).findings] == ["P.A"]
    plan = engine._plan(one)
    assert engine._plan(list(one)) is plan  # the same rules in another list
    assert [f.rule for f in check_document(doc, two).findings] == ["Q.B"]
    assert engine._plan(two) is not plan and "beta" in engine._plan(two).needles
    assert [f.rule for f in check_document(doc, one).findings] == ["P.A"]
