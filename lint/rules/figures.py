"""figures: one claim, two figures. "more than 550 arrests" in the summary and "505
arrests" in the quote, or "over 76,000 contacts" and "nearly 76,000 contacts".

Counted claims ("Seven men were charged" … "the six men") are the claim model's
(``lint/claims.py``, the ``claim-figures`` kind, Numbers.OneClaim); this kind keeps the
percentages, sums, dated events, prison terms and ages its rules name.

Two phases over the whole document. First collect facts: a figure, the noun it counts
(one of the rule's ``nouns``) and its qualifier ("more than", "nearly", …). Then judge
each noun's facts against the first statement of it: a later figure that differs, but
not by so much that it must be another claim (``ratio``), or the same figure bounded the
other way ("over" against "nearly"), is reported where it stands. Figures in one
sentence, or tied to different years ("in 2022", "in 2023"), are a series, not a claim
stated twice. A qualifier gives a figure a range: "nearly 500 victims" and later "480
victims" agree, "more than 4,000" and "3,000" do not.

A figure counts a noun only when at most ``modifiers`` plain words sit between them
("550 suspected child predators"), and not when the noun is one of a pair ("600 arrests
or suspect interviews", "600 arrests and charges" are not counts of arrests).

Figures may be numerals or words ("seven men were charged" … "the six men"). A figure
in words is compared only when the later statement points back to the first with a
definite article ("the six men", "all six men"): "seven men were charged" and "six men
were convicted" are two claims. Two figures whose bounds overlap ("nearly 500 victims"
and "480 victims"; "over 18,700" and "almost 19,000") are the same claim, not a conflict.

``sums`` (nouns such as "grant", "fine|fined") collects sums of money instead: "a grant
of £80,000" … "the £85,000 grant"; like a figure in words, a later sum is compared only
when it points back ("the £85,000 grant"), since a release may name several grants. Each
entry's first form is the noun the others are forms of.

``compare: numerals`` or ``compare: words`` splits the conflicts between two rules: those
where both figures are numerals, and those where one is in words (so each can have its
own level). ``nouns`` may use word families (``words_from``, ``{name}``).

``events`` (verbs such as "set up", "launched") collects dated events instead of counts:
"set up in March 2019" … "set up in 2020" is one event with two dates, when the two
statements have the same subject (or one has none: "it", "which" and a sentence that
opens with the verb take the subject from elsewhere).
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from lint import lexicon
from lint.document import Block, Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.names import Mention
from lint.rules import families, schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import MatchLike, scan
from lint.rules.regexes import compile_pattern

KEYS: dict[str, schema.Option] = {
    "nouns": schema.Option(
        schema.STR_LIST, "The counted things a figure must name (arrests, victims, contacts ...)."
    ),
    "events": schema.Option(
        schema.STR_LIST, "Dated events whose dates must agree (one of nouns, sums, events)."
    ),
    "sums": schema.Option(
        schema.STR_LIST, "Sums of money whose amounts must agree (one of nouns, sums, events)."
    ),
    "terms": schema.Option(
        schema.STR_LIST,
        "Nouns for a prison term ('sentence|jail term'): one person's sentence, two lengths.",
    ),
    "term_verbs": schema.Option(
        schema.STR_LIST, "terms: verbs that give a term ('jailed for', 'sentenced to')."
    ),
    "subject_verbs": schema.Option(
        schema.STR_LIST,
        "terms: verbs that give a term only after its noun ('the investigation, which "
        "lasted 18 months'; 'lasted', 'took').",
    ),
    "term_context": schema.Option(
        schema.STR_LIST,
        "terms: words that make a bare 'for three years' after them in a sentence a term "
        "('funding', 'programme').",
    ),
    "ages": schema.Option(
        schema.STR_LIST,
        "Nouns a stated age describes ('girl', 'boy'): 'a 15-year-old girl' … 'the "
        "16-year-old girl' (one of nouns, sums, events, terms, ages).",
    ),
    "percent": schema.Option(
        schema.BOOL, "nouns: the figure is a percentage ('a 23% rise' … 'the 32% rise').", False
    ),
    "persons": schema.Option(
        schema.BOOL,
        "events: the events happen to a person ('arrested', 'died'): one person's event"
        " is the same event; the subject is the person named before the verb, a possessive"
        " ('Hale's arrest') or the noun 'who' follows; 'he' and 'his' point back to the one"
        " person whose event it is.",
        False,
    ),
    "narrative": schema.Option(
        schema.STR_LIST,
        "persons events: words that put an undated event on the day its narrative gives "
        "('that afternoon', 'at the scene'): 'On 14 March he took a train to Preston … "
        "officers arrested him at the scene' dates the arrest 14 March.",
    ),
    "narrative_verbs": schema.Option(
        schema.STR_LIST,
        "narrative: the verbs that tell the event, each 'event|form|form' with one of "
        "the events first ('arrested|detained').",
    ),
    "narrative_later": schema.Option(
        schema.STR_LIST,
        "narrative: phrases that put the event a day, month or year after the narrative's "
        "date, each 'unit|phrase|phrase' ('month|the following month|a month later').",
    ),
    "bodies": schema.Option(
        schema.STR_LIST,
        "events: nouns for a body or a service ('service', 'helpline', 'unit'): said of "
        "one, the events of 'body_starts' are the first of 'events' ('the chat service "
        "began in 2022' dates its launch).",
    ),
    "body_starts": schema.Option(
        schema.STR_LIST,
        "bodies: the events (one form of each, 'began', 'opened') that are a body's start.",
    ),
    "compare": schema.Option(
        schema.STR,
        "numerals or words: which of the conflicts this rule reports (two rules can split them).",
    ),
    **families.KEYS,
    "modifiers": schema.Option(
        schema.INT, "At most this many words between the figure and its noun.", 2
    ),
    "ratio": schema.Option(
        schema.NUMBER,
        "Figures further apart than this ratio are different claims, not a conflict.",
        2.0,
    ),
    **schema.GUARD_KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT
#: Which conflicts a rule reports: both figures numerals, one in words, or any.
COMPARE = ("numerals", "words", "all")


class Bound(enum.Enum):
    """Which way a qualifier points from the stated figure."""

    EXACT = "exact"
    ABOVE = "above"  # more than, over, at least
    BELOW = "below"  # nearly, almost, under, up to
    ABOUT = "about"  # around, about, approximately

    def contradicts(self, other: Bound) -> bool:
        return {self, other} == {Bound.ABOVE, Bound.BELOW}

    def range(self, value: float) -> tuple[float, float]:
        """The values a figure stated with this bound allows ("nearly 500": below 500)."""
        if self is Bound.ABOVE:
            return value, float("inf")
        if self is Bound.BELOW:
            return 0.0, value
        if self is Bound.ABOUT:
            return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
        return value, value


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
#: How far "around 500" may be from 500 and still be the same claim.
ABOUT_MARGIN = 0.1
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_UNITS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: Number words from two to ninety-nine ("one" is rarely a claim: "one of the men").
NUMBER_WORDS: dict[str, int] = {
    **{w: i + 2 for i, w in enumerate(_UNITS)},
    **{t: 20 + 10 * i for i, t in enumerate(_TENS)},
    **{
        f"{t}{sep}{u}": 20 + 10 * i + j + 1
        for i, t in enumerate(_TENS)
        for j, u in enumerate(["one", *_UNITS[:8]])
        for sep in ("-", " ")
    },
}
_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_ONES = "one|two|three|four|five|six|seven|eight|nine"
#: The number words of NUMBER_WORDS as one compact pattern.
_WORDS_RE = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_ONES}))?|{_UNIT_WORDS})"
#: A number as written, for look-behinds that step back over it.
_NUMBER_TOKEN = rf"(?:\d[\d,.]*|{_WORDS_RE})"
#: Words before a figure that point back to a figure already given ("the six men").
_DEFINITE = r"the|these|those|all(?:\s+the)?|all\s+of\s+the"
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: Subjects that point elsewhere: the event's subject is unknown.
_PRONOUNS = frozenset(["it", "its", "this", "that", "which", "they", "their", "since"])
#: Subjects that are a person: such an event ("he began in 2019") is a person's, never
#: a body's or a course of events' ("the abuse began in 2020").
_PERSONS = frozenset(["he", "she", "who", "him", "her", "his"])
#: Multipliers after a sum of money: "£4.5 million", "£4.5m", "£2bn".
SUM_MULTIPLIERS = {**MULTIPLIERS, "m": 1_000_000, "bn": 1_000_000_000}
#: How far a bounded figure may be from an exact one and still be the same claim.
BOUND_SLACK = 0.1
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
    in_words: bool = False  # "seven men", not "7 men"
    needs_reference: bool = False  # compared only when it points back (words, sums)
    definite: bool = False  # "the six men": points back to a figure already given
    subject: str | None = None  # events: "taskforce" in "the taskforce was set up in 2019"
    event: bool = False  # a dated event: value is year * 10000 + month * 100 + day (0: none)
    weekday: int = 0  # a dated event's day of the week (1 to 7; 0: none)
    person: str | None = None  # the surname of the person the figure is about, if named
    narrative: bool = False  # events: dated by the narrative around it, subject read already

    def comparable(self, other: Fact) -> bool:
        """Whether two facts can be one claim stated twice. Figures in one sentence are
        a series or a comparison ("550 arrests in 2023 and 300 in 2022"), and figures for
        two named periods are two claims. A figure in words is one claim with an earlier
        figure only when it points back to it ("the six men"); an event is one event only
        when the subjects agree (or one is unknown)."""
        if self.sentence == other.sentence:
            return False
        if self.event:
            return (
                self.subject is None
                or other.subject is None
                or self.subject == other.subject
                or _names(self.subject, other.subject)
                or _names(other.subject, self.subject)
            )
        if self.person and other.person and self.person != other.person:
            return False  # "Webb was charged with 12 offences" … "Khan … with 15 offences"
        if (self.needs_reference or other.needs_reference) and not self.definite:
            return False
        return self.period is None or other.period is None or self.period == other.period

    def span(self) -> tuple[float, float]:
        """The values the statement allows: "nearly 500" is 450 to 500, "480" is 480."""
        low, high = self.value * (1 - BOUND_SLACK), self.value * (1 + BOUND_SLACK)
        return {
            Bound.EXACT: (self.value, self.value),
            Bound.ABOVE: (self.value, high),
            Bound.BELOW: (low, self.value),
            Bound.ABOUT: (low, high),
        }[self.bound]

    def agrees(self, other: Fact) -> bool:
        """Whether two different figures can both be true of one claim: "480" and
        "nearly 500", "over 18,700" and "almost 19,000"."""
        (low_a, high_a), (low_b, high_b) = self.span(), other.span()
        return low_a <= high_b and low_b <= high_a


@dataclass(frozen=True, slots=True)
class Conflict:
    fact: Fact
    earlier: Fact


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as one alternation, longest first, a space matching any white space."""
    return "|".join(sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True))


