"""people, ``check: tenure``: a title the person did not hold on the copy's date, right
before their name or in apposition after it ("Home Secretary Yvette Cooper" in a release
dated after 5 September 2025). A title qualified as "former", "then", "outgoing" or
"incoming" is right; a role with approximate dates gets ``GRACE`` either side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from lint.document import Document
from lint.facts import Facts
from lint.registers.people import Role
from lint.rules.contract import Hit
from lint.rules.people_common import DATE_RE, MONTHS, PeopleRule, is_title, title_key
from lint.rules.people_titles import titles_near

#: Words just before a title that place it in the past or future: "former Home Secretary".
QUALIFIERS = regex.compile(
    r"(?i)\b(?:former|then|ex|previous|past|outgoing|incoming|future|new|newly[ -]appointed"
    r"|late|acting|interim|designate)[ -]*$"
)
#: The same words opening a capitalised phrase: "Former Home Secretary".
QUALIFIED = regex.compile(r"(?i)(?:former|then|ex|outgoing|incoming|acting|interim)\b")


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    day = rule.copy_date(doc)
    if day is None:
        return
    for person in rule.people:
        held = [r for r in person.roles if r.held_on(day)]
        stale = [r for r in person.roles if r.surely_not_held_on(day)]
        if not stale or not rule.named_in(person, doc):
            continue
        for start, end, phrase in titles_near(rule, person, doc, facts):
            if QUALIFIERS.search(doc.text, max(0, start - 24), start) or QUALIFIED.match(
                regex.sub(r"^(?i:the)\s+", "", phrase)
            ):
                continue
            if any(is_title(phrase, r) for r in held):
                continue
            role = next((r for r in stale if is_title(phrase, r)), None)
            if role is None or _dated_within(role, start, doc, facts):
                continue
            start, phrase = _own_title(start, phrase, role)
            ended = role.end is not None and day > role.end
            yield rule.hit(
                start,
                end,
                (phrase, person.name, long_date(day), _note(rule, role, day)),
                f"former {phrase}" if ended else None,
            )


def _own_title(start: int, phrase: str, role: Role) -> tuple[int, str]:
    """The person's own title at the end of a list of titles and names: "Justice
    Secretary" of "Education Secretary Gillian Keegan and Justice Secretary"."""
    cut = phrase.rfind(" and ")
    if cut < 0:
        return start, phrase
    tail = phrase[cut + 5 :]
    if not is_title(tail, role):
        return start, phrase
    return start + cut + 5, tail


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def _dated_within(role: Role, at: int, doc: Document, facts: Facts) -> bool:
    """Whether the sentence dates what it tells to a time the role was held: "In 2023,
    Home Secretary Suella Braverman ordered a review" tells history. The copy's own
    date (its first full date) does not count."""
    sentence = next((s for s in facts.sentences if s.start <= at < s.end), None)
    if sentence is None:
        return False
    own = DATE_RE.search(doc.text)
    first = role.start.year if role.start else 0
    last = role.end.year if role.end else 9999
    for year in _YEAR.finditer(doc.text, sentence.start, sentence.end):
        if own is not None and own.start() <= year.start() < own.end():
            continue
        if first <= int(year.group()) <= last:
            return True
    return False


def _note(rule: PeopleRule, role: Role, day: dt.date) -> str:
    """When the role was held, and who held it on ``day`` if the register knows."""
    about = "about " if role.approximate else ""
    if role.end is not None and day > role.end:
        note = f"held until {about}{long_date(role.end, month_only=role.approximate)}"
    else:
        start = role.start or day
        note = f"held only from {about}{long_date(start, month_only=role.approximate)}"
    holders = [
        p.name
        for p in rule.people
        for r in p.roles
        if r.held_on(day)
        and r.organisation == role.organisation
        and title_key(r.title) == title_key(role.title)
    ]
    if len(holders) == 1:
        of = f" of {role.organisation}" if role.organisation else ""
        note += f"; the {role.title}{of} on that date is {holders[0]}"
    return note


def long_date(day: dt.date, *, month_only: bool = False) -> str:
    """GOV.UK's date style: 5 September 2025 (or September 2025)."""
    month = MONTHS.split("|")[day.month - 1]
    return f"{month} {day.year}" if month_only else f"{day.day} {month} {day.year}"
