"""The quote model: marks, multi-paragraph and unmarked speech, attribution."""

from __future__ import annotations

import pytest

from lint.facts import Facts
from lint.quotes import QuoteModel
from lint.readers import read_bytes, read_text


def model(text: str, fmt: str = "text") -> tuple[str, QuoteModel]:
    doc = read_text(f"t.{'md' if fmt == 'markdown' else 'txt'}", text, fmt)
    return doc.text, Facts(doc).quote_model


def spoken(text: str) -> list[str]:
    view, m = model(text)
    return [q.text(view) for q in m.quotes]


def who(text: str) -> list[str | None]:
    _, m = model(text)
    return [q.attribution.who.strip() if q.attribution else None for q in m.quotes]


# -- speech forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Home Secretary James Cleverly said: "We must do more."', "Home Secretary James Cleverly"),
        ('"We must do more," Mr Cleverly said.', "Mr Cleverly"),
        ('"We must do more," said Mr Cleverly.', "Mr Cleverly"),
        ('Ms Shaw added: "We are proud of the work."', "Ms Shaw"),
        ('"We are proud of the work," according to Gabrielle Shaw.', "Gabrielle Shaw"),
        ('According to Gabrielle Shaw, "we are proud of the work."', "Gabrielle Shaw"),
        ("He stated, “When children are abused, we act.”", "He"),
        ('"We must do more," he said, "and we will."', "he"),
    ],
)
def test_attribution_forms(text: str, speaker: str) -> None:
    assert who(text)[0] == speaker


def test_split_quote_shares_its_speaker() -> None:
    assert who('"We must do more," he said, "and we will."') == ["he", "he"]


def test_uk_multi_paragraph_speech_is_one_quote() -> None:
    text = 'Mr Russell said: "First paragraph.\n\n"Second paragraph.\n\n"Third paragraph."'
    view, m = model(text)
    assert len(m.quotes) == 1
    assert m.quotes[0].text(view) == "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."
    assert not m.problems


def test_press_release_form_without_marks() -> None:
    text = (
        "Home Secretary James Cleverly said:\n\nWe must do more. I thank everyone.\n\n"
        "We will not stop.\n\nYesterday the Home Secretary visited Essex Police."
    )
    view, m = model(text)
    (q,) = m.quotes
    assert q.form == "unmarked"
    assert q.text(view) == "We must do more. I thank everyone.\n\nWe will not stop."
    assert q.attribution is not None and q.attribution.how == "intro"
    assert q.attribution.who == "Home Secretary James Cleverly"


def test_intro_then_marked_paragraphs() -> None:
    text = (
        "Ian Critchley QPM, NPCC lead, said:\n\n"
        "“We are not standing still.\n\n“We remain dedicated.”"
    )
    _, m = model(text)
    (q,) = m.quotes
    assert q.form == "marks" and q.attribution is not None
    assert q.attribution.how == "intro"


def test_markdown_blockquote_after_intro_is_speech_with_marks_of_its_own() -> None:
    text = "Ms Shaw said:\n\n> We are proud of the work.\n"
    _, m = model(text, "markdown")
    (q,) = m.quotes
    assert q.form == "blockquote"


def test_following_paragraph_continues_the_speaker() -> None:
    text = '"We must do more," Mr Cleverly said.\n\n"We will not stop."'
    _, m = model(text)
    assert [q.attribution.how if q.attribution else None for q in m.quotes] == [
        "after",
        "continued",
    ]


def test_message_from_attributes_a_pull_quote() -> None:
    text = "“Essex is no place to hide for offenders”\n\nThat’s the message from ACC Kevin Baldwin."
    assert who(text) == ["ACC Kevin Baldwin"]


def test_quoted_term_is_not_speech() -> None:
    _, m = model('The Home Office calls them "grooming gangs" in its release.')
    (q,) = m.quotes
    assert not q.speech


# -- marks -------------------------------------------------------------------------------


def test_nested_quotes() -> None:
    view, m = model("Ms Shaw said: “Survivors told us ‘we want to be heard’ and we listened.”")
    assert len(m.quotes) == 1
    (inner,) = m.nested
    assert inner.text(view) == "we want to be heard"
    assert not m.problems


def test_nested_straight_single_inside_double() -> None:
    view, m = model("He said: \"They call it 'safe spaces' here.\"")
    assert [q.text(view) for q in m.nested] == ["safe spaces"]