#: White space within a paragraph: never a blank line, so a figure never counts a noun
#: in the next paragraph.
_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
#: Words after "the three girls" that pick out some of a group, not all of it: "the
#: three girls who gave evidence", "the two men from Leeds".
_SUBSET = regex.compile(
    r"[ \t]+(?:who|whom|whose|that|which|aged|from|under|over|with|without|among"
    r"|in\s+(?:the|their|his|her)\b)\b"
)
#: The period a figure is for, when it follows: "550 arrests in 2023".
_PERIOD = (
    r"(?:(?=\s+(?:[\p{Ll}-]+\s+){0,3}?(?:in|during|for|since|by)\s+"
    r"(?P<period>(?:19|20)\d\d(?:\s+to\s+(?:19|20)\d\d)?)\b))?"
)


def fact_pattern(
    nouns: Sequence[str], modifiers: int, *, words: bool = True, percent: bool = False
) -> str:
    """A counted figure (or, with ``percent``, a percentage: "a 23% rise"). It starts at
    the number, so the engine skips other text fast; the qualifier and a definite
    article before it are read by look-behinds."""
    quals = _alternation(QUALIFIERS)
    mults = "|".join(MULTIPLIERS)
    noun_body = "|".join(nouns)
    in_words = rf"|\b(?P<word>{_WORDS_RE})\b(?!-)" if words else ""
    number = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    if percent:
        # "the 32% rise": the look-behinds read what comes before the number, and the
        # sign (or "per cent") follows them.
        return (
            rf"(?i)(?<![\d.,£$€/\-]){number}(?![\d,]*\.\d|[\w/\-])"
            rf"(?:(?<=\b(?P<qual>{quals})\s+{_NUMBER_TOKEN}))?"
            rf"(?:(?<=\b(?:{_DEFINITE}|this|that|his|her|its|their)\s+(?:(?:{quals})\s+)?"
            rf"{_NUMBER_TOKEN})"
            r"(?P<definite>))?(?:%|\s+per\s+cent\b)(?P<mult>)\s+"
            rf"(?P<mods>(?:(?!(?:{_STOPWORDS})\b)(?-i:\p{{Ll}})[\p{{Ll}}\-]*{_SP}){{0,{modifiers}}}?)"
            rf"(?P<noun>{noun_body})\b{_PERIOD}"
            # "rose by 23%", "a rise of 23%", "the increase of 32%"
            rf"|(?:(?<=\b(?:{_DEFINITE}|this|that|its)\s+)(?P<definite>))?\b(?P<noun>{noun_body})"
            rf"\s+(?:by|of)\s+(?:(?P<qual>{quals})\s+)?(?P<mult>)"
            rf"(?<![\d.,£$€/\-]){number}(?![\d,]*\.\d)(?:%|\s+per\s+cent\b)(?P<mods>){_PERIOD}"
        )
    return (
        rf"(?i)(?:(?<![\d.,£$€/\-]){number}(?![\d,]*\.\d|%|[\w/\-])"
        rf"{in_words})"
        rf"(?:(?<=\b(?P<qual>{quals})\s+{_NUMBER_TOKEN}))?"
        rf"(?:(?<=\b(?:{_DEFINITE})\s+(?:(?:{quals})\s+)?{_NUMBER_TOKEN})(?P<definite>))?"
        rf"(?:\s+(?P<mult>{mults}))?{_SP}"
        rf"(?P<mods>(?:(?!(?:{_STOPWORDS})\b)(?-i:\p{{Ll}})[\p{{Ll}}\-]*{_SP}){{0,{modifiers}}}?)"
        rf"(?P<noun>{noun_body})\b"
        rf"(?!\s+(?:or\s+\p{{L}}|and/or\b|and\s+(?:\p{{L}}+\s+)?(?:{noun_body})\b))"
        rf"{_PERIOD}"
    )


