"""conditional: a term must be introduced before it is used, e.g. an acronym spelled
out at first use (Vale's ``conditional``). ``first`` finds uses; ``second`` finds
definitions and captures the defined term in group 1.

sglint reports the first undefined use of each term only (``occurrences: first``);
``occurrences: all`` reports every use before its definition, as Vale does.

sglint's own ``register`` names an organisations register (relative to the rule file):
a term that is the abbreviation of a body on it is *known*, so its message
(``known_message``, given the term and the body's name) says what it stands for and the
fix spells it out for review; a term that is a slip of one ("NSPPC" for "NSPCC") is
left to the organisations rule that reports it as a misspelling.

``spelled_out`` says what a name written in full anywhere in the document, in words whose
initials spell the term ("Greater Manchester Police" before "GMP", "GMP, Greater
Manchester Police", ``lint.docindex``), counts for:
``report`` (default, as Vale: nothing, only ``second`` defines), ``defines`` (the reader
has seen what the letters stand for) or ``only`` (report just those uses: the house
style wants the bracketed form even so).

``known_terms`` lists terms known to be abbreviations besides the register's (a field's
own: "CSE", "CSAM"). ``unknown`` is the most any other term is reported at, with
``unknown_message``: a run of capitals sglint cannot place may be an abbreviation, a word
in capitals for emphasis or a label ("MYTH", "ALWAYS"), or a brand or campaign's name, so
spelling it out is advice, not a house-style point it can vouch for.

``regional`` maps a term to the places whose readers know it by its letters ("PSNI" to
"Northern Ireland", "Belfast" …): in a text that names one of them, spelling the term out
is a house-style choice, so its finding is at most a suggestion."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety, Severity
from lint.messages import format_message
from lint.registers import register_file
from lint.registers.names import NameIndex, name_index
from lint.registers.organisations import load_organisations
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import MatchLike, scan
from lint.rules.regexes import compile_pattern, flexible_spaces


def _regional(value: Any) -> dict[str, list[str]]:
    if isinstance(value, dict):
        return {str(k): schema.STR_LIST(v) for k, v in value.items()}
    raise TypeError("a mapping of terms to lists of places")


KEYS: dict[str, schema.Option] = {
    "first": schema.Option(schema.STR, "A pattern for a use (group 1, if any, is the term)."),
    "second": schema.Option(
        schema.STR, "A pattern for a definition (group 1, if any, is the term defined)."
    ),
    "ignorecase": schema.Option(schema.BOOL, "Match both patterns regardless of case.", False),
    "occurrences": schema.Option(
        schema.STR, "Report the first undefined use of each term, or all of them.", "first"
    ),
    "register": schema.Option(
        schema.STR, "A register whose names and abbreviations count as known (defined)."
    ),
    "known_message": schema.Option(
        schema.STR, "The message for a known register abbreviation used without its name."
    ),
    "known_terms": schema.Option(
        schema.STR_LIST, "Terms known to be abbreviations besides the register's.", []
    ),
    "unknown": schema.Option(
        schema.STR,
        "The most a term neither on the register nor in known_terms is reported at"
        " (suggestion, warning or error; unset: the rule's level).",
        "",
    ),
    "unknown_message": schema.Option(
        schema.STR, "The message for a term neither on the register nor in known_terms."
    ),
    "spelled_out": schema.Option(
        schema.STR,
        "What a name written out earlier, whose initials spell the term, counts for: "
        "report, defines or only.",
        "report",
    ),
    "regional": schema.Option(
        _regional,
        "Term -> places whose readers know it: in a text naming one, at most a suggestion.",
        {},
    ),
    **schema.GUARD_KEYS,
}

SPELLED_OUT = ("report", "defines", "only")
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT


@dataclass(frozen=True)
class Conditional:
    meta: RuleMeta
    first: regex.Pattern[str]
    second: regex.Pattern[str]
    guards: Guards
    every_use: bool
    known: NameIndex | None = None
    known_message: str = ""
    spelled_out: str = "report"
    regional: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    known_terms: frozenset[str] = frozenset()
    unknown: Severity | None = None
    unknown_message: str = ""

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        defined_at: dict[str, int] = {}
        # Definitions in the rule's units, and in headings too: a title may spell a term
        # out ("Internet Watch Foundation (IWF) annual report") for the body after it.
        found = [m for m, _ in scan(self.second, doc, facts, self.meta)]
        for block in doc.blocks:
            if block.scope.startswith("heading"):
                found.extend(self.second.finditer(doc.text, block.start, block.end))
        for m in sorted(found, key=lambda m: m.start()):
            # The first group that took part names the term: a definition pattern may
            # have one group per form ("Name (ABBR)" or "ABBR (Name)").
            term = next((g for g in m.groups() if g is not None), None) if m.groups() else m.group()
            if term is not None and term not in defined_at:
                defined_at[term] = m.start()
        lead = facts.standfirst_end
        reported: set[str] = set()
        for m, _ in scan(self.first, doc, facts, self.meta, self.guards):
            term = m.group(1) if m.groups() and m.group(1) is not None else m.group()
            where = defined_at.get(term)
            # Defined earlier, or this use sits inside its own definition; or it is in
            # the standfirst, which uses the short form the body then spells out.
            if where is not None and (where <= m.start() or m.start() < lead):
                continue
            if term in reported and not self.every_use:
                continue
            if self.spelled_out != "report":
                earlier = _spelled_out(doc.text, facts.index.spelled_out(term), m)
                if earlier != (self.spelled_out == "only"):
                    if earlier:
                        defined_at[term] = m.start()  # and so for every later use
                    continue
            reported.add(term)
            hit = self._hit(m.start(), m.end(), term)
            if hit is not None and self._known_here(doc.text, term):
                hit = replace(hit, level=Severity.SUGGESTION)
            if hit is not None:
                yield hit

    def _known_here(self, text: str, term: str) -> bool:
        """Whether the text names a place whose readers know ``term`` by its letters."""
        return any(t == term and places.search(text) for t, places in self.regional)

    def _hit(self, start: int, end: int, term: str) -> Hit | None:
        if self.known is None:
            return Hit(start, end, format_message(self.meta.message, term))
        org = self.known.abbreviations.get(term)
        if org is not None and org.name != term:
            spelled = f"{org.name} ({term})"
            message = format_message(self.known_message or self.meta.message, term, org.name)
            return Hit(start, end, message, fix=spelled)
        if self.known.acronym_slip(term) is not None:
            return None  # a misspelt abbreviation: the organisations rule reports it
        if self.unknown is None or term in self.known_terms or org is not None:
            return Hit(start, end, format_message(self.meta.message, term))
        message = format_message(self.unknown_message or self.meta.message, term)
        return Hit(start, end, message, level=self.unknown)


#: Between an abbreviation and its words written straight after it: "CROP, the Coalition
#: for the Removal of Pimping", "NWG – the National Working Group".
_STRAIGHT_AFTER = patterns.compile(r"[ \t]*[,–—-]?[ \t]*(?:(?:the|a|an)[ \t]+)?")


def _spelled_out(text: str, found: tuple[int, ...], use: MatchLike) -> bool:
    """Whether words spelling the abbreviation of ``use`` come before it, anywhere, or
    straight after it (``lint.docindex`` found them at ``found``)."""
    for at in found:
        if at < use.start():
            return True
        straight = _STRAIGHT_AFTER.match(text, use.end(), at)
        if straight is not None and straight.end() == at:
            return True
    return False


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Conditional:
    prefix = "(?i)" if data.get("ignorecase") else ""
    return build_from(meta, data, src, prefix=prefix, second=flexible_spaces)


def build_from(
    meta: RuleMeta,
    data: dict[str, Any],
    src: Source,
    *,
    prefix: str = "",
    second: Callable[[str], str] = str,
) -> Conditional:
    """The rule with ``prefix`` before both patterns and ``second`` applied to the
    second; Vale's overlay (lint/vale/kinds.py) compiles both as written."""
    first_text = schema.require(
        data, "first", path=src.path, line=src.data.line, kind="conditional"
    )
    second_text = schema.require(
        data, "second", path=src.path, line=src.data.line, kind="conditional"
    )
    occurrences, spelled_out = (
        schema.choice(schema.option(data, KEYS, key), options, key=key, path=src.path, line=line)
        for key, options, line in (
            ("occurrences", ("first", "all"), src.data.line_of("occurrences")),
            ("spelled_out", SPELLED_OUT, src.data.line_of("spelled_out")),
        )
    )
    first_re = compile_pattern(
        prefix + first_text, path=src.path, line=src.data.line_of("first"), key="first"
    )
    second_re = compile_pattern(
        prefix + second(second_text), path=src.path, line=src.data.line_of("second"), key="second"
    )
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    known = None
    if data.get("register"):
        line = src.data.line_of("register")
        known = name_index(load_organisations(register_file(src.path, data["register"], line=line)))
    regional = tuple(
        (term, patterns.compile(rf"\b(?:{'|'.join(regex.escape(p) for p in places)})\b"))
        for term, places in schema.option(data, KEYS, "regional").items()
        if places
    )
    return Conditional(
        meta,
        first_re,
        second_re,
        guards,
        occurrences == "all",
        known,
        str(data.get("known_message", "")),
        spelled_out,
        regional,
        frozenset(schema.option(data, KEYS, "known_terms")),
        schema.level_cap(data, KEYS, "unknown", path=src.path, line=src.data.line_of("unknown")),
        str(data.get("unknown_message", "")),
    )
