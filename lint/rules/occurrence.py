"""occurrence: too many or too few matches of a token in each unit (Vale's ``occurrence``),
e.g. words per sentence or characters per heading."""

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
from lint.rules.budget import deadline_for
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.matching import finditer
from lint.rules.regexes import compile_pattern

KEYS: dict[str, schema.Option] = {
    "token": schema.Option(schema.STR, "The pattern counted in each unit."),
    "max": schema.Option(
        schema.INT, "Report a unit with more matches than this (0: no maximum).", 0
    ),
    "min": schema.Option(
        schema.INT, "Report a unit with fewer matches than this (0: no minimum).", 0
    ),
    "ignorecase": schema.Option(schema.BOOL, "Match regardless of case.", False),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT


@dataclass(frozen=True)
class Occurrence:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    max: int
    min: int

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        deadline = deadline_for(self.meta, doc)
        text = doc.text
        for unit in facts.units(self.meta.scope):
            matches = [
                m
                for m in finditer(self.pattern, text, unit.start, unit.end, deadline)
                if m.end() > m.start()
            ]
            count = len(matches)
            if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
                start = matches[0].start() if matches else unit.start
                message = format_message(self.meta.message, count)
                yield Hit(start, unit.end, message)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Occurrence:
    token = schema.require(data, "token", path=src.path, line=src.data.line, kind="occurrence")
    if not data.get("max") and not data.get("min"):
        schema.require(data, "max", path=src.path, line=src.data.line, kind="occurrence")
    prefix = "(?i)" if data.get("ignorecase") else ""
    pattern = compile_pattern(
        prefix + token, path=src.path, line=src.data.line_of("token"), key="token"
    )
    return Occurrence(
        meta, pattern, schema.option(data, KEYS, "max"), schema.option(data, KEYS, "min")
    )