#: Words that tie an age to a time: the same person may be older or younger there.
_THEN = regex.compile(
    r"(?i)\b(?:when|by\s+the\s+time|by\s+then|later|until|now|then|at\s+the\s+time|since|ago)\b"
)


def age_pattern(nouns: Sequence[str]) -> str:
    """An age that describes someone unnamed: "a 15-year-old girl" states it, "the
    16-year-old girl" points back to one already given."""
    return (
        rf"(?i)\b(?:(?P<definite>the|this|that)|an?)\s+(?P<num>\d{{1,2}}|{_WORDS_RE})-year-old\s+"
        rf"(?P<noun>{_alternation(nouns)})\b"
    )


def sum_pattern(forms: Iterable[str]) -> str:
    """A sum of money and what it is: "a £4.5 million fund", "a grant of up to £80,000".
    Each form starts at "£" or at the noun; what comes before is read by look-behinds."""
    quals = _alternation(QUALIFIERS)
    mults = "|".join(SUM_MULTIPLIERS)
    nouns = _alternation(forms)
    amount = (
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:\s*(?P<mult>{mults})\b)?"
    )
    return (
        # £4.5 million fund (with "up to" and "the" before it)
        rf"(?i)£(?:(?<=\b(?P<qual>{quals})\s+£))?"
        rf"(?:(?<=\b(?:{_DEFINITE})\s+(?:(?:{quals})\s+)?£)(?P<definite>))?{amount}\s+"
        rf"(?P<mods>(?:(?!(?:{_STOPWORDS})\b)(?-i:\p{{Ll}})[\p{{Ll}}\-]*{_SP}){{0,2}}?)"
        rf"(?P<noun>{nouns})\b"
        # grant of up to £80,000 (with "the" before it)
        rf"|\b(?P<noun>{nouns})(?:(?<=\b(?:{_DEFINITE})\s+(?:{nouns}))(?P<definite>))?"
        rf"(?:\s+|,\s+(?=worth|costing|totalling|funded|backed|paid))"
        rf"(?:(?:of|worth|totalling|amounting\s+to|cost|costs|costing|will\s+cost"
        rf"|(?:funded|backed|paid\s+for)\s+(?:with|by)(?:\s+an?)?)\s+)?"
        rf"(?:(?P<qual>{quals})\s+)?£{amount}"
    )


def event_pattern(events: Sequence[str]) -> str:
    """A dated event: "set up in March 2019", "since its launch in May 2025", "set up its
    exploitation unit in 2021" (what is set up is then the subject; otherwise the
    subject is read separately)."""
    verbs = _alternation(events)
    months = "|".join(MONTH_NAMES)
    days = "|".join(WEEKDAYS)
    return (
        # "his 2021 arrest", "Hale's 2019 conviction": the year before the event's noun
        rf"(?i)(?<=\b(?:his|her|their|its|the|[\p{{L}}-]+['’]s?)\s+)"
        rf"(?P<year>(?:19|20)\d\d)\s+(?P<event>\b(?:{verbs}))\b(?!\s+(?:in|on|of)\s+\d)"
        rf"|(?P<event>\b(?:{verbs}))(?!\s+again\b)"
        r"(?:\s+(?:its|their|the|a|an|his|her|our)\s+(?:[\w-]+\s+){0,2}?(?P<object>[\w-]+)"
        # "arrested him on 7 September": the person; "began work in 2022": the body's start
        r"|\s+(?P<object>him|her|them)|\s+(?:work|operating|operations|trading))?"
        # "jailed for 16 years on Tuesday": a term between the verb and its date
        rf"(?:\s+for\s+{_TERM_NUMBER}\s+(?:years?|months?)(?:\s+and\s+{_TERM_NUMBER}\s+months?)?)?"
        # "arrested at his home on 14 February", "arrested by Lancashire Police on 12
        # March": where or by whom, between the verb and its date
        rf"(?:\s+(?:at|by)(?:\s+[\w'’-]+){{1,3}}?(?=\s+(?:in|on)\s+(?:\d|(?:{months}|{days})\b)))?"
        r"\s+(?:in|on|during|from)\s+"
        r"(?:(?:(?:early|late|mid-?)\s*)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?"
        rf"(?:(?P<month>{months})\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s*(?:to|-|–)\s*\d)"
        # "on 14 March" with no year; "on Tuesday"
        rf"|(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{months})\b(?!\s*,?\s*(?:19|20)\d\d)"
        rf"(?!\s*(?:to|-|–|and)\s*\d)"
        # "on Tuesday", "on Friday 14 March"
        rf"|(?P<weekday>{days})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{months}))?"
        r"\b(?!['’]s))"
    )


#: A length of time in words or numerals: "nine", "11", "a".
_TERM_NUMBER = rf"(?:\d{{1,2}}|{_WORDS_RE}|an?|one)"


