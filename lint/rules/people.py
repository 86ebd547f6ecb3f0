"""people: names and titles checked against a people register, and a name spelled two
ways in one document (sglint's own kind).

The rule names a register (``register: _people.yml``, relative to the rule file; see
``lint.registers.people``); ``check`` picks what it reports:

* ``spelling``: a register name misspelt: a known misspelling ("Cleverley") anywhere,
  or a near miss after the person's first name or an honorific ("Rishi Sunack");
* ``titles``: a title that is not the person's: a known wrong title anywhere, a near
  miss right before the full name or in apposition after it, a title or rank held
  before the copy's date;
* ``variants``: one surname spelled two ways in one document, with no register needed.
  Both forms must look like a person's name in context (after an honorific or job
  title, before post-nominal letters or "said"), and short names must share a first
  name, so "Shaw" and "Shah" are only paired when both are "Gabrielle"; and one
  person's first name spelled two ways ("Joanne Pryce" … "Joanna Pryce");
* ``ranks``: one person given two ranks or titles ("Detective Sergeant Malik" …
  "DC Malik"), with no register needed. The rule's ``ranks`` maps each rank to its
  abbreviations; ``changes`` lists words that say the rank changed ("promoted",
  "former"): found in a sentence that gives the person a rank, they silence the check
  for that person;
* ``ages``: one person given two ages ("Mark Ellison, 44," … "Ellison, 45,"), with no
  register needed;
* ``references``: GOV.UK's references: full name at first mention, then job title or
  honorific and surname; never the surname alone, never "Minister X";
* ``tenure``: a title given to a person, right before their name or in apposition
  after it, that they did not hold on the copy's date ("Home Secretary Yvette Cooper"
  in a release dated after 5 September 2025), unless the copy says "former", "then"
  or the like. The message names who held the title on that date, if the register
  knows. ``titles`` leaves such titles to this check.

The copy's date is its first full date ("21 May 2024"), else ``as_of``; with neither,
every title the register records is accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.registers import register_file
from lint.registers.people import Person, load_people
from lint.rules import (
    people_ages,
    people_ranks,
    people_references,
    people_spelling,
    people_tenure,
    people_titles,
    people_variants,
    schema,
)
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.people_common import PeopleRule

KEYS: dict[str, schema.Option] = {
    "register": schema.Option(
        schema.STR, "The People register file, relative to the rule file (variants needs none)."
    ),
    "check": schema.Option(
        schema.STR, "Which check: spelling, titles, variants, references, ranks or ages."
    ),
    "as_of": schema.Option(
        schema.STR, "The date titles are judged at when the copy gives none (YYYY-MM-DD)."
    ),
    "ranks": schema.Option(
        schema.MAP, "ranks check: rank -> its accepted forms and abbreviations."
    ),
    "changes": schema.Option(schema.STR_LIST, "ranks check: words that announce a change of rank."),
    "past": schema.Option(
        schema.STR_LIST,
        "ranks check: words of 'changes' that only place a rank in the past ('former',"
        " 'retired'): when every mention has one, the ranks are of one time and compared.",
    ),
    "first_names": schema.Option(
        schema.STR_LIST,
        "variants check: spellings of one first name, '|' between them (Katherine|Catherine).",
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN
CHECKS = ("spelling", "titles", "variants", "references", "ranks", "ages", "tenure")


@dataclass(frozen=True)
class People(PeopleRule):
    @property
    def proper_names(self) -> tuple[str, ...]:
        """The register's names: proper names other rules leave alone (lint.context)."""
        return tuple(n for p in self.people for n in (p.name, *p.aliases))

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        yield from _CHECKS[self.check_name](self, doc, facts)


_CHECKS = {
    "spelling": people_spelling.check,
    "titles": people_titles.check,
    "variants": people_variants.check,
    "references": people_references.check,
    "ranks": people_ranks.check,
    "ages": people_ages.check,
    "tenure": people_tenure.check,
}


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> People:
    check = schema.choice(
        data.get("check", ""), CHECKS, key="check", path=src.path, line=src.data.line_of("check")
    )
    people: tuple[Person, ...] = ()
    ranks: tuple[tuple[str, str], ...] = ()
    changes = past = None
    if check == "ranks":  # ranks works without a register
        ranks, changes, past = people_ranks.settings(data, src)
    elif check not in ("variants", "ages") or data.get("register"):  # these need no register
        name = schema.require(data, "register", path=src.path, line=src.data.line, kind="people")
        register = register_file(src.path, name, line=src.data.line_of("register"))
        people = load_people(register)
    as_of = None
    if data.get("as_of"):
        try:
            as_of = dt.date.fromisoformat(data["as_of"])
        except ValueError:
            raise RuleError(
                "'as_of' must be a date like 2024-05-21",
                path=src.path,
                line=src.data.line_of("as_of"),
            ) from None
    first_names = tuple(
        frozenset(n.strip() for n in entry.split("|") if n.strip())
        for entry in data.get("first_names", [])
    )
    return People(meta, people, check, as_of, ranks, changes, past, first_names)
