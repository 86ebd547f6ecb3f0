"""The document's genre (lint/genre.py, rules/_genres.yml): from front matter when given,
otherwise from markers in the text outside quoted speech; a verbatim record or speech is
the speaker's words (one level lower, never a fix); a rule's ``genres:`` key caps its
level by genre. Our own sentences."""

from __future__ import annotations

import pytest

from lint import check_text
from lint.engine import ActiveRule, check_document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety, Severity
from lint.genre import declared, genres
from lint.readers import read_text
from lint.rules.loader import load_rule_text


def _genre(text: str, path: str = "draft.md") -> str:
    return Facts(read_text(path, text)).genre


RECORD = (
    "# Protection of Young People in Care\n\n"
    "I beg to move, That this House notes the rise in exploitation of young people "
    "leaving care.\n\n"
    "Mr Speaker, the hon. Member for Northtown has raised this with me many times.\n"
)
SPEECH = (
    "# Keeping children safe online\n\n"
    "Keynote speech by the chief executive to the online safety summit.\n\n"
    "Good morning. It is a pleasure to be here, and I want to start with a story.\n"
)
RELEASE = (
    "# Charity launches helpline for parents\n\n"
    "The charity has opened a helpline for parents worried about their children online.\n\n"
    "Notes to editors\n\n"
    "The helpline is open every day.\n"
)
NEWS = (
    "# Three charged after police operation\n\n"
    "NORTHTOWN - Three men have been charged after a police operation in the town.\n\n"
    "A police spokesperson told reporters the investigation was continuing.\n"
)


@pytest.mark.parametrize(
    ("text", "genre"),
    [(RECORD, "record"), (SPEECH, "speech"), (RELEASE, "release"), (NEWS, "news")],
)
def test_markers_give_the_genre(text: str, genre: str) -> None:
    assert _genre(text) == genre


def test_no_markers_no_genre() -> None:
    assert _genre("# Funding announced\n\nThe council has funded two new posts.\n") == ""


def test_markers_inside_quoted_speech_do_not_count() -> None:
    # A news report quoting the Commons is not a record.
    text = (
        "The minister told MPs: \u201cMr Speaker, I beg to move that this House notes "
        "the report, and the hon. Member knows why.\u201d The debate lasted an hour.\n"
    )
    assert _genre(text) != "record"


def test_front_matter_decides() -> None:
    assert _genre("---\ngenre: speech\n---\n\nWe published the figures today.\n") == "speech"
    # An alias, and a kind that names a genre; a kind that does not is ignored.
    assert declared("---\ngenre: Hansard\n---\n") == "record"
    assert declared("---\nkind: criticism\n---\n") == "criticism"
    assert declared("---\nkind: police\n---\n") == ""
    assert _genre("---\nkind: police\n---\n\n" + RECORD) == "record"


def test_every_genre_has_a_description_and_markers() -> None:
    table = genres()
    assert set(table.names) == {"record", "speech", "release", "criticism", "guidance", "news"}
    assert table.verbatim == {"record", "speech"}
    for spec in table.order:
        assert spec.description and spec.markers


def _levels(text: str, rule: str) -> list[Severity]:
    return [f.severity for f in check_text(text, path="draft.md") if f.rule == rule]


def test_verbatim_record_lowers_style_and_keeps_terms() -> None:
    record = RECORD + "\nThe police seized child pornography from 16 year olds' phones.\n"
    assert _levels(record, "Numbers.AgeHyphens") == [Severity.SUGGESTION]
    assert _levels(record, "Safeguarding.AbuseMaterial") == [Severity.WARNING]
    # The same words in the writer's own voice, a release, stay at their level.
    release = RELEASE + "\nThe police seized child pornography from 16 year olds' phones.\n"
    assert _levels(release, "Numbers.AgeHyphens") == [Severity.WARNING]
    assert _levels(release, "Safeguarding.AbuseMaterial") == [Severity.ERROR]


GUIDE = (
    "# Why the words we use matter\n\n"
    "Language matters when we write about abuse. The term a writer picks can blame a "
    "child, and this phrase is one of them.\n"
)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        # Sentences that use the terms: a question about the name or a term denied is a
        # mention in any genre (lint/context.py), capped lower still.
        ("Safeguarding.AbuseMaterial", "Officers still find child pornography on phones."),
        ("Safeguarding.ChildProstitution", "Child prostitution rings operate in the town."),
        ("Safeguarding.Mistranslations", "Headlines about care gangs misinform readers."),
    ],
)
def test_a_text_about_the_words_shows_an_error_term_as_a_warning(rule: str, sentence: str) -> None:
    # The criticism genre (markers: "language matters", "the term", "this phrase") names a
    # term mostly to reject it: still shown, but not a failing error.
    assert _genre(GUIDE) == "criticism"
    assert _levels(GUIDE + "\n" + sentence + "\n", rule) == [Severity.WARNING]
    # The same sentence in a release stays an error.
    assert _levels(RELEASE + "\n" + sentence + "\n", rule) == [Severity.ERROR]


