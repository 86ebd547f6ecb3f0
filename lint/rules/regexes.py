"""Building a rule's regular expressions: flexible spaces, word templates, flags,
and compiling with located errors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

import regex

from lint import diskcache, patterns
from lint.errors import RuleError, excerpt
from lint.rules.words import WordPattern, words_of

#: What the space rewrite looks at: an escape (two characters), a class's brackets, a space.
_SPACE_TOKENS = re.compile(r"\\.|[\[\] ]", re.DOTALL)


def flexible_spaces(pattern: str) -> str:
    """Let a literal space in a pattern match any white space, so phrases are found
    across line breaks. Spaces inside classes or escaped are left alone."""
    if " " not in pattern:  # most patterns: nothing to rewrite
        return pattern
    out: list[str] = []
    last = 0
    in_class = False
    for token in _SPACE_TOKENS.finditer(pattern):
        c = token.group()
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == " " and not in_class:
            at = token.end()
            nxt = pattern[at : at + 1]
            out.append(pattern[last : token.start()])
            out.append(r"(?:\s+)" if nxt and nxt in "?*+{" else r"\s+")
            last = at
    out.append(pattern[last:])
    return "".join(out)


def compile_pattern(pattern: str, *, path: str, line: int, key: str) -> regex.Pattern[str]:
    """A rule's pattern, compiled, or an invalid one's located error. A pattern that
    compiled on an earlier run (``KNOWN``) is compiled on first use instead: a rule
    whose needles a document lacks never runs it, so a short run compiles less. Should
    it fail to compile after all (a doctored cache), the error is the same located one.
    A pattern that is only words (``lint.rules.words``) comes with them, and ``scan``
    matches it without compiling it."""
    known = diskcache.digest(pattern)
    found = words_of(pattern)

    def compiler(text: str, _flags: int) -> regex.Pattern[str]:
        return _compile(text, path, line, key)

    if known in KNOWN:
        if found is not None:
            return cast("regex.Pattern[str]", WordPattern(pattern, found, compiler))
        return cast("regex.Pattern[str]", patterns.Lazy(pattern, 0, compiler))
    compiled = _compile(pattern, path, line, key)
    KNOWN.put(known, True)
    if found is not None:  # matched as words from the first run on, as on later ones
        return cast("regex.Pattern[str]", WordPattern(pattern, found, compiler, compiled))
    return compiled


def _compile(pattern: str, path: str, line: int, key: str) -> regex.Pattern[str]:
    try:
        return patterns.compile(pattern)
    except (regex.error, ValueError, OverflowError) as exc:
        raise RuleError(
            f"'{key}': invalid regular expression {excerpt(pattern)!r}: {exc}",
            path=path,
            line=line,
        ) from None


# -- patterns known to compile ----------------------------------------------------------
#
# Only the patterns' *digests* are kept (lint.diskcache: data, never a compiled program),
# under the regex module's version. A doctored list can at worst delay an invalid
# pattern's located error to its first use.

KNOWN = diskcache.Store(
    "patterns-valid.json", f"regex {regex.__version__}", lambda value: value is True
)


def remember_valid() -> None:
    """Store the digests of the patterns this run compiled for the first time (called
    once the rule set is loaded)."""
    KNOWN.save()


def word_pattern(tokens: Sequence[str], *, nonword: bool) -> str:
    """Vale's template ``\\b(?:t1|t2)\\b``, or without boundaries for nonword.
    Flags are the caller's to put at the very start."""
    body = "|".join(flexible_spaces(t) for t in tokens if t.strip())
    return f"(?:{body})" if nonword else rf"\b(?:{body})\b"


def flags(*, ignorecase: bool) -> str:
    return "(?mi)" if ignorecase else "(?m)"
