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
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.base import (
    Guards,
    Hit,
    RuleMeta,
    build_guards,
    compile_pattern,
    flexible_spaces,
    scan,
)
from lint.rules.loader import Source

KEYS = {
    "first": schema.STR,
    "second": schema.STR,
    "exceptions": schema.STR_LIST,
    "ignorecase": schema.BOOL,
    "occurrences": schema.STR,
    "not_after": schema.STR_LIST,
    "not_before": schema.STR_LIST,
}
DEFAULT_FIX = FixSafety.DISPLAY


@dataclass(frozen=True)
class Conditional:
    meta: RuleMeta
    first: regex.Pattern[str]
    second: regex.Pattern[str]
    guards: Guards
    every_use: bool

    def check(self, doc: Document) -> Iterator[Hit]:
        defined_at: dict[str, int] = {}
        for m, _ in scan(self.second, doc, self.meta):
            term = m.group(1) if m.groups() else m.group()
            if term is not None and term not in defined_at:
                defined_at[term] = m.start()
        reported: set[str] = set()
        for m, _ in scan(self.first, doc, self.meta, self.guards):
            term = m.group(1) if m.groups() and m.group(1) is not None else m.group()
            where = defined_at.get(term)
            # Defined earlier, or this use sits inside its own definition.
            if where is not None and where <= m.start():
                continue
            if term in reported and not self.every_use:
                continue
            reported.add(term)
            yield Hit(m.start(), m.end(), format_message(self.meta.message, term))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Conditional:
    first = schema.require(data, "first", path=src.path, line=src.data.line, kind="conditional")
    second = schema.require(data, "second", path=src.path, line=src.data.line,
                            kind="conditional")
    occurrences = schema.choice(data.get("occurrences", "first"), ("first", "all"),
                                key="occurrences", path=src.path,
                                line=src.data.line_of("occurrences"))
    prefix = "(?i)" if data.get("ignorecase") else ""
    first_re = compile_pattern(prefix + first, path=src.path, line=src.data.line_of("first"),
                               key="first")
    second_re = compile_pattern(prefix + flexible_spaces(second), path=src.path,
                                line=src.data.line_of("second"), key="second")
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    return Conditional(meta, first_re, second_re, guards, occurrences == "all")
