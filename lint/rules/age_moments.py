"""age-moments: one person's age at one moment, given twice. "Child Q was 12 when she
first told a teacher" and later "the 13-year-old's disclosure to her teacher"; "She was 13
when she was first reported missing" and "the first missing-person report, made when
she was 14".

An age is tied to a moment four ways: "<who> was 12 when <moment>", "<moment>, when
<who> was 14" (or "at the age of 14"), "<moment>, then aged 12," and a possessive that
points back, "the 13-year-old's <moment>". Two of them are one claim when the moment
is one of a kind (a ``moments`` word such as "first", or the possessive that points
back), the two moments share a content word (its first five letters: "report" and
"reported", "teacher"), the person is the same (a name, or "she", "the girl", which may
be anyone's), and the ages are close (``spread``). A moment with an ``apart`` word
("again", "later", "second") is another moment. Ages in one sentence are a series
("when she was 12 and again when she was 14").
"""

from __future__ import annotations

import bisect
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
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source

KEYS: dict[str, schema.Option] = {
    "moments": schema.Option(
        schema.STR_LIST,
        "Words that make a moment one of a kind, so two ages at it are one claim ('first').",
    ),
    "apart": schema.Option(
        schema.STR_LIST,
        "Words that make a moment another one ('again', 'later', 'second').",
    ),
    "people": schema.Option(
        schema.STR_LIST,
        "Nouns for the person after 'the' ('girl', 'boy', 'child'): 'when the girl was 12'.",
    ),
    "function_words": schema.Option(
        schema.STR_LIST,
        "Words that say nothing of what the moment was ('said', 'review', 'when'): not compared.",
    ),
    "spread": schema.Option(
        schema.INT, "Ages further apart than this are two moments, not one claim.", 3
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT
#: How many letters of a word stand for it when moments are compared.
STEM = 5
#: Ages a person has as a child or adult, written as numerals.
_AGE = r"(?P<num>\d{1,2})"
_LETTERS = regex.compile(r"\p{L}+")
#: A pattern, the words (lower case) it cannot match without, and for a pattern that
#: opens with an unanchored clause (at most ``_CLAUSE`` letters), what its reported part
#: opens with: the clause is then tried only where it could end before one.
Needled = tuple[regex.Pattern[str], tuple[str, ...], regex.Pattern[str] | None]
_CLAUSE = 160
_SPACE = regex.compile(r"\s")
#: Auxiliary verbs: a word after "the 13-year-old" that starts its verb phrase.
AUXILIARIES = r"(?i:was|were|is|are|had|has|have|should|would|could|will|did|must|may|might|can)"
#: A word of the noun phrase after "the 13-year-old's": never a verb that ends it.
_NOUN_WORD = rf"(?!{AUXILIARIES}\b)[\p{{L}}-]+"


@dataclass(frozen=True, slots=True)
class Moment:
    """One age at one moment: "Child Q was 12 when she first told a teacher"."""

    age: int
    start: int
    end: int
    text: str
    sentence: int
    who: str | None  # a name, lower case; None for "she", "the girl"
    stems: frozenset[str]
    unique: bool


@dataclass(frozen=True)
class AgeMoments:
    meta: RuleMeta
    patterns: tuple[Needled, ...]
    moments: frozenset[str]
    apart: frozenset[str]
    function_words: frozenset[str]
    spread: int
    people: frozenset[str] = frozenset()

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        found = self._moments(doc, [s for s in facts.sentences if "table" not in s.scope])
        for k, later in enumerate(found):
            for earlier in found[:k]:
                if self._one_claim(earlier, later):
                    yield Hit(
                        later.start,
                        later.end,
                        format_message(self.meta.message, later.text, earlier.text),
                    )
                    break

    def _one_claim(self, one: Moment, other: Moment) -> bool:
        return (
            one.sentence != other.sentence
            and one.age != other.age
            and abs(one.age - other.age) <= self.spread
            and one.unique
            and other.unique
            and (one.who is None or other.who is None or one.who == other.who)
            and bool(one.stems & other.stems)
        )

    def _moments(self, doc: Document, sentences: Sequence[Any]) -> list[Moment]:
        out: list[Moment] = []
        text = doc.text
        for index, sentence in enumerate(sentences):
            seen: set[int] = set()
            lowered = text[sentence.start : sentence.end].lower()
            for pattern, needles, opening in self.patterns:
                # Each pattern holds one of its needles; a sentence without them is
                # skipped before its unanchored clause is tried at every position.
                if not any(n in lowered for n in needles):
                    continue
                found = (
                    pattern.finditer(text, sentence.start, sentence.end)
                    if opening is None
                    else after_clause(pattern, opening, text, sentence.start, sentence.end)
                )
                for m in found:
                    if m.start("num") in seen:
                        continue
                    seen.add(m.start("num"))
                    moment = self._moment(m, index, text)
                    if moment is not None:
                        out.append(moment)
        return sorted(out, key=lambda m: m.start)

    def _moment(self, m: regex.Match[str], sentence: int, text: str) -> Moment | None:
        clause = m.group("clause")
        words = [w.lower() for w in _LETTERS.findall(clause)]
        if any(w in self.apart for w in words):
            return None
        who = m.groupdict().get("who")
        # A name says whose age it is; "she", "he" and "the girl" may be anyone's.
        name = who.lower() if who and who[:1].isupper() else None
        if name and name.split()[0] in ("she", "he", "they", "who", "the"):
            name = None
        if name is None and who is None:
            # "first spoke to a girl aged 14" … "to a boy aged 15": the noun says who
            nouns = [w for w in words if w in self.people]
            name = f"<{nouns[-1]}>" if nouns else None
        own = set(_LETTERS.findall(name or ""))
        stems = frozenset(
            w[:STEM]
            for w in words
            if len(w) >= 4
            and w not in self.function_words
            and w not in self.moments
            and w not in own
        )
        possessive = "possessive" in m.groupdict() and m.group("possessive") is not None
        start, end = m.span("report")
        return Moment(
            int(m.group("num")),
            start,
            end,
            " ".join(text[start:end].split()),
            sentence,
            name,
            stems,
            possessive or any(w in self.moments for w in words),
        )


def after_clause(
    pattern: regex.Pattern[str], opening: regex.Pattern[str], text: str, start: int, end: int
) -> Iterator[regex.Match[str]]:
    """The matches ``pattern.finditer(text, start, end)`` gives, for a pattern that opens
    with a clause of at most ``_CLAUSE`` letters, then ``,?\\s+`` and its reported part,
    which opens as ``opening`` matches. A match starting at p has its part open at some
    a > p, with p no further back than the clause's length before the spaces (and comma)
    before a; so the search from p jumps to the first place a match could start, not
    trying the clause at every position on the way (quadratic in a long sentence)."""
    opens = [m.start() for m in opening.finditer(text, start, end, overlapped=True)]
    earliest = [_clause_start(text, a, start) for a in opens]
    for k in range(len(earliest) - 2, -1, -1):  # the earliest of this opening and later ones
        earliest[k] = min(earliest[k], earliest[k + 1])
    pos = start
    while (k := bisect.bisect_left(opens, pos)) < len(opens):
        m = pattern.search(text, max(pos, earliest[k]), end)
        if m is None:
            return
        yield m
        pos = m.end()


def _clause_start(text: str, at: int, start: int) -> int:
    """The first place a clause ending in ``,?\\s+`` right before ``at`` could start."""
    k = at
    while k > start and (text[k - 1].isspace() or _SPACE.match(text, k - 1)):
        k -= 1
    if k > start and text[k - 1] == ",":
        k -= 1
    return max(start, k - _CLAUSE)


def patterns_for(people: Sequence[str]) -> tuple[Needled, ...]:
    """The ways an age is tied to a moment, each with its needles; ``report`` is the span
    reported."""
    nouns = "|".join(regex.escape(p) for p in people)
    who = (
        r"(?P<who>(?i:she|he|they|who)|(?i:the)\s+(?:" + nouns + r")"
        r"|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})"
    )
    was = r"\s+(?i:was|were)\s+(?:(?i:only|just|aged)\s+)?"
    clause_after = r"(?P<clause>[^.;:!?\"“”]{3,140})"
    clause_before = rf"(?P<clause>[^.;:!?\"“”]{{3,{_CLAUSE}}}?)"
    return (
        # "Child Q was 12 when she first told a teacher"
        (
            regex.compile(
                rf"(?P<report>\b{who}{was}{_AGE}(?:\s+years?\s+old)?),?\s+(?i:when)\b{clause_after}"
            ),
            ("when",),
            None,
        ),
        # "the first missing-person report, made when Child H was 14"; "at the age of 14"
        (
            regex.compile(
                rf"{clause_before},?\s+(?P<report>(?i:when)\s+{who}{was}{_AGE}\b"
                r"|(?i:at\s+the\s+age\s+of)\s+" + _AGE + r"\b)"
                r"(?!\s*(?i:years?|months?|weeks?))"
            ),
            ("when", "age"),
            regex.compile(r"(?i:when)|(?i:at\s+the\s+age\s+of)"),
        ),
        # "He first contacted the girl, then aged 12, through an app"; "first went
        # missing aged 14"
        (
            regex.compile(
                rf"{clause_before},?\s+(?P<report>(?i:then\s+)?(?i:aged)\s+{_AGE})\b"
                r"(?!\s*(?i:to|and|or|-|–|between|years?|months?|weeks?)\b)"
            ),
            ("aged",),
            regex.compile(r"(?i:then\s+)?(?i:aged)"),
        ),
        # "the 13-year-old's disclosure to her teacher"
        (
            regex.compile(
                r"(?P<report>\b(?i:the)\s+" + _AGE + r"-year-old(?P<possessive>['’]s)\s+"
                rf"(?P<clause>(?:{_NOUN_WORD}\s+){{0,4}}{_NOUN_WORD}))"
            ),
            ("-year-old",),
            None,
        ),
    )


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> AgeMoments:
    moments = schema.require(data, "moments", path=src.path, line=src.data.line, kind="age-moments")
    people = schema.require(data, "people", path=src.path, line=src.data.line, kind="age-moments")
    spread = schema.option(data, KEYS, "spread")
    if spread < 1:
        raise RuleError(
            "'spread' must be 1 or more", path=src.path, line=src.data.line_of("spread")
        )
    return AgeMoments(
        meta,
        patterns_for(people),
        frozenset(w.lower() for w in moments),
        frozenset(w.lower() for w in data.get("apart") or ()),
        frozenset(w.lower() for w in data.get("function_words") or ()),
        spread,
        frozenset(p.lower() for p in people),
    )
