"""The time budget of patterns that come from rules and configs.

Every search with a pattern written in a rule file or a config (main patterns, swap
replacements and ``$1`` expansion, exceptions, capitalisation ``match``, Vale's
``TokenIgnores`` / ``BlockIgnores``) may backtrack catastrophically on hostile text. The
engine opens a budget around each rule's work on a document (``within``); code that
searches calls ``left()`` for the ``timeout`` of each ``regex`` call, so a runaway
pattern raises ``TimeoutError`` wherever it is used, and the engine reports it.
Outside any budget ``left()`` is None (no limit), for library callers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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
