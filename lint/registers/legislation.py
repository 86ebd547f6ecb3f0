"""The legislation register: the exact short titles and years of the Acts and orders
that safeguarding copy cites.

Format (``rules/Legislation/_legislation.yml`` or a team's own file)::

    legislation:
      - title: Sexual Offences Act 2003          # the short title, exactly
        other_years: [1956, 1967, 1985, 1993]    # other real Acts with the same words
        extent: England and Wales; Northern Ireland (parts)
        source: legislation.gov.uk/ukpga/2003/42
        checked: 2026-12-06

``other_years`` lists the years of other real statutes with the same words (here or
abroad), so that citing one is never taken for a wrong year; ``other_years: any``
turns the year check off for titles used every few years ("Education Act").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import regex

from lint.errors import RuleError
from lint.registers import entry_values, load_entries, normalise, register_loader, with_team
from lint.validate import ANY, DATE, STR, STR_LIST, Option

#: A short title: its words, "Act" or "Order", and a year.
#: A title may write the part of the UK in brackets after "Act", as the Northern Ireland
#: Assembly's Acts do ("Domestic Abuse and Civil Proceedings Act (Northern Ireland) 2021").
TITLE = regex.compile(
    r"^(?P<words>.+?)\s+(?P<kind>Act|Order)(?:\s+(?P<after>\([^()]+\)))?"
    r"\s+(?P<year>1[5-9]\d\d|20\d\d)$"
)


@dataclass(frozen=True)
class Statute:
    title: str
    words: str  # the title before "Act" or "Order"
    kind: str  # "Act" or "Order"
    year: int
    #: The part in brackets written after "Act" ("(Northern Ireland)"), if any.
    after: str = ""
    other_years: frozenset[int] = frozenset()
    any_year: bool = False
    # Words that place a document where the other years' statutes are (a country, its
    # regulator): given, the other years are accepted only in a document naming one.
    abroad: tuple[str, ...] = ()
    extent: str = ""
    source: str = ""
    checked: dt.date | None = None
    note: str = ""
    line: int = 0


#: The keys of a statute's entry (lint/validate.py checks them).
KEYS: dict[str, Option] = {
    "title": Option(STR, "The short title and year, exactly as legislation.gov.uk gives it."),
    "other_years": Option(ANY, "Years of other statutes with the same words, or 'any'.", []),
    "abroad": Option(
        STR_LIST,
        "Words that place a document abroad ('Australia'): 'other_years' count only where"
        " one is in the document (the other years' statutes are foreign).",
        [],
    ),
    "extent": Option(STR, "Where it applies.", ""),
    "source": Option(STR, "Where the entry was checked.", ""),
    "checked": Option(DATE, "When a person compared it with the source."),
    "note": Option(STR, "Any doubt, in words.", ""),
}


@with_team("legislation")
@register_loader
def load_legislation(path: Path) -> tuple[Statute, ...]:
    out = []
    for entry in load_entries(path, "legislation"):
        values = entry_values(entry, KEYS, path, required=["title"])
        title = normalise(values["title"])
        m = TITLE.match(title)
        if m is None:
            raise RuleError(
                f"'title' must end in 'Act' or 'Order' and a year, like 'Children Act 1989',"
                f" not {title!r}",
                path=str(path),
                line=entry.line_of("title"),
            )
        other = values["other_years"]
        any_year = other == "any"
        if not any_year and (
            not isinstance(other, list) or not all(isinstance(y, int) for y in other)
        ):
            raise RuleError(
                "'other_years' must be a list of years or 'any'",
                path=str(path),
                line=entry.line_of("other_years"),
            )
        out.append(
            Statute(
                title=title,
                words=m.group("words"),
                kind=m.group("kind"),
                after=m.group("after") or "",
                year=int(m.group("year")),
                other_years=frozenset() if any_year else frozenset(other),
                any_year=any_year,
                abroad=tuple(values["abroad"]),
                extent=values["extent"],
                source=values["source"],
                checked=values["checked"],
                note=values["note"],
                line=entry.line,
            )
        )
    return tuple(out)
