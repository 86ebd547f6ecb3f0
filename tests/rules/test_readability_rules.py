"""The readability rule kind and the Readability pack on hard cases."""

from __future__ import annotations

import pytest
from helpers import make_rule, run

from lint.config import Config, all_rules
from lint.errors import RuleError
from lint.finding import Severity

PACK = {r.meta.id: r for r in all_rules(Config()) if r.meta.pack == "Readability"}
SENTENCE_RULES = [PACK["Readability.LongSentence"], PACK["Readability.VeryLongSentence"]]


def _words(n: int) -> str:
    """A sentence of exactly ``n`` words."""
    return " ".join(["officers"] * (n - 1) + ["trained."]).capitalize()


def _levels(text: str, rules: list | None = None, fmt: str = "text") -> list[tuple[str, str]]:
    return [(f.rule, f.severity.label) for f in run(rules or SENTENCE_RULES, text, fmt)]


# -- sentences ---------------------------------------------------------------------------


def test_sentence_thresholds_suggest_above_25_and_above_40_once() -> None:
    assert _levels(_words(25)) == []
    assert _levels(_words(26)) == [("Readability.LongSentence", "suggestion")]
    assert _levels(_words(40)) == [("Readability.LongSentence", "suggestion")]
    assert _levels(_words(41)) == [("Readability.VeryLongSentence", "suggestion")]


def test_a_long_sentence_finding_spans_the_sentence_in_the_source() -> None:
    text = f"Short one. {_words(30)} Another short one."
    (finding,) = run(SENTENCE_RULES, text)
    assert finding.match == _words(30)
    assert (finding.line, finding.column) == (1, 12)
    assert finding.message == "This sentence has 30 words; aim for 25 or fewer."


def test_figures_and_abbreviations_do_not_break_a_sentence() -> None:
    # 26 words, one sentence: textstat's splitter would make "£4." end a sentence.
    text = (
        "Mr Cleverly said the Home Office had given £4.5 million and 1,600 more hours to "
        "the NSPCC's helplines, which took 76,000 calls from children and co-ordinated their care."
    )
    assert _levels(text) == [("Readability.LongSentence", "suggestion")]


def test_headings_are_not_checked_as_sentences() -> None:
    heading = " ".join(["Taskforce"] * 30)
    assert _levels(f"# {heading}\n\nIt works.\n", fmt="markdown") == []
    assert _levels(f"{heading}\n\nIt works.") == []  # a plain-text label


def test_quoted_speech_is_a_suggestion_and_can_be_ignored() -> None:
    quote = f'"{_words(30)}"'
    assert _levels(f"She said: {quote}") == [("Readability.LongSentence", "suggestion")]
    (finding,) = run(SENTENCE_RULES, f"She said: {quote}")
    assert finding.match == quote
    rule = make_rule(
        """
        extends: readability
        measure: sentence
        message: "%s words"
        condition: "> 25"
        quoted: ignore
        """
    )
    assert run(rule, f"She said: {quote}") == []
    assert len(run(rule, _words(30))) == 1


def test_a_sentence_mostly_of_the_writers_own_words_is_reported_in_full() -> None:
    text = f'{_words(24)[:-1]} and the Home Secretary said: "Well done."'
    assert _levels(text) == [("Readability.LongSentence", "suggestion")]


# -- paragraphs --------------------------------------------------------------------------


