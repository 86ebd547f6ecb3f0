"""The time budget: how long one rule may match in one file, and the deadline it runs to.

Every search with a pattern written in a rule file or a config (main patterns, guards,
swap replacements and ``$1`` expansion, capitalisation ``match``, Vale's
``TokenIgnores`` / ``BlockIgnores``) may backtrack catastrophically on hostile text.
Besides the explicit deadlines rules pass along, the engine opens a budget around each
rule's work on a document (``within``); code deeper down calls ``left()`` for the
``timeout`` of each ``regex`` call, so a runaway pattern raises ``TimeoutError`` wherever
it is used, and the engine reports it. Outside any budget ``left()`` is None (no limit),
for library callers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from lint.document import Document

if TYPE_CHECKING:
    from lint.rules.contract import RuleMeta


#: Seconds one rule may spend matching in one file before it is stopped and reported.
DEFAULT_TIMEOUT = 2.0
#: Files longer than this many characters (twenty long press releases) get the timeout
#: once per this many, so a sound rule on a 50 MB file is not taken for a runaway one.
TIMEOUT_CHARS = 200_000


class RuleTimeout(Exception):
    """A rule's pattern ran past its time budget on one document."""


def remaining(deadline: float) -> float:
    """Seconds left before ``deadline``, for a regex call's ``timeout``; RuleTimeout if none.

    Every search with a pattern from a rule file passes one, so that a pattern that
    backtracks catastrophically stops the rule wherever it is used: main pattern, guard,
    prefilter or capitalisation ``match``.
    """
    import time

    left = deadline - time.monotonic()
    if left <= 0:
        raise RuleTimeout
    return left


class _Bounded:
    """``bounded``'s context: a plain object, not a generator made for every one of the
    hundreds of thousands of searches of a run."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None and issubclass(kind, TimeoutError):
            raise RuleTimeout from None


_BOUNDED = _Bounded()


def bounded() -> _Bounded:
    """Turn the regex module's timeout into RuleTimeout."""
    return _BOUNDED


def time_budget(meta: RuleMeta, doc: Document) -> float:
    """Seconds the rule may spend on ``doc``: its timeout, scaled with the file's size."""
    return meta.timeout * max(1.0, len(doc.source) / TIMEOUT_CHARS)


def deadline_for(meta: RuleMeta, doc: Document) -> float:
    """When the rule's time on ``doc`` runs out."""
    import time

    return time.monotonic() + time_budget(meta, doc)


_deadline: ContextVar[float | None] = ContextVar("sglint_deadline", default=None)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Run the body with ``seconds`` to spend (never more than an enclosing budget)."""
    deadline = time.monotonic() + seconds
    outer = _deadline.get()
    token = _deadline.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _deadline.reset(token)


def left() -> float | None:
    """Seconds left in the current budget, for a ``regex`` call's ``timeout``; None
    outside any budget. Raises TimeoutError when none is left."""
    deadline = _deadline.get()
    if deadline is None:
        return None
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("time budget spent")
    return remaining
