"""Compiling the patterns of sglint's own code, its rules and its configs.

One place compiles, so that every pattern goes through the same call. Compiled programs
are never cached on disk: a cache folder may come from another run (CI caches), and the
``regex`` engine trusts the programs it is given, so a cached program is code. Patterns
are compiled afresh from their strings on every run, and kept in memory for the run: the
``regex`` module's own cache works out the flags on every look-up (about 10 µs, which
counts in a loop) and drops entries past 500 patterns, which a rule set exceeds.

Compiling is the costliest part of a short run (``regex`` parses patterns in Python:
a long alternation takes tens of milliseconds), so a pattern that a run may never use
is made with ``lazy``: compiled when first used, once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

import regex


@lru_cache(maxsize=8192)
def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile``: the one call every pattern goes through."""
    return regex.compile(pattern, flags)


class Lazy:
    """A pattern compiled when first used. Its text (``pattern``) is known at once;
    anything else asked of it is asked of the compiled pattern, and kept, so later
    calls of the same method cost no more than on the pattern itself. ``compiler``
    compiles it (``compile`` unless given: a rule's pattern gives a located error)."""

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        compiler: Callable[[str, int], regex.Pattern[str]] | None = None,
    ) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiler = compiler or compile
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = self._compiler(self.pattern, self._flags)
        return found

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # found directly next time, without this call
        return value

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``compile``, put off until the pattern is first used (see ``Lazy``)."""
    return cast("regex.Pattern[str]", Lazy(pattern, flags))
