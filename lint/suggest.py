"""One "did you mean" for every unknown name: keys, kinds, levels, profiles, rules, styles."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(name: str, options: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest option, or "" when none is close."""
    import difflib  # only when a name is unknown: not on every run's path

    close = difflib.get_close_matches(name, list(options), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
