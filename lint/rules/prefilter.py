"""Prefilter: literals every match must contain, read from the pattern's syntax tree,
so a rule can skip a document that contains none of them."""

from __future__ import annotations

import re._parser as _sre_parse  # type: ignore[import-not-found]  # the stdlib parser
from collections.abc import Sequence
from typing import Any


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case pieces of text of which every match of ``pattern`` contains at least
    one, or None when there is no such set worth testing (a piece under 3 characters).

    Read from the pattern's syntax tree as Python's own ``re`` parser builds it; a
    pattern it cannot parse (``regex``-only syntax such as ``\\p{L}``) gets None, so the
    rule is simply never skipped. Spaces end a piece: a space in a rule matches any
    white space.
    """
    try:
        tree = _sre_parse.parse(pattern)
    except Exception:
        return None
    return _required(tree)


def _required(items: Any) -> frozenset[str] | None:
    """Requirements of a sequence: the best of its literal runs and its parts."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and chr(arg) != " " and not chr(arg).isspace():
            run.append(chr(arg))
            continue
        if name == "AT":  # \b, ^, $: zero-width, the run goes on
            continue
        flush()
        part: frozenset[str] | None = None
        if name == "SUBPATTERN":
            part = _required(arg[-1])
        elif name == "BRANCH":
            branches = [_required(b) for b in arg[1]]
            if all(b is not None for b in branches):
                part = frozenset().union(*branches)  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            part = _required(arg[2])
        elif name == "ATOMIC_GROUP":
            part = _required(arg)
        if part is not None:
            candidates.append(part)
    flush()
    usable = [c for c in candidates if c and min(map(len, c)) >= 3]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def needles_for(patterns_: Sequence[str]) -> tuple[str, ...] | None:
    """Pieces of text of which any match of any of the patterns contains one, or None:
    a document containing none of them cannot match, so the rule need not scan it."""
    out: set[str] = set()
    for pattern in patterns_:
        found = required_literals(pattern)
        if found is None:
            return None
        out |= found
    return tuple(sorted(out))
