"""people, ``check: spelling``: a register name misspelt, by a known misspelling anywhere
or a near miss after the first name or an honorific ("Rishi Sunack")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.registers import literal_pattern, normalise
from lint.rules.contract import Hit
from lint.rules.people_common import (
    HONORIFICS,
    NAME,
    PeopleRule,
    near,
)


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    surnames = {p.surname for p in rule.people}
    known: set[int] = set()
    for person in rule.people:
        for wrong in person.misspellings:
            right = person.surname if len(wrong.split()) == 1 else person.name
            for m in rule.find(literal_pattern(wrong), doc, facts):
                known.add(m.start())
                yield rule.hit(m.start(), m.end(), (right, normalise(m.group())), right)
    for person in rule.people:
        pattern = rf"\b(?:{regex.escape(person.first_name)}|(?:{HONORIFICS})\.?)\s+({NAME})\b"
        for m in rule.find(pattern, doc, facts):
            found = m.group(1)
            if m.start(1) in known or found in surnames or not near(found, person.surname):
                continue
            if min(len(found), len(person.surname)) <= 5 and not m.group().startswith(
                person.first_name
            ):
                continue  # a short name needs the first name to be the same person
            yield rule.hit(
                m.start(1), m.end(1), (person.surname, found), person.surname, FixSafety.UNSAFE
            )
