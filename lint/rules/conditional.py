"""conditional: a term must be introduced before it is used, e.g. an acronym spelled
out at first use (Vale's ``conditional``). ``first`` finds uses; ``second`` finds
definitions and captures the defined term in group 1.

sglint reports the first undefined use of each term only (``occurrences: first``);
``occurrences: all`` reports every use before its definition, as Vale does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import scan
from lint.rules.regexes import compile_pattern, flexible_spaces

KEYS = {
    "first": schema.STR,
    "second": schema.STR,
    "ignorecase": schema.BOOL,
    "occurrences": schema.STR,
    **schema.GUARD_KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY


@dataclass(frozen=True)
class Conditional:
    meta: RuleMeta
    first: regex.Pattern[str]
    second: regex.Pattern[str]
    guards: Guards
    every_use: bool

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        if self.meta.vale_compat:
            yield from self._check_vale(doc, facts)
            return
        defined_at: dict[str, int] = {}
        for m, _ in scan(self.second, doc, facts, self.meta):
            term = m.group(1) if m.groups() else m.group()
            if term is not None and term not in defined_at:
                defined_at[term] = m.start()
        reported: set[str] = set()
        for m, _ in scan(self.first, doc, facts, self.meta, self.guards):
            term = m.group(1) if m.groups() and m.group(1) is not None else m.group()
            where = defined_at.get(term)
            # Defined earlier, or this use sits inside its own definition.
            if where is not None and where <= m.start():
                continue
            if term in reported and not self.every_use:
                continue
            reported.add(term)
            yield Hit(m.start(), m.end(), format_message(self.meta.message, term))

    def _check_vale(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        """Vale compat: block by block, a use is fine when its whole text was captured by
        ``second`` in this block or an earlier one; every other use is reported. Without
        a capture group, ``second`` anywhere in the block excuses every use in it."""
        grouped = self.second.groups > 0
        definitions: dict[int, list[str]] = {}
        for m, unit in scan(self.second, doc, facts, self.meta):
            captured = [g for g in m.groups() if g] if grouped else [""]
            definitions.setdefault(unit.start, []).extend(captured)
        defined: set[str] = set()
        done: set[int] = set()
        for m, unit in scan(self.first, doc, facts, self.meta, self.guards):
            for start in sorted(s for s in definitions if s <= unit.start and s not in done):
                defined.update(definitions[start])
                done.add(start)
            excused = m.group() in defined if grouped else unit.start in definitions
            if not excused:
                yield Hit(m.start(), m.end(), format_message(self.meta.message, m.group()))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Conditional:
    first = schema.require(data, "first", path=src.path, line=src.data.line, kind="conditional")
    second = schema.require(data, "second", path=src.path, line=src.data.line, kind="conditional")
    occurrences = schema.choice(
        data.get("occurrences", "first"),
        ("first", "all"),
        key="occurrences",
        path=src.path,
        line=src.data.line_of("occurrences"),
    )
    # Vale compat: Vale accepts ignorecase here but compiles both patterns as written.
    prefix = "(?i)" if data.get("ignorecase") and not meta.vale_compat else ""
    second = second if meta.vale_compat else flexible_spaces(second)
    first_re = compile_pattern(
        prefix + first, path=src.path, line=src.data.line_of("first"), key="first"
    )
    second_re = compile_pattern(
        prefix + second, path=src.path, line=src.data.line_of("second"), key="second"
    )
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    return Conditional(meta, first_re, second_re, guards, occurrences == "all")