def term_pattern(
    nouns: Iterable[str],
    verbs: Iterable[str],
    context: Iterable[str] = (),
    subject_verbs: Iterable[str] = (),
) -> str:
    """A prison term: "jailed for nine years (and six months)" states one; "his 11-year
    sentence", "Holloway's 10-year sentence", "the sentence of nine years" and "over the
    programme's four years" point back to one already given. With ``context``, a bare
    "for three years" states one too when a context word comes before it in its sentence
    ("The money will support teams for three years")."""
    noun = _alternation(nouns)
    verb = _alternation(verbs)
    length = (
        rf"(?P<num>{_TERM_NUMBER})\s+(?P<unit>years?|months?|weeks?)"
        rf"(?:\s+and\s+(?P<num2>{_TERM_NUMBER})\s+months?)?"
    )
    owner = r"(?P<owner>(?-i:\p{Lu})[\p{L}-]+)['’]s"
    after_noun = ""
    if subject_verbs:
        # "The investigation, which lasted 18 months": a verb that needs its noun.
        after_noun = (
            rf"|\b(?P<definite>the|its|their|this)\s+(?P<noun>{noun}),?\s+(?:which\s+|that\s+)?"
            rf"(?:{_alternation(subject_verbs)})\s+{length}"
        )
    stated = ""
    if context:
        # The context word and the length in one clause: no "who" (another person's
        # years: "led by X, who has worked there for 12 years") and no full stop between.
        stated = (
            rf"|\b(?:{_alternation(context)})\b(?:(?!\bwho\b)[^.!?\n]){{0,100}}?"
            rf"\b(?P<stated>(?:for|over)\s+(?:the\s+(?:next|first)\s+)?{length})"
            r"(?!\s+(?:ago|old)\b)"
        )
    return (
        # "the pilot will run for a year": its subject points back to the pilot
        rf"(?i)(?:\b(?P<definite>the|its|their|this)\s+(?P<noun>{noun})\s+)?"
        rf"\b(?:{verb})\s+(?:(?:a\s+total\s+of|an\s+extended)\s+)?{length}"
        rf"(?:\s+(?:in\s+(?:prison|jail|custody|a\s+young\s+offender\S*\s+institution)"
        r"|imprisonment|custody|behind\s+bars))?"
        rf"|\b(?P<definite>the|his|her|its|their|this|that|{owner})\s+"
        rf"(?:(?:total|overall|jail|prison)\s+)?"
        rf"(?P<num>{_TERM_NUMBER})[- ](?P<unit>year|month|week)"
        rf"(?:[- ]and[- ](?P<num2>{_TERM_NUMBER})[- ]months?)?\s+(?P<noun>{noun})\b"
        rf"|\b(?P<definite>the|his|her|their)\s+(?P<noun>{noun})\s+of\s+{length}"
        rf"|\b(?P<definite>the|its|their|this)\s+(?P<noun>{noun})['’]s\s+{length}"
        # "a six-month pilot" states one
        rf"|\b(?-i:[Aa])n?\s+(?P<num>{_TERM_NUMBER})[- ](?P<unit>year|month|week)"
        rf"(?:[- ]and[- ](?P<num2>{_TERM_NUMBER})[- ]months?)?\s+(?P<noun>{noun})\b"
        f"{stated}{after_noun}"
    )


def _term_months(m: MatchLike) -> float:
    def number(text: str) -> int:
        text = " ".join(text.lower().split())
        return 1 if text in ("a", "an", "one") else int(NUMBER_WORDS.get(text) or text)

    unit = m.group("unit").lower()[:1]
    months = number(m.group("num")) * {"y": 12.0, "m": 1.0, "w": 12 / 52}[unit]
    return float(months + (number(m.group("num2")) if m.group("num2") else 0))


#: The subject right before an event's verb: "the taskforce, which was (first) set up".
_SUBJECT = regex.compile(
    r"(?i)(?P<subject>[\p{L}'’-]+)(?:,?\s+(?:which|that))?,?\s+"
    r"(?:(?:was|were|is|are|has\s+been|had\s+been|have\s+been|will|would|shall|is\s+to)\s+)?"
    r"(?:(?:first|originally|only|formally|officially)\s+)?$"
)


def collect(
    doc: Document,
    facts: Facts,
    meta: RuleMeta,
    pattern: regex.Pattern[str],
    guards: Guards,
    nouns: Mapping[str, str] | None = None,
    *,
    mode: str | None = None,
) -> list[Fact]:
    """Phase one: every counted figure (or sum, dated event, prison term or percentage)
    in the document, in order. ``nouns`` maps a sum's (or an event's) forms to the one
    they are forms of ("fined" to "fine", "launch" to "launched")."""
    found = []
    if mode is None:  # as the pattern says: a sum's nouns, an event's verb, or counts
        events = "event" in pattern.groupindex
        mode = "events" if events else "sums" if nouns is not None else "nouns"
    sums = mode == "sums"
    multipliers = SUM_MULTIPLIERS if sums else MULTIPLIERS
    sentence_starts = [s.start for s in facts.sentences]
    for m, unit in scan(pattern, doc, facts, meta, guards):
        if mode == "events":
            sentence = bisect.bisect_right(sentence_starts, m.start("event"))
            found.append(_event(m, doc, unit, sentence, nouns or {}))
            continue
        if mode == "terms":
            sentence = bisect.bisect_right(sentence_starts, m.start())
            found.append(_term(m, doc, sentence, "stated" in pattern.groupindex))
            continue
        if mode == "ages":
            k = bisect.bisect_right(sentence_starts, m.start()) - 1
            lo = facts.sentences[k].start if k >= 0 else unit.start
            hi = facts.sentences[k].end if k >= 0 else unit.end
            if _THEN.search(doc.text, lo, hi):
                continue  # "when she was a 13-year-old girl": an age at another time
            found.append(
                Fact(
                    " ".join(m.group("noun").lower().split()),
                    _age(m.group("num")),
                    Bound.EXACT,
                    m.start(),
                    m.end(),
                    " ".join(doc.text[m.start() : m.end()].split()),
                    bisect.bisect_right(sentence_starts, m.start()),
                    needs_reference=True,
                    definite=m.group("definite") is not None,
                )
            )
            continue
        if not sums and m.group("definite") is not None and _SUBSET.match(doc.text, m.end()):
            continue  # "the three girls who gave statements": some of them, not all
        qualifier = m.group("qual")
        start = min(m.start(), m.start("qual")) if qualifier else m.start()
        sentence = bisect.bisect_right(sentence_starts, start)
        word = m.group("word") if "word" in pattern.groupindex else None
        value = float(
            NUMBER_WORDS[" ".join(word.lower().split())]
            if word
            else m.group("num").replace(",", "")
        )
        if m.group("mult"):
            value *= multipliers[m.group("mult").lower()]
        bound = QUALIFIERS[" ".join(qualifier.lower().split())] if qualifier else Bound.EXACT
        noun = " ".join(m.group("noun").lower().split())
        found.append(
            Fact(
                nouns.get(noun, noun) if nouns is not None else noun,
                value,
                bound,
                start,
                m.end(),
                " ".join(doc.text[start : m.end()].split()),
                sentence,
                None if sums else m.group("period"),
                in_words=word is not None,
                needs_reference=sums or mode == "percent" or word is not None,
                definite=m.group("definite") is not None,
            )
        )
    return found