def test_verbatim_findings_carry_no_fix() -> None:
    record = RECORD + "\nThe police seized child pornography.\n"
    found = [f for f in check_text(record, path="d.md") if f.rule == "Safeguarding.AbuseMaterial"]
    assert found and all(f.fix is None for f in found)


_HEAD = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [whilst]\n"


def _rule_in(key: str, setting: str, heading: str) -> list[str]:
    """The matches of a rule with ``key: {setting}`` in a document that opens ``heading``
    (a ``RuleError`` naming line 5 when the setting is wrong)."""
    rule = load_rule_text(_HEAD + f"{key}:\n  {setting}\n", rule_id="House.T", path="T.yml")
    document = read_text("d.md", heading + "\nWe must act whilst there is time.\n")
    return [
        f.match for f in check_document(document, [ActiveRule(rule, Severity.WARNING)]).findings
    ]


@pytest.mark.parametrize(
    ("key", "wrong", "right", "silent_in"),
    [
        ("genres", "hansard: off", "record: off", RECORD),
        ("genre_exceptions", "newsroom: [whilst]", "news: [whilst]", NEWS),
    ],
)
def test_a_rules_genre_keys_are_checked_and_apply_in_that_genre_only(
    key: str, wrong: str, right: str, silent_in: str
) -> None:
    with pytest.raises(RuleError) as err:
        _rule_in(key, wrong, RELEASE)
    assert wrong.split(":")[0] in str(err.value) and "T.yml:5" in str(err.value)
    assert _rule_in(key, right, silent_in) == []
    assert _rule_in(key, right, RELEASE) == ["whilst"]


def test_a_news_report_of_an_interview_is_not_a_speech() -> None:
    text = (
        "# Charity warns of rise in online grooming\n\n"
        "In an interview with the BBC, the charity's director said referrals had doubled. "
        "A transcript was not released. Good morning calls to the helpline also rose.\n"
    )
    assert _genre(text) == ""


def test_a_hansard_citation_alone_is_a_footnote_not_a_record() -> None:
    text = (
        "# Briefing: care leavers\n\n"
        "The minister promised a review of support for care leavers (HC Deb 12 May 2014).\n"
    )
    assert _genre(text) == ""
    assert _genre(text + "\nMr Speaker, the hon. Member is right.\n") == "record"


def test_a_level_lowered_by_genre_keeps_its_fix_for_display_only() -> None:
    # "Sex abuse" is a news desk's house style: in news copy the finding is advice and
    # --fix leaves it alone; in a release the safe fix applies.
    news = NEWS + "\nThe man admitted child sex abuse offences.\n"
    (in_news,) = [f for f in check_text(news, path="d.md") if f.rule == "Safeguarding.SexualAbuse"]
    assert in_news.severity is Severity.SUGGESTION and in_news.fix == "sexual abuse"
    assert in_news.fix_safety is FixSafety.DISPLAY
    release = RELEASE + "\nThe man admitted child sex abuse offences.\n"
    (in_release,) = [
        f for f in check_text(release, path="d.md") if f.rule == "Safeguarding.SexualAbuse"
    ]
    assert in_release.severity is Severity.WARNING and in_release.fix_safety is FixSafety.SAFE


def test_a_marker_whose_needles_a_document_lacks_is_neither_run_nor_compiled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A marker runs, and is compiled, only on a document that holds one of its needles
    (a match holds one): a release without 'Speaker', 'Lords' or 'delivery' compiles none
    of the record's or the speech's markers, and finds the genre it found before."""
    from lint import patterns

    genres()  # every marker compiled once, so the next reading knows each compiles
    genres.cache_clear()
    table = genres()
    markers = [m for spec in table.order for m in (*spec.strong, *spec.markers)]
    compiled: list[str] = []
    real = patterns.compile

    def counted(pattern: str, flags: int = 0):  # type: ignore[no-untyped-def]
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(patterns, "compile", counted)
    text = "We published the figures today. The scheme opens in May.\n"
    assert _genre(text) == ""
    lowered = text.lower()
    absent = [m for m in markers if m.needles and not any(n in lowered for n in m.needles)]
    assert len(absent) > len(markers) / 2
    assert not {m.pattern.pattern for m in absent} & set(compiled)
    genres.cache_clear()


def test_an_oireachtas_written_answer_is_a_record() -> None:
    """The Oireachtas record's heading and its numbered questions ("322 Mr. Deasy asked
    the Minister …") show a written answer: the deputy's and the minister's words."""
    answer = (
        "{head}\n\n322 Mr. Deasy asked the Minister for Justice if he will provide funding "
        "to the Garda. [2541/04]\n\nI have been informed by the Garda authorities that the "
        "unit has eleven detectives.\n"
    )
    assert (
        _genre(answer.format(head="Dáil Éireann Debate, Wednesday - 28 January 2004")) == "record"
    )
    assert _genre(answer.format(head="# Garda resources")) == "record"
    news = (
        "# Deputy presses minister\n\nIn a Dáil Éireann debate on Wednesday, Mr Deasy asked "
        "the Minister for Justice about funding.\n"
    )
    assert _genre(news) != "record"
