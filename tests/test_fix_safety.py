"""``--fix`` never harms a release (issue 16): protected spans come through intact, rewrites
are grammatical or not made, the "fixable" count is the findings' fixes, Vale mode fixes too,
and the safe fixes of seed 000's answer key are still applied."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import regex
from fix_rules import active, substitution
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_snapshot import SEEDS

from lint.cli import main
from lint.config import Config, active_rules
from lint.facts import Facts
from lint.fix import count_fixable
from lint.fixdoc import fix_document
from lint.protected import find_protected
from lint.readers import read_text

#: The GOV.UK profile: the fullest set of fixes (number style, contractions, ages), so the
#: safety of every fix is tested, not only of those the standard profile keeps.
DEFAULT = active_rules(Config(profile="govuk"))


def fixed(text: str, *, unsafe: bool = False, rules: list | None = None) -> str:  # type: ignore[type-arg]
    doc = read_text("draft.txt", text)
    return fix_document(doc, DEFAULT if rules is None else rules, unsafe=unsafe).doc.source


# -- spans no fix touches ---------------------------------------------------------------

#: A rule that would wreck each kind of protected span if the fixer let it.
WRECKER = active(
    substitution(
        "Test.Wrecker",
        {
            "1111": "1,111",
            "85258": "85,258",
            "123456": "123,456",
            "example": "sample",
            "care gangs": "grooming gangs",
            "organized": "organised",
            "4AP": "4AQ",
        },
        quoted="report",
    )
)

#: Text, and what protects it. Readers mask most web and e-mail addresses already (no rule
#: sees inside them); the rest are found as protected spans and their fixes refused.
MASKED = "masked by the reader"
PROTECTED = [
    ("Call Childline free on 0800 1111, day or night.", "a phone number"),
    ("Text SHOUT to 85258 for support.", "a short code"),
    ("Quote crime reference 14/123456/24 when you call.", "a reference number"),
    ("Read more at www.example.org.uk/help today.", MASKED),
    ("Read more at example.org.uk/help today.", "a web address"),
    ("Write to help@example.org for a copy.", MASKED),
    ("Send it to the office at LS1 4AP by Friday.", "a postcode"),
    ("The minister said that care gangs would be stopped.", "reported speech"),
    (
        "Mr Speaker, I would like to make a statement.\n\nWe organized the inquiry.",
        "a verbatim speech",
    ),
]


@pytest.mark.parametrize(("text", "what"), PROTECTED, ids=[w for _, w in PROTECTED])
def test_a_protected_span_is_never_fixed(text: str, what: str) -> None:
    doc = read_text("draft.txt", text)
    done = fix_document(doc, WRECKER, unsafe=True)
    assert done.doc.source == text  # byte for byte
    if what == MASKED:
        return
    assert what in {p.what for p in find_protected(doc)}
    # The context (lint.context) drops a number-style finding on a phone number, code,
    # reference or postcode outright; any finding still reported keeps its words unfixed.
    if done.outcome.findings:
        assert any(s.reason == f"touches {what}" for s in done.skipped), done.skipped


def test_fixes_outside_the_spans_still_apply() -> None:
    text = "Call 0800 1111 about care gangs."
    assert fixed(text, unsafe=True, rules=WRECKER) == "Call 0800 1111 about grooming gangs."


def test_childline_and_short_codes_with_every_builtin_rule() -> None:
    text = (
        "Children can call Childline free on 0800 1111 or text 85258 any time. "
        "In 2023 the helpline took 76000 calls from 4000 parents.\n"
    )
    for unsafe in (False, True):
        out = fixed(text, unsafe=unsafe)
        assert "0800 1111" in out and "text 85258" in out
        assert "76,000 calls" in out  # a plain five-digit figure still gets its comma
    assert "4000 parents" in fixed(text)  # four digits: only with --unsafe-fixes
    assert "4,000 parents" in fixed(text, unsafe=True)


@pytest.mark.parametrize("space", ["&nbsp;", "\u00a0", "\u202f"])
def test_a_phone_number_with_a_no_break_space_in_html(space: str) -> None:
    text = f"<p>Call Childline free on 0800{space}1111 or 0808{space}800{space}5000.</p>\n"
    doc = read_text("draft.html", text, "html")
    for unsafe in (False, True):
        assert fix_document(doc, DEFAULT, unsafe=unsafe).doc.source == text


# -- grammar-aware rewrites or none ---------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("A 19-year-old woman was arrested.", "A woman aged 19 was arrested."),
        ("Police spoke to an 18-year-old man.", "Police spoke to a man aged 18."),
        ("They found a 16 year-old girl.", "They found a girl aged 16."),  # a chain
        ("Officers found an 8-year-old in the car.", None),
        ("The 15-year-olds were at school.", None),
        ("A 15-year-old girl's mother called.", None),
        ("It followed the death of 15-year-old Victoria Agoglia.", None),
        ("Why didn't we see it?", None),
        ("Why can't the police act sooner?", None),
        ("We can't let this happen.", "We cannot let this happen."),
        ("Very, very few children are told.", None),
        ("We will support the the victims.", None),  # doubled word: unsafe only
    ],
)
def test_rewrites_are_grammatical_or_not_made(before: str, after: str | None) -> None:
    assert fixed(before) == (before if after is None else after)


# -- counts that agree ----------------------------------------------------------------------


def test_the_fixable_line_counts_the_findings_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ruff counts its "fixable" line: the findings whose fixes a first pass would
    make, from the check's own findings, with no dry run of --fix. A chain's later steps
    are not foreseen: --fix may fix more than the count says."""
    draft = tmp_path / "draft.txt"
    # A chain (hyphens, then the whole age) and an unsafe fix (a four-digit figure).
    draft.write_text("They found a 16 year-old girl. Officers protected 4000 victims.\n")
    doc = read_text(str(draft), draft.read_text())
    from lint.engine import check_document

    facts = Facts(doc)
    assert count_fixable(facts, check_document(doc, DEFAULT, facts).findings) == (1, 2)
    main(["check", "--profile", "govuk", "--color", "never", str(draft)])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 fixable with --fix (1 more with --unsafe-fixes)."
    )
    main(["check", "--profile", "govuk", "--color", "never", "--fix", str(draft)])
    assert "Fixed 2 problems" in capsys.readouterr().out  # the chain's second step too
    assert "a girl aged 16" in draft.read_text()