def _age(num: str) -> float:
    """An age as written: "15" or "fifteen" ("twenty-one")."""
    if num.isdigit():
        return float(num)
    return float(NUMBER_WORDS[" ".join(num.lower().split())])


def _term(m: MatchLike, doc: Document, sentence: int, stated: bool = False) -> Fact:
    """A prison term, in months; compared only where it points back ("his 11-year
    sentence"), since a release may sentence several people."""
    # A length stated after a context word is the length alone: "for three years".
    start = m.start("stated") if stated and m.group("stated") else m.start()
    return Fact(
        "term",
        _term_months(m),
        Bound.EXACT,
        start,
        m.end(),
        " ".join(doc.text[start : m.end()].split()),
        sentence,
        needs_reference=True,
        definite=m.group("definite") is not None,
        person=m.group("owner"),
    )


def _event(
    m: MatchLike, doc: Document, unit: Block, sentence: int, forms: Mapping[str, str]
) -> Fact:
    month, day, year, weekday = (m.group(g) for g in ("month", "day", "year", "weekday"))
    value = (
        (int(year) * 10000 if year else 0)
        + (MONTH_NAMES.index(month.title()) + 1 if month else 0) * 100
        + (int(day) if day else 0)
    )
    start = m.start("event")
    before = _SUBJECT.search(doc.text, max(unit.start, start - 80), start)
    if year and m.start("year") < start:  # "his 2021 arrest": the year is the phrase's
        start, before = m.start("year"), None
    subject = before.group("subject").lower() if before else None
    if before and subject is not None:
        subject = _qualified(doc.text, before.start("subject"), subject)
    if m.group("object"):
        subject = m.group("object").lower()  # "set up its unit in 2021": the unit
        subject = _qualified(doc.text, m.start("object"), subject)  # "a second man"
    if subject in _PRONOUNS:
        subject = None
    elif subject in _PERSONS:
        subject = "<person>"
    verb = " ".join(m.group("event").lower().split())
    return Fact(
        forms.get(verb, verb),
        float(value),
        Bound.EXACT,
        start,
        m.end(),
        " ".join(doc.text[start : m.end()].split()),
        sentence,
        subject=subject,
        event=True,
        weekday=WEEKDAYS.index(weekday.title()) + 1 if weekday else 0,
    )


#: The word before an event's subject that names it: "Operation Larkspur began" (an
#: operation), "A second operation began" (another one than the first).
_QUALIFIER = regex.compile(
    r"(?i)\b(?P<word>operation|first|second|third|fourth|another|new|latest|previous|earlier)"
    r"\s+$"
)


def _names(subject: str, named: str) -> bool:
    """Whether a subject is a named one's kind: "the operation" and "Operation Larkspur"."""
    return named.startswith(f"{subject}:")


def _qualified(text: str, at: int, subject: str) -> str:
    """An event's subject as its phrase names it: "Operation Larkspur" is an operation
    of that name ("operation:larkspur"), "a second operation" is not the first one."""
    found = _QUALIFIER.search(text, max(0, at - 20), at)
    if found is None:
        return subject
    word = found.group("word").lower()
    if word == "operation":
        return f"operation:{subject}" if text[found.start()].isupper() else subject
    return f"{word} {subject}"


