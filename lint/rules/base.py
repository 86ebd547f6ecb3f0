"""What every rule kind shares: the header, scopes, hits, patterns and guards."""

from __future__ import annotations

import bisect
import re._parser as _sre_parse  # type: ignore[import-not-found]  # the stdlib parser
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from lint import patterns
from lint.document import Block, Document
from lint.errors import RuleError
from lint.finding import FixSafety, Severity

#: Seconds one rule may spend matching in one file before it is stopped and reported.
DEFAULT_TIMEOUT = 2.0
#: Files longer than this many characters (twenty long press releases) get the timeout
#: once per this many, so a sound rule on a 50 MB file is not taken for a runaway one.
TIMEOUT_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw result: a view span (or a source span for ``raw`` scope)."""

    start: int
    end: int
    message: str
    fix: str | None = None
    fix_safety: FixSafety | None = None  # None: the rule's default
    why: str | None = None  # per-entry reason, overriding the rule's
    source_offsets: bool = False


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    fix: str | None = None  # expected text after --fix, for bad examples
    fmt: str = "text"
    profile: str | None = None
    line: int = 0


@dataclass(frozen=True)
class RuleMeta:
    """The header every rule has, validated and defaulted in one place."""

    id: str
    kind: str
    path: str
    message: str
    level: Severity = Severity.WARNING
    description: str = ""
    link: str = ""
    why: str = ""
    level_reason: str = ""  # why the rule has its level, under the level model
    source: str = ""
    scope: Selector = field(default_factory=lambda: Selector.parse(["text"]))
    limit: int = 0
    fix: FixSafety = FixSafety.DISPLAY
    quoted: str = "suggest"  # inside direct speech: report | suggest | ignore
    profiles: Mapping[str, str] = field(default_factory=dict)  # profile -> level | "off"
    # profile -> matches that profile accepts (a newsroom's "NSPCC" needs no spelling out)
    profile_exceptions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    action: Mapping[str, Any] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    # Vale-compat mode (set by lint/vale for rules loaded from a .vale.ini's StylesPath):
    # kinds reproduce Vale's own results where they differ from sglint's.
    vale_compat: bool = False

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]


class Rule(Protocol):
    """A compiled rule: a pure function from a Document to hits."""

    meta: RuleMeta

    def check(self, doc: Document) -> Iterator[Hit]: ...


class RuleTimeout(Exception):
    """A rule's pattern ran past its time budget on one document."""


# -- scopes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Selector:
    """Vale's scope selectors: a list means OR; ``a & b`` AND; ``~x`` NOT; dotted parts
    match a block if each part is among the block scope's parts, in any order."""

    alternatives: tuple[tuple[tuple[bool, frozenset[str]], ...], ...]
    names: tuple[str, ...]

    @classmethod
    def parse(cls, scopes: Sequence[str]) -> Selector:
        alternatives = []
        for scope in scopes:
            terms = []
            for term in scope.split("&"):
                term = term.strip()
                negated = term.startswith("~")
                terms.append((negated, frozenset(term.lstrip("~").split("."))))
            alternatives.append(tuple(terms))
        return cls(tuple(alternatives), tuple(scopes))

    @property
    def family(self) -> str:
        """Which units the rule runs on: raw, summary, sentence or blocks."""
        parts = {p for alt in self.alternatives for neg, ps in alt if not neg for p in ps}
        for family in ("raw", "summary", "sentence"):
            if family in parts:
                return family
        return "block"

    def matches(self, scope: str) -> bool:
        cached = _MATCH_CACHE.get((self.names, scope))
        if cached is None:
            cached = _MATCH_CACHE[(self.names, scope)] = self._matches(scope)
        return cached

    def _matches(self, scope: str) -> bool:
        parts = set(("text." + scope).split("."))
        for alt in self.alternatives:
            if all((not ps <= parts) if neg else ps <= parts for neg, ps in alt):
                return True
        return False


_MATCH_CACHE: dict[tuple[tuple[str, ...], str], bool] = {}

SUMMARY_SCOPES = ("paragraph", "list", "blockquote")


def units(doc: Document, selector: Selector) -> list[Block]:
    """The spans a rule with this selector runs on, in document order (cached per
    document: many rules share a selector)."""
    cached = doc.units_cache.get(selector.names)
    if cached is None:
        cached = doc.units_cache[selector.names] = _units(doc, selector)
    return cached


