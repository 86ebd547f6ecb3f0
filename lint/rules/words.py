"""Word rules without regex: a pattern that is only a list of words and phrases between
word boundaries, matched by one automaton over the document and a few string tests,
without compiling it.

Many rules are lists of words: Vale's ``\\b(?:t1|t2|…)\\b`` (existence) or one group per
entry (substitution), each entry a few literal words with small choices (``[sz]``, an
optional ``s``, ``a|b``) and white space between words (a space in a rule matches any run
of it, ``lint.rules.regexes.flexible_spaces``). Such a pattern matches, at a position,
the first of its finitely many strings, in the order the ``regex`` engine tries them,
that the text holds there followed by a word boundary. ``words_of`` reads that list once
from the pattern's syntax tree (kept in the cache folder by the pattern's digest, as
plain strings: ``lint.diskcache``); ``WordPattern.finditer_words`` then finds the same
matches the compiled pattern finds: candidates from an Aho–Corasick automaton over the
strings' first words, each tried in the engine's order, with ``regex``'s own ``\\b`` and
``\\s+`` for boundaries and white space. The compiled pattern is still there for every
other use (``patterns.Lazy``), compiled only if asked.

Only what is provably the same is taken: case-insensitive patterns (compared with the
document's lower-cased view) whose every character is one whose case-insensitive
matches are exactly the characters that lower-case to it (``SAFE``; ``ſ`` matches ``s``
in ``regex`` but lower-cases to itself, so a document holding it or a dotless ``ı``, or
one whose lower-cased view changes length, is matched by ``regex``); no look-arounds, anchors,
classes other than a few literal characters, repeats other than optional parts and
white space. ``SGLINT_NO_WORDS=1`` matches every pattern with ``regex``:
``tests/test_words.py`` compares the two on the precision corpus and the seeds.
"""

from __future__ import annotations

import os
import re
import re._parser as _sre_parse  # type: ignore[import-not-found]  # the stdlib parser
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

import regex

from lint import diskcache, patterns
from lint.literals import automaton_enabled

#: Set to 1 to match every pattern with ``regex`` (the fallback path).
NO_WORDS_ENV = "SGLINT_NO_WORDS"

#: Characters a word pattern may hold: for each, ``regex``'s case-insensitive match and
#: ``str.lower`` agree on every character of Unicode but ``UNSAFE_TEXT`` and ``İ``
#: (``tests/test_words.py`` checks this over the whole range).
SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘–—"
)
#: Characters that ``regex`` matches case-insensitively to a ``SAFE`` letter although
#: their lower case is not that letter: long s (``S`` and ``s``) and dotless i (``I``;
#: dotted ``İ`` lower-cases to two characters, which the length test catches).
UNSAFE_TEXT = "ſı"

#: The most strings one pattern may stand for.
MOST = 2000

#: ``regex`` syntax Python's parser would misread as literal text (POSIX classes, fuzzy
#: constraints, set operations), as ``lint.rules.prefilter`` reads it.
_REGEX_ONLY = re.compile(r"\[\[|\[:|\{\s*[deis]\s*[<=,}]|\\[pPXGmMhL]")

#: The words of a stored answer, one a line: ``SAFE`` characters that lower case leaves
#: as they are, a space only inside a word.
_WORD_CHARS = "".join(sorted(re.escape(c) for c in SAFE if c.lower() == c))
_WORD_TEXT = re.compile(rf"[ \n{_WORD_CHARS}]*")

_BOUNDARY = patterns.compile(r"\b")
_SPACE = patterns.compile(r"\s+")


@dataclass(frozen=True)
class Words:
    """What a word pattern matches: per alternative (one per capture group, or the one
    alternative of a pattern without groups), its strings in the order the engine tries
    them, each string as its words (white space between them)."""

    alternatives: tuple[tuple[tuple[str, ...], ...], ...]
    groups: int  # 0, or one group per alternative
    start_boundary: bool
    end_boundary: bool

    def only(self, chosen: Sequence[int]) -> Words:
        """The pattern made of the ``chosen`` alternatives only (``Alternatives``)."""
        return Words(
            tuple(self.alternatives[i] for i in chosen),
            len(chosen) if self.groups else 0,
            self.start_boundary,
            self.end_boundary,
        )

    def to_json(self) -> list[object]:
        return [
            [[list(s) for s in alt] for alt in self.alternatives],
            self.groups,
            self.start_boundary,
            self.end_boundary,
        ]


