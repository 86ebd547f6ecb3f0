"""The Quotes pack's rule kinds, beyond their examples: approved quotes with a register
fixture, the People register, the engine's quoted-speech mechanism, and the seeds."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import make_rule, run

from lint.config import Config, active_rules
from lint.engine import check_document
from lint.errors import RuleError
from lint.finding import FixSafety, Severity
from lint.readers import read_bytes, read_text
from lint.registers.quotes import Statement
from lint.rules.approved_quote import Words, compare, word_diff
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


def fixture_rule(body: str, rule_id: str = "Test.Quote") -> Rule:
    return load_rule_text(textwrap.dedent(body), rule_id=rule_id, path=str(FIXTURES / "R.yml"))


def approved(report: str, people: bool = False) -> Rule:
    extra = "people: people.yml\n" if people else ""
    return fixture_rule(
        f"""\
        extends: approved-quote
        message: "%s (%s): %s"
        quoted: report
        register: approved.yml
        report: {report}
        {extra}"""
    )


CLOSE = approved("close")
UNMATCHED = approved("unmatched")


def test_paraphrase_in_quote_marks_is_close_with_a_word_diff() -> None:
    text = (
        'Home Secretary James Cleverly said: "Where a child is abused, we must do '
        "everything possible to protect him and pursue the perpetrators until they are "
        'behind bars."'
    )
    (f,) = run(CLOSE, text)
    assert f.message.startswith("James Cleverly (GOV.UK release, 21 May 2024): ")
    assert "is {+being+} abused" in f.message
    assert "[-possible-] {+in our power+}" in f.message
    assert "[-him-] {+them+}" in f.message
    assert "Where a child is being abused" in f.why
    assert f.match.startswith('"Where a child')
    assert run(UNMATCHED, text) == []


def test_exact_passage_ignoring_case_and_punctuation_is_approved() -> None:
    text = 'Home Secretary James Cleverly said: "but we know, we must do more!"'
    assert run([CLOSE, UNMATCHED], text) == []


def test_each_version_of_a_statement_is_its_own() -> None:
    text = (
        'Gabrielle Shaw, Chief Executive of NAPAC, said: "By nurturing proactive, '
        "survivor-centric alliances like the one forged with the CSE Taskforce, we pave "
        'the way for systemic shifts."'
    )
    assert run([CLOSE, UNMATCHED], text) == []


def test_quote_in_marks_matching_nothing_is_a_suggestion() -> None:
    text = 'Home Secretary James Cleverly said: "We will publish the figures next week."'
    assert run(CLOSE, text) == []
    (f,) = run(UNMATCHED, text)
    assert f.message.startswith("James Cleverly")


def test_unregistered_speaker_and_unmarked_speech_are_not_unapproved() -> None:
    assert run(UNMATCHED, 'Laura Farris, Minister, said: "We will publish the figures."') == []
    text = "Home Secretary James Cleverly said:\n\nWe will publish the figures next week."
    assert run(UNMATCHED, text) == []


def test_people_register_links_a_title_to_its_statements() -> None:
    text = (
        'The Home Secretary said: "Where a child is abused, we must do everything possible '
        'to protect him and pursue the perpetrators until they are behind bars."'
    )
    assert run(CLOSE, text) == []  # no register: nobody known as "the Home Secretary"
    assert len(run(approved("close", people=True), text)) == 1


def diff(quote: str, statement: str) -> str:
    st = Statement("X", statement, "s")
    return word_diff(compare(Words.of(quote), st, Words.of(statement)))


def test_word_diff() -> None:
    ten = "one two three four five six seven eight nine ten"
    assert diff(ten.replace("six", "sixty"), ten) == (
        "one two three four five [-sixty-] {+six+} seven eight nine ten"
    )
    # Long unchanged stretches are cut; case and punctuation are not changes.
    long = f"{ten} {ten.upper()}, and more words here."
    assert diff(long.replace("more", "fewer"), long) == (
        "… NINE TEN, and [-fewer-] {+more+} words here"
    )


def test_register_errors_are_located(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text("statements:\n  - speaker: X\n    text: y\n")
    with pytest.raises(RuleError) as err:
        load_rule_text(
            "extends: approved-quote\nmessage: m\nregister: bad.yml\n",
            rule_id="T.R",
            path=str(tmp_path / "R.yml"),
        )
    assert str(err.value).endswith("bad.yml:2: missing 'source' in register entry")
    with pytest.raises(RuleError, match="not found"):
        load_rule_text(
            "extends: approved-quote\nmessage: m\nregister: none.yml\n",
            rule_id="T.R",
            path=str(tmp_path / "R.yml"),
        )


def test_unknown_mark_problem_is_an_error() -> None:
    with pytest.raises(RuleError, match="unknown problem"):
        make_rule("extends: quote-marks\nmessage: m\nproblems: [unbalanced]\n")


# -- the engine's mechanism: other packs inside speech ---------------------------------

TERM = make_rule(
    """\
    extends: substitution
    message: "Use '%s' instead of '%s'."
    level: error
    swap:
      care gangs: grooming gangs
    """
)


@pytest.mark.parametrize(
    "text",
    [
        'Mr Cleverly said: "We will stamp out care gangs."',
        "Mr Cleverly said:\n\nWe will stamp out care gangs.",
        "Mr Cleverly said: “We must act.\n\n“We will stamp out care gangs.”",
    ],
)
def test_other_rules_inside_speech_are_suggestions_without_fixes(text: str) -> None:
    (f,) = run(TERM, text)
    assert f.severity is Severity.SUGGESTION
    assert f.fix is None and f.fix_safety is FixSafety.DISPLAY


def test_other_rules_outside_speech_keep_their_level() -> None:
    (f,) = run(TERM, 'Mr Cleverly said: "We will act." Police investigate care gangs.')
    assert f.severity is Severity.ERROR and f.fix == "grooming gangs"


# -- the seeds ---------------------------------------------------------------------------


def quote_findings(name: str) -> list[tuple[int, str]]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    doc = read_bytes(str(path), path.read_bytes())
    rules = active_rules(Config(select=("Quotes",)))
    return [(f.line, f.rule) for f in check_document(doc, rules).findings]


def test_seed_003_correct_attributions_raise_nothing_but_style() -> None:
    found = quote_findings("003")
    assert {rule for _, rule in found} == {"Quotes.MixedStyle", "Quotes.EditorialBrackets"}
    assert (32, "Quotes.EditorialBrackets") in found


def test_seed_004_shaw_version_b_is_not_a_misquote_of_version_a() -> None:
    assert quote_findings("004") == [(28, "Quotes.MixedStyle"), (30, "Quotes.Mismatched")]


def test_seed_000_unquoted_paraphrases() -> None:
    found = quote_findings("000")
    assert [line for line, rule in found if rule == "Quotes.UnmarkedSpeech"] == [9, 17, 27, 31]
    assert [line for line, rule in found if rule == "Quotes.Misquoted"] == [9, 27, 31]


def test_seed_001_paraphrase_of_the_home_secretary() -> None:
    assert quote_findings("001") == [(5, "Quotes.Misquoted")]


def test_crlf_curly_file_end_to_end() -> None:
    source = (
        "Home Secretary James Cleverly said:\r\n\r\n“Where a child is being abused, we must"
        " do everything in our power to protect them and pursue the perpetrators until they"
        " are behind bars.\r\n\r\n“This despicable crime can have a lasting impact.”\r\n"
    )
    doc = read_bytes("r.txt", source.encode())
    assert check_document(doc, active_rules(Config(select=("Quotes",)))).findings == []
    doc = read_text("r.txt", source.replace("“This", "This"))
    rules = active_rules(Config(select=("Quotes.Unbalanced",)))
    (f,) = check_document(doc, rules).findings
    assert (f.line, f.column) == (5, 1)
    assert "does not open with a quotation mark" in f.message


INTRODUCTION = make_rule(
    'extends: speaker-introduction\nmessage: "%s: %s"\nquoted: report\n', "Test.Intro"
)


def test_title_first_then_full_name_before_the_speech_is_fine() -> None:
    """GOV.UK's own releases: 'The Home Secretary has announced …', then 'Home Secretary
    Amber Rudd said:' before her words."""
    text = (
        "The Home Secretary has announced a review.\n\n"
        "Home Secretary Amber Rudd said:\n\n“We will act.”\n"
    )
    assert run(INTRODUCTION, text) == []


def test_role_letters_after_the_name_are_a_role() -> None:
    assert run(INTRODUCTION, "Sarah Champion MP for Rotherham said:\n\n“We must act.”\n") == []
    found = run(INTRODUCTION, "Sarah Champion said:\n\n“We must act.”\n")
    assert [f.message for f in found] == ["Sarah Champion: no role"]