def test_the_count_leaves_out_fixes_the_planner_refuses() -> None:
    """A fix the document's guard refuses (a protected span) or that overlaps one taken
    before it is not counted; one outside both is."""
    text = "The minister said that care gangs would be stopped. Police found care gangs.\n"
    doc = read_text("draft.txt", text)
    facts = Facts(doc)
    from lint.engine import check_document

    findings = check_document(doc, WRECKER, facts).findings
    assert [f.match for f in findings] == ["care gangs", "care gangs"]  # reported, then not
    assert count_fixable(facts, findings) == (1, 1)
    care = findings[1]
    overlapping = replace(care, rule="Test.Other", start=care.start + 5, match="gangs")
    assert count_fixable(facts, [*findings, overlapping]) == (1, 1)


# -- Vale mode --------------------------------------------------------------------------------


def test_fix_and_diff_work_in_vale_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    styles = tmp_path / "styles" / "A"
    styles.mkdir(parents=True)
    (styles / "Swap.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n"
        "ignorecase: true\nswap:\n  utilize: use\n  care gangs: grooming gangs\n"
    )
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = A\nTokenIgnores = (\\{\\{[^}]*\\}\\})\n"
    )
    doc = tmp_path / "doc.md"
    original = "# Notes\n\nWe utilize {{ utilize }} tools to find care gangs.\n"
    doc.write_text(original)
    config = ["--config", str(tmp_path / ".vale.ini")]
    main(["check", "--color", "never", *config, str(doc)])
    assert capsys.readouterr().out.splitlines()[-1] == "2 fixable with --fix."
    assert main(["check", *config, "--diff", str(doc)]) == 1
    diff = capsys.readouterr().out
    assert "+We use {{ utilize }} tools to find grooming gangs." in diff
    assert doc.read_text() == original
    main(["check", "--color", "never", *config, "--fix", str(doc)])
    assert "Fixed 2 problems" in capsys.readouterr().out
    # The ignored token is untouched: it is masked on every pass.
    assert doc.read_text() == "# Notes\n\nWe use {{ utilize }} tools to find grooming gangs.\n"


# -- seed 000: the answer key's safe fixes ------------------------------------------------------

