"""figures: one claim, two figures. "more than 550 arrests" in the summary and "505
arrests" in the quote, or "over 76,000 contacts" and "nearly 76,000 contacts".

Two phases over the whole document. First collect facts: a figure, the noun it counts
(one of the rule's ``nouns``) and its qualifier ("more than", "nearly", …). Then judge
each noun's facts against the first statement of it: a later figure that differs, but
not by so much that it must be another claim (``ratio``), or the same figure bounded the
other way ("over" against "nearly"), is reported where it stands. Figures in one
sentence, or tied to different years ("in 2022", "in 2023"), are a series, not a claim
stated twice.

A figure counts a noun only when at most ``modifiers`` plain words sit between them
("550 suspected child predators"), and not when the noun is one of a pair ("600 arrests
or suspect interviews", "600 arrests and charges" are not counts of arrests).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import scan
from lint.rules.regexes import compile_pattern

KEYS = {
    "nouns": schema.STR_LIST,
    "modifiers": schema.INT,
    "ratio": schema.NUMBER,
    **schema.GUARD_KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY


class Bound(enum.Enum):
    """Which way a qualifier points from the stated figure."""

    EXACT = "exact"
    ABOVE = "above"  # more than, over, at least
    BELOW = "below"  # nearly, almost, under, up to
    ABOUT = "about"  # around, about, approximately

    def contradicts(self, other: Bound) -> bool:
        return {self, other} == {Bound.ABOVE, Bound.BELOW}


QUALIFIERS: dict[str, Bound] = {
    "more than": Bound.ABOVE,
    "over": Bound.ABOVE,
    "at least": Bound.ABOVE,
    "upwards of": Bound.ABOVE,
    "in excess of": Bound.ABOVE,
    "nearly": Bound.BELOW,
    "almost": Bound.BELOW,
    "under": Bound.BELOW,
    "fewer than": Bound.BELOW,
    "less than": Bound.BELOW,
    "up to": Bound.BELOW,
    "just under": Bound.BELOW,
    "around": Bound.ABOUT,
    "about": Bound.ABOUT,
    "approximately": Bound.ABOUT,
    "roughly": Bound.ABOUT,
    "some": Bound.ABOUT,
}
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Words that end a noun phrase: a figure is not counting a noun across them.
_STOPWORDS = "of|or|and|to|in|on|at|by|for|from|per|a|an|the|than|with|as|were|was|are|is|have|has"


@dataclass(frozen=True, slots=True)
class Fact:
    """One stated figure: "more than 550 arrests" at view offsets start..end."""

    noun: str
    value: float
    bound: Bound
    start: int
    end: int
    text: str
    sentence: int = 0  # index of the sentence the fact sits in
    period: str | None = None  # "2023" in "550 arrests in 2023"

    def comparable(self, other: Fact) -> bool:
        """Whether two facts can be one claim stated twice. Figures in one sentence are
        a series or a comparison ("550 arrests in 2023 and 300 in 2022"), and figures for
        two named periods are two claims."""
        if self.sentence == other.sentence:
            return False
        return self.period is None or other.period is None or self.period == other.period


@dataclass(frozen=True, slots=True)
class Conflict:
    fact: Fact
    earlier: Fact


def fact_pattern(nouns: Sequence[str], modifiers: int) -> str:
    quals = "|".join(sorted((q.replace(" ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
    mults = "|".join(MULTIPLIERS)
    noun_body = "|".join(nouns)
    return (
        rf"(?i)(?:\b(?P<qual>{quals})\s+)?"
        r"(?<![\d.,£$€/\-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\.\d|%|[\w/\-])"
        rf"(?:\s+(?P<mult>{mults}))?\s+"
        rf"(?P<mods>(?:(?!(?:{_STOPWORDS})\b)[\p{{Ll}}][\p{{Ll}}\-]*\s+){{0,{modifiers}}}?)"
        rf"(?P<noun>{noun_body})\b"
        rf"(?!\s+(?:or\s+\p{{L}}|and/or\b|and\s+(?:\p{{L}}+\s+)?(?:{noun_body})\b))"
        r"(?:(?=\s+(?:in|during|for|since|by)\s+(?P<period>(?:19|20)\d\d(?:\s+to\s+(?:19|20)\d\d)?)"
        r"\b))?"
    )


def collect(
    doc: Document, facts: Facts, meta: RuleMeta, pattern: regex.Pattern[str], guards: Guards
) -> list[Fact]:
    """Phase one: every counted figure in the document, in order."""
    found = []
    sentence_starts = [s.start for s in facts.sentences]
    for m, _unit in scan(pattern, doc, facts, meta, guards):
        value = float(m.group("num").replace(",", ""))
        if m.group("mult"):
            value *= MULTIPLIERS[m.group("mult").lower()]
        qualifier = m.group("qual")
        bound = QUALIFIERS[" ".join(qualifier.lower().split())] if qualifier else Bound.EXACT
        found.append(
            Fact(
                m.group("noun").lower(),
                value,
                bound,
                m.start(),
                m.end(),
                " ".join(m.group().split()),
                bisect.bisect_right(sentence_starts, m.start()),
                m.group("period"),
            )
        )
    return found


def judge(stated: Sequence[Fact], ratio: float) -> Iterator[Conflict]:
    """Phase two: each later statement of a noun against the first one."""
    first: dict[str, Fact] = {}
    for fact in stated:
        earlier = first.setdefault(fact.noun, fact)
        if earlier is fact or not fact.comparable(earlier):
            continue
        if fact.value == earlier.value:
            if fact.bound.contradicts(earlier.bound):
                yield Conflict(fact, earlier)
            continue
        low, high = sorted((fact.value, earlier.value))
        if low > 0 and high / low <= ratio:
            yield Conflict(fact, earlier)


@dataclass(frozen=True)
class Figures:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    guards: Guards
    ratio: float

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for conflict in judge(
            collect(doc, facts, self.meta, self.pattern, self.guards), self.ratio
        ):
            fact = conflict.fact
            yield Hit(
                fact.start,
                fact.end,
                format_message(self.meta.message, fact.text, conflict.earlier.text),
            )


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Figures:
    nouns = schema.require(data, "nouns", path=src.path, line=src.data.line, kind="figures")
    line = src.data.line_of("nouns")
    modifiers = data.get("modifiers", 2)
    ratio = data.get("ratio", 2.0)
    if modifiers < 0:
        raise RuleError(
            "'modifiers' must be 0 or more", path=src.path, line=src.data.line_of("modifiers")
        )
    if ratio < 1:
        raise RuleError("'ratio' must be 1 or more", path=src.path, line=src.data.line_of("ratio"))
    pattern = compile_pattern(fact_pattern(nouns, modifiers), path=src.path, line=line, key="nouns")
    guards = build_guards(data, ignorecase=True, path=src.path, lines=src.data.lines)
    return Figures(meta, pattern, guards, ratio)
