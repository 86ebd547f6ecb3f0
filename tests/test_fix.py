"""lint/fix.py: choosing, fitting and guarding edits, on text alone."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from fix_rules import TERMS, active, builtin, substitution
from helpers import run

from lint.engine import check_document
from lint.facts import Facts
from lint.finding import Finding, FixSafety, Severity
from lint.fix import DocumentGuard, apply_fixes, plan_fixes, replacement
from lint.readers import read_text

GANGS = substitution("Test.Gangs", TERMS)
# The rule asks for findings inside quotes to be reported as usual: the fixer must still
# refuse to edit direct speech.
GANGS_QUOTED = substitution(
    "Test.Quoted",
    {"care gangs?": "grooming gangs", "smile": "\U0001f600", "rightly": "“rightly”", "and": "&"},
    quoted="report",
)


def finding(start: int, end: int, fix: str | None, source: str, **kw: object) -> Finding:
    values: dict[str, object] = {
        "path": "t.txt",
        "rule": "Test.Rule",
        "severity": Severity.WARNING,
        "message": "m",
        "match": source[start:end],
        "start": start,
        "end": end,
        "line": 1,
        "column": start + 1,
        "end_line": 1,
        "end_column": end + 1,
        "fix": fix,
        "fix_safety": FixSafety.SAFE,
    }
    values.update(kw)
    return Finding(**values)  # type: ignore[arg-type]


def fixed(rule: object, text: str, fmt: str = "text", *, unsafe: bool = False) -> str:
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    doc = read_text(f"t{suffix}", text, fmt)
    rules = rule if isinstance(rule, list) else [rule]
    findings = run(rules, text, fmt)  # type: ignore[arg-type]
    out, _ = apply_fixes(text, findings, unsafe=unsafe, guard=DocumentGuard(Facts(doc)))
    return out


# -- case and safety ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Police investigate care gangs.", "Police investigate grooming gangs."),
        ("Care gangs prey on children.", "Grooming gangs prey on children."),
        ("CARE GANGS PREY ON CHILDREN.", "GROOMING GANGS PREY ON CHILDREN."),
        ("Call Napac or napac today.", "Call NAPAC or NAPAC today."),
    ],
)
def test_case_is_kept(before: str, after: str) -> None:
    assert fixed(GANGS, before) == after


def test_safety_levels() -> None:
    text = "We support the the victims of care gangs."
    rules = active(*builtin("Spelling.Repetition", "Safeguarding.Mistranslations"))
    doc = read_text("t.txt", text)
    findings = check_document(doc, rules).findings
    safe, _ = apply_fixes(text, findings)
    unsafe, _ = apply_fixes(text, findings, unsafe=True)
    assert safe == "We support the the victims of grooming gangs."  # repetition is unsafe
    assert unsafe == "We support the victims of grooming gangs."
    display = [replace(f, fix_safety=FixSafety.DISPLAY) for f in findings]
    assert apply_fixes(text, display, unsafe=True) == (text, [])


def test_noop_and_stale_fixes_are_not_counted() -> None:
    text = "one two three"
    same = finding(4, 7, "two", text)
    stale = finding(0, 3, "ONE", text, match="uno")
    plan = plan_fixes(text, [same, stale])
    assert plan.edits == ()
    assert [s.reason for s in plan.skipped] == ["the text has changed since it was checked"]


# -- overlaps ------------------------------------------------------------------------


def test_overlaps_resolve_the_same_way_in_any_order() -> None:
    text = "alpha beta gamma delta"
    candidates = [
        finding(0, 10, "AB", text, rule="Test.B"),  # "alpha beta"
        finding(6, 16, "BG", text, rule="Test.A"),  # "beta gamma": overlaps the first
        finding(0, 10, "ab", text, rule="Test.A"),  # same span, other rule: name decides
        finding(11, 16, "G", text),  # inside the second, free after the first
        finding(17, 22, "D", text),
        finding(16, 16, "!", text, rule="Test.X"),  # insertions at one point: one only
        finding(16, 16, "?", text, rule="Test.Y"),
    ]
    outcomes = set()
    for seed in range(20):
        shuffled = candidates[:]
        random.Random(seed).shuffle(shuffled)
        outcomes.add(apply_fixes(text, shuffled)[0])
    assert outcomes == {"ab G! D"}


def test_adjacent_fixes_both_apply() -> None:
    text = "napac napac"
    assert fixed(GANGS, text) == "NAPAC NAPAC"
    glued = "abcd"
    assert apply_fixes(glued, [finding(0, 2, "X", glued), finding(2, 4, "Y", glued)])[0] == "XY"


# -- fitting the fix to the source ----------------------------------------------------


def test_line_breaks_inside_a_match_are_kept() -> None:
    text = "investigate care\r\n  gangs now"
    f = run(GANGS, text)[0]
    assert f.match == "care\r\n  gangs"
    assert replacement(text, f) == "grooming\r\n  gangs"
    assert fixed(GANGS, text) == "investigate grooming\r\n  gangs now"


def test_a_new_line_in_a_fix_takes_the_line_ending_of_its_line() -> None:
    crlf = "one two\r\nthree\n"
    assert replacement(crlf, finding(4, 7, "2\n2", crlf)) == "2\r\n2"
    lf = "one two\nthree\r\n"
    assert replacement(lf, finding(4, 7, "2\n2", lf)) == "2\n2"


# -- what the guard refuses -------------------------------------------------------------


def test_direct_quotes_are_never_changed_whatever_the_rule_says() -> None:
    text = 'He said: "care gangs exist, and care gangs must go." Care gangs, he said.'
    findings = run(GANGS_QUOTED, text)
    assert len([f for f in findings if f.fix is not None and "care" in f.match.lower()]) == 3
    out = fixed(GANGS_QUOTED, text)
    assert out == 'He said: "care gangs exist, and care gangs must go." Grooming gangs, he said.'
    doc = read_text("t.txt", text)
    reasons = {
        s.reason for s in plan_fixes(text, findings, guard=DocumentGuard(Facts(doc))).skipped
    }
    assert reasons == {"inside a direct quote"}


def test_curly_and_unclosed_quotes_are_protected() -> None:
    text = "“Care gangs,” she said. “They are care gangs\n\nLater care gangs."
    assert fixed(GANGS_QUOTED, text) == (
        "“Care gangs,” she said. “They are care gangs\n\nLater grooming gangs."
    )


def test_an_edit_touching_a_quote_mark_is_refused() -> None:
    text = 'He said "yes" rightly.'
    doc = read_text("t.txt", text)
    guard = DocumentGuard(Facts(doc))
    assert guard(finding(8, 9, "“", text), "“") == "inside a direct quote"
    assert guard(finding(13, 13, "!", text), "!") is None  # just after the closing mark
    assert guard(finding(14, 21, "RIGHTLY", text), "RIGHTLY") is None


def test_markdown_code_links_and_markup_are_left_alone() -> None:
    text = (
        "Say care **gangs** here, and `care gangs` in code.\n\n"
        "See [care gangs](https://example.org/care-gangs) and <span>care gangs</span>.\n"
    )
    assert fixed(GANGS, text, "markdown") == (
        "Say care **gangs** here, and `care gangs` in code.\n\n"
        "See [grooming gangs](https://example.org/care-gangs) and <span>grooming gangs</span>.\n"
    )
    doc = read_text("t.md", text, "markdown")
    plan = plan_fixes(text, run(GANGS, text, "markdown"), guard=DocumentGuard(Facts(doc)))
    assert [s.reason for s in plan.skipped] == ["crosses markup, code or a link"]


@pytest.mark.xfail(
    strict=True,
    reason="markdown reader: this inline code is shown to rules as prose; "
    "the fixer trusts the reader's mask (found by a property test of --fix)",
)
def test_markdown_code_after_an_entity_is_left_alone() -> None:
    text = "care&nbsp;gangs`care gangs` here.\n"
    assert fixed(GANGS, text, "markdown") == text


def test_html_tags_and_entities_are_left_alone() -> None:
    text = "<p>care <b>gangs</b>, care&nbsp;gangs, Care gangs &amp; and</p>"
    assert fixed(GANGS, text, "html") == (
        "<p>care <b>gangs</b>, care&nbsp;gangs, Grooming gangs &amp; and</p>"
    )
    # A fix that would bring markup characters into HTML source is refused.
    doc = read_text("t.html", text, "html")
    found = [f for f in run(GANGS_QUOTED, text, "html") if f.match == "and"]
    assert (
        DocumentGuard(Facts(doc))(found[0], "&") == "the fix would add '&', which is markup in html"
    )


def test_html_entities_before_a_fix_do_not_shift_it() -> None:
    text = "<p>A &amp; B &mdash; then napac.</p>"
    assert fixed(GANGS, text, "html") == "<p>A &amp; B &mdash; then NAPAC.</p>"


def test_fixes_the_encoding_cannot_hold_are_refused() -> None:
    text = "I smile, rightly."
    doc = replace(read_text("t.txt", text), encoding="cp1252")
    findings = run(GANGS_QUOTED, text)
    plan = plan_fixes(text, findings, guard=DocumentGuard(Facts(doc)))
    assert [e.text for e in plan.edits] == ["“rightly”"]  # curly quotes exist in cp1252
    assert [s.reason for s in plan.skipped] == [
        "'\U0001f600' cannot be written in the file's encoding (cp1252)"
    ]
    utf8 = read_text("t.txt", text)
    assert len(plan_fixes(text, findings, guard=DocumentGuard(Facts(utf8))).edits) == 2
