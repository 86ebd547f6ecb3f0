"""people, ``check: titles``: a title that is not the person's: a known wrong title, a
near miss before the full name or in apposition after it, a rank held before the copy's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from lint.document import Document
from lint.facts import Facts
from lint.registers import literal_pattern, normalise
from lint.registers.people import Person
from lint.rules.contract import Hit
from lint.rules.matching import scan
from lint.rules.people_common import (
    NEAR,
    POST_NOMINALS,
    SPEECH,
    PeopleRule,
    closest_title,
    compiled,
    is_title,
)


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    day = rule.copy_date(doc)
    reported: list[tuple[int, int]] = []
    known = [
        (wrong, person, role)
        for person in rule.people
        for role in person.roles
        for wrong in role.wrong
    ]
    for wrong, person, role in sorted(known, key=lambda k: -len(k[0])):  # longest first
        for m in rule.find(f"(?i:{literal_pattern(wrong)})", doc, facts):
            if any(s < m.end() and m.start() < e for s, e in reported):
                continue
            reported.append((m.start(), m.end()))
            yield rule.hit(
                m.start(),
                m.end(),
                (normalise(m.group()), person.name, role.title),
                role.title,
                None,
            )
    for person in rule.people:
        now = [r for r in person.roles if r.held_on(day)] or list(person.roles)
        if not now:
            continue
        for start, end, candidate in _titles_near(rule, person, doc, facts):
            if any(s < end and start < e for s, e in reported):
                continue
            if any(is_title(candidate, r) for r in now):
                continue
            best, score = closest_title(candidate, now)
            former = [r for r in person.roles if r not in now and is_title(candidate, r)]
            if former or score >= NEAR:
                reported.append((start, end))
                yield rule.hit(start, end, (candidate, person.name, best), best)
        if day is not None:
            yield from _former_ranks(rule, person, day, doc, facts)


def _titles_near(
    rule: PeopleRule, person: Person, doc: Document, facts: Facts
) -> Iterator[tuple[int, int, str]]:
    """Title-like phrases right before a full name, or in apposition after it."""
    text = doc.text
    word = r"(?:\p{Lu}[\w'’-]*|of|for|and|the|on|to|in)"
    before = regex.compile(rf"(\p{{Lu}}[\w'’-]*(?:[ \t]+{word})*)[ \t]*,?[ \t]*$")
    after = regex.compile(
        rf"(?:\s+(?:{POST_NOMINALS}))*,[ \t]+([^,:;()\n]+?)[ \t]*(?=,|:|\(|\b(?:{SPEECH})\b|$)",
        regex.M,
    )
    names = "|".join(literal_pattern(n) for n in (person.name, *person.aliases))
    for m, unit in scan(compiled(names), doc, facts, rule.meta):
        b = before.search(text, max(unit.start, m.start() - 120), m.start())
        if b is not None:
            phrase = regex.sub(r"^(?:The|the)\s+", "", b.group(1))
            yield b.end(1) - len(phrase), b.end(1), phrase
        a = after.match(text, m.end(), min(unit.end, m.end() + 160))
        if a is not None:
            yield a.start(1), a.end(1), a.group(1)


def _former_ranks(
    rule: PeopleRule, person: Person, day: dt.date, doc: Document, facts: Facts
) -> Iterator[Hit]:
    current = next((r for r in person.roles if r.held_on(day)), None)
    for role in person.roles:
        if not role.rank or role.held_on(day):
            continue
        pattern = (
            rf"\b{regex.escape(role.rank)}\s+(?:{regex.escape(person.first_name)}"
            rf"\s+)?{regex.escape(person.surname)}\b"
        )
        for m in rule.find(pattern, doc, facts):
            if regex.search(
                r"\b(?:former|then|ex-)\s*$",
                doc.text[max(0, m.start() - 8) : m.start()],
                regex.I,
            ):
                continue  # "former DCC Ian Critchley" is right
            right = current.title if current else person.honorific
            yield rule.hit(m.start(), m.end(), (m.group(), person.name, right), None)
