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
    typo,
)


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    surnames = {p.surname for p in rule.people}
    known: set[int] = set()
    for person in rule.people:
        for wrong in person.misspellings:
            if wrong.split()[-1] not in doc.text:
                continue  # a cheap test before the scan: the form cannot be there
            right = person.surname if len(wrong.split()) == 1 else person.name
            for m in rule.find(literal_pattern(wrong), doc, facts):
                known.add(m.start())
                yield rule.hit(m.start(), m.end(), (right, normalise(m.group())), right)
    # One scan for every person: a name after a first name the register knows or after
    # an honorific; a name followed by another is a first name ("Chief Constable Stephen
    # Watson").
    firsts = sorted({p.first_name for p in rule.people}, key=lambda w: (-len(w), w))
    pattern = (
        rf"\b(?:(?P<first>{'|'.join(map(regex.escape, firsts))})|(?:{HONORIFICS})\.?)\s+"
        rf"(?P<surname>{NAME})\b(?![ \t]+{NAME}\b)"
    )
    for m in rule.find(pattern, doc, facts):
        found = m.group("surname")
        if m.start("surname") in known or found in surnames:
            continue
        for person in rule.people:
            if not near(found, person.surname):
                continue
            if m.group("first") != person.first_name and (
                min(len(found), len(person.surname)) <= 5 or not typo(found, person.surname)
            ):
                # Without the first name, only a typing slip of a longer name is taken
                # for the same person: "Mr Critchly", not "Mr Stevens" for Stephens.
                continue
            yield rule.hit(
                m.start("surname"),
                m.end("surname"),
                (person.surname, found),
                person.surname,
                FixSafety.UNSAFE,
            )
            break
