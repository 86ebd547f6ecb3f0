"""Where a run's CPU time goes: per rule, per document fact and per stage (``--timing``).

Off unless a run turns it on (``sglint check --timing``, ``bench/rules``): then each
measured piece of work (a rule's check, the first build of a document fact, reading a
file, loading the rules …) adds its CPU time (``time.process_time``) to one row, keyed
by kind and name. Times are *exclusive*: a fact built while a rule runs is charged to
the fact, not the rule, so the rows add up to the time measured, each second counted
once. The first rule that asks for a fact does not pay for it; the fact's own row does.

Each file's times are kept on its result (``FileResult.timings``) so a run over several
processes adds them up in the parent; the report is ``lint.report.timing``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TypeVar

_S = TypeVar("_S")
_T = TypeVar("_T")

#: The kinds of row, in the order a report lists kinds.
KINDS = ("rule", "fact", "stage")

#: (kind, name) -> [CPU seconds, calls]
Rows = dict[tuple[str, str], list[float]]


class Timings:
    """CPU seconds and calls per (kind, name), exclusive of nested measurements."""

    def __init__(self) -> None:
        self.rows: Rows = {}
        self._stack: list[list[float]] = []  # per open measurement: [start, children]

    @contextmanager
    def measure(self, kind: str, name: str) -> Iterator[None]:
        frame = [time.process_time(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            elapsed = time.process_time() - frame[0]
            row = self.rows.setdefault((kind, name), [0.0, 0])
            row[0] += max(0.0, elapsed - frame[1])
            row[1] += 1
            if self._stack:
                self._stack[-1][1] += elapsed

    def add(self, rows: Rows) -> None:
        """Another process's (or file's) rows added to these."""
        for key, (seconds, calls) in rows.items():
            row = self.rows.setdefault(key, [0.0, 0])
            row[0] += seconds
            row[1] += calls


_current: Timings | None = None


def active() -> Timings | None:
    """The timings being kept, or None when the run keeps none (the usual case)."""
    return _current


@contextmanager
def keeping(timings: Timings | None) -> Iterator[Timings | None]:
    """Measure into ``timings`` (None: measure nothing) until the block ends."""
    global _current
    before, _current = _current, timings
    try:
        yield timings
    finally:
        _current = before


@contextmanager
def measure(kind: str, name: str) -> Iterator[None]:
    """Charge the block to (kind, name) when timings are kept; else do nothing."""
    timings = _current
    if timings is None:
        yield
        return
    with timings.measure(kind, name):
        yield


def timed(kind: str, name: str, build: Callable[[], _T]) -> _T:
    """``build()``, charged to (kind, name) when timings are kept."""
    with measure(kind, name):
        return build()


def fact(func: Callable[[_S], _T]) -> cached_property[_T]:
    """``cached_property`` for a document fact: built once, its build timed as a fact."""
    name = func.__name__

    @functools.wraps(func)
    def build(self: _S) -> _T:
        return timed("fact", name, lambda: func(self))

    return cached_property(build)
