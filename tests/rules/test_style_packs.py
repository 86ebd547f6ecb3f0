"""The Numbers, Spelling, Acronyms, Consistency and Style packs on whole texts: clean
GOV.UK prose stays clean, and each profile switches the right rules on and off."""

from __future__ import annotations

import pytest
from helpers import run

from lint.config import Config, all_rules
from lint.rules.contract import Rule

PACKS = ("Numbers", "Spelling", "Acronyms", "Consistency", "Style")
RULES: list[Rule] = [r for r in all_rules(Config()) if r.meta.pack in PACKS]

# Written for this test in the house style of a GOV.UK news story: numerals, £ amounts,
# dates, ranges, ages, titles, defined abbreviations, quotes with contractions and
# words a speaker may use but we would not.
CLEAN = """\
Taskforce helps protect more than 4,000 children in its first year

The Grooming Gangs Taskforce has helped police forces arrest more than 550 suspects \
since it was set up in April 2023. Specialist officers have worked with all 43 police \
forces in England and Wales.

The Home Secretary visited Essex Police on Monday 20 May 2024. He met officers who \
investigate child sexual exploitation (CSE) and heard how CSE investigations have changed.

The Home Office has given £1.6 million to the whistleblowing helpline run by the \
National Society for the Prevention of Cruelty to Children (NSPCC). The NSPCC's \
helplines dealt with around 76,000 contacts last year, and 92% of callers said they \
would call again. The fund runs from 2022 to 2025 and offers grants of up to \
£4.5 million to charities.

Anyone who stops a report of abuse could face up to 7 years in prison. One or two \
forces have asked for more training, and 2 more will join in the third round.

Children aged 11 to 17 were safeguarded. Victims should contact the National Police \
Chiefs' Council (NPCC) or the police. The NPCC will reply within 10 working days.

The Prime Minister said: "We can't let these crimes go unpunished, and we won't. We'll \
tackle them together and deploy every resource we have."

Mr Baldwin added: "This isn't an issue we can solve alone."

The government will publish the figures in the 2024 to 2025 report. The minister \
thanked third-sector partners and the children's services that co-ordinate support.

Published 21 May 2024
Last updated 21 May 2024
"""

MARKDOWN = """\
# Taskforce arrests hundreds in first year

## What the taskforce does

The taskforce works with all 43 police forces. It has trained more than 400 officers.

1.  Read the guidance.
2.  Report concerns to the police.

**Operation Makesafe** helps hotels spot the signs of child sexual exploitation.
"""


def test_clean_prose_has_no_findings() -> None:
    assert [(f.rule, f.match) for f in run(RULES, CLEAN)] == []


def test_clean_markdown_has_no_findings() -> None:
    assert [(f.rule, f.match) for f in run(RULES, MARKDOWN, fmt="markdown")] == []


NEWS_STYLE = (
    "Lang, 26, posed as a 16-year-old girl. Officers solved 92 percent of cases, the force "
    "said on 21st May. He was jailed for seven years. The fund (2022-25) is worth £4.5m."
)


def test_news_profile_accepts_news_house_style() -> None:
    assert run(RULES, NEWS_STYLE, profile="news") == []


def test_govuk_profile_reports_news_house_style() -> None:
    rules = sorted({f.rule for f in run(RULES, NEWS_STYLE)})
    assert rules == [
        "Numbers.Ages",
        "Numbers.DateOrdinals",
        "Numbers.MoneyFormat",
        "Numbers.Percent",
        "Numbers.Ranges",
        "Numbers.Words",
    ]


@pytest.mark.parametrize("profile", ["govuk", "news", "practice"])
def test_half_hyphenated_age_is_wrong_in_every_profile(profile: str) -> None:
    found = run(RULES, "Lang posed as a 16 year-old girl.", profile=profile)
    assert [(f.rule, f.fix) for f in found] == [("Numbers.AgeHyphens", "16-year-old")]


def test_quoted_speech_keeps_its_own_words() -> None:
    text = 'She said: "We can\'t tackle this alone, and it took seven years."'
    assert run(RULES, text) == []


def test_mixed_quote_marks_reported_once() -> None:
    text = 'He said: "Yes." She said: “No.” They said: “Maybe.” We said: “Never.”'
    mixed = [r for r in all_rules(Config()) if r.meta.id == "Quotes.MixedStyle"]
    found = run(mixed, text)
    assert [f.match for f in found] == ["“"]
