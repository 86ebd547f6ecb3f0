"""capitalization: a unit (usually a heading) must follow a case style: ``$sentence``,
``$title``, ``$lower``, ``$upper`` or a regex (Vale's ``capitalization``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.budget import bounded, deadline_for, remaining
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.regexes import compile_pattern

if TYPE_CHECKING:
    pass

KEYS: dict[str, schema.Option] = {
    "match": schema.Option(
        schema.STR, "The case style: $sentence, $title, $lower, $upper, or a regular expression."
    ),
    "style": schema.Option(
        schema.STR, "Vale's title-case style name (accepted for compatibility)."
    ),
    "exceptions": schema.Option(
        schema.STR_LIST, "Words kept as written whatever the style (acronyms, names).", ()
    ),
    "indicators": schema.Option(
        schema.STR_LIST, "Words after which the next word starts a new sentence (e.g. a colon).", ()
    ),
    "threshold": schema.Option(
        schema.number_in(0, 1), "Share of words that must conform (0 to 1).", 0.8
    ),
    "prefix": schema.Option(
        schema.STR, "A pattern for a leading part of the unit that is not judged (e.g. a number)."
    ),
}
DEFAULT_FIX = FixSafety.UNSAFE
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT

_WORD = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
# Words AP and Chicago keep in lower case inside a title.
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "if",
        "in",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "v",
        "vs",
        "via",
        "with",
    }
)


@dataclass(frozen=True)
class Capitalization:
    meta: RuleMeta
    style: str
    pattern: regex.Pattern[str] | None
    exceptions: frozenset[str]
    indicators: tuple[str, ...]
    threshold: float
    prefix: regex.Pattern[str] | None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        deadline = deadline_for(self.meta, doc)
        for unit in facts.units(self.meta.scope):
            start = unit.start
            text = doc.text[unit.start : unit.end]
            if self.prefix is not None:
                with bounded():
                    m = self.prefix.match(text, timeout=remaining(deadline))
                if m:
                    start += m.end()
                    text = text[m.end() :]
            text = text.strip()
            if not text:
                continue
            expected = self.convert(text)
            if not self.conforms(text, expected, deadline):
                yield Hit(
                    start, unit.end, format_message(self.meta.message, text, expected), fix=expected
                )

    def conforms(self, text: str, expected: str, deadline: float) -> bool:
        if self.pattern is not None:
            with bounded():
                return bool(self.pattern.fullmatch(text, timeout=remaining(deadline)))
        words = _WORD.findall(text)
        wanted = _WORD.findall(expected)
        if not words:
            return True
        if self.style == "$sentence" and words[0] != wanted[0]:
            return False
        good = sum(1 for w, e in zip(words, wanted, strict=False) if w == e)
        return good / len(words) >= self.threshold

    def convert(self, text: str) -> str:
        if self.pattern is not None:
            return text
        if self.style == "$upper":
            return text.upper()
        if self.style == "$lower":
            return text.lower()
        out = []
        matches = list(_WORD.finditer(text))
        pos = 0
        capitalise_next = True
        for i, m in enumerate(matches):
            word = m.group()
            between = text[pos : m.start()]
            if any(ind in between for ind in self.indicators):
                capitalise_next = True
            out.append(between)
            out.append(self._word(word, i, len(matches), capitalise_next))
            capitalise_next = False
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def _word(self, word: str, index: int, count: int, first: bool) -> str:
        if word in self.exceptions or _is_acronym(word):
            return word
        if self.style == "$sentence":
            if first:
                return word[:1].upper() + word[1:]
            return word if _is_proper(word, index) else word.lower()
        # $title
        if not first and index != count - 1 and word.lower() in _SMALL_WORDS:
            return word.lower()
        return word[:1].upper() + word[1:]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and sum(c.isupper() for c in letters) >= 2


def _is_proper(word: str, index: int) -> bool:
    # Without a dictionary of names, only "I" and words with inner capitals are proper.
    return word == "I" or any(c.isupper() for c in word[1:])


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Capitalization:
    match = schema.require(data, "match", path=src.path, line=src.data.line, kind="capitalization")
    styles = ("$title", "$sentence", "$lower", "$upper")
    pattern = None
    if match not in styles:
        pattern = compile_pattern(match, path=src.path, line=src.data.line_of("match"), key="match")
    prefix = None
    if data.get("prefix"):
        prefix = compile_pattern(
            data["prefix"], path=src.path, line=src.data.line_of("prefix"), key="prefix"
        )
    return Capitalization(
        meta,
        match if pattern is None else "regex",
        pattern,
        frozenset(schema.option(data, KEYS, "exceptions")),
        tuple(schema.option(data, KEYS, "indicators")),
        schema.option(data, KEYS, "threshold"),
        prefix,
    )