def _from_json(found: Any) -> Words | None:
    return Words(
        tuple(tuple(tuple(s) for s in alt) for alt in found[0]), found[1], found[2], found[3]
    )


def _valid(found: object) -> bool:
    """None, or the shape ``Words.to_json`` gives, with lower-case words of ``SAFE``
    characters. (Plain loops: a run checks about a thousand stored answers.)"""
    if found is None:
        return True
    if not (isinstance(found, list) and len(found) == 4):
        return False
    alternatives, groups, start, end = found
    if not (
        isinstance(alternatives, list)
        and bool(alternatives)
        and type(groups) is int
        and groups in (0, len(alternatives))
        and type(start) is bool
        and type(end) is bool
    ):
        return False
    count = 0
    words: list[object] = []
    for alt in alternatives:
        if not isinstance(alt, list) or not alt:
            return False
        count += len(alt)
        for strings in alt:
            if not isinstance(strings, list) or not strings:
                return False
            words.extend(strings)
    return count <= MOST and _all_words(words)


def _all_words(words: list[object]) -> bool:
    """Every word a non-empty string, in lower case, of ``SAFE`` characters, a space
    only inside it: tested at once, one word a line (a run reads thousands of them)."""
    if not all(isinstance(w, str) for w in words):
        return False
    joined = "\n".join(cast("list[str]", words))
    # One pass of one class over the whole text (a pattern of words, one a line, took
    # 25 ms of every cold run): every word one line, none empty, no space at either end.
    return (
        joined.count("\n") == len(words) - 1
        and joined[:1] not in ("", " ", "\n")
        and joined[-1:] not in (" ", "\n")
        and "\n\n" not in joined
        and " \n" not in joined
        and "\n " not in joined
        and _WORD_TEXT.fullmatch(joined) is not None
    )


def _method() -> str:
    """What the stored answers depend on: this module's source and ``regex``'s version."""
    source = diskcache.source_digest(__file__)
    return f"{source} regex {regex.__version__}" if source else ""


#: Each pattern's words by the pattern's digest (None: not a word pattern).
STORE = diskcache.Store("words.json", _method(), _valid)


def words_of(pattern: str) -> Words | None:
    """The words ``pattern`` stands for, or None when it is not only words."""
    digest = diskcache.digest(pattern)
    if digest in STORE:
        found = STORE.get(digest)
        return None if found is None else _from_json(found)
    words = read_words(pattern)
    STORE.put(digest, None if words is None else words.to_json())
    return words


def remember() -> None:
    """Store the answers this run read for the first time (once the rule set is loaded)."""
    STORE.save()


class _NotWords(Exception):
    pass


_SPACE_RUN = "\0"  # a run of white space, between two words


def read_words(pattern: str) -> Words | None:
    """``Words`` read from the pattern's syntax tree as Python's parser builds it (the
    same tree as ``regex``'s for the syntax taken here), or None."""
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        tree = _sre_parse.parse(pattern)
    except Exception:
        return None
    flags = tree.state.flags
    if (
        tree.state.groupdict
        or not flags & re.IGNORECASE
        or flags & ~(re.IGNORECASE | re.MULTILINE | re.UNICODE)
    ):
        return None
    items = list(tree)
    start = bool(items) and items[0] == (_sre_parse.AT, _sre_parse.AT_BOUNDARY)
    end = len(items) > int(start) and items[-1] == (_sre_parse.AT, _sre_parse.AT_BOUNDARY)
    body = items[int(start) : len(items) - int(end)]
    try:
        groups = _groups(body)
        if groups is None:
            alternatives = [_strings(body)]
            count = 0
        else:
            alternatives = [_strings(g) for g in groups]
            count = len(groups)
        if tree.state.groups - 1 != count:
            return None
        found = tuple(tuple(_words(s) for s in alt) for alt in alternatives)
    except _NotWords:
        return None
    if sum(map(len, found)) > MOST:
        return None
    return Words(found, count, start, end)


