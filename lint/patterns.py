"""Compiling the patterns of sglint's own code, its rules and its configs.

One place compiles, so that every pattern goes through the same call. Compiled programs
are never cached on disk: a cache folder may come from another run (CI caches), and the
``regex`` engine trusts the programs it is given, so a cached program is code. Patterns
are compiled afresh from their strings on every run, and kept in memory for the run: the
``regex`` module's own cache works out the flags on every look-up (about 10 µs, which
counts in a loop) and drops entries past 500 patterns, which a rule set exceeds.
"""

from __future__ import annotations

from functools import lru_cache

import regex


@lru_cache(maxsize=8192)
def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile``: the one call every pattern goes through."""
    return regex.compile(pattern, flags)
