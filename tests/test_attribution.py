"""Attribution as news copy writes it (lint/quotes.py, lint/speakers.py): pronouns after a
named speaker, continuation paragraphs, "adding:", a role before the name, the headline
is not a first mention, and approved quotes keyed on the person, never on a title alone.
The example copy is our own."""

from __future__ import annotations

from lint import Config, check_text
from lint.facts import Facts
from lint.finding import Finding
from lint.readers import read_text

QUOTE_RULES = ("Quotes.NoSpeaker", "Quotes.SpeakerIntroduction", "Quotes.Unapproved")


def _quotes(text: str, fmt: str = "markdown") -> list[Finding]:
    path = "draft.md" if fmt == "markdown" else "draft.txt"
    return [f for f in check_text(text, path=path, config=Config()) if f.rule in QUOTE_RULES]


def _speakers(text: str) -> list[str]:
    doc = read_text("draft.md", text, "markdown")
    cast = Facts(doc).cast()
    return [cast.speakers[start].label for start in sorted(cast.speakers)]


def test_pronoun_after_a_named_speaker() -> None:
    text = (
        "Detective Sergeant Ruth Ellis said the search had taken months.\n\n"
        "“We never stopped looking for her,” she said.\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Ruth Ellis"]


def test_a_second_quote_after_the_attribution_in_the_same_paragraph() -> None:
    text = (
        "Detective Sergeant Ruth Ellis, of the exploitation unit, said the search was long. "
        "“It took two years,” she said. “We never gave up.”\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Ruth Ellis", "Ruth Ellis"]
    # Narration between the two quotes ends the attribution.
    text = text.replace("she said. “We", "she said. Officers worked nights. “We")
    assert [f.rule for f in _quotes(text)] == ["Quotes.NoSpeaker"]


def test_continuation_paragraphs_of_a_multi_paragraph_quote() -> None:
    text = (
        "Councillor Omar Shah, the council's lead for children, said: “This review is "
        "overdue.\n\n“Families waited too long for answers.\n\n“We will publish every finding.”\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Omar Shah"]  # one quote over three paragraphs


def test_adding_colon_attributes_the_next_quote() -> None:
    text = (
        "Detective Sergeant Ruth Ellis said the girl had shown great courage.\n\n"
        "She thanked the jury, adding: “Her evidence made this verdict possible.”\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Ruth Ellis"]


def test_a_role_before_the_name_is_a_role() -> None:
    for intro in (
        "Prosecutor Helen Marsh KC said:",
        "Chief executive Martin Hope said:",
        "The charity's chief executive, Sam Green, said:",
        "Head of investigations Philip Hale said:",
        "The charity's director of policy Lena Morris said:",
    ):
        text = f"{intro} “The court heard how she was groomed over two years.”\n"
        assert _quotes(text) == [], intro
    text = (
        "The changes were “long overdue and welcome news for every family”, according to "
        "Leila Ahmed, one of the mothers who campaigned for the review.\n"
    )
    assert _quotes(text) == []
    # Without a role, the first mention of a quoted person is reported.
    (finding,) = _quotes("Helen Marsh said: “The court heard how she was groomed.”\n")
    assert finding.rule == "Quotes.SpeakerIntroduction" and finding.match == "Helen Marsh"


def test_a_surname_that_is_also_a_role_word_is_a_name() -> None:
    text = "Prosecutor Adam Bishop said: “The jury heard harrowing evidence.”\n"
    assert _speakers(text) == ["Adam Bishop"]


def test_the_headline_is_not_a_first_mention() -> None:
    text = (
        "# Helen Marsh KC welcomes sentence\n\n"
        "Prosecutor Helen Marsh KC said: “The court heard how she was groomed.”\n"
    )
    assert _quotes(text) == []
    body_first = "# Sentence welcomed\n\nHelen Marsh said: “The court heard how she was groomed.”\n"
    assert [f.match for f in _quotes(body_first)] == ["Helen Marsh"]


def test_approved_quotes_are_keyed_on_the_person_not_a_shared_title() -> None:
    # The register lists a charity's chief executive; another charity's chief executive,
    # or an unnamed one, is not her.
    for text in (
        "The charity's chief executive, Sam Green, said: “We will keep supporting every "
        "survivor who contacts us this year.”\n",
        "The chief executive said: “We will keep supporting every survivor who contacts us "
        "this year.”\n",
    ):
        assert not [f for f in _quotes(text) if "Gabrielle Shaw" in f.message], text
    # The registered person, named, is matched against her approved statements.
    text = (
        "Gabrielle Shaw, chief executive of NAPAC, said: “We will keep supporting every "
        "survivor who contacts us this year.”\n"
    )
    (finding,) = [f for f in _quotes(text) if f.rule == "Quotes.Unapproved"]
    assert "Gabrielle Shaw" in finding.message


def test_a_named_office_holder_beats_the_title_before_the_name() -> None:
    text = (
        "Announcing the money, the Home Secretary, Priya Lane, said: “No child should wait "
        "for help when they ask for it.”\n"
    )
    assert _speakers(text) == ["Priya Lane"]


def test_a_colon_introduction_names_the_source_of_a_quoted_document() -> None:
    text = (
        "The inspectorate's 2024 report recommended that:\n\n"
        "“Every force should stop using language that blames children for their abuse.”\n"
    )
    assert _quotes(text) == []
    text = "The council's new definition is: “A child is anyone who has not reached 18.”\n"
    assert _quotes(text) == []
    # A quote with nothing to say where it came from is still reported.
    text = "Officers met the family.\n\n“Every force should stop blaming children for abuse.”\n"
    assert [f.rule for f in _quotes(text)] == ["Quotes.NoSpeaker"]


def test_the_name_of_a_report_is_not_its_author_speaking() -> None:
    text = (
        "Baroness Fenwick, who led the review, said: “Nothing excuses this.”\n\n"
        "The Fenwick review found 40 failures.\n"
    )
    assert [
        f for f in check_text(text, path="d.md", config=Config()) if f.rule.startswith("Quotes")
    ] == []


def test_a_speaker_named_again_after_a_quote_speaks_the_next_one() -> None:
    text = (
        "Detective Sergeant Ruth Ellis said: “The search went on for months.\n\n"
        "“We followed every lead we had,” said Ellis. “Nobody gave up.”\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Ruth Ellis", "Ruth Ellis"]


def test_a_first_name_that_is_also_a_role_word() -> None:
    text = (
        "Speaking on Monday, Bill Ortega, a deputy head teacher, warned parents.\n\n"
        "He said: “Check who your children are talking to online.”\n"
    )
    assert _quotes(text) == []
    assert _speakers(text) == ["Bill Ortega"]
