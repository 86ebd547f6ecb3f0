"""Literals: one scan of a document for the needles of every pattern rule at once.

Each pattern rule knows pieces of text of which every match contains one (its
*needles*, ``lint.rules.prefilter``). Instead of one test per rule, every needle of the
rule set goes into one Aho–Corasick automaton (``pyahocorasick``), and one pass over the
document's lower-cased view finds where each occurs. A rule's own pattern then runs only
over the units (sentences, paragraphs, scope blocks) that hold one of its needles
(``lint.rules.matching.scan``); ``regex`` only verifies.

The automaton is built in memory, once per set of needles in a process (a few
milliseconds), never stored: the cache folder holds data, not programs
(``lint/diskcache.py``). Without ``pyahocorasick``, or with ``SGLINT_NO_AUTOMATON=1``,
there is no automaton and every rule scans its units as before: the same findings,
more slowly (``tests/test_literals.py`` compares the two paths on the whole precision
corpus and the seeds).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

#: Set to 1 to scan rule by rule, without the automaton (the fallback path).
NO_AUTOMATON_ENV = "SGLINT_NO_AUTOMATON"

_BUILT: dict[frozenset[str], Literals] = {}


class Literals:
    """The needles of a rule set as one automaton."""

    def __init__(self, needles: Iterable[str], automaton: Any) -> None:
        self.needles = frozenset(needles)
        self._automaton = automaton

    def find(self, lowered: str) -> dict[str, list[int]]:
        """Where each needle occurs in ``lowered`` (start offsets, in order); a needle
        that does not occur has no key."""
        found: dict[str, list[int]] = {}
        for end, needle in self._automaton.iter(lowered):
            start = end - len(needle) + 1
            at = found.get(needle)
            if at is None:
                found[needle] = [start]
            else:
                at.append(start)
        return found


def automaton_enabled() -> bool:
    """Whether runs use the automaton: the library is there and not switched off."""
    if os.environ.get(NO_AUTOMATON_ENV, "").strip() not in ("", "0"):
        return False
    try:
        import ahocorasick  # noqa: F401
    except ImportError:
        return False
    return True


def literals_for(needle_sets: Iterable[tuple[str, ...] | None]) -> Literals | None:
    """One automaton for every needle of ``needle_sets`` (built once per process for the
    same needles), or None when there is nothing to find or no automaton to use."""
    return literals_of(gathered(needle_sets))


def gathered(needle_sets: Iterable[tuple[str, ...] | None]) -> frozenset[str]:
    """Every needle of ``needle_sets``, as ``literals_of`` takes them."""
    return frozenset(n for found in needle_sets if found for n in found)


def literals_of(needles: frozenset[str]) -> Literals | None:
    """``literals_for`` with the needles gathered already (a caller that keeps them for
    every document of a run)."""
    if not needles:
        return None
    built = _BUILT.get(needles)
    if built is None:
        if not automaton_enabled():
            return None
        import ahocorasick

        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for needle in needles:
            automaton.add_word(needle, needle)
        automaton.make_automaton()
        built = _BUILT[needles] = Literals(needles, automaton)
    elif not automaton_enabled():
        return None
    return built
