"""Matching: a rule's pattern over the units of its scope, bounded by its deadline and guards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import regex

from lint.document import Block, Document, SpanIndex
from lint.facts import Facts
from lint.rules.budget import bounded, deadline_for, remaining
from lint.rules.contract import RuleMeta
from lint.rules.guards import Guards
from lint.rules.vale_compat import Shifted


def finditer(
    pattern: regex.Pattern[str], text: str, start: int, end: int, deadline: float
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` bounded by a wall-clock deadline (a runaway user regex)."""
    with bounded():
        yield from pattern.finditer(text, start, end, timeout=remaining(deadline))


class MatchLike(Protocol):
    """What rule kinds use of a match; ``regex.Match`` and ``Shifted`` both have it."""

    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def span(self, group: int | str = 0, /) -> tuple[int, int]: ...
    def group(self, group: int | str = 0, /) -> Any: ...
    def groups(self) -> tuple[Any, ...]: ...


def scan(
    pattern: regex.Pattern[str],
    doc: Document,
    facts: Facts,
    meta: RuleMeta,
    guards: Guards | None = None,
    needles: tuple[str, ...] | None = None,
) -> Iterator[tuple[MatchLike, Block]]:
    """Matches of ``pattern`` that lie wholly inside one unit of the rule's scope and
    that no guard silences. One pass over the text, not one per unit; none at all when
    the document contains none of the rule's ``needles`` (see ``needles_for``)."""
    if needles is not None and not any(n in facts.lowered for n in needles):
        return
    unit_list = facts.units(meta.scope)
    if not unit_list:
        return
    text = doc.text
    index = SpanIndex(unit_list)
    deadline = deadline_for(meta, doc)
    if meta.vale_compat:  # Vale compat: each block is a string of its own (^ and $ at its edges)
        for part in unit_list:
            for found in finditer(
                pattern, text[part.start : part.end], 0, part.end - part.start, deadline
            ):
                shifted = Shifted(found, part.start)
                start, end = shifted.start(), shifted.end()
                if end > start and not (
                    guards is not None
                    and guards.silences(text, part, start, end, deadline=deadline)
                ):
                    yield shifted, part
        return
    if meta.scope.family == "sentence" or len(unit_list) < 4:
        spans = [(u.start, u.end) for u in unit_list]
    else:
        spans = [(unit_list[0].start, unit_list[-1].end)]
    for span_start, span_end in spans:
        for m in finditer(pattern, text, span_start, span_end, deadline):
            if m.end() == m.start():
                continue
            unit = index.containing(m.start(), m.end())
            if unit is None:
                continue
            if guards is not None and guards.silences(
                text, unit, m.start(), m.end(), deadline=deadline
            ):
                continue
            yield m, unit
