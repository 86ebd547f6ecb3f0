"""conditional: a term must be introduced before it is used, e.g. an acronym spelled
out at first use (Vale's ``conditional``). ``first`` finds uses; ``second`` finds
definitions and captures the defined term in group 1.

sglint reports the first undefined use of each term only (``occurrences: first``);
``occurrences: all`` reports every use before its definition, as Vale does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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

KEYS: dict[str, schema.Option] = {
    "first": schema.Option(schema.STR, "A pattern for a use (group 1, if any, is the term)."),
    "second": schema.Option(
        schema.STR, "A pattern for a definition (group 1, if any, is the term defined)."
    ),
    "ignorecase": schema.Option(schema.BOOL, "Match both patterns regardless of case.", False),
    "occurrences": schema.Option(
        schema.STR, "Report the first undefined use of each term, or all of them.", "first"
    ),
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
    occurrences = schema.choice(
        schema.option(data, KEYS, "occurrences"),
        ("first", "all"),
        key="occurrences",
        path=src.path,
        line=src.data.line_of("occurrences"),
    )
    first_re = compile_pattern(
        prefix + first_text, path=src.path, line=src.data.line_of("first"), key="first"
    )
    second_re = compile_pattern(
        prefix + second(second_text), path=src.path, line=src.data.line_of("second"), key="second"
    )
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    return Conditional(meta, first_re, second_re, guards, occurrences == "all")
