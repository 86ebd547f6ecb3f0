"""Matching: a rule's pattern over the units of its scope, bounded by its deadline and guards."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import regex

from lint.document import Block, Document
from lint.facts import Facts
from lint.rules import words
from lint.rules.budget import bounded, deadline_for, remaining
from lint.rules.contract import RuleMeta
from lint.rules.guards import Guards
from lint.rules.vale_compat import Shifted
from lint.rules.words import WordPattern


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
    the document contains none of the rule's ``needles`` (see ``needles_for``).

    With the rule set's automaton (``lint.literals``), the pattern runs only over the
    units that hold one of the needles: every match contains a needle, and a match must
    lie inside one unit, so no other unit can give a finding."""
    candidates = None if needles is None else facts.occurrences(needles)
    if candidates is None:
        if needles is not None and not any(n in facts.lowered for n in needles):
            return
    elif not candidates:
        return
    unit_list = facts.units(meta.scope)
    if not unit_list:
        return
    text = doc.text
    index = facts.unit_index(meta.scope)
    deadline = deadline_for(meta, doc)
    sentences = facts.sentences if guards is not None and guards.party is not None else ()
    if meta.vale_compat:  # Vale compat: each block is a string of its own (^ and $ at its edges)
        for part in unit_list:
            for found in finditer(
                pattern, text[part.start : part.end], 0, part.end - part.start, deadline
            ):
                shifted = Shifted(found, part.start)
                start, end = shifted.start(), shifted.end()
                if end > start and not (
                    guards is not None
                    and guards.silences(
                        text, part, start, end, deadline=deadline, sentences=sentences
                    )
                ):
                    yield shifted, part
        return
    spans: list[tuple[int, int, int]]  # search from, search to, matches starting before
    if meta.scope.family == "sentence" or len(unit_list) < 4:
        spans = [(u.start, u.end, u.end) for u in _holding(unit_list, candidates)]
    elif candidates is None:
        spans = [(unit_list[0].start, unit_list[-1].end, unit_list[-1].end)]
    else:
        spans = _runs(unit_list, candidates)
    by_words = (
        pattern
        if isinstance(pattern, WordPattern) and facts.shared(_MATCHABLE, _matchable(facts))
        else None
    )
    for span_start, span_end, before in spans:
        matches: Iterator[MatchLike]
        if isinstance(by_words, WordPattern):
            matches = by_words.finditer_words(text, facts.lowered, span_start, span_end)
        else:
            matches = finditer(pattern, text, span_start, span_end, deadline)
        for m in matches:
            if m.start() >= before:
                break
            if m.end() == m.start():
                continue
            unit = index.containing(m.start(), m.end())
            if unit is None:
                continue
            if guards is not None and guards.silences(
                text, unit, m.start(), m.end(), deadline=deadline, sentences=sentences
            ):
                continue
            yield m, unit


_MATCHABLE = "words.matchable"


def _matchable(facts: Facts) -> Callable[[], bool]:
    """Whether the document's word patterns are matched without ``regex``."""
    return lambda: words.enabled() and words.matchable(facts.doc.text, facts.lowered)


#: Characters past a run of candidate units that the pattern may still read
#: (look-aheads, ``\b``), as it could when one pass covered every unit.
LOOKAHEAD = 400


def _held(units: list[Block], candidates: list[int]) -> list[int]:
    """The indexes of the units that hold a candidate offset, in order."""
    starts = [u.start for u in units]
    held: list[int] = []
    for offset in candidates:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < units[i].end and (not held or held[-1] != i):
            held.append(i)
    return held


def _holding(units: list[Block], candidates: list[int] | None) -> list[Block]:
    """The units that hold a candidate offset (every unit without candidates)."""
    return units if candidates is None else [units[i] for i in _held(units, candidates)]


def _runs(units: list[Block], candidates: list[int]) -> list[tuple[int, int, int]]:
    """What one pass over every unit would search, cut down to the runs of neighbouring
    units that hold a candidate: each searched on past its end by ``LOOKAHEAD``
    characters (not past the last unit), so the pattern reads what it read in one pass,
    and only matches that start inside the run taken."""
    spans: list[tuple[int, int, int]] = []
    limit = units[-1].end
    held = _held(units, candidates)
    first = 0
    for k in range(1, len(held) + 1):
        if k == len(held) or held[k] != held[k - 1] + 1:
            end = units[held[k - 1]].end
            spans.append((units[held[first]].start, min(limit, end + LOOKAHEAD), end))
            first = k
    return spans
