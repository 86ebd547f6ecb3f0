"""Vale's ``sequence`` kind (``internal/check/sequence.go``) for tokens that name words.

A sequence is a list of tokens, each a ``pattern`` (a regex one word must match in
full), optionally ``negate``-d, with ``skip: n`` (up to n words may come before it) and
``min: n`` (it occurs n times) and ``target`` (the alert covers only the marked
tokens). The first plain ``pattern`` token is the anchor: at each place the anchor's
pattern occurs in a sentence, the words left and right of the first unused word it
matches are checked against the tokens either side, as Vale does. ``exceptions`` are
regexes of sentence regions in which a match may not begin. ``%[n]s`` in the message
is the n-th word of the match.

Vale tags every word with its part of speech for ``tag`` / ``upos`` tokens, with a
tagger built into Vale. sglint has no tagger, so a rule with such a token (or a
``model``) cannot run: it is skipped with a notice (``CannotRun``).

The rule runs on sentences (Vale's ``sentenceScope``): no scope means every sentence,
``list`` means the sentences of list items, ``~list`` sentences outside lists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import vale_message
from lint.rules import budget, schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.scopes import Selector
from lint.vale.lenient import CannotRun

KEYS: dict[str, schema.Option] = {
    "tokens": schema.Option(schema.LIST_OR_MAP, "The words of the sequence, in order.", ()),
    "ignorecase": schema.Option(schema.BOOL, "Match the patterns regardless of case.", False),
    "exceptions": schema.Option(
        schema.STR_LIST, "Regexes of sentence regions in which no match may begin.", ()
    ),
    "model": schema.Option(schema.STR, "A tagger model (Vale's; sglint has none).", ""),
}
DEFAULT_FIX = FixSafety.DISPLAY
CONTEXT = ContextUse.RESPECT

TOKEN_KEYS = frozenset({"pattern", "tag", "upos", "skip", "min", "negate", "target"})
#: Prose's tokens, roughly: words (inner apostrophes and hyphens kept) and punctuation marks.
_WORDS = regex.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    pattern: regex.Pattern[str] | None  # the whole word must match
    negate: bool
    skip: int
    optional: bool
    start: bool
    end: bool
    group: int
    target: bool

    def matches(self, word: str) -> bool:
        """Vale's ``tokensMatch`` for a token without a tag."""
        if self.pattern is None:
            return True
        return (self.pattern.fullmatch(word) is not None) != self.negate


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    words: list[str]
    index: int
    lo: int
    hi: int
    word_at: dict[int, int]

    @property
    def ok(self) -> bool:
        return bool(self.words) and self.lo >= 0 and self.hi >= self.lo


def _failed(index: int) -> Match:
    return Match([], index, -1, -1, {})


def _negated_to_boundary(tokens: Sequence[Token]) -> bool:
    return all(t.negate for t in tokens)


def sequence_match(
    idx: int, tokens: Sequence[Token], words: Sequence[Word], history: set[int]
) -> Match:
    """Vale's ``sequenceMatches``: the first unused word the anchor token matches, and
    whether the tokens either side hold around it."""
    anchor = tokens[idx]
    text: list[str] = []
    lo = hi = -1
    word_at: dict[int, int] = {}
    for jdx, word in enumerate(words):
        if not anchor.matches(word.text) or jdx in history:
            continue
        ti, wi = idx - 1, jdx - 1
        while idx > 0 and ti >= 0:  # the left-hand side, right to left
            if wi < 0:
                if _negated_to_boundary(tokens[: ti + 1]):
                    break
                return _failed(jdx)
            tok = tokens[ti]
            text.insert(0, words[wi].text)
            lo, word_at[ti] = wi, wi
            optional = (tok.optional or tok.end) and not tok.start if tok.skip else tok.optional
            hit = tok.matches(words[wi].text)
            if not hit and not optional:
                return _failed(jdx)
            if hit and optional:
                while ti >= 0 and tokens[ti].group == tok.group:
                    ti -= 1
            else:
                ti -= 1
            wi -= 1
        ti, wi = idx, jdx
        while ti < len(tokens):  # the anchor and the right-hand side
            if wi >= len(words):
                if _negated_to_boundary(tokens[ti:]):
                    break
                return _failed(jdx)
            tok = tokens[ti]
            text.append(words[wi].text)
            if lo < 0 or wi < lo:
                lo = wi
            hi, word_at[ti] = wi, wi
            hit = tok.matches(words[wi].text)
            if not hit and not tok.optional:
                return _failed(jdx)
            if hit and tok.optional:
                while ti < len(tokens) and tokens[ti].group == tok.group:
                    ti += 1
            else:
                ti += 1
            wi += 1
        return Match(text, jdx, lo, hi, word_at)
    return Match(text, 0, lo, hi, word_at)


