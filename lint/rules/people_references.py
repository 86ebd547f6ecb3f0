"""people, ``check: references``: GOV.UK's references: full name at first mention, then job
title or honorific and surname; never the surname alone, never "Minister X"."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint.document import Document
from lint.facts import Facts
from lint.registers import literal_pattern
from lint.registers.people import Person
from lint.rules.contract import Hit
from lint.rules.matching import scan
from lint.rules.people_common import (
    HONORIFICS,
    PeopleRule,
    compiled,
    could_occur,
    is_headline,
)


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    day = rule.copy_date(doc)
    text = doc.text
    for person in rule.people:
        if not rule.named_in(person, doc):
            continue
        full = [
            m.span()
            for m in rule.find(
                "|".join(literal_pattern(n) for n in (person.name, *person.aliases)),
                doc,
                facts,
                needs=(person.name, *person.aliases),
            )
        ]
        first_full = full[0][0] if full else None
        polite = f"{person.honorific} {person.surname}" if person.honorific else person.name
        bare = (
            rf"(?<!(?:(?:{HONORIFICS})\.?|\p{{Lu}}[\w'’-]*)[ \t])"
            rf"{literal_pattern(person.surname)}(?![ \t]+\p{{Lu}})"
        )
        # A surname alone is this person only when the copy names them in full somewhere:
        # "May" is a month and "Patel" another person unless "Theresa May" or "Priti
        # Patel" is in the copy.
        for m in rule.find(bare, doc, facts, needs=[person.surname]) if full else ():
            if any(s <= m.start() < e for s, e in full):
                continue
            if text[max(0, m.start() - 9) : m.start()].endswith("Minister "):
                continue  # reported below with its own advice
            if first_full is None or m.start() < first_full:
                yield rule.hit(
                    m.start(),
                    m.end(),
                    (m.group(), person.name, "Full name at first mention"),
                    person.name,
                )
            else:
                yield rule.hit(
                    m.start(),
                    m.end(),
                    (
                        m.group(),
                        polite,
                        "Surname alone after the first mention (use the job "
                        "title or the honorific and surname)",
                    ),
                    polite,
                )
        titles = [r.title for r in person.roles if r.held_on(day) and not r.organisation]
        for m in rule.find(
            rf"(?<!\p{{Lu}}[\w'’-]*[ \t])\bMinister\s+"
            rf"(?:{regex.escape(person.first_name)}\s+)?"
            rf"{regex.escape(person.surname)}\b",
            doc,
            facts,
            needs=[person.surname],
        ):
            title = titles[0] if titles else "the full title"
            yield rule.hit(
                m.start(),
                m.end(),
                (m.group(), f"{title}, {person.name}", "Never 'Minister' and a name"),
                f"{title}, {person.name}",
            )
        if first_full is None:
            continue
        yield from _bare_title(rule, person, titles, first_full, doc, facts)


def _bare_title(
    rule: PeopleRule,
    person: Person,
    titles: list[str],
    first_full: int,
    doc: Document,
    facts: Facts,
) -> Iterator[Hit]:
    """A title alone before the full name has been given (headlines excepted)."""
    for title in titles:
        if not could_occur([title], doc, anycase=True):
            continue
        pattern = f"(?i:{literal_pattern(title)})"
        for m, unit in scan(compiled(pattern), doc, facts, rule.meta):
            if m.start() >= first_full:
                break
            if is_headline(doc.text[unit.start : unit.end]):
                continue
            following = doc.text[m.end() : m.end() + len(person.name) + 16]  # ", Dame …"
            if person.name in following:
                continue
            wanted = f"{title} {person.name}"
            yield rule.hit(
                m.start(),
                m.end(),
                (
                    m.group(),
                    wanted,
                    "Title alone at first mention (give the full title and name)",
                ),
                wanted,
            )
            break