def _dates_differ(one: Fact, other: Fact) -> bool:
    """Whether two dates of one event cannot both be true: a part both give (year,
    month, day of the month, day of the week) differs."""
    a, b = int(one.value), int(other.value)
    parts = ((a // 10000, b // 10000), (a // 100 % 100, b // 100 % 100), (a % 100, b % 100))
    return any(x and y and x != y for x, y in (*parts, (one.weekday, other.weekday)))


def judge(stated: Sequence[Fact], ratio: float) -> Iterator[Conflict]:
    """Phase two: each later statement of a noun against the first one. A statement that
    points back ("the six men", "his 11-year sentence") is one claim with any earlier
    statement it agrees with, so it conflicts only when it agrees with none of them."""
    first: dict[str, Fact] = {}
    seen: dict[str, list[Fact]] = {}
    for fact in stated:
        earlier = first.setdefault(fact.noun, fact)
        before = seen.setdefault(fact.noun, [])
        before.append(fact)
        if earlier is fact or not fact.comparable(earlier):
            continue
        if fact.definite and any(
            not f.bound.contradicts(fact.bound)
            and (f.value == fact.value or (not f.event and f.agrees(fact)))
            for f in before[:-1]
            if f.sentence != fact.sentence
        ):
            continue
        if fact.event:
            if _dates_differ(fact, earlier):
                yield Conflict(fact, earlier)
            continue
        if fact.value == earlier.value:
            if fact.bound.contradicts(earlier.bound):
                yield Conflict(fact, earlier)
            continue
        if fact.agrees(earlier):
            continue
        low, high = sorted((fact.value, earlier.value))
        if _overlap(fact, earlier):
            continue
        if (low > 0 and high / low <= ratio) or _swapped(fact, earlier):
            yield Conflict(fact, earlier)


def _swapped(one: Fact, other: Fact) -> bool:
    """Two exact figures with the same digits in another order ("13" and "31"): one figure
    mistyped, however far apart they are."""
    a, b = (f"{f.value:g}" for f in (one, other))
    return one.bound is other.bound is Bound.EXACT and a != b and sorted(a) == sorted(b)


def _overlap(one: Fact, other: Fact) -> bool:
    """Whether two different figures can both be true: "nearly 500 victims" and "480
    victims" can, "more than 4,000 victims" and "3,000 victims" cannot."""
    low1, high1 = one.bound.range(one.value)
    low2, high2 = other.bound.range(other.value)
    return low1 <= high2 and low2 <= high1


#: Between a person's name and a figure about them: no speech, no quote, no new clause
#: about someone else ("Khan, 38, was jailed for 14 years", not "Smith said 12 men").
_NOT_SUBJECT = regex.compile(
    rf"[\"“”;:]|\b(?:{lexicon.alternation('speech_verbs')}|and|but|while|whereas)\b",
    regex.IGNORECASE,
)


def _with_persons(stated: Sequence[Fact], doc: Document, facts: Facts) -> list[Fact]:
    """Each figure with the person it is about: the last person named before it in its
    sentence, with nothing between them that starts another clause or a speech. Two
    figures about two named people are two claims."""
    if not stated:
        return list(stated)
    mentions = facts.cast().mentions
    ends = [m.end for m in mentions]
    sentences = facts.sentences
    starts = [b.start for b in sentences]
    out = []
    for fact in stated:
        if fact.person is None:
            i = bisect.bisect_right(ends, fact.start) - 1
            k = bisect.bisect_right(starts, fact.start) - 1
            lo = sentences[k].start if k >= 0 else 0
            if i >= 0 and mentions[i].start >= lo and mentions[i].surname:
                between = doc.text[mentions[i].end : fact.start]
                if not _NOT_SUBJECT.search(between):
                    fact = replace(fact, person=mentions[i].surname)
        out.append(fact)
    return out


#: Words before a person's event that point back to it: "the arrest on 17 March".
_POINT_BACK = frozenset(["<person>", "the", "that", "this"])
#: A rule's narrative events: the verbs that tell them, the words that date them, each
#: verb's event, the phrases that move the date on (to their unit) and their pattern.
Narrative = tuple[
    regex.Pattern[str],
    regex.Pattern[str],
    Mapping[str, str],
    Mapping[str, str],
    "regex.Pattern[str] | None",
]
#: A narrative's date: "On 14 March", "on 3 February 2026", "On 14 March this year".
_NARRATIVE_DATE = regex.compile(
    rf"\b(?:[Oo]n\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+|[Ii]n\s+(?:early\s+|late\s+|mid-)?)"
    rf"(?P<month>{'|'.join(MONTH_NAMES)})\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?(?!\s*(?:to|-|–|and)\s*\d)"
)
#: Before a narrative event's verb: a passive ("McAllister was arrested"), whose
#: subject is the person; an active verb's object is ("officers arrested McAllister").
_PASSIVE = regex.compile(r"(?i)\b(?:was|were|been|being|is|are|be|get|got)\s+$")


def narrative_events(
    doc: Document,
    facts: Facts,
    stated: Sequence[Fact],
    verbs: regex.Pattern[str],
    markers: regex.Pattern[str],
    forms: Mapping[str, str],
    later: Mapping[str, str] | None = None,
    shifts: regex.Pattern[str] | None = None,
) -> list[Fact]:
    """Events told in a narrative with no date of their own, dated by it: a sentence
    that tells the event ("officers arrested McAllister at the scene") with a word that
    puts it on the narrative's day ("at the scene", "that afternoon"), where that
    sentence, before the verb, or the one before it in its paragraph, gives the day ("On
    14 March this year he took a train to Preston"). Whose event it is: a passive's
    subject, an active verb's object named right after it, else unknown ("him"). With
    ``later`` (a phrase to the unit it moves on: "the following month" to month), a
    sentence that tells the event "the following month" is dated a month on (``shifts``:
    those phrases' pattern, compiled with the rule)."""
    sentences = facts.sentences
    dated = {f.sentence for f in stated}
    mentions = facts.cast().mentions
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    out: list[Fact] = []
    for k, sentence in enumerate(sentences):
        if "heading" in sentence.scope or k + 1 in dated:
            continue
        verb = verbs.search(doc.text, sentence.start, sentence.end)
        if verb is None:
            continue
        shift: str | None = None
        moved = None
        if not markers.search(doc.text, verb.end(), sentence.end):
            moved = shifts.search(doc.text, verb.end(), sentence.end) if shifts else None
            if moved is None or later is None:
                continue
            shift = later[" ".join(moved.group().lower().split())]
        date = _last(_NARRATIVE_DATE.finditer(doc.text, sentence.start, verb.start()))
        if date is None and k > 0:
            previous = sentences[k - 1]
            if (
                "heading" not in previous.scope
                and "\n\n" not in doc.text[previous.end : sentence.start]
            ):
                date = _last(_NARRATIVE_DATE.finditer(doc.text, previous.start, previous.end))
        if date is None:
            continue
        month = MONTH_NAMES.index(date.group("month").title()) + 1
        year = int(date.group("year") or 0)
        day = int(date.group("day") or 0)
        if shift is not None:
            moved_on = _moved_on(year, month, day, shift)
            if moved_on is None:
                continue
            year, month, day = moved_on
        value = year * 10000 + month * 100 + day
        before = doc.text[sentence.start : verb.start()]
        subject: str | None = None
        if _PASSIVE.search(before):
            who = _SUBJECT.search(before.rstrip() + " ")
            subject = who.group("subject").lower() if who else None
            i = bisect.bisect_right(ends, verb.start()) - 1
            if (
                i >= 0
                and mentions[i].start >= sentence.start
                and mentions[i].surname
                and not _NOT_SUBJECT.search(doc.text[mentions[i].end : verb.start()])
            ):
                subject = mentions[i].surname.lower()
        else:
            i = bisect.bisect_left(starts, verb.end())
            if (
                i < len(mentions)
                and mentions[i].surname
                and not doc.text[verb.end() : mentions[i].start].strip()
            ):
                subject = mentions[i].surname.lower()
        word = " ".join(verb.group().lower().split())
        out.append(
            Fact(
                forms.get(word, word),
                float(value),
                Bound.EXACT,
                verb.start(),
                verb.end(),
                " ".join(
                    f"{date.group()} … {verb.group()} {moved.group() if moved else ''}".split()
                ),
                k + 1,
                subject=subject,
                event=True,
                narrative=True,
            )
        )
    return out


def _moved_on(year: int, month: int, day: int, unit: str) -> tuple[int, int, int] | None:
    """A date moved on by one ``unit`` (day, month or year); None when the date does
    not give that unit (a day after "in March 2022") or the year is needed and unknown."""
    if unit == "year":
        return (year + 1, month, day) if year else None
    if unit == "month":
        if month < 12:
            return year, month + 1, day
        return (year + 1, 1, day) if year else None
    if not day:
        return None
    after = dt.date(year or 2000, month, day) + dt.timedelta(days=1)
    return (after.year if year else 0), after.month, after.day


def _last(found: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    """The last of some matches, if any."""
    last = None
    for last in found:  # noqa: B007 (the loop keeps the last)
        continue
    return last


#: Before a person's event: "Hale's arrest", "his arrest".
_OWNER = regex.compile(r"(?P<owner>[\p{L}-]+)(?:['’]s?)?\s+$")
#: "His co-defendant, who was arrested": the noun "who" stands for.
_WHO = regex.compile(
    r"(?i)(?P<noun>[\p{L}-]+),?\s+who\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?$"
)
#: Words that introduce a new person: "a 34-year-old man", "a second man", "two men".
_NEW_PERSON = regex.compile(
    r"(?i)\b(?:an?|another|second|third|fourth|fifth|other|two|three|four|five|six|both)"
    r"\b[^.;:]{0,30}$"
)


def _persons_events(stated: Sequence[Fact], doc: Document, facts: Facts) -> list[Fact]:
    """A person's events, each with whose it is: a possessive before the noun ("Hale's
    arrest"), the person named before the verb in its sentence (nothing between that
    starts a clause or a speech), the noun "who" follows ("his co-defendant, who was
    arrested"), or a new person ("a second man was arrested": their own). "He" and "his"
    are the person in focus (``_pronoun_person``); a definite noun ("the man") points
    back: it is kept only where the document gives one person that event, since with
    two it could mean either. Two people with one surname are told apart by full name."""
    if not stated:
        return []
    mentions = facts.cast().mentions
    shared = _shared_surnames(facts)
    ends = [m.end for m in mentions]
    sentences = facts.sentences
    starts = [b.start for b in sentences]
    out: list[Fact] = []
    for fact in stated:
        k = bisect.bisect_right(starts, fact.start) - 1
        lo = sentences[k].start if k >= 0 else 0
        before = doc.text[lo : fact.start]
        subject: str | None = None
        owner = _OWNER.search(before)
        if fact.narrative:
            subject = fact.subject
        elif (
            owner
            and owner.group("owner")[:1].isupper()
            and owner.group().rstrip()[-2:]
            in (
                "'s",
                "’s",
            )
        ):
            subject = owner.group("owner").lower()
        else:
            i = bisect.bisect_right(ends, fact.start) - 1
            named = i >= 0 and mentions[i].start >= lo and mentions[i].surname
            if named and not _NOT_SUBJECT.search(doc.text[mentions[i].end : fact.start]):
                subject = _who(mentions[i], shared)
            elif (who := _WHO.search(before)) is not None:
                subject = who.group("noun").lower()
            elif _NEW_PERSON.search(before[-40:]) and not (
                fact.subject in _PRONOUNS or fact.subject == "<person>"
            ):
                subject = f"<new {fact.start}>"
            else:
                subject = fact.subject  # the word before: "Shah was jailed", "the man"
            if subject == "<person>":  # "He was arrested", "his arrest": whose?
                subject = _pronoun_person(doc, mentions, ends, fact, (lo, sentences[k].end), shared)
        if subject in _PRONOUNS or subject in _PERSONS or subject in _POINT_BACK:
            subject = None  # "his arrest", "the arrest": the one person's, if one
        out.append(replace(fact, subject=subject))
    named_subjects: dict[str, set[str]] = {}
    for fact in out:
        if fact.subject is not None:
            named_subjects.setdefault(fact.noun, set()).add(fact.subject)
    return [f for f in out if f.subject is not None or len(named_subjects.get(f.noun, ())) < 2]


def _who(mention: Mention, shared: Mapping[int, str]) -> str:
    """A person's key among the events: their surname, or their full name where the
    document names two people with that surname ("Dean Marsh" and "Lee Marsh")."""
    return shared.get(mention.identity) or mention.surname.lower()


def _shared_surnames(facts: Facts) -> dict[int, str]:
    """The people whose surname another person in the document has, by identity: their
    full names."""
    cast = facts.cast()
    count = cast.surname_counts
    return {i.key: i.label.lower() for i in cast.identities if count[i.surname] > 1 and i.name}


def _pronoun_person(
    doc: Document,
    mentions: Sequence[Mention],
    ends: Sequence[int],
    fact: Fact,
    sentence: tuple[int, int],
    shared: Mapping[int, str],
) -> str:
    """Whose event "he", "she", "his" or "her" tells: the person named right after the
    comma that closes a sentence's opening phrase ("Since his arrest on 12 March, Doyle
    has been held"), else the person named last before it in its paragraph ("Also charged
    is Sophie Whitlam … She was arrested on 17 February"); "<person>" when neither."""
    lo, hi = sentence
    if "," not in doc.text[lo : fact.start]:
        comma = doc.text.find(",", fact.end, hi)
        i = bisect.bisect_left([m.start for m in mentions], comma)
        if comma >= 0 and i < len(mentions) and not doc.text[comma + 1 : mentions[i].start].strip():
            return _who(mentions[i], shared) if mentions[i].surname else "<person>"
    i = bisect.bisect_right(ends, fact.start) - 1
    if i >= 0 and mentions[i].surname and "\n\n" not in doc.text[mentions[i].end : fact.start]:
        return _who(mentions[i], shared)
    return "<person>"


@dataclass(frozen=True)
class Figures:
    meta: RuleMeta
    pattern: regex.Pattern[str]
    guards: Guards
    ratio: float
    sums: Mapping[str, str] | None = None  # a sum's (or an event's) forms → the one
    compare: str = "all"  # numerals | words | all: which conflicts this rule reports
    mode: str = "nouns"  # nouns | percent | sums | events | terms | ages
    persons: bool = False  # events: a person's events (arrested, died)
    # persons events told in a narrative: their verbs, and the words that date them
    narrative: Narrative | None = None
    # events: a body's start is its setting up: (the bodies, the start events, the event)
    bodies: tuple[frozenset[str], frozenset[str], str] | None = None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        stated = collect(
            doc, facts, self.meta, self.pattern, self.guards, self.sums, mode=self.mode
        )
        if self.mode != "events":
            stated = _with_persons(stated, doc, facts)
        elif self.persons:
            if self.narrative is not None:
                stated = sorted(
                    [*stated, *narrative_events(doc, facts, stated, *self.narrative)],
                    key=lambda f: f.start,
                )
            stated = _persons_events(stated, doc, facts)
        if self.bodies is not None:
            stated = _body_starts(stated, *self.bodies)
        for conflict in judge(stated, self.ratio):
            in_words = conflict.fact.in_words or conflict.earlier.in_words
            if (self.compare == "words" and not in_words) or (
                self.compare == "numerals" and in_words
            ):
                continue
            fact = conflict.fact
            yield Hit(
                fact.start,
                fact.end,
                format_message(self.meta.message, fact.text, conflict.earlier.text),
            )


def _body_starts(
    stated: Sequence[Fact], bodies: frozenset[str], starts: frozenset[str], first: str
) -> list[Fact]:
    """A body's start is its setting up ("the service began in 2019" is its launch), and
    so is the start of "it" after a body is named ("Since it began in 2020"); a named
    body is of its kind ("Operation Tarn, which began in 2025": an operation)."""
    out: list[Fact] = []
    last: str | None = None
    for f in stated:
        kind = None if f.subject is None else f.subject.split(":")[0]
        body = kind in bodies or (f.subject is None and last in bodies)
        if kind is not None:
            last = kind
        out.append(replace(f, noun=first) if body and f.noun in starts else f)
    return out


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Figures:
    data = families.expand_data(data, src.path, src.data)
    given = [k for k in ("nouns", "sums", "events", "terms", "ages") if data.get(k)]
    if len(given) > 1:
        raise RuleError(
            "a figures rule counts 'nouns', 'sums', dated 'events' or prison 'terms', one of them",
            path=src.path,
            line=src.data.line_of(given[1]),
        )
    if not given:
        schema.require(data, "nouns", path=src.path, line=src.data.line, kind="figures")
    key = given[0]
    line = src.data.line_of(key)
    modifiers = schema.option(data, KEYS, "modifiers")
    ratio = schema.option(data, KEYS, "ratio")
    if modifiers < 0:
        raise RuleError(
            "'modifiers' must be 0 or more", path=src.path, line=src.data.line_of("modifiers")
        )
    if ratio < 1:
        raise RuleError("'ratio' must be 1 or more", path=src.path, line=src.data.line_of("ratio"))
    sums = None
    mode = key
    if key in ("sums", "events"):
        sums = {
            form.strip().lower(): entry.split("|")[0].strip().lower()
            for entry in data[key]
            for form in entry.split("|")
        }
        source = sum_pattern(sums) if key == "sums" else event_pattern(list(sums))
    elif key == "nouns" and schema.option(data, KEYS, "percent"):
        # "rise|rose": forms of one change, as sums' forms are of one sum.
        sums = {
            form.strip().lower(): entry.split("|")[0].strip().lower()
            for entry in data["nouns"]
            for form in entry.split("|")
        }
        mode = "percent"
        source = fact_pattern(sorted(sums, key=len, reverse=True), modifiers, percent=True)
    elif key == "ages":
        source = age_pattern(data["ages"])
    elif key == "terms":
        nouns = [form.strip() for entry in data["terms"] for form in entry.split("|")]
        verbs = schema.require(
            data, "term_verbs", path=src.path, line=src.data.line, kind="figures"
        )
        source = term_pattern(
            nouns, verbs, data.get("term_context") or (), data.get("subject_verbs") or ()
        )
    else:
        source = fact_pattern(data["nouns"], modifiers, words=data.get("compare") != "numerals")
    pattern = compile_pattern(source, path=src.path, line=line, key=key)
    guards = build_guards(data, ignorecase=True, path=src.path, lines=src.data.lines)
    compare = schema.choice(
        data.get("compare", "all"),
        COMPARE,
        key="compare",
        path=src.path,
        line=src.data.line_of("compare"),
    )
    persons = schema.option(data, KEYS, "persons")
    if persons and key != "events":
        raise RuleError(
            "'persons' goes with 'events'", path=src.path, line=src.data.line_of("persons")
        )
    return Figures(
        meta,
        pattern,
        guards,
        ratio,
        sums,
        compare,
        mode,
        persons,
        _narrative(data, sums, src),
        _bodies(data, sums, src),
    )


def _bodies(
    data: dict[str, Any], forms: Mapping[str, str] | None, src: Source
) -> tuple[frozenset[str], frozenset[str], str] | None:
    """The bodies whose start is their setting up, the start events, and that event."""
    if not data.get("bodies"):
        return None
    if forms is None or not data.get("body_starts"):
        raise RuleError(
            "'bodies' goes with 'events' and 'body_starts'",
            path=src.path,
            line=src.data.line_of("bodies"),
        )
    starts = set()
    for verb in data["body_starts"]:
        group = forms.get(str(verb).strip().lower())
        if group is None:
            raise RuleError(
                f"'body_starts' names {verb!r}, which is not one of 'events'",
                path=src.path,
                line=src.data.line_of("body_starts"),
            )
        starts.add(group)
    first = str(data["events"][0]).split("|")[0].strip().lower()
    return frozenset(str(b).lower() for b in data["bodies"]), frozenset(starts), first


def _narrative(
    data: Mapping[str, Any], events: Mapping[str, str] | None, src: Source
) -> Narrative | None:
    """The ``narrative`` and ``narrative_verbs`` keys: both or neither, with persons events."""
    markers, verbs = data.get("narrative"), data.get("narrative_verbs")
    if not markers and not verbs:
        return None
    line = src.data.line_of("narrative" if markers else "narrative_verbs")
    if not (markers and verbs and data.get("persons") and events):
        raise RuleError(
            "'narrative' and 'narrative_verbs' go together, with 'persons' events",
            path=src.path,
            line=line,
        )
    forms: dict[str, str] = {}
    for entry in verbs:
        event, *rest = (f.strip().lower() for f in entry.split("|"))
        if event not in events:
            raise RuleError(
                f"narrative verb '{event}' is not one of the events",
                path=src.path,
                line=src.data.line_of("narrative_verbs"),
            )
        for form in (event, *rest):
            forms[form] = events[event]
    verb_re = compile_pattern(
        rf"(?i)\b(?:{_alternation(forms)})\b", path=src.path, line=line, key="narrative_verbs"
    )
    marker_re = compile_pattern(
        rf"(?i)\b(?:{_alternation(markers)})\b", path=src.path, line=line, key="narrative"
    )
    later: dict[str, str] = {}
    for entry in data.get("narrative_later") or ():
        unit, *phrases = (f.strip() for f in entry.split("|"))
        if unit not in ("day", "month", "year") or not phrases:
            raise RuleError(
                "each 'narrative_later' entry is 'day|month|year' then its phrases, '|' between",
                path=src.path,
                line=src.data.line_of("narrative_later"),
            )
        for phrase in phrases:
            later[" ".join(phrase.lower().split())] = unit
    shifts = (
        compile_pattern(
            rf"(?i)\b(?:{_alternation(later)})\b",
            path=src.path,
            line=src.data.line_of("narrative_later"),
            key="narrative_later",
        )
        if later
        else None
    )
    return verb_re, marker_re, forms, later, shifts
