"""existence: report every match of any token (Vale's ``existence``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import families, schema
from lint.rules.contract import Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import scan
from lint.rules.prefilter import needles_for
from lint.rules.regexes import compile_pattern, flags, word_pattern

KEYS = {
    "tokens": schema.STR_LIST,
    "raw": schema.STR_LIST,
    "append": schema.BOOL,
    "ignorecase": schema.BOOL,
    "nonword": schema.BOOL,
    **schema.GUARD_KEYS,
    **families.KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY


@dataclass(frozen=True)
class Existence:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    guards: Guards
    needles: tuple[str, ...] | None = None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for m, _unit in scan(self.pattern, doc, facts, self.meta, self.guards, self.needles):
            # Vale compat: Vale's %s is the match as found, white space included ('I ').
            shown = m.group() if self.meta.vale_compat else m.group().strip()
            yield Hit(m.start(), m.end(), format_message(self.meta.message, shown))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Existence:
    data = families.expand_data(data, src.path, src.data)
    tokens = data.get("tokens", [])
    raw = "".join(data.get("raw", []))
    if not tokens and not raw:
        schema.require(data, "tokens", path=src.path, line=src.data.line, kind="existence")
    ignorecase = data.get("ignorecase", False)
    body = word_pattern(tokens, nonword=data.get("nonword", False)) if tokens else ""
    pattern = flags(ignorecase=ignorecase) + (body + raw if data.get("append") else raw + body)
    line = src.data.line_of("tokens" if tokens else "raw")
    compiled = compile_pattern(pattern, path=src.path, line=line, key="tokens" if tokens else "raw")
    guards = build_guards(data, ignorecase=ignorecase, path=src.path, lines=src.data.lines)
    needles = needles_for(tokens) if tokens else needles_for([raw])
    return Existence(meta, compiled, guards, needles)