def _groups(body: list[Any]) -> list[Any] | None:
    """The groups of a body that is an alternation of capture groups numbered 1, 2 …
    in order (a substitution's entries), or None when the body is not one."""
    if len(body) == 1 and str(body[0][0]) == "SUBPATTERN" and body[0][1][0] is None:
        return _groups(list(body[0][1][3]))  # (?:…) around it
    if len(body) == 1 and str(body[0][0]) == "BRANCH":
        branches = body[0][1][1]
    elif len(body) == 1 and str(body[0][0]) == "SUBPATTERN" and body[0][1][0] == 1:
        branches = [body]  # one entry
    else:
        return None
    out = []
    for number, branch in enumerate(branches, 1):
        if len(branch) != 1 or str(branch[0][0]) != "SUBPATTERN":
            return None
        group, add, remove, inner = branch[0][1]
        if group != number or add or remove:
            return None
        out.append(list(inner))
    return out


def _strings(items: Any) -> list[str]:
    """Every string a sequence matches, in the order the engine tries them, with
    ``_SPACE_RUN`` for a run of white space; raises ``_NotWords`` for anything else."""
    out = [""]
    for op, arg in items:
        options = _node(str(op), arg)
        out = [a + b for a in out for b in options]
        if len(out) > MOST:
            raise _NotWords
    return out


def _node(name: str, arg: Any) -> list[str]:
    if name == "LITERAL":
        c = chr(arg)
        if c not in SAFE:
            raise _NotWords
        return [c.lower()]
    if name == "IN":
        chars: list[str] = []
        for op, value in arg:
            if str(op) == "LITERAL":
                chars.append(chr(value))
            elif str(op) == "RANGE" and value[1] - value[0] < 10:  # [1-9]
                chars.extend(map(chr, range(value[0], value[1] + 1)))
            else:
                raise _NotWords
        if not all(c in SAFE or c == " " for c in chars):
            raise _NotWords
        return list(dict.fromkeys(c.lower() for c in chars))
    if name == "SUBPATTERN":
        group, add, remove, inner = arg
        if group is not None or add or remove:
            raise _NotWords
        return _strings(inner)
    if name == "BRANCH":
        return [s for branch in arg[1] for s in _strings(branch)]
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, inner = arg
        if _is_space(inner):
            if name == "MAX_REPEAT" and low == 1 and high == _sre_parse.MAXREPEAT:
                return [_SPACE_RUN]
            raise _NotWords
        if (low, high) != (0, 1):
            raise _NotWords
        found = _strings(inner)
        return [*found, ""] if name == "MAX_REPEAT" else ["", *found]
    raise _NotWords


def _is_space(items: Any) -> bool:
    return list(items) == [(_sre_parse.IN, [(_sre_parse.CATEGORY, _sre_parse.CATEGORY_SPACE)])]


def _words(string: str) -> tuple[str, ...]:
    """A string as its words: non-empty, no white space at either end or twice in a row
    (``\\s+\\s+`` needs two characters of white space, which words cannot say). A word
    may hold a space from a class (``[- ]``), not at its ends, where a run of white
    space before or after it could take it."""
    words = tuple(string.split(_SPACE_RUN))
    if not all(w and w[0] != " " and w[-1] != " " for w in words):
        raise _NotWords
    return words


# -- matching -------------------------------------------------------------------------------


def enabled() -> bool:
    """Whether word patterns are matched without ``regex``: not switched off, and the
    automaton is in use (``lint.literals``: the library is there, ``SGLINT_NO_AUTOMATON``
    is not set)."""
    off = os.environ.get(NO_WORDS_ENV, "").strip() not in ("", "0")
    return not off and automaton_enabled()


def matchable(text: str, lowered: str) -> bool:
    """Whether a document's view can be matched without ``regex`` (its lower-cased view
    keeps every offset, and it holds no character ``regex`` folds otherwise)."""
    return len(lowered) == len(text) and not any(c in text for c in UNSAFE_TEXT)


