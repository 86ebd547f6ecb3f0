"""consistency: one form per document, e.g. "taskforce" or "task force" (Vale's
``consistency``). Two phases: collect every use of both forms, then judge. The form
used first sets the document's choice; each use of the other form is reported."""

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
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.matching import MatchLike, scan
from lint.rules.regexes import compile_pattern, flags, flexible_spaces

KEYS: dict[str, schema.Option] = {
    "either": schema.Option(
        schema.STR_MAP,
        "Pairs of forms, one pair per entry: a document should use only one of each.",
    ),
    "ignorecase": schema.Option(schema.BOOL, "Match the forms regardless of case.", False),
    "nonword": schema.Option(
        schema.BOOL, "Match anywhere, not only between word boundaries.", False
    ),
    "headings": schema.Option(
        schema.STR,
        "How uses in headings count: together with the body's (Vale's way), or apart, so"
        " a headline may keep its own form ('92%') beside the copy's ('92 per cent').",
        "together",
    ),
    "prefer": schema.Option(
        schema.STR,
        "Which form wins: first (the document's first), left or right (the house form).",
        "first",
    ),
}
PREFER = ("first", "left", "right")
HEADINGS = ("together", "apart")
DEFAULT_FIX = FixSafety.UNSAFE
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT


@dataclass(frozen=True)
class Pair:
    pattern: regex.Pattern[str]  # group 1: first form, group 2: second form


@dataclass(frozen=True)
class Consistency:
    meta: RuleMeta
    pairs: tuple[Pair, ...]
    prefer: str = "first"
    headings_apart: bool = False

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for pair in self.pairs:
            uses = [
                (m, 1 if m.group(1) is not None else 2)
                for m, _ in scan(pair.pattern, doc, facts, self.meta)
            ]
            if not self.headings_apart:
                yield from self._judge(uses)
                continue
            parts: dict[bool, list[tuple[MatchLike, int]]] = {True: [], False: []}
            for use in uses:
                parts[_in_heading(doc, use[0])].append(use)
            yield from self._judge(parts[True])
            yield from self._judge(parts[False])

    def _judge(self, uses: list[tuple[MatchLike, int]]) -> Iterator[Hit]:
        """Each use of the form not chosen, among uses judged together."""
        if len({form for _, form in uses}) < 2:
            return
        chosen = {"left": 1, "right": 2}.get(self.prefer, uses[0][1])
        chosen_match = next(m for m, form in uses if form == chosen)
        for m, form in uses:
            if form != chosen:
                yield Hit(
                    m.start(),
                    m.end(),
                    format_message(self.meta.message, m.group(), chosen_match.group()),
                    fix=_like(m.group(), _number_like(m.group(), chosen_match.group())),
                )


def _in_heading(doc: Document, m: MatchLike) -> bool:
    block = doc.block_at(m.start(), m.end())
    return block is not None and block.scope.startswith("heading")


def _number_like(observed: str, form: str) -> str:
    """The chosen form in the observed word's number: "task forces" → "taskforces"
    when the document's form is "taskforce"."""
    if observed.endswith(("s", "S")) and not form.endswith(("s", "S")):
        return form + ("S" if form.isupper() else "s")
    if form.endswith(("s", "S")) and not observed.endswith(("s", "S")):
        return form[:-1]
    return form


def _like(observed: str, form: str) -> str:
    """The chosen form in the observed word's case: "Task force" → "Taskforce"."""
    if observed.islower():
        return form.lower()
    if observed.isupper():
        return form.upper()
    if observed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Consistency:
    either = schema.require(data, "either", path=src.path, line=src.data.line, kind="consistency")
    line = src.data.line_of("either")
    prefix = flags(ignorecase=schema.option(data, KEYS, "ignorecase"))
    pairs = []
    for first, second in either.items():
        body = f"({flexible_spaces(first)})|({flexible_spaces(second)})"
        template = f"(?:{body})" if data.get("nonword") else rf"\b(?:{body})\b"
        pairs.append(
            Pair(
                compile_pattern(prefix + template, path=src.path, line=line, key=f"either: {first}")
            )
        )
    prefer = _choice(data, src, "prefer", PREFER)
    headings = _choice(data, src, "headings", HEADINGS)
    return Consistency(meta, tuple(pairs), prefer, headings == "apart")


def _choice(data: dict[str, Any], src: Source, key: str, options: tuple[str, ...]) -> str:
    return schema.choice(
        schema.option(data, KEYS, key), options, key=key, path=src.path, line=src.data.line_of(key)
    )
