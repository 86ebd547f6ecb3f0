"""people, ``check: spelling``: a register name misspelt, by a known misspelling anywhere
or a near miss after the first name or an honorific ("Rishi Sunack")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.registers import literal_pattern, normalise
from lint.registers.people import Person
from lint.rules.contract import Hit
from lint.rules.people_common import (
    HONORIFICS,
    NAME,
    PeopleRule,
    near,
    typo,
)


def identified(person: Person, text: str, start: int, *, first_name: bool) -> bool:
    """Whether the words just before ``start`` name ``person`` too: a title they hold or
    held, or (before a bare surname) their first name or an honorific."""
    forms = [t for r in person.roles for t in r.accepted]
    if first_name:
        forms.append(person.first_name)
    body = "|".join(literal_pattern(f) for f in forms)
    before = text[max(0, start - 160) : start]
    lead = rf"(?:{body})" if not first_name else rf"(?:{body}|(?:{HONORIFICS})\.?)"
    return regex.search(rf"{lead}[ \t]*,?[ \t]+$", before) is not None


def named_in_full(person: Person, text: str) -> bool:
    """Whether the text names the person by first name and surname (or an alias)."""
    return any(form in text for form in (person.name, *person.aliases))


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    surnames = {p.surname for p in rule.people}
    known: set[int] = set()
    for person in rule.people:
        for wrong in person.misspellings:
            if wrong.split()[-1] not in doc.text:
                continue  # a cheap test before the scan: the form cannot be there
            single = len(wrong.split()) == 1
            right = person.surname if single else person.name
            for m in rule.find(literal_pattern(wrong), doc, facts, needs=[wrong]):
                known.add(m.start())
                # A misspelling may be another person's right name ("Laura Harris"):
                # fixed safely only where a second detail names this person (the first
                # name or an honorific before a surname, a title before a name).
                sure = identified(person, doc.text, m.start(), first_name=single)
                yield rule.hit(
                    m.start(),
                    m.end(),
                    (right, normalise(m.group())),
                    right,
                    None if sure else FixSafety.UNSAFE,
                )
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
                min(len(found), len(person.surname)) <= 5
                or not typo(found, person.surname)
                # No office to tell them apart: "Mr Saville" is anyone, unless the
                # document names the person in full ("Sara Rowbotham" … "Ms Rowbotam").
                or (not person.roles and not named_in_full(person, doc.text))
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
    yield from _first_names(rule, doc, facts, surnames)


def _first_names(
    rule: PeopleRule, doc: Document, facts: Facts, surnames: set[str]
) -> Iterator[Hit]:
    """A register person's first name with a typing slip before their surname ("Kier
    Starmer"): a letter added, dropped or two swapped. Another first name ("Victoria
    Starmer") is another person."""
    firsts = {p.first_name for p in rule.people}
    pattern = (
        rf"\b(?P<first>{NAME})[ \t]+(?P<surname>{'|'.join(map(regex.escape, sorted(surnames)))})"
        rf"\b(?![ \t]+{NAME}\b)"
    )
    for m in rule.find(pattern, doc, facts, needs=sorted(surnames)):
        first = m.group("first")
        if first in firsts or len(first) < 3:
            continue
        for person in rule.people:
            if person.surname != m.group("surname") or not typo(first, person.first_name):
                continue
            yield rule.hit(
                m.start("first"),
                m.end("first"),
                (person.first_name, first),
                person.first_name,
                FixSafety.UNSAFE,
            )
            break
