"""substitution: a wrong form and the form to use instead (Vale's ``substitution``).

sglint's superset: a swap value may be a mapping
``{to: …, why: …, fix: safe|unsafe|display, fix_reason: …}`` so each entry carries its own
reason and fix safety. A replacement with alternatives (``a|b``) is never applied
automatically. ``capitalised_fix`` lowers the fix safety of a match that looks like part of
a proper name or title: a capital inside the sentence ("the Western Slope Center"), or
title case ("Definition of Child Pornography"); a capital that only starts a sentence does
not count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import budget, families, schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import MatchLike, scan
from lint.rules.prefilter import (
    Alternatives,
    further_literals,
    needles_for,
    required_literals,
)
from lint.rules.regexes import compile_pattern, flags, flexible_spaces
from lint.rules.words import WordPattern

KEYS: dict[str, schema.Option] = {
    "swap": schema.Option(
        schema.MAP, "Wrong form -> the form to use (or a mapping with to, why and fix)."
    ),
    "ignorecase": schema.Option(schema.BOOL, "Match regardless of case.", False),
    "nonword": schema.Option(
        schema.BOOL, "Match anywhere, not only between word boundaries.", False
    ),
    "capitalize": schema.Option(
        schema.BOOL, "Capitalise the replacement when the match starts with a capital.", False
    ),
    "capitalised_fix": schema.Option(
        schema.STR, "The most a match that reads as part of a name or title may be fixed."
    ),
    "pos": schema.Option(schema.STR, "Vale's part-of-speech filter (accepted, not applied)."),
    **schema.GUARD_KEYS,
    **families.KEYS,
}
DEFAULT_FIX = FixSafety.SAFE
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT


@dataclass(frozen=True)
class Entry:
    key: regex.Pattern[str]
    replacement: str
    why: str | None
    fix: FixSafety | None


@dataclass(frozen=True)
class Substitution:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    entries: tuple[Entry, ...]
    guards: Guards
    capitalize: bool
    needles: tuple[str, ...] | None = None
    capitalised_fix: FixSafety | None = None  # the most a capitalised match's fix may be
    choice: Alternatives | None = None  # the pattern as its entries' alternatives

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        pattern, needles, chosen = self.pattern, self.needles, None
        if self.choice is not None:  # only the entries the document could hold
            found = self.choice.for_document(facts, pattern, needles)
            if found is None:
                return
            pattern, needles, chosen = found
        for m, _unit in scan(pattern, doc, facts, self.meta, self.guards, needles):
            index = next((i for i, g in enumerate(m.groups()) if g is not None), None)
            if chosen is not None and index is not None:
                index = chosen[index] if index < len(chosen) else None
            if index is None or index >= len(self.entries):
                continue
            entry = self.entries[index]
            observed = m.group()
            expected = expand(entry, observed)
            if self.capitalize and observed[:1].isupper():
                expected = expected[:1].upper() + expected[1:]
            if _already_correct(observed, expected):
                continue
            options = [o for o in expected.split("|") if o]
            message = self.message_for(expected, observed)
            fix = keep_case(observed, options[0]) if len(options) == 1 else None
            safety = entry.fix if fix is not None else FixSafety.DISPLAY
            if self.capitalised_fix is not None and safety and _proper_like(doc.text, m):
                safety = _least_safe(safety, self.capitalised_fix)
            yield Hit(
                m.start(),
                m.end(),
                message,
                fix=fix,
                fix_safety=safety,
                why=entry.why,
            )

    def message_for(self, expected: str, observed: str) -> str:
        """The finding's message: the options as ``a' or 'b`` for a ``'%s'`` template
        (Vale's overlay, lint/vale/kinds.py, builds it as Vale does)."""
        options = [o for o in expected.split("|") if o]
        return format_message(self.meta.message, _as_sentence(options), observed)


_SENTENCE_START = patterns.lazy(r"(?:^|[.!?:;\"“‘(\n]|\p{Pd})\s*$")


def _proper_like(text: str, m: MatchLike) -> bool:
    """Whether the match reads as part of a name or title rather than ordinary words."""
    words = m.group().split()
    if any(w[:1].isupper() for w in words[1:]):
        return True
    if not words or not words[0][:1].isupper():
        return False
    return _SENTENCE_START.search(text, max(0, m.start() - 40), m.start()) is None


_SAFETY_ORDER = (FixSafety.SAFE, FixSafety.UNSAFE, FixSafety.DISPLAY)


def _least_safe(a: FixSafety, b: FixSafety) -> FixSafety:
    return max(a, b, key=_SAFETY_ORDER.index)


def expand(entry: Entry, observed: str) -> str:
    """Fill ``$1`` … in a replacement by re-running the entry's own pattern (as Vale)."""
    if "$" not in entry.replacement:
        return entry.replacement
    m = entry.key.search(observed, timeout=budget.left())
    if m is None:
        return entry.replacement
    groups = m.groups()
    return regex.sub(
        r"\$(\d)",
        lambda g: (groups[int(g.group(1)) - 1] or "") if int(g.group(1)) <= len(groups) else "",
        entry.replacement,
    )


def keep_case(observed: str, replacement: str) -> str:
    """Carry the observed capitalisation onto the fix: "Care gangs" → "Grooming gangs"."""
    letters = [c for c in observed if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and replacement[:1].islower():
        return replacement.upper()  # "CARE GANGS" → "GROOMING GANGS"
    if observed[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _already_correct(observed: str, expected: str) -> bool:
    for option in expected.split("|"):
        if observed == option:
            return True
        if not regex.fullmatch(r"[\w\s'’-]+", option):
            try:
                if regex.fullmatch(option, observed, timeout=budget.left()):
                    return True
            except (regex.error, ValueError, OverflowError):
                pass
    return False


def _as_sentence(options: list[str]) -> str:
    if len(options) <= 1:
        return options[0] if options else ""
    if len(options) == 2:
        return f"{options[0]}' or '{options[1]}"
    return "', '".join(options[:-1]) + f"', or '{options[-1]}"


#: What ``non_capturing`` looks at: an escape (two characters), a class's brackets, a
#: capture group's opening (plain, or named: a named group would shift the entries'
#: numbers too).
_GROUP_TOKENS = patterns.compile(r"\\.|[\[\]]|\((?:\?P?<(?![=!])\w+>|(?!\?))", regex.DOTALL)


def non_capturing(pattern: str) -> str:
    """Turn a key's own capture groups into non-capturing ones (Vale's
    ``convertCaptureGroups``), so the outer group number picks the entry."""
    if "(" not in pattern:  # most entries: no group to turn
        return pattern
    out: list[str] = []
    last = 0
    in_class = False
    for token in _GROUP_TOKENS.finditer(pattern):
        c = token.group()
        if c[0] == "\\":
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c[0] == "(":
            out.append(pattern[last : token.start()])
            out.append("(?:")
            last = token.end()
    out.append(pattern[last:])
    return "".join(out)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Substitution:
    data = families.expand_data(data, src.path, src.data)
    swap = schema.require(data, "swap", path=src.path, line=src.data.line, kind="substitution")
    line = src.data.line_of("swap")
    ignorecase = schema.option(data, KEYS, "ignorecase")
    items: list[tuple[str, Entry]] = []
    flexible: dict[str, str] = {}  # each key with its spaces made flexible, made once
    for key, value in swap.items():
        key = str(key)
        why = fix = None
        if isinstance(value, dict):
            unknown = set(value) - {"to", "why", "fix", "fix_reason"}
            if unknown or "to" not in value:
                raise RuleError(
                    f"swap entry {key!r} must be a string or a mapping with "
                    "'to' (and optional 'why', 'fix', 'fix_reason')",
                    path=src.path,
                    line=line,
                )
            why = str(value["why"]) if value.get("why") else None
            if value.get("fix"):
                fix = schema.fix_safety(value["fix"], key="fix", path=src.path, line=line)
            value = value["to"]
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise RuleError(f"swap entry {key!r} has no replacement", path=src.path, line=line)
        flexible[key] = flexible_spaces(key)
        own = compile_pattern(
            ("(?i)" if ignorecase else "") + flexible[key],
            path=src.path,
            line=line,
            key=f"swap: {key}",
        )
        items.append((key, Entry(own, str(value), why, fix if fix else meta.fix)))
    items.sort(key=lambda kv: len(kv[0]), reverse=True)
    alternatives = [f"({non_capturing(flexible[k])})" for k, _ in items]
    head = flags(ignorecase=ignorecase) + ("(?:" if data.get("nonword") else r"\b(?:")
    tail = ")" if data.get("nonword") else r")\b"
    pattern = compile_pattern(
        head + "|".join(alternatives) + tail, path=src.path, line=line, key="swap"
    )
    guards = build_guards(data, ignorecase=ignorecase, path=src.path, lines=src.data.lines)
    capitalised_fix = None
    if "capitalised_fix" in data:
        capitalised_fix = schema.fix_safety(
            data["capitalised_fix"],
            key="capitalised_fix",
            path=src.path,
            line=src.data.line_of("capitalised_fix"),
        )
    return Substitution(
        meta,
        pattern,
        tuple(e for _, e in items),
        guards,
        schema.option(data, KEYS, "capitalize"),
        needles_for([k for k, _ in items]),
        capitalised_fix,
        Alternatives.of(
            head,
            alternatives,
            tail,
            [required_literals(k) for k, _ in items],
            pattern.words if isinstance(pattern, WordPattern) else None,
            groups=True,
            further=[further_literals(k) for k, _ in items],
        ),
    )
