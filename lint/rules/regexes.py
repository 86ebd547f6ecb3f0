"""Building a rule's regular expressions: flexible spaces, word templates, flags,
and compiling with located errors."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lint import patterns
from lint.errors import RuleError

_SPACE_QUANTIFIER = patterns.compile(r"[?*+{]")


def flexible_spaces(pattern: str) -> str:
    """Let a literal space in a pattern match any white space, so phrases are found
    across line breaks. Spaces inside classes or escaped are left alone."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == " ":
            nxt = pattern[i + 1 : i + 2]
            out.append(r"(?:\s+)" if nxt and _SPACE_QUANTIFIER.match(nxt) else r"\s+")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str, *, path: str, line: int, key: str) -> regex.Pattern[str]:
    try:
        return patterns.compile(pattern)
    except (regex.error, ValueError, OverflowError) as exc:
        raise RuleError(
            f"'{key}': invalid regular expression {pattern!r}: {exc}", path=path, line=line
        ) from None


def word_pattern(tokens: Sequence[str], *, nonword: bool) -> str:
    """Vale's template ``\\b(?:t1|t2)\\b``, or without boundaries for nonword.
    Flags are the caller's to put at the very start."""
    body = "|".join(flexible_spaces(t) for t in tokens if t.strip())
    return f"(?:{body})" if nonword else rf"\b(?:{body})\b"


def flags(*, ignorecase: bool) -> str:
    return "(?mi)" if ignorecase else "(?m)"