#: Rows of domain.md §5.1 that a safe --fix corrects: (row, wrong text, text after --fix).
ANSWER_KEY_SAFE = [
    (2, "clearance investigations", "grooming investigations"),
    (
        3,
        "Led by the National Council of Police Chiefs",
        "Led by the National Police Chiefs' Council",
    ),
    (5, "police investigate care gangs", "police investigate grooming gangs"),
    (7, "investigations into care gangs", "investigations into grooming gangs"),
    (17, "more to be mobilized", "more to be mobilised"),
    (18, "Minister for Victims and Protection", "Minister for Victims and Safeguarding"),
    (
        24,
        "a complex and organized database of child abuse",
        "a Complex and Organised Child Abuse Dataset",
    ),
    (26, "without fear or favor", "without fear or favour"),
    (
        28,
        "the Organized Exploitation Program (TOEX)",
        "the Tackling Organised Exploitation Programme (TOEX)",
    ),
    (29, "cutting edge data", "cutting-edge data"),
    (
        30,
        "NPCC's National Policing Lead for Child Protection and Child Abuse",
        "National Police Chiefs' Council lead for Child Protection and Abuse Investigations",
    ),
    (45, "People Abused as Children", "People Abused in Childhood"),
    (59, "members of care gangs", "members of grooming gangs"),
    (60, "factor for caring behavior", "factor for grooming behaviour"),
    (61, "We recognize", "We recognise"),
    (62, "with their lives. .", "with their lives."),
    (
        63,
        "Our Support Fund for Victims and Survivors of Child Sexual Abuse (SVSCSA)",
        "Our Support for Victims and Survivors of Child Sexual Abuse (SVSCSA) Fund",
    ),
]


def test_seed_000_still_gets_every_safe_fix_of_its_answer_key() -> None:
    seed = SEEDS / "000_4eb367382f9f58e7.txt"
    before = seed.read_text(encoding="utf-8")
    after = fixed(before)
    for row, wrong, right in ANSWER_KEY_SAFE:
        assert wrong in before, f"row {row}: not in the seed"
        assert right in after, f"row {row}: {wrong!r} not fixed to {right!r}"


# -- property: protected spans are byte-identical after --fix ----------------------------

PHONES = st.builds(
    lambda a, b, c: f"0{a} {b} {c}",
    st.sampled_from(["800", "808", "20", "113", "161"]),
    st.integers(100, 9999).map(str),
    st.integers(1000, 9999).map(str),
) | st.sampled_from(["0800 1111", "116 123", "0808 800 5000", "+44 20 7946 0000"])
SHORT_CODES = st.integers(10000, 99999).map(lambda n: f"text SHOUT to {n}")
QUOTES = st.lists(
    st.sampled_from(
        [
            "care gangs",
            "can't",
            "didn't",
            "organized",
            "very, very",
            "five",
            "4000",
            "the the",
            "a 19-year-old woman",
            "child prostitute",
            "Napac",
            "task force",
            "historic abuse",
        ]
    ),
    min_size=1,
    max_size=5,
).map(lambda words: "“" + " and ".join(words).capitalize() + ",” she said.")
TITLES = st.sampled_from(
    ["Why Didn't We See It?", "Care Gangs: The Untold Story", "Five Organized Lives"]
).map(lambda t: f'the report "{t}"')
AGES = st.builds(
    lambda art, n, noun: f"{art} {n}-year-old {noun}",
    st.sampled_from(["a", "an", "the"]),
    st.integers(1, 99),
    st.sampled_from(["woman", "man", "girl", "boy", "child", "girl guide", "girl's mother"]),
)
FILLER = st.sampled_from(
    [
        "Police said",
        "Officers found",
        "We can't wait.",
        "The care gangs case",
        "In 2024",
        "five forces agreed",
        "We recognize",
        "Call",
        "It was",
        "yesterday",
    ]
)


@st.composite
def drafts(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A draft of filler and protected pieces; the pieces that must come back byte for
    byte, and the ages (which may be rebuilt, never garbled)."""
    pieces: list[str] = []
    kept: list[str] = []
    ages: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["phone", "code", "quote", "title", "age", "filler"]))
        if kind == "filler":
            pieces.append(draw(FILLER))
            continue
        piece = draw(
            {"phone": PHONES, "code": SHORT_CODES, "quote": QUOTES, "title": TITLES, "age": AGES}[
                kind
            ]
        )
        (ages if kind == "age" else kept).append(piece)
        pieces.append(piece)
    sep = draw(st.sampled_from([" ", ". ", "\n\n", "; "]))
    return sep.join(pieces) + ".\n", kept, ages


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.booleans())
def test_protected_pieces_come_through_fix_byte_for_byte(
    draft: tuple[str, list[str], list[str]], unsafe: bool
) -> None:
    text, kept, ages = draft
    out = fixed(text, unsafe=unsafe)
    for piece in kept:
        assert out.count(piece) >= text.count(piece), (piece, out)
    for age in ages:
        art, rest = age.split(" ", 1)
        n, noun = rest.split("-year-old ", 1)
        rebuilt = f"{'a' if art in ('a', 'an') else art} {noun} aged {n}"
        assert age in out or rebuilt in out or rebuilt.capitalize() in out, (age, out)
    assert not regex.search(r"\ban aged|aged \d+ (?:wo)?man|aged \d+ girl", out), out
    assert "did not we" not in out and "cannot we" not in out
