"""The claim model: what each figure in a document says, and which two say one thing.

A *claim* is a figure with what it is about: the subject it counts or measures (the head
noun: "men", "homes", "fund"; for a length, the event: "operation", "abuse", a prison
"sentence"), what happened (the predicate: "charged", "inspected"), the unit (a count,
a percentage, a sum of money, a duration) and the value, normalised ("a dozen" is 12,
"£2.5m" is 2,500,000, "one in three" is about 33%, "18 months" is 547 days). Claims are
read from every sentence, headlines, quotes and captions included, by the words of
``rules/Numbers/_claims.yml`` (data, not code).

Two claims are one claim stated twice when the unit, the subject and the predicate agree
and nothing sets them apart: figures that are parts ("19 of whom", "Of the 23 victims,
four …"), further or other claims ("a further 12", "another four men"), another period's
("up from 6,200 the year before", "in 2024"), another place's or day's ("in Leeds", "on
Monday"), bounded figures that can both be true ("more than 40" and "43"), figures far
apart (twice or more, unless their digits are swapped: "79" and "97"). A later figure
that points back ("the eight men", "Pugh's 12-year sentence", "the £2m fund") names the
claim it restates, so its predicate may be left unsaid; a headline's claim is the
story's, restated in the body.

The model is built once per document and kept in ``Facts`` (``facts.shared``).
"""

from __future__ import annotations

import enum
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

import regex

from lint import lexicon
from lint.document import Document

#: Tokens: numbers (with separators), words (with inner apostrophes), other marks.
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*|\S")
_YEAR = regex.compile(r"(?:19|20)\d\d")
#: The second half of a financial year after its first year's token ("- 15" of "2014-15").
_FINANCIAL_TAIL = regex.compile(r"[-/–] \d\d")
#: Words that end a clause: a figure's subject and predicate are read within one.
_CLAUSE_END = frozenset([";", ":", "(", ")", "—", "–", '"', "“", "”"])
#: How far apart two figures of one claim may be (twice or more is another claim).
RATIO = 2.0
#: How far "one in three" may be from 33% and still be the same share (points).
SHARE_SLACK = 4.0
#: How many values of one subject make it a list rather than one claim restated.
LISTED = 4
#: Figures at least this large that differ by at most SLIP_RATIO are one figure mistyped.
SLIP_FLOOR = 1000
SLIP_RATIO = 1.05
#: How far "around 500" may be from 500 (a fraction).
ABOUT_SLACK = 0.1
#: How many letters of the word before "times" say what happened ("excluded", "exclusion").
OCCASION_STEM = 5
#: How far past a relative pronoun a subject's predicate may be ("men who exploited girls
#: in Keighley have been jailed").
RELATIVE_REACH = 12
#: How many content words after a share say what it says of its group, within how many.
SAID = 3
SAID_REACH = 10
#: How many words before a figure (and a few more after it) may say it is added ("also").
ADDED_REACH = 3
#: The subject of a sum with no noun that "extra" or "additional" makes new.
EXTRA_SUM = "extra sum"


class Kind(enum.Enum):
    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    DURATION = "duration"


@dataclass(frozen=True, slots=True)
class Words:
    """The model's words, from ``_claims.yml``."""

    units: Mapping[str, int]
    tens: Mapping[str, int]
    phrases: Mapping[tuple[str, ...], float]
    scales: Mapping[str, float]
    bounds: Mapping[tuple[str, ...], str]  # phrase → above | below | about
    time_units: Mapping[str, float]
    predicates: Mapping[tuple[str, ...], str]  # form → group
    subjects: Mapping[tuple[str, ...], str]
    generic: frozenset[str]
    persons: frozenset[str]
    broader: Mapping[str, frozenset[str]]  # a broader head → the narrower heads it names
    complements: Mapping[str, frozenset[str]]  # a head → the words for the others beside it
    changes: frozenset[str]
    events: Mapping[tuple[str, ...], str]
    term_verbs: frozenset[tuple[str, ...]]
    sum_verbs: Mapping[tuple[str, ...], str]
    total_term_verbs: frozenset[tuple[str, ...]]
    term_event: str
    times: frozenset[str]
    frame_words: frozenset[str]
    earlier_times: frozenset[str]
    nominal: Mapping[str, str]
    nominal_subject: str
    totals: frozenset[tuple[str, ...]]
    other: frozenset[str]
    other_back: frozenset[str]
    occasions: frozenset[str]
    victims_before: frozenset[str]
    past_back: frozenset[tuple[str, ...]]
    past: frozenset[tuple[str, ...]]
    parts: frozenset[tuple[str, ...]]
    parts_after: frozenset[tuple[str, ...]]
    definite: frozenset[tuple[str, ...]]
    then: frozenset[tuple[str, ...]]
    aux: frozenset[str]
    stop: frozenset[str]
    subset: frozenset[str]
    relative: frozenset[str]
    added: frozenset[str]
    modals: frozenset[str]
    plurals: frozenset[str]
    places: frozenset[str]
    not_names: frozenset[str]
    length_words: frozenset[str]
    bare_length_words: frozenset[str]
    length_heads: frozenset[str]
    standing_heads: frozenset[str]
    object_links: Mapping[str, frozenset[str]]  # a predicate → the words before its object
    other_after: frozenset[str]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(str(text)))