def _paragraph_levels(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return _levels(text, [PACK["Readability.LongParagraph"]], fmt)


def test_paragraphs_of_more_than_five_sentences() -> None:
    five = "It works. " * 5
    assert _paragraph_levels(five) == []
    assert _paragraph_levels(five + "It helps.") == [("Readability.LongParagraph", "suggestion")]
    (finding,) = run(PACK["Readability.LongParagraph"], five + "It helps.")
    assert finding.message == "This paragraph has 6 sentences; aim for 5 or fewer."


def test_decimals_and_titles_do_not_inflate_the_count() -> None:
    text = (
        "Mr Cleverly gave £4.5 million. Dr Smith gave £1.6 million. Ian R. Critchley spoke. "
        "St Albans agreed. No. 10 replied. It worked."
    )
    assert _paragraph_levels(text) == [("Readability.LongParagraph", "suggestion")]
    assert _paragraph_levels(text.replace(" It worked.", "")) == []


def test_plain_text_one_paragraph_per_line_is_not_one_long_paragraph() -> None:
    line = "The taskforce works with all 43 police forces in England and Wales on investigations."
    text = "\n".join(f"{line} {line}" for _ in range(4))  # 8 sentences over 4 lines
    assert _paragraph_levels(text) == []


def test_a_quoted_statement_paragraph_is_a_suggestion() -> None:
    text = "“" + "We listen to victims. " * 6
    assert _paragraph_levels(text) == [("Readability.LongParagraph", "suggestion")]


def test_list_items_are_paragraphs() -> None:
    text = "- " + "It works. " * 6 + "\n- It helps.\n"
    assert _paragraph_levels(text, "markdown") == [("Readability.LongParagraph", "suggestion")]


# -- documents ---------------------------------------------------------------------------


HARD = (
    "Safeguarding measures aim to protect individuals from grooming through education and "
    "awareness, informing children, parents, and professionals about the signs and tactics."
)


def test_document_figures_sit_at_the_first_sentence_that_is_not_speech() -> None:
    text = f'"We will protect children."\n\n{" ".join([HARD] * 6)}'
    findings = run([PACK["Readability.ReadingEase"], PACK["Readability.ReadingAge"]], text)
    assert [(f.rule, f.line, f.severity) for f in findings] == [
        ("Readability.ReadingAge", 3, Severity.SUGGESTION),
        ("Readability.ReadingEase", 3, Severity.SUGGESTION),
    ]
    age, ease = findings
    assert ease.message.startswith("Flesch reading ease is ")
    assert "very confusing" in ease.message or "difficult" in ease.message
    assert "(Flesch-Kincaid grade " in age.message
    assert age.match == ""


def test_document_rule_can_leave_quotes_out_of_the_figures() -> None:
    rule = make_rule(
        """
        extends: readability
        message: "Average %s"
        formula: average_sentence_length
        condition: "> 20"
        quoted: ignore
        min_words: 0
        """
    )
    long_quote = f'"{_words(40)}"'
    assert run(rule, f"It works. {long_quote}") == []
    assert [f.message for f in run(rule, f"It works. {_words(40)}")] == ["Average 21"]


def test_vale_legacy_readability_rule() -> None:
    rule = make_rule(
        """
        extends: readability
        message: "Grade %s is too high."
        metrics: [Flesch-Kincaid, Gunning Fog]
        grade: 8
        min_words: 0
        """
    )
    (finding,) = run(rule, HARD)
    assert finding.message.startswith("Grade ")
    assert run(rule, "We keep children safe. Tell us if you are worried.") == []


def test_scope_can_include_headings() -> None:
    rule = make_rule(
        """
        extends: readability
        measure: sentence
        message: "%s words"
        condition: "> 5"
        scope: heading
        """
    )
    text = "# One two three four five six seven\n\nOne two three four five six seven.\n"
    assert [f.line for f in run(rule, text, "markdown")] == [1]


# -- loading errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("measure: sentences\ncondition: '> 5'", "'measure' must be one of sentence, paragraph"),
        ("condition: '> 5'", "a 'document' measure needs a 'formula'"),
        ("formula: words\ncondition: 'over 5'", "'condition' must look like '> 25'"),
        ("formula: wrds\ncondition: '> 5'", "unknown variable 'wrds'"),
        ("metrics: [Flesh-Kincaid]\ngrade: 8", "did you mean 'Flesch-Kincaid'"),
        ("measure: sentence\nmetrics: [SMOG]\ngrade: 8", "measure the whole document"),
    ],
)
def test_bad_rules_are_refused_with_a_located_error(body: str, error: str) -> None:
    with pytest.raises(RuleError, match=error):
        make_rule("extends: readability\nmessage: m\n" + body)


def test_unknown_message_figure_is_refused() -> None:
    with pytest.raises(RuleError, match=r"Rule\.yml:2: 'message' names unknown figure '\{grd\}'"):
        make_rule("extends: readability\nmessage: 'grade {grd}'\nformula: grade\ncondition: '> 9'")


def test_document_scores_wait_for_enough_words() -> None:
    yaml = 'extends: readability\nmessage: "Ease %s"\nformula: reading_ease\ncondition: "< 60"\n'
    text = "Multidisciplinary safeguarding interventions necessitate coordination."
    assert run(make_rule(yaml), text) == []
    assert len(run(make_rule(yaml + "min_words: 0\n"), text)) == 1
