"""repetition: the same token twice in a row, e.g. "the the" (Vale's ``repetition``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.budget import bounded, deadline_for, remaining
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import finditer
from lint.rules.regexes import compile_pattern
from lint.rules.substitution import non_capturing

KEYS: dict[str, schema.Option] = {
    "tokens": schema.Option(schema.STR_LIST, "Patterns for the tokens compared."),
    "max": schema.Option(schema.INT, "Repeats allowed before a report.", 0),
    "ignorecase": schema.Option(schema.BOOL, "Compare regardless of case.", False),
    "alpha": schema.Option(schema.BOOL, "Only tokens with letters count.", False),
    "exceptions": schema.Option(schema.STR_LIST, "Tokens that may repeat.", ()),
    # Context: "very, very" (a comma before the repeat) is emphasis, not a slip.
    "not_after": schema.GUARD_KEYS["not_after"],
    "not_before": schema.GUARD_KEYS["not_before"],
}
DEFAULT_FIX = FixSafety.UNSAFE
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT
_SENTENCE_END = patterns.compile(r"[.!?]")
_REPEATED_WORD = patterns.compile(r"(?i)(?<!\w)(\w+)(?!\w)\W+\1(?!\w)")


@dataclass(frozen=True)
class Repetition:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    max: int
    ignorecase: bool
    alpha: bool
    guards: Guards

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        deadline = deadline_for(self.meta, doc)
        text = doc.text
        for unit in facts.units(self.meta.scope):
            if not self._has_repeat(text, unit.start, unit.end, deadline):
                continue
            previous: regex.Match[str] | None = None
            hits = 0
            for m in finditer(self.pattern, text, unit.start, unit.end, deadline):
                word = m.group()
                if self.alpha and not word.isalpha():
                    previous, hits = None, 0
                    continue
                if previous is not None and _same(previous.group(), word, self.ignorecase):
                    hits += 1
                    between = text[previous.start() : m.end()]
                    if (
                        hits > self.max
                        and not _SENTENCE_END.search(text, previous.end(), m.start())
                        and "\n\n" not in between
                        and not self.guards.silences(
                            text, unit, m.start(), m.end(), deadline=deadline
                        )
                    ):
                        # Only a word doubled across white space is a slip to mend;
                        # with a comma between ("very, very") it is deliberate.
                        gap = text[previous.end() : m.start()]
                        yield Hit(
                            previous.start(),
                            m.end(),
                            format_message(self.meta.message, word),
                            fix=text[previous.start() : previous.end()] if gap.isspace() else None,
                        )
                else:
                    hits = 0
                previous = m

    def _has_repeat(self, text: str, start: int, end: int, deadline: float) -> bool:
        """A quick test in C-speed list operations before the exact walk."""
        if self.alpha:
            # Alphabetic tokens: a repeat implies a repeated word, which one
            # back-reference search finds without building a token list.
            return _REPEATED_WORD.search(text, start, end) is not None
        with bounded():  # the rule's own pattern: bounded like every other use of it
            tokens = self.pattern.findall(text, start, end, timeout=remaining(deadline))
        if self.ignorecase:
            tokens = [t.casefold() for t in tokens]
        return any(a == b for a, b in itertools.pairwise(tokens))


def _same(a: str, b: str, ignorecase: bool) -> bool:
    return a.casefold() == b.casefold() if ignorecase else a == b


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Repetition:
    tokens = schema.require(data, "tokens", path=src.path, line=src.data.line, kind="repetition")
    prefix = "(?i)" if data.get("ignorecase") else ""
    # The tokens' own groups become non-capturing, so group 1 is the whole token.
    pattern = compile_pattern(
        prefix + "(" + non_capturing("|".join(tokens)) + ")",
        path=src.path,
        line=src.data.line_of("tokens"),
        key="tokens",
    )
    guards = build_guards(
        data,
        ignorecase=schema.option(data, KEYS, "ignorecase"),
        path=src.path,
        lines=src.data.lines,
    )
    return Repetition(
        meta,
        pattern,
        schema.option(data, KEYS, "max"),
        schema.option(data, KEYS, "ignorecase"),
        schema.option(data, KEYS, "alpha"),
        guards,
    )