def _units(doc: Document, selector: Selector) -> list[Block]:
    family = selector.family
    if family == "raw":
        return [Block("raw", 0, len(doc.source))]
    if family == "summary":
        return [b for b in doc.blocks if b.scope.split(".")[0] in SUMMARY_SCOPES]
    if family == "sentence":
        return [s for s in doc.sentences if selector.matches(s.scope)]
    return [b for b in doc.blocks if selector.matches(b.scope)]


class UnitIndex:
    """Finds the unit that wholly contains a span."""

    def __init__(self, unit_list: Sequence[Block]) -> None:
        self.units = unit_list
        self.starts = [u.start for u in unit_list]

    def containing(self, start: int, end: int) -> Block | None:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        unit = self.units[i]
        return unit if end <= unit.end else None


# -- patterns ------------------------------------------------------------------------

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


def finditer(
    pattern: regex.Pattern[str], text: str, start: int, end: int, deadline: float
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` bounded by a wall-clock deadline (a runaway user regex)."""
    with bounded():
        yield from pattern.finditer(text, start, end, timeout=remaining(deadline))


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


@contextmanager
def bounded() -> Iterator[None]:
    """Turn the regex module's timeout into RuleTimeout."""
    try:
        yield
    except TimeoutError:
        raise RuleTimeout from None


# -- exceptions and context guards ---------------------------------------------------


@dataclass(frozen=True)
class Guards:
    """Conditions that silence a hit: Vale's ``exceptions`` and sglint's context keys.

    ``exceptions``: the match contains an exception (Vale), or lies inside a longer
    exception phrase in its unit (Vale 3.15's accepted phrases). ``not_after`` and
    ``not_before``: patterns that, found right before or after the match in the same
    unit, mean the term is negated, defined or named ("no such thing as a …").
    ``mentions: ignore``: a match wrapped in its own quote marks is a term being
    mentioned, not used ('the label "child prostitute" is wrong').
    """

    exceptions: regex.Pattern[str] | None = None
    phrases: regex.Pattern[str] | None = None
    not_after: regex.Pattern[str] | None = None
    not_before: regex.Pattern[str] | None = None
    ignore_mentions: bool = False

    def silences(self, text: str, unit: Block, start: int, end: int, *, deadline: float) -> bool:
        if self.ignore_mentions and _MENTION.fullmatch(
            text, max(unit.start, start - 1), min(unit.end, end + 2)
        ):
            return True
        with bounded():
            if self.exceptions is not None and self.exceptions.search(
                text[start:end].strip(), timeout=remaining(deadline)
            ):
                return True
            if self.phrases is not None:
                window_start = max(unit.start, start - 120)
                window_end = min(unit.end, end + 120)
                for m in self.phrases.finditer(
                    text, window_start, window_end, timeout=remaining(deadline)
                ):
                    if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
                        return True
            if self.not_after is not None and self.not_after.search(
                text, max(unit.start, start - 160), start, timeout=remaining(deadline)
            ):
                return True
            return self.not_before is not None and bool(
                self.not_before.match(
                    text, end, min(unit.end, end + 160), timeout=remaining(deadline)
                )
            )


#: A term in its own quote marks, optionally with a comma or full stop inside the close.
_MENTION = patterns.compile(r"""["'“‘][^"'“”‘’]+[.,]?["'”’].?""")


def exceptions_regex(terms: Sequence[str]) -> str:
    """Vale's exception pattern: each term case-sensitive unless it starts ``(?i)``,
    longest first, between word boundaries."""
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(f"(?i:{e[4:]})" if e.startswith("(?i)") else f"(?-i:{e})" for e in ordered)
    return rf"(?m)\b(?:{body})\b"


def build_guards(
    data: Mapping[str, Any], *, ignorecase: bool, path: str, lines: Mapping[str, int]
) -> Guards:
    exceptions = [e for e in data.get("exceptions", []) if e]
    ex_pattern = phrase_pattern = None
    if exceptions:
        ordered = sorted(exceptions, key=len, reverse=True)
        ex_pattern = compile_pattern(
            exceptions_regex(ordered), path=path, line=lines.get("exceptions", 0), key="exceptions"
        )
        flex = "|".join(flexible_spaces(e) for e in ordered if " " in e)
        if flex:
            phrase_pattern = compile_pattern(
                ("(?i)" if ignorecase else "") + rf"\b(?:{flex})\b",
                path=path,
                line=lines.get("exceptions", 0),
                key="exceptions",
            )
    not_after = not_before = None
    if data.get("not_after"):
        body = "|".join(flexible_spaces(p) for p in data["not_after"])
        not_after = compile_pattern(
            rf"(?i)(?:{body})\s*[\"'“‘]?\s*$",
            path=path,
            line=lines.get("not_after", 0),
            key="not_after",
        )
    if data.get("not_before"):
        body = "|".join(flexible_spaces(p) for p in data["not_before"])
        not_before = compile_pattern(
            rf"(?i)\s*[\"'”’]?\s*(?:{body})",
            path=path,
            line=lines.get("not_before", 0),
            key="not_before",
        )
    mentions = data.get("mentions", "report")
    if mentions not in ("report", "ignore"):
        raise RuleError(
            f"'mentions' must be report or ignore, not {mentions!r}",
            path=path,
            line=lines.get("mentions", 0),
        )
    return Guards(ex_pattern, phrase_pattern, not_after, not_before, mentions == "ignore")


def time_budget(meta: RuleMeta, doc: Document) -> float:
    """Seconds the rule may spend on ``doc``: its timeout, scaled with the file's size."""
    return meta.timeout * max(1.0, len(doc.source) / TIMEOUT_CHARS)


def deadline_for(meta: RuleMeta, doc: Document) -> float:
    """When the rule's time on ``doc`` runs out."""
    import time

    return time.monotonic() + time_budget(meta, doc)


class MatchLike(Protocol):
    """What rule kinds use of a match; ``regex.Match`` and ``Shifted`` both have it."""

    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def span(self, group: int | str = 0, /) -> tuple[int, int]: ...
    def group(self, group: int | str = 0, /) -> Any: ...
    def groups(self) -> tuple[Any, ...]: ...


@dataclass(frozen=True, slots=True)
class Shifted:
    """Vale compat: a match found in one unit's own text, reported in view offsets."""

    match: regex.Match[str]
    offset: int

    def start(self, group: int | str = 0, /) -> int:
        at = self.match.start(group)
        return at + self.offset if at >= 0 else at

    def end(self, group: int | str = 0, /) -> int:
        at = self.match.end(group)
        return at + self.offset if at >= 0 else at

    def span(self, group: int | str = 0, /) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int | str = 0, /) -> Any:
        return self.match.group(group)

    def groups(self) -> tuple[Any, ...]:
        return self.match.groups()


def scan(
    pattern: regex.Pattern[str],
    doc: Document,
    meta: RuleMeta,
    guards: Guards | None = None,
    needles: tuple[str, ...] | None = None,
) -> Iterator[tuple[MatchLike, Block]]:
    """Matches of ``pattern`` that lie wholly inside one unit of the rule's scope and
    that no guard silences. One pass over the text, not one per unit; none at all when
    the document contains none of the rule's ``needles`` (see ``needles_for``)."""
    if needles is not None and not any(n in doc.lowered for n in needles):
        return
    unit_list = units(doc, meta.scope)
    if not unit_list:
        return
    text = doc.source if meta.scope.family == "raw" else doc.text
    index = UnitIndex(unit_list)
    deadline = deadline_for(meta, doc)
    if meta.vale_compat:  # Vale compat: each block is a string of its own (^ and $ at its edges)
        for part in unit_list:
            for found in finditer(
                pattern, text[part.start : part.end], 0, part.end - part.start, deadline
            ):
                shifted = Shifted(found, part.start)
                start, end = shifted.start(), shifted.end()
                if end > start and not (
                    guards is not None
                    and guards.silences(text, part, start, end, deadline=deadline)
                ):
                    yield shifted, part
        return
    if meta.scope.family == "sentence" or len(unit_list) < 4:
        spans = [(u.start, u.end) for u in unit_list]
    else:
        spans = [(unit_list[0].start, unit_list[-1].end)]
    for span_start, span_end in spans:
        for m in finditer(pattern, text, span_start, span_end, deadline):
            if m.end() == m.start():
                continue
            unit = index.containing(m.start(), m.end())
            if unit is None:
                continue
            if guards is not None and guards.silences(
                text, unit, m.start(), m.end(), deadline=deadline
            ):
                continue
            yield m, unit
