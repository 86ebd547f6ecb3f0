"""The people register: names, honorifics, roles with dates, and known misspellings.

Format (``rules/People/_people.yml`` or a team's own file)::

    people:
      - name: James Cleverly
        honorific: Mr
        letters: [MP]
        misspellings: [Cleverley]
        roles:
          - title: Home Secretary
            from: 2023-11-13
            to: 2024-07-05

Optional, for the People pack's title checks: a role's ``organisation`` (so "Chief
Executive of <any name for it>" is the title), ``rank`` (the abbreviation used before
the surname while the role is held, e.g. ``DCC``), ``variants`` (other accepted
wordings), ``wrong`` (known wrong wordings, reported wherever they appear) and
``approximate: true`` when its dates are known only to the month or so (the tenure
check then allows ``GRACE`` either side). A person may carry ``source``, ``checked``
(the date the entry was last compared with its source) and ``note`` (a doubt).

A role with no ``to`` is held today as far as the register knows: the file's
top-level ``as_of`` says when that was last true.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lint.errors import RuleError
from lint.registers import entry_values, load_entries, register_loader
from lint.validate import ANY, BOOL, DATE, STR, STR_LIST, Option
from lint.yamlload import LineDict

#: How far an approximate date may be off.
GRACE = dt.timedelta(days=183)


@dataclass(frozen=True)
class Role:
    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    organisation: str = ""
    rank: str = ""
    variants: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    approximate: bool = False

    def surely_not_held_on(self, day: dt.date) -> bool:
        """Not held on ``day``, even if approximate dates are off by ``GRACE``."""
        grace = GRACE if self.approximate else dt.timedelta(0)
        if self.end is not None and day > self.end + grace:
            return True
        return self.start is not None and day < self.start - grace

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.title, *self.variants)

    def held_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str = ""
    letters: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    misspellings: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other accepted forms, e.g. a maiden name
    source: str = ""
    checked: dt.date | None = None
    note: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def titles_on(self, day: dt.date | None) -> tuple[str, ...]:
        return tuple(r.title for r in self.roles if r.held_on(day))

    def references(self, day: dt.date | None = None) -> tuple[str, ...]:
        """Every way copy may refer to this person: full name, surname, honorific and
        surname, and the titles held on ``day`` (with 'the')."""
        forms = [self.name, *self.aliases, self.surname]
        if self.honorific:
            forms.append(f"{self.honorific} {self.surname}")
        for title in self.titles_on(day):
            forms.extend((title, f"the {title}"))
        return tuple(dict.fromkeys(forms))


#: The keys of a person's entry, and of each of their roles (lint/validate.py checks them).
KEYS: dict[str, Option] = {
    "name": Option(STR, "The full name, as the person writes it."),
    "honorific": Option(STR, "Mr, Ms, Dr, Sir, Dame …", ""),
    "letters": Option(STR_LIST, "Post-nominal letters (QPM, OBE …).", ()),
    "roles": Option(ANY, "Titles held, with dates (each a mapping: ROLE_KEYS).", ()),
    "misspellings": Option(STR_LIST, "Wrong spellings seen in copy.", ()),
    "aliases": Option(STR_LIST, "Other right forms of the name.", ()),
    "source": Option(STR, "Where the entry was checked.", ""),
    "checked": Option(DATE, "When a person compared it with the source."),
    "note": Option(STR, "Any doubt, in words.", ""),
}
ROLE_KEYS: dict[str, Option] = {
    "title": Option(STR, "The title, as the organisation gives it."),
    "from": Option(DATE, "The day the role began."),
    "to": Option(DATE, "The day it ended."),
    "organisation": Option(STR, "Where the role is held.", ""),
    "rank": Option(STR, "A police rank that goes with it.", ""),
    "variants": Option(STR_LIST, "Other right forms of the title.", ()),
    "wrong": Option(STR_LIST, "Wrong forms of the title.", ()),
    "approximate": Option(BOOL, "Dates known only roughly (six months either side).", False),
}


@register_loader
def load_people(path: Path) -> tuple[Person, ...]:
    people = []
    for entry in load_entries(path, "people"):
        values = entry_values(entry, KEYS, path, required=["name"])
        roles = []
        for role in values["roles"]:
            if not isinstance(role, LineDict) or not isinstance(role.get("title"), str):
                raise RuleError(
                    "each role needs a 'title'", path=str(path), line=entry.line_of("roles")
                )
            held = entry_values(role, ROLE_KEYS, path, required=["title"])
            roles.append(
                Role(
                    held["title"],
                    held["from"],
                    held["to"],
                    organisation=held["organisation"],
                    rank=held["rank"],
                    variants=tuple(held["variants"]),
                    wrong=tuple(held["wrong"]),
                    approximate=held["approximate"],
                )
            )
        people.append(
            Person(
                name=values["name"],
                honorific=values["honorific"],
                letters=tuple(values["letters"]),
                roles=tuple(roles),
                misspellings=tuple(values["misspellings"]),
                aliases=tuple(values["aliases"]),
                source=values["source"],
                checked=values["checked"],
                note=values["note"],
            )
        )
    return tuple(people)