def _groups(entries: Sequence[str]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for entry in entries:
        forms = [f.strip() for f in str(entry).split("|") if f.strip()]
        for form in forms:
            out.setdefault(_phrase(form), forms[0].lower())
    return out


def _broader(
    entries: Sequence[str], subjects: Mapping[tuple[str, ...], str]
) -> dict[str, frozenset[str]]:
    """Each broader head (its subject group's name) with the narrower heads it names."""
    out: dict[str, frozenset[str]] = {}
    for entry in entries:
        heads = [subjects.get(_phrase(f), f.strip().lower()) for f in entry.split("|")]
        out[heads[0]] = frozenset(heads[1:]) - {heads[0]}
    return out


def _links(
    entries: Sequence[str], predicates: Mapping[tuple[str, ...], str]
) -> dict[str, frozenset[str]]:
    """Each predicate's group with the words that link it to its object ("convicted|of")."""
    out: dict[str, frozenset[str]] = {}
    for entry in entries:
        verb, *links = (f.strip().lower() for f in entry.split("|"))
        group = predicates.get(_phrase(verb), verb)
        out[group] = frozenset(links)
    return out


def words_from(data: Mapping[str, object]) -> Words:
    """The model's words from a ``_claims.yml`` mapping (validated by the rule kind)."""

    def mapping(key: str) -> Mapping[str, object]:
        value = data.get(key) or {}
        return value if isinstance(value, Mapping) else {}

    def listed(key: str) -> list[str]:
        value = data.get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else []

    bounds: dict[tuple[str, ...], str] = {}
    for way in ("above", "below", "about"):
        for phrase in listed(way):
            bounds[_phrase(phrase)] = way
    return Words(
        units={str(k).lower(): int(str(v)) for k, v in mapping("units").items()},
        tens={str(k).lower(): int(str(v)) for k, v in mapping("tens").items()},
        phrases={_phrase(k): float(str(v)) for k, v in mapping("phrases").items()},
        scales={str(k).lower(): float(str(v)) for k, v in mapping("scales").items()},
        bounds=bounds,
        time_units={str(k).lower(): float(str(v)) for k, v in mapping("time_units").items()},
        predicates=_groups(listed("predicates")),
        subjects=_groups(listed("subjects")),
        generic=frozenset(w.lower() for w in listed("generic_heads")),
        persons=frozenset(_groups(listed("person_heads")).values()),
        broader=_broader(listed("broader"), _groups(listed("subjects"))),
        complements=_broader(listed("complements"), _groups(listed("subjects"))),
        changes=frozenset(_groups(listed("changes")).values()),
        events=_groups(listed("events")),
        term_verbs=frozenset(_phrase(p) for p in listed("term_verbs")),
        sum_verbs=_groups(listed("sum_verbs")),
        total_term_verbs=frozenset(_phrase(p) for p in listed("total_term_verbs")),
        term_event=str(data.get("term_event") or ""),
        times=frozenset(t for t in (" ".join(_phrase(p)) for p in listed("times")) if t),
        frame_words=frozenset(w.lower() for w in listed("frame_words")),
        earlier_times=frozenset(" ".join(_phrase(p)) for p in listed("earlier_times")),
        nominal={str(k).lower(): str(v).lower() for k, v in mapping("nominal").items()},
        nominal_subject=str(data.get("nominal_subject") or ""),
        totals=frozenset(_phrase(p) for p in listed("totals")),
        other=frozenset(w.lower() for w in listed("other")),
        other_back=frozenset(w.lower() for w in listed("other_back")),
        occasions=frozenset(w.lower() for w in listed("occasions")),
        victims_before=frozenset(w.lower() for w in listed("victims_before")),
        past_back=frozenset(_phrase(p) for p in listed("past_back")),
        past=frozenset(_phrase(p) for p in listed("past")),
        parts=frozenset(_phrase(p) for p in listed("parts")),
        parts_after=frozenset(_phrase(p) for p in listed("parts_after")),
        definite=frozenset(_phrase(p) for p in listed("definite")),
        then=frozenset(_phrase(p) for p in listed("then")),
        aux=frozenset(w.lower() for w in listed("auxiliaries")),
        stop=frozenset(w.lower() for w in listed("function_words")),
        subset=frozenset(w.lower() for w in listed("subset_words")),
        relative=frozenset(w.lower() for w in listed("relative_words")),
        added=frozenset(w.lower() for w in listed("added")),
        modals=frozenset(w.lower() for w in listed("share_verbs")),
        plurals=frozenset(w.lower() for w in listed("irregular_plurals")),
        places=frozenset(w.lower() for w in listed("place_words")),
        not_names=frozenset(w.lower() for w in listed("not_names")),
        length_words=frozenset(w.lower() for w in listed("length_words")),
        bare_length_words=frozenset(w.lower() for w in listed("bare_length_words")),
        length_heads=frozenset(w.lower() for w in listed("length_heads")),
        standing_heads=frozenset(w.lower() for w in listed("standing_heads")),
        object_links=_links(listed("object_links"), _groups(listed("predicates"))),
        other_after=frozenset(w.lower() for w in listed("other_after")),
    )


class Token(NamedTuple):  # a tuple: made for every word of every sentence
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure and what it says: "The eight men were sentenced" at start..end."""

    kind: Kind
    value: float
    low: float  # the values the statement allows ("more than 40": 40 upwards)
    high: float
    start: int
    end: int
    text: str
    digits: str  # the figure's digits as written ("" for words): swaps are slips
    sentence: int
    subject: str | None  # the head noun's group, or the event a length belongs to
    predicate: str | None
    definite: bool  # points back: "the eight men", "Pugh's 12-year sentence"
    heading: bool
    lead: bool  # in the story's first sentence after the headline
    person: str | None = None  # whose sentence: "Pugh" in "Pugh's 12-year sentence"
    total: bool = False  # "a combined 97 years"
    period: str = ""  # the years and "last year" words of its clause
    place: str = ""  # "in Leeds", "on Monday": a restriction of the claim
    anchored: bool = True  # a length tied to an event ("a six-month operation")
    fresh: bool = False  # "a further 120 reports": a new claim, never an earlier one's
    thing: str | None = None  # what rose: "reports" in "a 16% rise in reports"
    restriction: str = ""  # the content words of "who gave statements" after the head
    words: str = ""  # the content words of its sentence: what a restriction may restate
    alone: bool = True  # the only length (or sum) of its sentence
    said: str = ""  # a share's words after its group: "never talked child"
    beside: frozenset[float] = frozenset()  # the other figures of its sentence

    def agrees(self, other: Claim) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure as read, before what it is about: its value and the words round it."""

    value: float
    low: float
    high: float
    digits: str
    sentence: int
    definite: bool
    total: bool
    fresh: bool

    def scaled(self, by: float) -> _Figure:
        """The figure in another unit ("18 months" in days)."""
        return replace(self, value=self.value * by, low=self.low * by, high=self.high * by)

    def claim(
        self,
        kind: Kind,
        start: int,
        end: int,
        subject: str | None,
        predicate: str | None,
        *,
        person: str | None = None,
        anchored: bool = True,
        thing: str | None = None,
        restriction: str = "",
        said: str = "",
    ) -> Claim:
        return Claim(
            kind,
            self.value,
            self.low,
            self.high,
            start,
            end,
            "",
            self.digits,
            self.sentence,
            subject,
            predicate,
            self.definite,
            heading=False,
            lead=False,
            person=person,
            total=self.total,
            anchored=anchored,
            fresh=self.fresh,
            thing=thing,
            restriction=restriction,
            said=said,
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    claim: Claim  # the later statement, reported
    earlier: Claim
    strong: bool  # clearly one claim (an error), or a weaker match (a warning)


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [
        Token(word, word.lower(), start + m.start(), start + m.end())
        for m in _TOKEN.finditer(text[start:end])
        for word in (m.group(),)
    ]


def _past_bracketed_share(toks: Sequence[Token], k: int) -> int:
    """The index after a share in brackets at toks[k] ("(68%)", "(24 per cent)"), or k."""
    if k >= len(toks) or toks[k].low != "(":
        return k  # most figures: no bracket after them
    inside = [t.low for t in toks[k + 1 : k + 5]]
    if inside[:1] and inside[0][:1].isdigit():
        for unit in (["%", ")"], ["per", "cent", ")"]):
            if inside[1 : 1 + len(unit)] == unit:
                return k + 2 + len(unit)
    return k


def _match(toks: Sequence[Token], i: int, phrases: Container[tuple[str, ...]]) -> int:
    """The length of the longest phrase of ``phrases`` at toks[i] (0: none; phrases are
    at most 4 words)."""
    lows = tuple(t.low for t in toks[i : i + 4])
    for n in range(len(lows), 0, -1):
        if lows[:n] in phrases:
            return n
    return 0


def _ends_with(
    toks: Sequence[Token],
    i: int,
    phrases: frozenset[tuple[str, ...]] | Mapping[tuple[str, ...], str],
) -> int:
    """The length of the longest phrase that ends just before toks[i] (0: none)."""
    for n in (4, 3, 2, 1):
        if i - n >= 0 and tuple(t.low for t in toks[i - n : i]) in phrases:
            return n
    return 0


@cache
def _later(
    past: frozenset[tuple[str, ...]], times: frozenset[str], earlier: frozenset[str]
) -> frozenset[tuple[str, ...]]:
    """The phrases of ``past`` that name another period after its figure ("54 the year
    before"): picked once per word list, not once per figure. A time that is the story's
    own (``times`` but not ``earlier_times``: "answered 14,100 calls last year") is the
    claim's period, not another's."""
    own = {tuple(t.split()) for t in times - earlier}
    return frozenset(
        p for p in past if p[-1] in ("before", "earlier", "ago", "year") and p not in own
    )


@cache
def _calendar() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Day names and month names in lower case, and with the lexicon's sentence openers
    the capitalised words that are no person's name: read once, not per document."""
    days = frozenset(w.lower() for w in lexicon.words("days"))
    months = frozenset(w.lower() for w in lexicon.words("months"))
    return days, months, lexicon.words("sentence_openers") | days | months


@cache
def _by_first_word(phrases: frozenset[str]) -> Mapping[str, tuple[tuple[str, int], ...]]:
    """Phrases of words (single spaces, none empty) by their first word, each with its
    length in words: a token is compared only with the phrases that start with it."""
    out: dict[str, list[tuple[str, int]]] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        out.setdefault(words[0], []).append((phrase, len(words)))
    return {first: tuple(found) for first, found in out.items()}


class _Reader:
    """Reads the claims of one document."""

    def __init__(self, doc: Document, words: Words, sentences: Sequence[tuple[int, int, bool]]):
        self.doc = doc
        self.w = words
        self.sentences = sentences
        self.days, self.months, calendar = _calendar()
        #: Capitalised words that are not a person's name.
        self.not_names = words.not_names | calendar
        #: The first words of the number phrases ("a dozen"): a figure in words starts
        #: with one, so no other token is looked up as one.
        self.phrase_heads = frozenset(p[0] for p in words.phrases if p)
        #: The group the last share was of ("62% of parents"): a share that names no
        #: group and points back ("the 68% who have seen …") or says "of those" is of it.
        self.population: str | None = None
        #: The group the last count in this sentence counted ("A survey of 2,000 parents
        #: found that 62% would …"): a share with no group of its own in the same
        #: sentence is of it.
        self.counted: str | None = None
        #: The values of each sentence's figures by token, by the sentence's start.
        self.values: dict[int, dict[int, float]] = {}

    def number(self, toks: Sequence[Token], i: int) -> tuple[float, int, str] | None:
        """The value of a figure starting at toks[i], the tokens it takes and its digits."""
        w = self.w
        t = toks[i]
        n = len(toks)
        if t.low[0].isdigit():
            if "," in t.low and not regex.fullmatch(r"\d{1,3}(?:,\d{3})+", t.low):
                return None
            try:
                value = float(t.low.replace(",", ""))
            except ValueError:
                return None
            used = 1
            if i + 1 < n and toks[i + 1].start == t.end and toks[i + 1].low in ("m", "bn", "k"):
                return value * w.scales[toks[i + 1].low], 2, t.low
            if i + 1 < n and toks[i + 1].low in ("million", "billion", "thousand"):
                return value * w.scales[toks[i + 1].low], 2, t.low
            return value, used, t.low
        length = _match(toks, i, w.phrases) if t.low in self.phrase_heads else 0
        if length:
            value = w.phrases[tuple(x.low for x in toks[i : i + length])]
            used = length
        elif t.low == "half" and i + 2 < n and toks[i + 1].low == "a":
            scale = w.scales.get(toks[i + 2].low)
            if not scale or toks[i + 2].low in ("m", "bn", "k"):
                return None
            return 0.5 * scale, 3, ""
        elif t.low in w.tens:
            value, used = w.tens[t.low], 1
            if i + 2 < n and toks[i + 1].low == "-" and w.units.get(toks[i + 2].low, 10) < 10:
                value, used = value + w.units[toks[i + 2].low], 3
        elif t.low in w.units:
            value, used = w.units[t.low], 1
        else:
            return None
        j = i + used
        if j + 2 < n and (toks[j].low, toks[j + 1].low, toks[j + 2].low) == ("and", "a", "half"):
            value, j = value + 0.5, j + 3
        if j < n and toks[j].low in ("million", "billion", "thousand", "hundred"):
            value, j = value * w.scales[toks[j].low], j + 1
        return float(value), j - i, ""

    def read(self) -> list[Claim]:
        out: list[Claim] = []
        lead = self._lead()  # once, not once per sentence
        for index, (start, end, heading) in enumerate(self.sentences):
            toks = tokens(self.doc.text, start, end)
            out.extend(self._sentence(toks, index, heading, index == lead))
        return out

    def _lead(self) -> int:
        """The story's first sentence: the first after the headline and dateline."""
        for index, (start, end, heading) in enumerate(self.sentences):
            if heading:
                continue
            words = len(tokens(self.doc.text, start, end))
            if words >= 10:
                return index
        return -1

    def _sentence(
        self, toks: list[Token], index: int, heading: bool, lead: bool
    ) -> Iterator[Claim]:
        for claim in self._figures(toks, index, heading, lead):
            if claim.kind is Kind.COUNT:
                self.counted = claim.subject
            elif claim.kind is Kind.PERCENT and claim.subject not in self.w.changes:
                self.population = claim.subject
            yield claim
        self.counted = None

    def _figures(self, toks: list[Token], index: int, heading: bool, lead: bool) -> Iterator[Claim]:
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if i > 0 and toks[i - 1].low == "(" and t.low[0].isdigit():
                i += 1  # "(33%)": restates the figure before it
                continue
            if t.low[0].isdigit() and (_YEAR.fullmatch(t.low) or self._day_of_month(toks, i)):
                i += 1  # a year or a date, not a figure (EventDates dates events)
                continue
            if t.low == "one" and i + 2 < n and toks[i + 1].low == "in":
                share = self.number(toks, i + 2)
                if share and share[0] > 1:
                    claim = self._share(toks, i, 100.0 / share[0], i + 2 + share[1], index)
                    if claim:
                        yield self._finish(claim, toks, i, heading, lead)
                    i += 2 + share[1]
                    continue
            parsed = self.number(toks, i)
            if parsed is None or (t.low == "one" and not t.low[0].isdigit()):
                i += 1
                continue
            value, used, digits = parsed
            if not digits and value == int(value):
                digits = str(int(value))  # "Thirteen" and "31": digits swapped
            claim = self._claim(toks, i, value, used, digits, index)
            if claim is not None:
                yield self._finish(claim, toks, i, heading, lead)
            i += used

    def _owner(self, toks: Sequence[Token], begin: int, i: int) -> str | None:
        """Whose count a possessive name before it says: "Jones's 12 victims" (Jones)."""
        if begin >= i:
            return None
        text = toks[begin].text
        possessive = regex.search(r"['’]s$", text)
        if not possessive or not text[:1].isupper():
            return None
        name = text[: possessive.start()]
        return name if name.isalpha() and name.lower() not in self.not_names else None

    def _sum_after(self, toks: Sequence[Token], end: int) -> tuple[str | None, int]:
        """What a sum is, said after it: "£10 million of funding", "£10m in new money",
        "£10 million to fund the hubs" (a subject of ``sum_verbs`` or ``subjects``)."""
        n = len(toks)
        if end + 1 < n and toks[end].low in ("of", "in"):
            for j in range(end + 1, min(end + 4, n)):
                found = self.w.subjects.get((toks[j].low,))
                if found is not None:
                    return found, j + 1
                if toks[j].low in _CLAUSE_END or toks[j].low == ",":
                    break
        if end + 1 < n and toks[end].low == "to":
            found = self.w.sum_verbs.get((toks[end + 1].low,))
            if found is not None:
                return found, end + 2
        return None, end

    def _added(self, toks: Sequence[Token], begin: int, end: int) -> bool:
        """Whether the clause of a figure says it adds to what was said: "Officers also
        arrested 14 men in Bradford", "14 men were also charged" (another claim)."""
        for j in range(begin - 1, max(begin - 1 - ADDED_REACH, -1), -1):
            if toks[j].low in _CLAUSE_END or toks[j].low == ",":
                break
            if toks[j].low in self.w.added:
                return True  # "have also dropped by 45 per cent": three words back
        for j in range(end, min(end + ADDED_REACH + 2, len(toks))):
            if toks[j].low in _CLAUSE_END or toks[j].low == ",":
                break
            if toks[j].low in self.w.added:
                return True
        return False

    def _day_of_month(self, toks: Sequence[Token], i: int) -> bool:
        """Whether the numeral at toks[i] is a date's day: "on 3 May", "3rd May", "May 3"
        (a day of the month counts nothing: "arrested on 3 May" is no count of 3)."""
        k = i + 1
        if (
            k < len(toks)
            and toks[k].low in ("st", "nd", "rd", "th")
            and toks[k].start == toks[i].end
        ):
            k += 1
        after = k < len(toks) and toks[k].low in self.months and toks[k].text[:1].isupper()
        before = i > 0 and toks[i - 1].low in self.months and toks[i - 1].text[:1].isupper()
        if before and i > 1 and toks[i - 2].low in self.w.frame_words:
            before = False  # "In May 12 men were arrested": the month is the period
        return after or (before and len(toks[i].low) <= 2)

    # -- what a figure is about -------------------------------------------------------

    def _before(self, toks: Sequence[Token], i: int) -> tuple[int, str | None, bool]:
        """Step back over a qualifier and a definite word before toks[i]: where the
        figure's phrase starts, its bound and whether it points back."""
        j = i
        bound = None
        if j > 0 and toks[j - 1].low == "£":
            j -= 1
        length = _ends_with(toks, j, self.w.bounds)
        if length:
            bound = self.w.bounds[tuple(x.low for x in toks[j - length : j])]
            j -= length
        definite = False
        length = _ends_with(toks, j, self.w.definite)
        if length:
            definite, j = True, j - length
        elif j > 0 and regex.search(r"['’]s$", toks[j - 1].text):
            definite = True
            j -= 1
        return j, bound, definite

    def _set_apart(self, toks: Sequence[Token], i: int, end: int, begin: int) -> bool:
        """Whether the figure at toks[i] (its phrase from begin to end) is another
        claim's, a part or another period's: "a further 12", "19 of whom", "up from
        6,200", "Of the 12 arrested, ten were men"."""
        w = self.w
        past = _ends_with(toks, begin, w.past)
        if past and begin < i and _ends_with(toks, begin, w.past_back) == past:
            past = 0  # "more victims than the twelve boys": the group named before
        victims = begin > 1 and toks[begin - 2].low in w.victims_before
        if past == 1 and toks[begin - 1].low == "against" and victims:
            past = 0  # "23 offences against 11 boys": the boys are the victims
        if past or _ends_with(toks, begin, w.parts):
            return True
        if begin > 0 and toks[begin - 1].low == "between":
            return True
        if (
            begin > 1
            and toks[begin - 1].low in ("to", "and", "or")
            and self._numeric(toks[begin - 2])
        ):
            return True  # "from 410 to 560", "between six and 12", "six or seven"
        if _match(toks, end, w.parts_after):
            return True
        after = tuple(x.low for x in toks[end : end + 1])
        if after[:1] in (("to",), ("and",), ("or",)) and end + 1 < len(toks):
            nxt = toks[end + 1].low
            if nxt[0].isdigit() or nxt in w.units or nxt in w.tens:
                return True  # "six or seven", "between 13 and 16", "two to three"
        # "Of the 12 people arrested, ten were men": a figure after the comma is a part.
        if len(toks) > 2 and toks[0].low == "of" and toks[1].low in ("the", "those", "these"):
            comma = next((k for k, x in enumerate(toks) if x.low == ","), len(toks))
            share = end < len(toks) and toks[end].low == "%"
            counted = any(self._numeric(x) for x in toks[2:comma])
            if i > comma and (counted or not share):
                return True  # "Of the young people asked, 31% said": a share of them
        # "54 the year before", "6,200 a year earlier": another period's figure (not a
        # change's baseline: "a rise of 14% on the year before" is this year's rise).
        if self._change(toks, begin, end):
            return False
        later = _later(w.past, w.times, w.earlier_times)
        return any(_match(toks, k, later) for k in range(end, min(end + 4, len(toks))))

    def _change(self, toks: Sequence[Token], begin: int, end: int) -> bool:
        """Whether a figure is a percentage change: "a rise of 14%", "rose by 14%", "a 14%
        rise" (what follows it is the baseline, not another period)."""
        n = len(toks)
        percent = end < n and toks[end].low == "%"
        stop = end + 1
        if end + 1 < n and (toks[end].low, toks[end + 1].low) == ("per", "cent"):
            percent, stop = True, end + 2
        if not percent:
            return False
        subjects, changes = self.w.subjects, self.w.changes
        before = begin >= 2 and toks[begin - 1].low in ("of", "by")
        return (before and subjects.get((toks[begin - 2].low,)) in changes) or (
            stop < n and subjects.get((toks[stop].low,)) in changes
        )

    def _numeric(self, t: Token) -> bool:
        """Whether a token is a figure ("410", "six", "%" after one)."""
        return t.low[0].isdigit() or t.low in self.w.units or t.low in self.w.tens or t.low == "%"

    def _predicate(self, toks: Sequence[Token], begin: int, after: int) -> str | None:
        """What happened: a predicate after the subject ("were charged", "the 23 homes
        inspected") or before the figure ("inspected 32 homes", "identified 23")."""
        w = self.w
        k = after
        if k < len(toks) and toks[k].low == "(":  # "young people (33%) have been sent"
            close = next((j for j in range(k, len(toks)) if toks[j].low == ")"), k)
            k = close + 1 if close - k < 6 else k
        skipped = k - after
        while k < len(toks) and toks[k].low in self.w.aux:
            k += 1
        length = _match(toks, k, w.predicates)
        if length and k - after - skipped <= 4:
            return w.predicates[tuple(x.low for x in toks[k : k + length])]
        for back in range(1, 4):
            j = begin - back
            if j < 0 or toks[j].low in _CLAUSE_END or toks[j].low == ",":
                break
            length = _match(toks, j, w.predicates)
            if length and j + length <= begin:
                return w.predicates[tuple(x.low for x in toks[j : j + length])]
        return self._predicate_past_clause(toks, k) or self._predicate_of_object(toks, begin)

    def _predicate_of_object(self, toks: Sequence[Token], begin: int) -> str | None:
        """The predicate a figure is the object of, across the words between them: "was
        convicted on Wednesday of 12 counts", "to convict the former youth leader of 11
        offences" (a word of ``object_links`` right before the figure that links its
        predicate to an object, the predicate within its clause's reach)."""
        link = toks[begin - 1].low if begin > 0 else ""
        if not any(link in links for links in self.w.object_links.values()):
            return None
        for j in range(begin - 2, max(begin - RELATIVE_REACH, -1), -1):
            if toks[j].low in _CLAUSE_END or toks[j].low == "," or toks[j].low in self.w.relative:
                break
            if self._numeric(toks[j]) or toks[j].low == "one":
                break  # "only one of those four had been met": a part's whole
            length = _match(toks, j, self.w.predicates)
            if length and j + length < begin:
                found = self.w.predicates[tuple(x.low for x in toks[j : j + length])]
                return found if link in self.w.object_links.get(found, ()) else None
        return None

    def _predicate_past_clause(self, toks: Sequence[Token], k: int) -> str | None:
        """The predicate of a subject after its relative clause: "Six men who exploited
        girls in Keighley have been jailed" (the last auxiliary and predicate within the
        clause's reach, so "men who were arrested in May have been charged" are charged)."""
        if k >= len(toks) or toks[k].low not in self.w.relative:
            return None
        found: str | None = None
        for j in range(k + 1, min(k + RELATIVE_REACH, len(toks))):
            if toks[j].low in _CLAUSE_END or toks[j].low == ",":
                break
            if toks[j].low in self.w.aux and toks[j - 1].low not in self.w.aux:
                m = j
                while m < len(toks) and toks[m].low in self.w.aux:
                    m += 1
                if length := _match(toks, m, self.w.predicates):
                    found = self.w.predicates[tuple(x.low for x in toks[m : m + length])]
        return found

    def _head(self, toks: Sequence[Token], k: int) -> tuple[str | None, int]:
        """The noun a figure counts, from toks[k]: "32 children's homes" → homes; the
        index after it. A share in brackets between them is read past: "in 95 (68%)
        cases" counts cases."""
        w = self.w
        k = _past_bracketed_share(toks, k)
        for skip in range(3):
            j = k + skip
            if j >= len(toks) or not toks[j].low[0].isalpha() or toks[j].low in self.w.stop:
                return None, k
            length = _match(toks, j, w.subjects)
            if length:
                return w.subjects[tuple(x.low for x in toks[j : j + length])], j + length
            if length := _match(toks, j, w.predicates):
                return None, k
            low = toks[j].low
            plural = (
                low.endswith("s") and not low.endswith(("'s", "’s", "ss"))
            ) or low in self.w.plurals
            if plural:
                return low, j + 1
        return None, k

    def _claim(
        self, toks: Sequence[Token], i: int, value: float, used: int, digits: str, index: int
    ) -> Claim | None:
        w = self.w
        n = len(toks)
        end = i + used
        begin, bound, definite = self._before(toks, i)
        money = begin < i and any(x.low == "£" for x in toks[begin:i])
        if i > 0 and toks[i - 1].low == "£":
            money = True
        if self._set_apart(toks, i, end, begin):
            return None
        # "a further 12 people", "a 14th man": a new claim, which later figures may
        # point back to but which restates none before it.
        fresh = begin > 0 and (
            toks[begin - 1].low in w.other
            or regex.fullmatch(r"\d+th", toks[begin - 1].low)
            or (begin > 1 and toks[begin - 1].low == "," and toks[begin - 2].low in w.other)
        )  # "a second, three-year investigation"
        # "the extra £1.7 million" after "an extra £1.4 million": the word that made the
        # first figure a new claim, after "the", points back to it.
        back = begin > 1 and toks[begin - 1].low in w.other_back
        if fresh and back and _ends_with(toks, begin - 1, w.definite):
            fresh, definite = False, True
        fresh = fresh or (not definite and self._added(toks, begin, end))
        # "six further men", "two other girls": the word after the figure makes it new.
        fresh = fresh or (not definite and end < n and toks[end].low in w.other_after)
        # "over four years" is a length's time, not a bound ("for over 20 years" is).
        if (
            bound == "above"
            and begin < i
            and toks[i - 1].low == "over"
            and not (i > 1 and toks[i - 2].low in ("for", "of", "by"))
        ):
            k = end + 1 if end < n and toks[end].low == "-" else end
            if k < n and toks[k].low in w.time_units:
                bound, begin = None, i
        # "a combined 97 years", "for a total of 79 years": a total of several.
        verb_at = begin
        length = _ends_with(toks, begin, w.totals)
        total = bool(length)
        if total:
            verb_at = begin - length
            if verb_at > 0 and toks[verb_at - 1].low == "a":
                verb_at -= 1
        low, high = _range(value, bound)
        start_tok = toks[verb_at] if total else toks[begin] if begin < i else toks[i]
        fig = _Figure(value, low, high, digits, index, definite, total, bool(fresh))
        # A percentage: "38% of young people have been sent", "an increase of 18%".
        if end < n and (
            toks[end].low == "%"
            or (toks[end].low == "per" and end + 1 < n and toks[end + 1].low == "cent")
        ):
            stop = end + (1 if toks[end].low == "%" else 2)
            subject, after = None, stop
            thing: str | None = None
            if stop < n and toks[stop].low == "of":
                subject, after = self._head(toks, stop + 1)
                if subject is None and _match(toks, stop + 1, w.definite) == 1:
                    # "66% of the contacts": a share of a group already named, unless
                    # its sentence opens on a part ("Among those with younger children,
                    # 48% of the parents …", "Of the contacts about girls, 36% …").
                    subject, after = self._head(toks, stop + 2)
                    framed = toks[0].low == "of" or _match(toks, 0, w.parts)
                    if subject is not None and not framed:
                        fig = replace(fig, definite=True)
            elif stop < n and (length := _match(toks, stop, w.subjects)):
                subject = w.subjects[tuple(x.low for x in toks[stop : stop + length])]
                after = stop + length
                if after < n and toks[after].low == "in":
                    thing, _ = self._head(toks, after + 1)
            elif begin >= 2 and toks[begin - 1].low in ("of", "by"):
                # "an increase of 18%", "rose by 4%"
                subject = w.subjects.get((toks[begin - 2].low,))
                if subject is not None:
                    thing = _changed_before(toks, begin - 2)
            elif begin >= 1 and toks[begin - 1].low in ("up", "down"):
                subject = w.subjects.get((toks[begin - 1].low,))  # "contacts up 23%"
            restriction, back = "", False
            if subject is None:
                subject = self._group_before(toks, begin)
            if subject is None:
                subject, restriction, back = self._population(toks, stop, definite)
            if subject is None:
                return None
            if back:
                fig = replace(fig, definite=True)  # "25% of those surveyed"
                if not restriction:
                    after = min(stop + 2, n)
            return fig.claim(
                Kind.PERCENT,
                start_tok.start,
                toks[min(after, n) - 1].end,
                subject,
                self._predicate(toks, begin, after),
                thing=thing,
                restriction=restriction,
                said=self._said(toks, after),
            )
        # A length: "a six-month operation", "jailed for 14 years", "over four years".
        k = end + 1 if end < n and toks[end].low == "-" else end
        if (
            k < n
            and toks[k].low in w.time_units
            and not (k + 2 < n and toks[k + 1].low == "-" and toks[k + 2].low == "old")
        ):
            return self._duration(toks, i, begin, verb_at, k, fig, start_tok)
        if money:
            subject, after = self._head(toks, end)
            if subject is None:
                subject, after = self._sum_after(toks, end)
            if subject is None and begin >= 2 and toks[begin - 1].low in ("of", "worth"):
                subject = self._noun_before(toks, begin - 1)
            if subject is None and begin >= 1 and toks[begin - 1].low in w.other_back:
                # "an extra £1.4 million to recruit …" … "The extra £1.7 million will
                # fund …": the sum is what the word makes new, and later points back to.
                subject = EXTRA_SUM
            if subject is None and begin >= 1:
                # "will invest £4 million" … "this £5 million investment"
                subject = w.sum_verbs.get((toks[begin - 1].low,))
            # What was done with it: "seized £48,000 in cash" … "the £84,000 seized".
            done = self._predicate(toks, begin, max(after, end))
            if subject is None and done is None:
                return None
            stop = after if after > end else end
            if subject is None and stop < n and _match(toks, stop, w.predicates):
                stop += _match(toks, stop, w.predicates)
            return fig.claim(
                Kind.MONEY,
                start_tok.start,
                toks[stop - 1].end,
                None if subject is None else w.subjects.get((subject,), subject),
                done,
            )
        if value < 2 or value != int(value):
            return None
        subject, after = self._head(toks, end)
        if subject in w.standing_heads:
            subject = self.counted  # "three further counts and two others": counts
        predicate: str | None = None
        if subject in w.nominal:
            # "19 arrests": 19 people arrested
            subject, predicate = w.nominal_subject, w.nominal[subject]
        restriction = ""
        if after > end and after < n and toks[after].low in w.subset:
            # "the three girls who gave statements": those the clause picks out.
            restriction = " ".join(sorted(self._restriction(toks, after + 1)))
        predicate = predicate or self._predicate(toks, begin, after)
        if subject is None and predicate is None:
            return None
        if subject is not None and subject.endswith(("'s", "’s")):
            return None
        subject = self._occasions(toks, begin, end, after, subject)
        stop = after if after > end else end
        while stop < n and toks[stop].low in w.aux:
            stop += 1
        if predicate is not None:
            length = _match(toks, stop, w.predicates)
            stop += length
        return fig.claim(
            Kind.COUNT,
            start_tok.start,
            toks[max(stop, end) - 1].end,
            subject,
            predicate,
            person=self._owner(toks, begin, i) or self._person(toks, begin, subject_only=True),
            restriction=restriction,
        )

    def _occasions(
        self, toks: Sequence[Token], begin: int, end: int, after: int, subject: str | None
    ) -> str | None:
        """How often something happened, as one subject however it is written: "reported
        missing 23 times" and "all 32 missing episodes" both count times missing (the
        word before "times", or the one word between the figure and "episodes", read by
        its first letters so that "excluded" and "exclusion" agree)."""
        if subject not in self.w.occasions:
            return subject
        j = begin - 1 if subject == "times" else end if after - end == 2 else -1
        if j >= 0 and toks[j].low[0].isalpha() and toks[j].low not in self.w.stop:
            # one word in its forms: "excluded" and "exclusion" (five letters)
            return f"{toks[j].low[:OCCASION_STEM]} times"
        return subject

    def _group_before(self, toks: Sequence[Token], begin: int) -> str | None:
        """The group a share is of when it is named before the share: "asked 1,500
        teachers, and almost half of them, 46%, said …" (the group counted earlier in its
        sentence, pointed to by "of them" before the share), or a group its sentence opens
        with ("Of the parents surveyed, 38% said …")."""
        if begin < 1 or toks[begin - 1].low != ",":
            return None
        before = [t.low for t in toks[max(0, begin - 4) : begin - 1]]
        if before[-2:] in (["of", "them"], ["of", "those"], ["of", "whom"]):
            return self.counted
        if len(toks) > 2 and toks[0].low == "of" and toks[1].low in ("the", "those", "all"):
            if any(t.low in _CLAUSE_END or t.low == "," for t in toks[2 : begin - 1]):
                return None  # the share's comma must close the opening phrase
            subject, _ = self._head(toks, 2)
            return subject
        return None

    def _population(
        self, toks: Sequence[Token], stop: int, definite: bool
    ) -> tuple[str | None, str, bool]:
        """The group a share that names none is of, the clause that picks it out, and
        whether the share points back to the group's earlier share:
        "25% of those surveyed" and "the 68% who have seen a stranger" (a clause that
        restates an earlier statement) are of the last share's group; "A survey of 2,000
        parents found that 62% would not know" is of the group counted before it in its
        sentence."""
        n = len(toks)
        word = toks[stop].low if stop < n else ""
        if word == "of" and stop + 1 < n and toks[stop + 1].low in ("those", "them"):
            return self.population, "", True
        if definite and word in self.w.subset:
            if any(t.low in ("not", "never", "no") for t in toks[stop + 1 : stop + 4]):
                return None, "", False  # "the 40% who had not": the rest of the group
            groups = {k[0] for k in self.w.subjects if len(k) == 1}
            words = self._restriction(toks, stop + 1) - groups
            restriction = " ".join(sorted(words))
            return (self.population, restriction, True) if restriction else (None, "", False)
        if not definite and word in self.w.aux | self.w.modals and self.counted is not None:
            return self.counted, "", False
        return None, "", False

    def _restriction(self, toks: Sequence[Token], k: int, most: int = 8) -> set[str]:
        """The content words of a relative clause from toks[k] ("did not meet the
        threshold" → meet, threshold): a clause that shares one with an earlier
        statement describes its group. With ``most`` the whole sentence's words."""
        out: set[str] = set()
        for t in toks[k : k + most]:
            if most <= 8 and (t.low in _CLAUSE_END or t.low in (",", ".")):
                break
            if (
                t.low.isalpha()
                and len(t.low) > 3
                and t.low not in self.w.stop
                and t.low not in self.w.aux
            ):
                out.add(t.low)
        return out

    def _noun_before(self, toks: Sequence[Token], j: int) -> str | None:
        """The noun a sum is of: "The contract, worth £1.4m", "a fund of £2m"."""
        for k in range(j - 1, max(j - 4, -1), -1):
            low = toks[k].low
            if low in self.w.stop or low == ",":
                continue
            return self.w.subjects.get((low,), low) if low.isalpha() else None
        return None

    def _duration(
        self,
        toks: Sequence[Token],
        i: int,
        begin: int,
        verb_at: int,
        k: int,
        fig: _Figure,
        start_tok: Token,
    ) -> Claim | None:
        """A length, in days: "a six-month operation", "jailed for 14 years", "over
        four years" (a bare length, tied to no event)."""
        w = self.w
        n = len(toks)
        fig = fig.scaled(w.time_units[toks[k].low])
        end = k + 1
        event: str | None = None
        person: str | None = None
        anchored = True
        definite = fig.definite
        if end < n and toks[k - 1].low == "-":
            # "a six-month operation", "Pugh's 12-year sentence"
            # The event may follow a few words that say what kind it is: "a 12-week
            # personal safety course", "a two-year joint police investigation".
            length = 0
            for skip in range(4):
                j = end + skip
                if end < j < n and toks[j - 1].low in w.length_heads and toks[j].low == "of":
                    continue  # "the three-year period of abuse": the event after "of"
                if j >= n or not toks[j].low[0].isalpha() or toks[j].low in w.stop:
                    break
                length = _match(toks, j, w.events)
                if length:
                    end = j
                    break
            if not length:
                return None
            event = w.events[tuple(x.low for x in toks[end : end + length])]
            end += length
            if begin < i and regex.search(r"['’]s$", toks[begin].text):
                person = regex.sub(r"['’]s$", "", toks[begin].text)
        else:
            length = _ends_with(toks, verb_at, w.term_verbs)
            if fig.total and not length:
                # "would serve a total of 47 years": their terms together (one person's
                # "will serve 12 years in custody" is a part of a term, not a term)
                length = _ends_with(toks, verb_at, w.total_term_verbs)
            prep = toks[begin - 1].low if begin > 0 else ""
            if length:
                event = w.term_event
                person = self._person(toks, verb_at - length)
            elif prep in w.length_words or definite:
                if prep == "of" and begin >= 3 and toks[begin - 2].low == "period":
                    prep = toks[begin - 4].low if begin >= 4 else ""  # "over a period of"
                event = self._event_in(toks, begin)
                if event is None:
                    if prep not in w.bare_length_words and not definite:
                        return None
                    anchored = False
                elif event == w.term_event:
                    return None
            else:
                return None
        return fig.claim(
            Kind.DURATION,
            start_tok.start,
            toks[end - 1].end,
            event,
            None,
            person=person,
            anchored=anchored,
            thing=self._whose(toks, begin),
        )

    def _whose(self, toks: Sequence[Token], begin: int) -> str | None:
        """Whose length it is, when its clause names a group of people: "Women waited
        an average of 19 years" and "men waited an average of 26" are two claims."""
        for j in range(begin - 1, -1, -1):
            if toks[j].low in _CLAUSE_END or toks[j].low == ";":
                break
            group = self.w.subjects.get((toks[j].low,), toks[j].low)
            if group in self.w.persons:
                return group
        return None

    def _event_in(self, toks: Sequence[Token], begin: int) -> str | None:
        """The event a bare length belongs to: an event word earlier in its clause, or
        just after the length ("Over two years he groomed her")."""
        for j in range(begin - 1, -1, -1):
            if toks[j].low in _CLAUSE_END:
                break
            length = _match(toks, j, self.w.events)
            if length:
                return self.w.events[tuple(x.low for x in toks[j : j + length])]
        for j in range(begin + 2, min(begin + 6, len(toks))):
            if toks[j].low in _CLAUSE_END or toks[j].low == ",":
                break
            length = _match(toks, j, self.w.events)
            if length:
                return self.w.events[tuple(x.low for x in toks[j : j + length])]
        return None

    def _person(self, toks: Sequence[Token], j: int, subject_only: bool = False) -> str | None:
        """The person a figure is about: the last name before it in its sentence
        ("Alan Rees, 66, … was jailed for nine years"; "Webb was charged with 12
        offences"), with the first name when it is given."""
        for k in range(j - 1, -1, -1):
            text = toks[k].text
            possessive = regex.search(r"['’]s$", text)
            if possessive:
                text = text[: possessive.start()]
            if not (text[:1].isupper() and text.isalpha()) or text.lower() in self.not_names:
                continue
            if k > 0 and toks[k - 1].low in self.w.places:
                continue  # "in Cardiff", "of Oldham": a place
            if k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and not possessive:
                continue  # not the last word of a name
            if (
                subject_only
                and not possessive
                and not (k + 1 < len(toks) and toks[k + 1].low in self.w.aux)
                and not _match(toks, k + 1, self.w.predicates)  # "Smith abused 14 girls"
            ):
                return None  # a count is a person's only when they are its subject
            if k == 0 and not (
                len(toks) > 1
                and (
                    toks[1].low in self.w.aux | {",", "said"}
                    or (subject_only and _match(toks, 1, self.w.predicates))
                )
            ):
                continue  # "Child sexual abuse cases …", "If the …": no one named
            first = toks[k - 1] if k > 0 else None
            if (
                first
                and first.text[:1].isupper()
                and first.text.isalpha()
                and (first.low not in self.not_names)
            ):
                return f"{first.text} {text}"
            return text
        return None

    def _share(
        self, toks: Sequence[Token], i: int, value: float, after: int, index: int
    ) -> Claim | None:
        """ "One in three young people have been sent …": a share, about 100/3 %."""
        subject, stop = self._head(toks, after)
        if subject is None:
            return None
        return Claim(
            Kind.PERCENT,
            value=value,
            low=value - SHARE_SLACK,
            high=value + SHARE_SLACK,
            start=toks[i].start,
            end=toks[stop - 1].end,
            text="",
            digits="",
            sentence=index,
            subject=subject,
            predicate=self._predicate(toks, i, stop),
            definite=False,
            heading=False,
            lead=False,
            said=self._said(toks, stop),
        )

    def _finish(
        self, claim: Claim, toks: Sequence[Token], i: int, heading: bool, lead: bool
    ) -> Claim:
        """The claim with its text, place in the story, period and place words."""
        period: list[str] = []
        place: list[str] = []
        figures = [k for k, t in enumerate(toks) if self._numeric(t) and not _YEAR.fullmatch(t.low)]

        commas = [k for k, t in enumerate(toks) if t.low == ","]
        lows = [x.low for x in toks]

        def mine(k: int) -> bool:
            """Whether the time word at k is this claim's: it belongs to the figure
            before it in its stretch between commas ("61 people had been charged in
            2025, compared with 54"), else to the nearest after it ("In 2024, 54 …")."""
            if k <= 2 and k < i:
                return True  # "Last year's week of action led to nine arrests and 14 …"
            after = k + 3 if _FINANCIAL_TAIL.fullmatch(" ".join(lows[k + 1 : k + 3])) else k + 1
            if after < len(toks) and toks[after].low == "when":
                # "a rise on 2014-15, when 1,752 were recorded": the year of the figure
                # its "when" clause gives, not of the one before it.
                return min((f for f in figures if f > after), default=-1) == i
            if commas and k < commas[0] < i and toks[0].low in self.w.frame_words:
                return True  # "In the last nine months of 2024, the taskforce …"
            start = max((c for c in commas if c < k), default=-1)
            before = [f for f in figures if start < f < k]
            if before:
                return before[-1] == i
            return min(figures, key=lambda f: (abs(f - k), f), default=i) == i

        for k, t in enumerate(toks):
            if _YEAR.fullmatch(t.low) and (k == 0 or toks[k - 1].low != "£"):
                if mine(k):
                    # "the largest since 2023, when a similar week led to 41 arrests":
                    # the "when" clause tells of that earlier year, not the story's
                    since = k > 0 and toks[k - 1].low == "since"
                    then = lows[k + 1 : k + 2] == ["when"] or lows[k + 1 : k + 3] == [",", "when"]
                    period.append(("earlier:" if since and then else "") + t.low)
            elif t.low in self.months and t.text[:1].isupper() and mine(k):
                period.append(t.low)  # "up to March 2024" … "the last nine months of 2024"
            elif t.low in self.days:
                place.append(t.low)
            elif (
                t.low in ("in", "at", "across", "throughout")
                and k + 1 < len(toks)
                and toks[k + 1].text[:1].isupper()
                and toks[k + 1].low not in self.months
                and not heading
            ):
                place.append(toks[k + 1].low)
            elif (
                t.low in ("across", "throughout")
                and k + 2 < len(toks)
                and toks[k + 1].low == "the"
                and toks[k + 2].text[:1].isupper()
                and not heading
            ):
                place.append(toks[k + 2].low)  # "Across the UK, 13,237 calls …"
        times = _by_first_word(self.w.times)
        for k in range(len(toks)):
            for words, size in times.get(lows[k], ()):
                if " ".join(lows[k : k + size]) == words and mine(k):
                    period.append(("earlier:" if words in self.w.earlier_times else "") + words)
        return Claim(
            claim.kind,
            claim.value,
            claim.low,
            claim.high,
            claim.start,
            claim.end,
            self.doc.text[claim.start : claim.end],
            claim.digits,
            claim.sentence,
            claim.subject,
            claim.predicate,
            claim.definite,
            heading,
            lead,
            claim.person,
            claim.total,
            " ".join(sorted(set(period))),
            " ".join(sorted(set(place))),
            claim.anchored,
            claim.fresh,
            claim.thing,
            claim.restriction,
            " ".join(sorted(self._restriction(toks, 0, len(toks)))),
            self._alone(toks, claim.kind),
            claim.said,
            self._beside(toks, figures, i),
        )

    def _beside(self, toks: Sequence[Token], figures: Sequence[int], i: int) -> frozenset[float]:
        """The values of the other figures in a claim's sentence (not at toks[i]), read
        once per sentence."""
        key = toks[0].start if toks else -1
        values = self.values.get(key)
        if values is None:
            values = self.values[key] = {}
            for k in figures:
                parsed = self.number(toks, k) if toks[k].low != "%" else None
                if parsed is not None:
                    values[k] = parsed[0]
        return frozenset(v for k, v in values.items() if k != i)

    def _said(self, toks: Sequence[Token], k: int) -> str:
        """What a share says of its group, as the first content words after it ("25% of
        parents have never talked to their child" → never talked child): two shares of
        one group saying the same are one claim. Empty when fewer than SAID words."""
        w = self.w
        found: list[str] = []
        for t in toks[k : k + SAID_REACH]:
            if t.low in _CLAUSE_END or t.low in (",", "."):
                break
            negation = t.low in ("not", "never", "no")
            content = len(t.low) > 3 and t.low not in w.stop and t.low not in w.aux
            if t.low.isalpha() and (negation or (content and t.low not in w.modals)):
                found.append(t.low)
            if len(found) == SAID:
                return " ".join(found)
        return ""

    def _alone(self, toks: Sequence[Token], kind: Kind) -> bool:
        """Whether a length or a sum is the only one its sentence gives ("jailed for 14
        years and his assistant for 12 years" gives two, whatever each is read as)."""
        if kind is Kind.MONEY:
            return sum(t.low == "£" for t in toks) <= 1
        if kind is not Kind.DURATION:
            return True
        lengths = 0
        for k, t in enumerate(toks[:-1]):
            j = k + 2 if toks[k + 1].low == "-" else k + 1
            numeric = self._numeric(t) or t.low in ("a", "an")
            lengths += numeric and j < len(toks) and toks[j].low in self.w.time_units
        return lengths <= 1


def _range(value: float, bound: str | None) -> tuple[float, float]:
    if bound == "above":
        return value, value * 1e9
    if bound == "below":
        return value * (1 - ABOUT_SLACK * 2), value
    if bound == "about":
        return value * (1 - ABOUT_SLACK), value * (1 + ABOUT_SLACK)
    return value, value


def read_claims(
    doc: Document, words: Words, sentences: Sequence[tuple[int, int, bool]]
) -> list[Claim]:
    """Every claim of a document, in order. ``sentences``: (start, end, in a heading)."""
    return _Reader(doc, words, sentences).read()


def _swapped(one: Claim, other: Claim) -> bool:
    a, b = one.digits.replace(",", ""), other.digits.replace(",", "")
    return bool(a) and a != b and sorted(a) == sorted(b)


def _slip(one: Claim, other: Claim) -> bool:
    """Two large figures so close (or with digits swapped) that they are one figure
    mistyped: "291,270" and "291,720", "3,440" and "3,340"."""
    low, high = sorted((one.value, other.value))
    return low >= SLIP_FLOOR and (high / low <= SLIP_RATIO or _swapped(one, other))


def _near(one: Claim, other: Claim) -> bool:
    low, high = sorted((one.value, other.value))
    return low > 0 and (high / low <= RATIO or _swapped(one, other))


def judge(
    one: Claim,
    other: Claim,
    words: Words,
    sole: bool = False,
    kin: frozenset[frozenset[str]] = frozenset(),
) -> bool | None:
    """Whether two claims are one claim with two figures: True (clearly), False (a weaker
    match), None (two claims, or one figure). ``sole``: the document names one person
    only with a prison term, so an unnamed term in its lead is theirs. ``kin``: pairs of
    heads that name one group in this document ("boys" and "victims")."""
    generic, persons, changes = words.generic, words.persons, words.changes
    if one.kind != other.kind or one.sentence == other.sentence:
        return None
    if one.agrees(other) or not _near(one, other):
        return None
    if one.period != other.period and (
        (one.period and other.period) or _earlier_time(one) or _earlier_time(other)
    ):
        return None  # "in 2024" and "in 2025"; "last year's week led to nine arrests"
    later = other if other.start > one.start else one
    earlier = one if later is other else other
    if later.fresh or (earlier.fresh and not later.definite):
        return None  # "a further 2,418 people called" is a claim of its own
    if earlier.value in later.beside and one.kind is not Kind.PERCENT:
        # "convicted of 23 offences" … "Of the 31 charges he faced, he was convicted of
        # 23": the earlier figure stands beside the later one, a claim of its own
        return None
    if one.kind is Kind.PERCENT and _own_counts(earlier, later):
        # "12,268 children …, representing 8 per cent of all calls" … "16,094 children
        # …, representing 10 per cent of all calls": each share is of its own count
        return None
    where, there = _places(earlier, later)
    if where and there and where != there and not later.definite:
        return None
    if one.kind is Kind.DURATION:
        restated = _story_told(earlier, later)
        return _durations(earlier, later, sole, words.term_event, restated)
    if later.restriction and not set(later.restriction.split()) & set(earlier.words.split()):
        return None  # "five girls were approached" … "the three girls who gave statements"
    if earlier.person and later.person and not _same_person(earlier.person, later.person):
        return None  # "Webb was charged with 12 offences" … "Khan … with 15 offences"
    if one.total != other.total:
        return None
    if None in (earlier.subject, later.subject) and any(
        _with_others(c, words) for c in (earlier, later)
    ):
        return None  # "Six arrested" … "Five men held while woman held": men, part of six
    if where != there and not (later.definite or earlier.heading):
        return None
    subjects = {earlier.subject, later.subject}
    if one.kind is Kind.PERCENT and subjects <= changes:
        # "an increase of 18%" … "an 81% rise": one change, when nothing says two
        # things changed and the figures are close, swapped or pointed back to.
        if len(subjects) > 1 or (earlier.thing and later.thing and earlier.thing != later.thing):
            return None
        close = max(one.value, other.value) / min(one.value, other.value) <= 1.25
        return True if close or _swapped(one, other) or later.definite else None
    if _said_again(earlier, later, changes):
        return True  # "25% of parents have never talked" … "One in five parents have never talked"
    if one.kind is Kind.MONEY:
        restated = _story_told(earlier, later)
        same = len(subjects) == 1 and None not in subjects
        # a sum named by what was done with it: "seized £48,000" … "the £84,000 seized"
        done = None in subjects and earlier.predicate == later.predicate is not None
        return (
            True if (same and (later.definite or restated)) or (done and later.definite) else None
        )
    named = subjects - {None}
    if (
        len(named) > 1
        and not (named & generic and (named - generic) <= persons)
        and not (later.definite and named in kin)
    ):
        return None
    predicates = {earlier.predicate, later.predicate}
    if len(subjects) == 1 and None not in subjects and _slip(earlier, later):
        return True  # "291,270 reports" … "291,720 reports": one total, a slip
    if len(predicates - {None}) > 1:
        # "Seven men have been convicted" … "All six men will be sentenced": the six
        # men point back to a group no one has named
        one_named = len(subjects) == 1 and not subjects & (generic | {None})
        return False if later.definite and one_named else None
    if None in predicates and not later.definite:
        # The headline's count of people, restated by the lead in general words ("14
        # former residents to give evidence" … "Thirteen people who lived in the homes
        # will give evidence"): a weaker match, when nothing else sets them apart.
        story = earlier.heading and later.lead and one.kind is Kind.COUNT
        told = predicates == {None} and None not in subjects and named & generic
        if story and predicates == {None} and len(named) == 1 and not named & generic:
            return True  # "42 areas to pilot new teams" … "teams in forty areas"
        return False if story and told else None
    if one.kind is Kind.PERCENT and None in subjects:
        return None
    if None in subjects and None in predicates:
        return None
    same = len(subjects) == 1 and None not in subjects and len(predicates - {None}) == 1
    return bool(same or later.definite)


def _with_others(claim: Claim, words: Words) -> bool:
    """Whether a count of one group ("five men") stands in a sentence that names the
    others beside it ("while a woman was held"): the count is a part, not the total a
    count with no noun of its own gives ("Six arrested")."""
    others = words.complements.get(claim.subject or "", frozenset())
    return not others.isdisjoint(claim.words.split())


def _own_counts(one: Claim, other: Claim) -> bool:
    """Whether two shares each stand beside a count of their own, and the counts differ:
    two parts of a whole, not one share given two figures. Years are not counts."""
    counts = [{v for v in c.beside if not 1900 <= v <= 2100} for c in (one, other)]
    return bool(counts[0] and counts[1] and not counts[0] & counts[1])


#: Words between a count and the change it is given ("56 arrests, an increase of"), or
#: between what changed and its verb ("images have increased by").
_CHANGE_GAP = frozenset({",", "a", "an", "has", "have", "had", "was", "were", "is", "are"})


def _changed_before(toks: Sequence[Token], at: int) -> str | None:
    """What a change at ``toks[at]`` is of, when the plural noun just before it says:
    "they made 56 arrests, an increase of 19%" (arrests), "indecent images increased by
    22%" (images)."""
    k = at - 1
    while k >= 0 and toks[k].low in _CHANGE_GAP:
        k -= 1
    if k < 0:
        return None
    low = toks[k].low
    plural = low.isalpha() and low.endswith("s") and not low.endswith("ss")
    return low if plural else None


def _places(earlier: Claim, later: Claim) -> tuple[str, str]:
    """The place words two claims are compared by. A day ("on Wednesday") sets a claim
    apart only from another day's: "was convicted on Wednesday of 12 counts" … "to
    convict him of 11 offences" is one verdict."""
    days = _calendar()[0]
    one, other = earlier.place.split(), later.place.split()
    if not (days.intersection(one) and days.intersection(other)):
        one = [w for w in one if w not in days]
        other = [w for w in other if w not in days]
    return " ".join(one), " ".join(other)


def _earlier_time(claim: Claim) -> bool:
    """Whether a claim is set in a time before the story's: "last year", "the year
    before" (a figure with no time is the story's own)."""
    return "earlier:" in claim.period


def _same_person(one: str, other: str) -> bool:
    """ "Tariq Mahmood" and "Mahmood" may be one person; "Imran Mahmood" is another."""
    a, b = one.split(), other.split()
    return a[-1] == b[-1] and (len(a) == 1 or len(b) == 1 or a[0] == b[0])


def _said_again(earlier: Claim, later: Claim, changes: frozenset[str]) -> bool:
    """Whether two shares of one group say the same of it, in the same words."""
    return (
        earlier.kind is later.kind is Kind.PERCENT
        and earlier.subject == later.subject
        and earlier.subject is not None
        and earlier.subject not in changes
        and bool(earlier.said)
        and earlier.said == later.said
    )


def _story_told(earlier: Claim, later: Claim) -> bool:
    """Whether the headline gives a claim and the lead restates it, each the only figure
    of its unit in its sentence and named by the same noun: "Coach jailed for 12 years"
    … "A former coach has been jailed for 14 years", "£2m fund to tackle exploitation"
    … "A £3m fund … will open" (one story, told twice)."""
    return (
        earlier.heading
        and later.lead
        and earlier.subject == later.subject
        and not earlier.person
        and not later.person
        and earlier.alone
        and later.alone
        and _last_word(earlier.text) == _last_word(later.text)
    )


def _last_word(text: str) -> str:
    found = _TOKEN.findall(text)
    return found[-1].lower() if found else ""


def _durations(
    earlier: Claim, later: Claim, sole: bool, term: str, told: bool = False
) -> bool | None:
    """Two lengths: one event's (the same event, or a bare "over five years" against
    the headline's or lead's), or one person's prison term, or one total."""
    if earlier.total or later.total:
        return True if earlier.total and later.total else None
    if earlier.thing and later.thing and earlier.thing != later.thing:
        return None  # women's wait and men's wait
    if earlier.subject == term or later.subject == term:
        if earlier.subject != later.subject:
            return None
        if earlier.person and later.person:
            return True if _same_person(earlier.person, later.person) else None
        if later.person and (earlier.lead or earlier.heading):
            # "A teacher has been jailed for 12 years" … "Pugh's 12-year sentence" (or
            # "Pennick was sentenced to 13 years", the only person sentenced)
            return True if later.definite or sole else None
        return True if told else None
    if earlier.anchored and later.anchored:
        return True if earlier.subject == later.subject else None
    if later.definite and not later.anchored:
        return False  # "over 18 months" … "During those two years"
    if earlier.heading or earlier.lead:
        return False
    return None


def conflicts(claims: Sequence[Claim], words: Words) -> Iterator[Conflict]:
    """Each later claim that restates an earlier one with another figure, once, against
    the first it conflicts with (a figure that agrees with an earlier statement of its
    claim is not reported against another)."""
    sentenced = {
        c.person.split()[-1]
        for c in claims
        if c.kind is Kind.DURATION and c.subject == words.term_event and c.person
    }
    # A subject given three or more values is listed, not restated ("Ten clean texts",
    # "the 40 texts", "the 112 texts" in a report on several sets): a figure pointing
    # back among them is compared only where the predicate names its claim.
    series = _series(claims)
    values: dict[tuple[Kind, str | None], set[float | int]] = {}
    for c in claims:
        if c.kind is Kind.COUNT and not c.fresh:  # "six further men" are others
            # a series counts once: its sentence, not its values
            value = -c.sentence - 1 if c in series else c.value
            values.setdefault((c.kind, c.subject), set()).add(value)
    listed = {key for key, found in values.items() if len(found) >= LISTED}
    # A broader head names the one narrower group the document counts ("Ten boys …
    # the nine victims"); where it counts two ("five girls and four boys"), a total.
    counted = {c.subject for c in claims if c.kind is Kind.COUNT}
    kin = frozenset(
        frozenset((broad, *present))
        for broad, narrow in words.broader.items()
        for present in (narrow & counted,)
        if len(present) == 1
    )
    # The earlier claims by what a restatement shares (figure, kind, subject) and by
    # kind (``judge`` compares claims of one kind only), in order: looked up, not
    # scanned, so a long document's claims are not each compared with all before them.
    stated: dict[tuple[float, Kind, str | None], list[Claim]] = {}
    of_kind: dict[Kind, list[Claim]] = {}
    for claim in claims:
        same = stated.setdefault((claim.value, claim.kind, claim.subject), [])
        before = of_kind.setdefault(claim.kind, [])
        restated = any(_restates(earlier, claim) for earlier in same)
        same.append(claim)
        if restated:
            before.append(claim)
            continue  # the claim agrees with one already given
        # "During those two years" points back to the last length given before it.
        pointing = claim.kind is Kind.DURATION and claim.definite and not claim.anchored
        for earlier in reversed(before) if pointing else before:
            if claim in series or (
                earlier in series and (not claim.definite or claim.value == series[earlier])
            ):
                continue  # "nine counts of …, three counts of …": parts, not the whole
            verdict = judge(earlier, claim, words, len(sentenced) == 1, kin)
            if (claim.kind, claim.subject) in listed and (
                claim.predicate is None or claim.predicate != earlier.predicate
            ):
                verdict = None
            if verdict is not None:
                yield Conflict(claim, earlier, verdict)
                break
        before.append(claim)


def _series(claims: Sequence[Claim]) -> dict[Claim, float]:
    """The counts that are members of a series, each with the series' total: two or
    more values of one subject in one sentence that no predicate tells apart ("charged
    with nine counts of …, three counts of … and two counts of …"). A member restates
    no claim; a later figure that points back ("the 14 counts") is compared with it
    unless it is the total. One that points back ("the nine men") is no member."""
    by: dict[tuple[int, str | None], list[Claim]] = {}
    for c in claims:
        if c.kind is Kind.COUNT and not c.definite and c.subject is not None:
            by.setdefault((c.sentence, c.subject), []).append(c)
    out: dict[Claim, float] = {}
    for found in by.values():
        told = {c.predicate for c in found} - {None}
        if len({c.value for c in found}) > 1 and len(told) <= 1:
            total = sum(c.value for c in found)
            out.update((c, total) for c in found)
    return out


def _restates(earlier: Claim, claim: Claim) -> bool:
    """Whether a claim gives the figure an earlier statement of it gave."""
    return (
        earlier.value == claim.value
        and earlier.kind == claim.kind
        and earlier.subject == claim.subject
        and (earlier.low, earlier.high) in ((earlier.value, earlier.value), (claim.low, claim.high))
        and (
            claim.definite
            or None in (earlier.predicate, claim.predicate)
            or earlier.predicate == claim.predicate
        )
    )