@dataclass(frozen=True)
class SequenceRule:
    meta: RuleMeta
    tokens: tuple[Token, ...]
    anchor: int
    finder: regex.Pattern[str]  # the anchor's pattern in Vale's word template
    exceptions: tuple[regex.Pattern[str], ...]

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for unit in facts.units(self.meta.scope):
            text = doc.text[unit.start : unit.end]
            words = [Word(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]
            excluded = [
                m.span() for p in self.exceptions for m in p.finditer(text, timeout=budget.left())
            ]
            history: set[int] = set()
            for _candidate in self.finder.finditer(text, timeout=budget.left()):
                m = sequence_match(self.anchor, self.tokens, words, history)
                history.add(m.index)
                if not m.ok or m.hi >= len(words):
                    continue
                lo, hi = self._target(m) or (m.lo, m.hi)
                start, end = words[lo].start, words[hi].end
                if any(a <= start < b for a, b in excluded):
                    continue
                message = vale_message(self.meta.message, *m.words)
                yield Hit(unit.start + start, unit.start + end, message)

    def _target(self, m: Match) -> tuple[int, int] | None:
        marked = [i for i, t in enumerate(self.tokens) if t.target]
        if not marked or any(i not in m.word_at for i in marked):
            return None
        at = [m.word_at[i] for i in marked]
        return min(at), max(at)


def sentence_scope(declared: Sequence[str]) -> list[str]:
    """Vale's ``sentenceScope``: the sentences of the scopes a rule names."""
    out = []
    for scope in declared or ["sentence"]:
        if scope == "sentence" or scope.startswith("sentence."):
            out.append(scope)
        elif scope.startswith("~"):
            out.append("sentence&" + scope)
        elif scope == "paragraph" or scope.startswith("paragraph."):
            out.append("sentence" + scope[len("paragraph") :])
        elif scope == "text":
            out.append("sentence")
        else:
            out.append("sentence." + scope)
    return out


def _count(entry: dict[str, Any], key: str, *, path: str, line: int) -> int:
    """A token's ``skip`` or ``min``: a whole number from 0 to 100."""
    value = entry.get(key) or 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if isinstance(value, bool) or not 0 <= number <= 100:
        raise RuleError(f"token '{key}' must be a whole number from 0 to 100", path=path, line=line)
    return number


def _tokens(raw: Any, *, ignorecase: bool, path: str, line: int) -> list[Token]:
    """Vale's ``makeTokens``: each token once per ``min``, after ``skip`` optional
    copies of itself."""
    if not isinstance(raw, list) or not raw:
        raise RuleError("'tokens' must be a list of token mappings", path=path, line=line)
    out: list[Token] = []
    group = 0
    for entry in raw:
        if not isinstance(entry, dict) or set(entry) - TOKEN_KEYS:
            raise RuleError(
                f"each token is a mapping of {', '.join(sorted(TOKEN_KEYS))}", path=path, line=line
            )
        if entry.get("tag") or entry.get("upos"):
            raise CannotRun(
                "this sequence names part-of-speech tags (tag/upos), which need a tagger "
                "sglint does not have",
                reason="sequence with part-of-speech tags",
                path=path,
            )
        pattern = None
        if entry.get("pattern"):
            flags = "(?i)" if ignorecase else ""
            try:
                pattern = regex.compile(f"{flags}(?:{entry['pattern']})")
            except regex.error as exc:
                raise RuleError(f"token pattern: {exc}", path=path, line=line) from None
        skip = _count(entry, "skip", path=path, line=line)
        base = Token(
            pattern,
            bool(entry.get("negate")),
            skip,
            True,
            False,
            False,
            0,
            bool(entry.get("target")),
        )
        for _ in range(max(1, _count(entry, "min", path=path, line=line))):
            group += 1
            for i in range(skip, 0, -1):
                out.append(replace(base, start=i == skip, group=group))
            if pattern is not None:
                out.append(replace(base, optional=False, end=True, group=group))
    return out


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> SequenceRule:
    line = src.data.line_of("tokens")
    if data.get("model"):
        raise CannotRun(
            f"model '{data['model']}' is a Vale tagger model; sglint has no tagger",
            reason="sequence with part-of-speech tags",
            path=src.path,
        )
    raw = schema.require(data, "tokens", path=src.path, line=line, kind="sequence")
    ignorecase = bool(data.get("ignorecase"))
    tokens = _tokens(raw, ignorecase=ignorecase, path=src.path, line=line)
    anchor = next((i for i, t in enumerate(tokens) if t.pattern is not None and not t.negate), None)
    if anchor is None:
        raise RuleError("a sequence needs a token with a 'pattern'", path=src.path, line=line)
    first = next(e for e in raw if e.get("pattern") and not e.get("negate"))
    finder = regex.compile(("(?i)" if ignorecase else "") + rf"(?m)\b(?:{first['pattern']})\b")
    exceptions = []
    for pattern in data.get("exceptions", ()):
        try:
            exceptions.append(regex.compile(pattern))
        except regex.error as exc:
            raise RuleError(f"exceptions: {exc}", path=src.path, line=line) from None
    scope = Selector.parse(sentence_scope(list(data["scope"]) if "scope" in data else []))
    return SequenceRule(
        replace(meta, scope=scope), tuple(tokens), anchor, finder, tuple(exceptions)
    )