class WordMatch:
    """A match found without ``regex``: what rule kinds use of ``regex.Match``."""

    __slots__ = ("_end", "_group", "_groups", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, group: int, groups: int) -> None:
        self._text = text
        self._start = start
        self._end = end
        self._group = group  # the alternative's capture group (0: none)
        self._groups = groups

    @property
    def group_index(self) -> int:
        """The capture group of the alternative that matched (0: none)."""
        return self._group

    def _check(self, group: int | str) -> bool:
        if not isinstance(group, int) or not 0 <= group <= self._groups:
            raise IndexError("no such group")
        return group == 0 or group == self._group

    def start(self, group: int | str = 0, /) -> int:
        return self._start if self._check(group) else -1

    def end(self, group: int | str = 0, /) -> int:
        return self._end if self._check(group) else -1

    def span(self, group: int | str = 0, /) -> tuple[int, int]:
        return (self._start, self._end) if self._check(group) else (-1, -1)

    def group(self, group: int | str = 0, /) -> Any:
        return self._text[self._start : self._end] if self._check(group) else None

    def groups(self) -> tuple[Any, ...]:
        found = self._text[self._start : self._end]
        return tuple(found if g == self._group else None for g in range(1, self._groups + 1))


class WordPattern(patterns.Lazy):
    """A pattern with its ``Words``: ``finditer_words`` matches it without compiling;
    anything else is asked of the compiled pattern (``patterns.Lazy``)."""

    def __init__(
        self,
        pattern: str,
        words: Words,
        compiler: Any = None,
        compiled: regex.Pattern[str] | None = None,
    ) -> None:
        super().__init__(pattern, 0, compiler)
        self.words = words
        self._compiled = compiled
        self._by_first: dict[str, list[tuple[int, int, tuple[str, ...]]]] | None = None
        self._automaton: Any = None

    def _index(self) -> tuple[Any, dict[str, list[tuple[int, int, tuple[str, ...]]]]]:
        by_first = self._by_first
        if by_first is None:
            import ahocorasick

            by_first = {}
            for a, alternative in enumerate(self.words.alternatives):
                for s, words in enumerate(alternative):
                    by_first.setdefault(words[0], []).append((a, s, words))
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for first in by_first:
                automaton.add_word(first, first)
            automaton.make_automaton()
            self._automaton, self._by_first = automaton, by_first
        return self._automaton, by_first

    def finditer_words(self, text: str, lowered: str, pos: int, endpos: int) -> Iterator[WordMatch]:
        """The matches ``finditer(text, pos, endpos)`` of the compiled pattern gives, in
        order, for a view that is ``matchable``."""
        automaton, by_first = self._index()
        starts: dict[int, list[str]] = {}
        # The automaton reads a slice: given the whole view and bounds, it converts the
        # whole view on every call, which a large document's many spans make quadratic.
        for last, first in automaton.iter(lowered[pos:endpos]):
            starts.setdefault(pos + last - len(first) + 1, []).append(first)
        words = self.words
        groups = words.groups
        after = pos
        spaces: dict[int, int] = {}  # where the run of white space from an offset ends
        for at in sorted(starts):
            if at < after:
                continue
            if words.start_boundary and _BOUNDARY.match(text, at, endpos) is None:
                continue
            firsts = starts[at]
            tried = (  # each list is in the engine's order already
                by_first[firsts[0]]
                if len(firsts) == 1
                else sorted(t for first in firsts for t in by_first[first])
            )
            for alternative, _s, string in tried:
                end = _match(string, text, lowered, at, endpos, words.end_boundary, spaces)
                if end >= 0:
                    yield WordMatch(text, at, end, alternative + 1 if groups else 0, groups)
                    after = end
                    break


def _match(
    words: tuple[str, ...],
    text: str,
    lowered: str,
    at: int,
    endpos: int,
    boundary: bool,
    spaces: dict[int, int],
) -> int:
    """Where ``words`` matched from ``at`` ends (-1: no match there); ``spaces`` keeps
    where each run of white space looked at ends (-1: none there)."""
    here = at
    for k, word in enumerate(words):
        if k:
            found = spaces.get(here)
            if found is None:
                space = _SPACE.match(text, here, endpos)
                found = spaces[here] = -1 if space is None else space.end()
            if found < 0:
                return -1
            here = found
        if here + len(word) > endpos or not lowered.startswith(word, here):
            return -1
        here += len(word)
    if boundary and _BOUNDARY.match(text, here, endpos) is None:
        return -1
    return here
