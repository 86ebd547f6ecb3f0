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
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import MatchLike, scan
from lint.rules.prefilter import needles_for
from lint.rules.regexes import compile_pattern, flags, word_pattern

KEYS: dict[str, schema.Option] = {
    "tokens": schema.Option(
        schema.STR_LIST, "Words or patterns to report, between word boundaries.", ()
    ),
    "raw": schema.Option(
        schema.STR_LIST, "Pattern pieces joined as written, with no word boundaries added.", ()
    ),
    "append": schema.Option(schema.BOOL, "Put raw after tokens instead of before.", False),
    "ignorecase": schema.Option(schema.BOOL, "Match regardless of case.", False),
    "nonword": schema.Option(
        schema.BOOL, "Match tokens anywhere, not only between word boundaries.", False
    ),
    **schema.GUARD_KEYS,
    **families.KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT


@dataclass(frozen=True)
class Existence:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    guards: Guards
    needles: tuple[str, ...] | None = None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for m, _unit in scan(self.pattern, doc, facts, self.meta, self.guards, self.needles):
            yield Hit(m.start(), m.end(), format_message(self.meta.message, self.shown(m)))

    def shown(self, m: MatchLike) -> str:
        """The match as the message shows it (Vale's overlay keeps its white space)."""
        return str(m.group()).strip()


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Existence:
    data = families.expand_data(data, src.path, src.data)
    tokens = schema.option(data, KEYS, "tokens")
    raw = "".join(schema.option(data, KEYS, "raw"))
    if not tokens and not raw:
        schema.require(data, "tokens", path=src.path, line=src.data.line, kind="existence")
    ignorecase = schema.option(data, KEYS, "ignorecase")
    body = word_pattern(tokens, nonword=schema.option(data, KEYS, "nonword")) if tokens else ""
    pattern = flags(ignorecase=ignorecase) + (body + raw if data.get("append") else raw + body)
    line = src.data.line_of("tokens" if tokens else "raw")
    compiled = compile_pattern(pattern, path=src.path, line=line, key="tokens" if tokens else "raw")
    guards = build_guards(data, ignorecase=ignorecase, path=src.path, lines=src.data.lines)
    needles = needles_for(tokens) if tokens else needles_for([raw])
    return Existence(meta, compiled, guards, needles)