@pytest.mark.parametrize(
    "text",
    [
        "The children's charity helped.",
        "Music from the '90s and the ’90s.",
        "The National Police Chiefs' Council and the Chiefs’ Council met.",
        "They’ve said it isn't over.",
        "Rock 'n' roll.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    _, m = model(text)
    assert not m.quotes
    assert not m.problems


@pytest.mark.parametrize(
    "text",
    [
        "Run it on [Dask](https://docs.dask.org)'s bag.",
        "The configuration is `pyproject.toml`'s `[tool.sglint]` table.",
        "See [the Home Office](https://www.gov.uk/)’s guidance.",
    ],
)
def test_a_possessive_after_a_link_or_code_is_not_a_quote_mark(text: str) -> None:
    _, m = model(text, "markdown")
    assert not m.quotes
    assert not m.problems


def test_the_letter_s_in_single_quotes_is_still_a_quote() -> None:
    view, m = model("He wrote the letter 's' twice.")
    assert [q.text(view) for q in m.quotes] == ["s"]


def test_plural_possessive_inside_single_quotes() -> None:
    view, m = model("The so-called 'victims' families' group met.")
    assert [q.text(view) for q in m.quotes] == ["victims' families"]


def test_unclosed_mark_is_located() -> None:
    _, m = model('Intro.\n\nMr Cleverly said: "We must do more.')
    (problem,) = m.problems
    assert problem.kind == "unclosed"
    assert problem.start == len("Intro.\n\nMr Cleverly said: ")


def test_stray_closing_mark() -> None:
    _, m = model('It was fine." Then he left.')
    assert [p.kind for p in m.problems] == ["unopened"]


def test_missing_opening_mark_on_a_continued_paragraph() -> None:
    _, m = model('Ms Shaw said: "First part.\n\nSecond part."')
    assert [p.kind for p in m.problems] == ["continuation"]
    assert len(m.quotes) == 1


def test_a_quote_whose_middle_paragraphs_lost_their_opening_marks_is_one_quote() -> None:
    # Opened, two bare paragraphs, closed in the fourth: one quote over all four with one
    # continuation problem at the first bare paragraph, not "never closed" and "never
    # opened" at its two ends.
    text = 'Ms Shaw said: "First part.\n\nSecond part.\n\nThird part.\n\nLast part."'
    view, m = model(text)
    assert [p.kind for p in m.problems] == ["continuation"]
    (problem,) = m.problems
    assert problem.start == view.index("Second")
    assert "and the 2 after it" in problem.detail
    (quote,) = m.quotes
    assert quote.text(view).startswith("First part.") and quote.text(view).endswith("Last part.")


def test_a_quote_never_closed_before_bare_paragraphs_and_a_new_quote_stays_unclosed() -> None:
    text = 'Ms Shaw said: "First part.\n\nThe council agreed.\n\nMr Lee said: "We will act."'
    _, m = model(text)
    assert [p.kind for p in m.problems] == ["unclosed"]
    assert len(m.quotes) == 2


def test_mismatched_pair() -> None:
    _, m = model('Ms Shaw said: “We pave the way."')
    assert [p.kind for p in m.problems] == ["mismatched"]


def test_crlf_and_curly_file_positions() -> None:
    source = "Home Secretary James Cleverly said:\r\n\r\n“We must do more.\r\n\r\n“We will.”\r\n"
    doc = read_bytes("release.txt", source.encode("utf-8"))
    m = Facts(doc).quote_model
    (q,) = m.quotes
    assert doc.position(doc.source_span(q.start, q.end)[0]) == (3, 1)
    assert q.text(doc.text) == "We must do more.\n\nWe will."
    assert not m.problems


def test_document_in_quote_uses_the_model() -> None:
    doc = read_text("t.txt", "Mr Cleverly said:\n\nWe will stamp out care gangs.\n\nThe end.")
    start = doc.text.index("care gangs")
    assert Facts(doc).in_quote(start, start + 10)
    assert not Facts(doc).in_quote(doc.text.index("The end"), len(doc.text))


@pytest.mark.parametrize(
    "text",
    [
        'Use an opening " on each paragraph.',
        'The guides list examples (e.g. "child sexual abuse", "age of consent").',
        'Decimals split: "£4.5 million to 12 charities…" counts as two.',
    ],
)
def test_mentions_of_marks_and_quoted_examples_are_not_speech(text: str) -> None:
    _, m = model(text)
    assert not m.problems
    assert not any(q.speech for q in m.quotes)


def test_markdown_emphasis_before_a_closing_mark() -> None:
    _, m = model('Changes: "protect **him**"; "delighted" for "pleased".', "markdown")
    assert not m.problems
    assert len(m.quotes) == 3


def test_a_plural_before_a_closing_single_mark_closes_the_quote() -> None:
    """An "s'" is a plural possessive inside a quote only if the quote closes later
    before another opens; otherwise it closes the quote."""
    text = "He called the girls 'liars' and told them to 'grow up,' the court heard."
    _, m = model(text)
    assert not m.problems
    assert [text[q.start : q.end] for q in m.quotes] == ["'liars'", "'grow up,'"]
    text = "Officers spoke to 'the victims' families' last week."
    _, m = model(text)
    assert not m.problems
    assert [text[q.start : q.end] for q in m.quotes] == ["'the victims' families'"]


def test_a_straight_opening_mark_with_a_space_after_it_still_opens() -> None:
    # '" We know …"': the paragraph's first mark, a space typed after it, closed later.
    text = 'The officer warned offenders:\n\n" We know how you work, we are coming for you."\n'
    view, m = model(text)
    assert not m.problems
    assert [q.text(view).strip() for q in m.quotes] == [
        "We know how you work, we are coming for you."
    ]
    # With no mark left to close it, it is the character written about, as before.
    _, bare = model('Type " and then the word.\n')
    assert not bare.problems
