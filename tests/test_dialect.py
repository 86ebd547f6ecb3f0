"""The document's dialect (lint/dialect.py): consistent US English gets one suggestion
from the rules that check UK conventions, not a warning per word; UK copy with a US slip
gets the warning; a team sets its dialect in its configuration. Our own sentences."""

from __future__ import annotations

from pathlib import Path

from lint import Config, check_text
from lint.config import load_config
from lint.finding import Severity

UK_RULES = ("Spelling.American", "Numbers.DateOrder")

# A letter from a US advocacy group: US spelling and dates throughout, no UK spelling.
US_LETTER = (
    "As the director of a children's advocacy center in Colorado, I read your article of "
    "March 3, 2024, with concern. Our organization works with survivors every day, and we "
    "recognize how much the words we choose shape what readers believe about them. "
    "Children who are bought and sold for sex are victims of trafficking, not willing "
    "participants, and the law in every state now says so. We urge your editors to "
    "describe them as survivors of exploitation and to name the adults who harm them. "
    "We would welcome a conversation with your newsroom about the guidance our staff "
    "share with reporters who cover these cases, and we thank you for your attention.\n"
)
# UK charity copy with one slip: "organization" beside "organisations" and "behaviour".
UK_RELEASE = (
    "The charity said the organization it funds had seen a rise in calls. Partner "
    "organisations said the behaviour of offenders online had changed, and that more "
    "children were being targeted through games and messaging apps. The chief executive "
    "said on March 3, 2024, that every agency must act on the findings, and that parents "
    "should talk to their children about who they meet online. The charity recognized "
    "the work of the police and schools, but said a national plan was needed to protect "
    "every child from abuse, wherever they live and whoever they talk to online, and "
    "that the government should fund services for children who have been harmed.\n"
)


def _ours(text: str, config: Config | None = None) -> list[tuple[str, Severity, str]]:
    found = check_text(text, path="draft.txt", config=config or Config())
    return [(f.rule, f.severity, f.match) for f in found if f.rule in UK_RULES]


def test_us_copy_gets_one_suggestion_for_the_document() -> None:
    found = check_text(US_LETTER, path="letter.txt", config=Config())
    (only,) = [f for f in found if f.rule in UK_RULES]
    assert only.severity is Severity.SUGGESTION
    assert only.match == "center" and "reads as US English" in only.message
    assert only.fix is None


def test_uk_copy_with_a_us_slip_gets_a_warning_per_form() -> None:
    found = _ours(UK_RELEASE)
    assert {m for _, _, m in found} == {"organization", "March 3, 2024", "recognized"}
    assert all(level is Severity.WARNING for _, level, _ in found)


def test_a_sentence_is_not_a_document() -> None:
    text = "The organization recognized the center's work."
    assert [level for _, level, _ in _ours(text)] == [Severity.WARNING] * 3


def test_a_team_sets_its_dialect(tmp_path: Path) -> None:
    for dialect, expected in (("en-US", []), ("en-GB", [Severity.WARNING] * 4)):
        conf = tmp_path / ".sglint.yaml"
        conf.write_text(f"dialect: {dialect}\n", encoding="utf-8")
        assert [level for _, level, _ in _ours(US_LETTER, load_config(conf))] == expected


def test_full_stops_in_abbreviations_are_a_us_form() -> None:
    # One US spelling and "U.S.": two US forms, no UK spelling, so US copy.
    text = US_LETTER.replace("center in Colorado", "group in the U.S.").replace(
        "organization works", "team works"
    )
    found = [
        f for f in check_text(text, path="l.txt") if f.rule in (*UK_RULES, "Acronyms.FullStops")
    ]
    assert [(f.severity, f.fix) for f in found] == [(Severity.SUGGESTION, None)]
    assert "reads as US English" in found[0].message


def test_a_uk_name_in_us_copy_is_no_uk_spelling() -> None:
    """US copy about Britain names its bodies and parties in their own spelling ("an
    opposition Labour lawmaker", "the Ministry of Defence"): still US copy. A UK word
    in its own right, in lower case or opening a sentence, is UK spelling."""
    named = US_LETTER.replace(
        "We urge your editors", "A Labour lawmaker in the Ministry of Defence agrees. We urge"
    )
    (only,) = [f for f in check_text(named, path="letter.txt") if f.rule in UK_RULES]
    assert only.severity is Severity.SUGGESTION
    for uk_word in ("the labour of staff", "Labour of that kind is"):
        mixed = US_LETTER.replace("We urge your editors", f"{uk_word} matters. We urge")
        assert {level for _, level, _ in _ours(mixed)} == {Severity.WARNING}


def test_a_long_page_with_one_us_form_and_no_uk_spelling_is_us_copy() -> None:
    """250 words or more with no UK spelling at all: one US form is the page's own
    spelling, not a slip; the same form in a shorter page is still a warning."""
    one_form = US_LETTER.replace("center", "group").replace("March 3, 2024", "last week")
    one_form = one_form.replace("recognize", "know").replace("organization", "group")
    one_form = one_form.replace("victims of trafficking", "victimized by traffickers")
    long_page = one_form + one_form.replace("As the director", "As the head") + one_form
    assert len(long_page.split()) >= 250
    (only,) = [f for f in check_text(long_page, path="letter.txt") if f.rule in UK_RULES]
    assert (only.severity, only.match) == (Severity.SUGGESTION, "victimized")
    assert [(level, m) for _, level, m in _ours(one_form)] == [(Severity.WARNING, "victimized")]


def test_one_us_date_in_a_long_page_is_still_a_slip() -> None:
    """A UK page may copy a US date order from its source: one date alone does not make
    a long page US copy."""
    page = US_LETTER.replace("center", "group").replace("recognize", "know")
    page = page.replace("organization", "group")
    long_page = page + page.replace("March 3, 2024", "last week") * 2
    assert [(level, m) for _, level, m in _ours(long_page)] == [(Severity.WARNING, "March 3, 2024")]
