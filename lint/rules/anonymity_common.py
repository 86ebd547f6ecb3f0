"""What the Anonymity kinds share: the compiled rule, the reading of a report (is it about
a sexual offence, a child, a court case; does it state a waiver), name-like references,
the places where the copy names a victim of a sexual offence, and whom each waiver,
pseudonym note and death is said of (an exception belongs to one person, not the report).

The words come from the pack's register (``lint.registers.anonymity``); public figures
come from the People register (``people:``), so a minister or a charity's chief
executive is never read as a victim; campaigners who have waived anonymity come from the
register and from the team's configuration (``campaigners:`` in ``.sglint.yaml``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any, TypeVar, cast

import regex

from lint import lexicon, patterns, timing
from lint.document import Block, Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.names import FIRST_NAMES, common_word, person_name, surnames
from lint.registers import register_file
from lint.registers.anonymity import AnonymityWords, load_anonymity, phrase_pieces
from lint.registers.people import load_people
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.prefilter import (
    Alternatives,
    further_literals,
    leading_group,
    required_literals,
    top_level_branches,
)
from lint.speakers import ROLE_WORDS

_V = TypeVar("_V")

KEYS: dict[str, schema.Option] = {
    "register": schema.Option(
        schema.STR, "The Anonymity register (roles, relatives, cues, waivers), beside the rule."
    ),
    "people": schema.Option(
        schema.STR, "The People register: public figures, never read as victims.", ""
    ),
    "notes": schema.Option(
        schema.STR_MAP, "How a finding was read (by pattern), added to the message.", {}
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The Anonymity kinds read names and quotes themselves: a victim named in a quote or
#: beside a role is published all the same, so the document's context does not apply.
CONTEXT = ContextUse.OWN
#: The age from which reporting restrictions for children no longer apply.
ADULT = 18

NAME_WORD = r"(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
HONORIFIC = lexicon.alternation("honorifics")
#: Where every honorific opens with a capital, so does every name ("Mc", "O'" and a
#: name's word do): a look-ahead for one, first, lets a scan for names pass over every
#: other character before the look-behind and the honorifics are tried (the same matches).
_CAPITAL_FIRST = r"(?=\p{Lu})" if all(h[:1].isupper() for h in lexicon.words("honorifics")) else ""
#: A name-like reference: "Amy", "Amy Jones", "Mr Green".
NAME = (
    rf"{_CAPITAL_FIRST}(?<![\p{{L}}\p{{N}}'’-])(?:(?:{HONORIFIC})\.?[ \t]+)?{NAME_WORD}"
    rf"(?:[ \t]+{NAME_WORD}){{0,2}}(?![\p{{L}}\p{{N}}-])"
)
#: Words that are never a person's name where a name is expected.
_HONORIFICS = lexicon.words("honorifics")
_NOT_NAMES = (
    ROLE_WORDS
    | _HONORIFICS
    | lexicon.words("sentence_openers", "days", "months")
    | lexicon.parts("ranks", "styles", "title_heads")
)
_RANKED = patterns.compile(
    rf"(?:\b(?:{lexicon.alternation('ranks', 'rank_abbreviations', 'styles')})\.?[ \t]+)$"
)
_THE = patterns.compile(r"\b[Tt]he[ \t]+$")
_TITLE_CASE = patterns.compile(r"\p{Lu}[\p{L}'’-]*[ \t]+$")
#: Where a capital is explained by its place: a line's or a sentence's first word.
_OPENING = patterns.compile(r"(?:^|[.!?:;–—])[ \t\"“‘'(*#>_-]*$", regex.M)


def _opens(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` opens its line or its sentence."""
    return _OPENING.search(text, max(0, offset - 12), offset) is not None


_NAME = patterns.lazy(NAME)  # a private name, compiled once on first use
_AGE_AFTER = patterns.compile(r"\s*,\s*(?:aged\s+)?(\d{1,3})\s*,")
#: A place after a preposition, or the town after it in an address ("of Splott, Cardiff").
_PLACE_RUN = patterns.compile(
    rf"\b(?:in|at|from|near|of|across|around)[ \t]+(?:{NAME_WORD}[ \t]*,[ \t]*)?$"
)
_WORD = patterns.compile(r"[\p{L}'’-]+")
#: A capitalised word after "in" or "near": a place ("in Rochdale").
_PLACE = patterns.compile(rf"(?<=\b(?:in|near)[ \t]+){NAME_WORD}")
_LOWER_WORD = patterns.compile(r"\b\p{Ll}+\b")
#: A person's name takes a singular verb: "Adults who were abused" is no name.
_BE = r"(?:was|had\s+been|has\s+been|is\s+being)"


#: An age, in figures or in words ("who was eight when he was abused").
_YEARS = rf"(?:\d{{1,2}}|{lexicon.alternation('number_words')})"


def _when(adverbs: str) -> str:
    """ "was just 14 when she was (first) ...": the age clause before what happened."""
    return (
        rf"(?:(?:just|only|aged)\s+)?(?:{_YEARS}(?:\s+years\s+old)?\s+when\s+(?:she|he|they)"
        rf"\s+(?:was|were)\s+{adverbs})?"
    )


def lacks(pattern: regex.Pattern[str], lowered: str) -> bool:
    """Whether the text (``lowered``: in lower case) holds none of the pieces of text
    every match of ``pattern`` contains (``lint.rules.prefilter``): the pattern cannot
    match anywhere in it, so it need not be run. Most reports hold the words of few of
    the pack's patterns; a pattern whose pieces cannot be read is always run."""
    needles = required_literals(pattern.pattern)
    return needles is not None and not any(n in lowered for n in needles)


def branch_choice(pattern: regex.Pattern[str]) -> Alternatives | None:
    """``pattern``'s top-level branches as alternatives chosen by their needles
    (``lint.rules.prefilter.Alternatives``), or None where there is nothing to choose:
    one branch, a branch with no needles, or flags the branches would lose."""
    return None if patterns.given_flags(pattern) else _branch_choice(pattern.pattern)


@lru_cache(maxsize=1024)
def _branch_choice(text: str) -> Alternatives | None:
    branches, tail = top_level_branches(text), ")"
    lead = leading_group(text) if branches is not None and len(branches) == 1 else None
    if lead is not None:  # "(?:raped|abused)\s+her": "raped\s+her|abused\s+her", each
        # branch followed by the rest, tried in the same order
        branches, tail = top_level_branches(lead[0]), ")" + lead[1]
    if branches is None or len(branches) < 2:
        return None
    return Alternatives.of(
        "(?:",
        branches,
        tail,
        [required_literals(b) for b in branches],
        further=[further_literals(b) for b in branches],
    )


#: From how many branches a pattern is run branch by branch (``Alternatives.one_by_one``),
#: not as one compiled choice of them: a report holds the words of a few of a long list's.
_ONE_BY_ONE = 8


def chosen_matches(
    pattern: regex.Pattern[str], choice: Alternatives, present: frozenset[str], text: str
) -> Iterator[regex.Match[str]]:
    """``pattern``'s matches in ``text``, which holds the needles ``present`` of its
    alternatives (``choice``): only those that could match there are run, a long list of
    them without groups of their own branch by branch (``Alternatives.one_by_one``), fewer
    as one compiled choice (``Alternatives.choose``)."""
    if len(choice.alternatives) >= _ONE_BY_ONE and not any(
        "(?P<" in a for a in choice.alternatives
    ):
        found = choice.one_by_one(choice.possible(present), text)
        if found is not None:
            return iter(found)
    chosen = choice.choose(present)
    if not chosen:
        return iter(())
    if len(chosen) < len(choice.alternatives):
        pattern = choice.pattern(chosen)
    return pattern.finditer(text)


@dataclass(frozen=True)
class Reading:
    """One report as the pack reads it (built once per document, ``Facts.shared``)."""

    text: str
    sentences: tuple[Block, ...]
    sexual: bool
    child: bool
    proceedings: bool
    waiver: bool
    lifted: bool
    places: frozenset[str]
    lowercase: frozenset[str]
    #: The paragraphs, in order: a story opens with the first that reads as prose.
    paragraphs: tuple[Block, ...] = ()
    #: The report in lower case, for ``lacks``.
    lowered: str = field(default="", compare=False, repr=False)
    #: Word sets about the people named, each built in one pass over the report when
    #: first asked for, so that no check on a name scans the whole report again.
    sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    #: Names found in the report (victims, named children), per way of reading names.
    found: dict[tuple[str, frozenset[str], frozenset[str]], tuple[Any, ...]] = field(
        default_factory=dict, compare=False
    )
    #: Yes-or-no facts about the report, each decided once when first asked (``holds``).
    decided: dict[str, bool] = field(default_factory=dict, compare=False)
    #: Whether the report holds each piece of text asked about (``present``).
    needles: dict[str, bool] = field(default_factory=dict, compare=False)

    def lacks(self, pattern: regex.Pattern[str]) -> bool:
        """Whether ``pattern`` cannot match anywhere in the report (``lacks``)."""
        return lacks(pattern, self.lowered)

    def finditer(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """``pattern``'s matches in the report, found by only the branches of its
        top-level alternation whose needles the report holds (``branch_choice``): a
        branch none of whose needles occur can match nowhere in it, so leaving it out
        changes no match of the others. A long list of branches without groups (a
        register's phrases) is run branch by branch (``Alternatives.one_by_one``)."""
        choice = branch_choice(pattern)
        if choice is None:
            return pattern.finditer(self.text)
        return chosen_matches(pattern, choice, self.present(choice.every), self.text)

    def present(self, needles: Iterable[str]) -> frozenset[str]:
        """Which of ``needles`` the report holds, each looked for once per report."""
        memo, lowered = self.needles, self.lowered
        out = []
        for needle in needles:
            found = memo.get(needle)
            if found is None:
                found = memo[needle] = needle in lowered
            if found:
                out.append(needle)
        return frozenset(out)

    def holds(self, what: str, decide: Callable[[], bool]) -> bool:
        """A yes-or-no fact about the report, decided once (``decide``) when first asked."""
        if what not in self.decided:
            self.decided[what] = decide()
        return self.decided[what]

    def words_where(self, what: str, build: Callable[[], Iterable[str]]) -> frozenset[str]:
        if what not in self.sets:
            self.sets[what] = frozenset(build())
        return self.sets[what]

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The words the report writes after a given name or a title (``surnames``)."""
        return surnames(self.text)

    @cached_property
    def letters(self) -> frozenset[str]:
        """The report's runs of letters, found in one pass: a name none of whose words
        it holds need not be searched for ("Priti Patel" in a report without "Patel")."""
        return frozenset(_LETTERS.findall(self.text))

    @cached_property
    def quoted(self) -> tuple[tuple[int, int], ...]:
        """The spans of the report inside quotation marks, within a paragraph."""
        return tuple(m.span() for m in _QUOTED.finditer(self.text))

    @cached_property
    def unquoted(self) -> tuple[tuple[int, int], ...]:
        """The spans between the quoted ones. A quoted span opens with a mark and ends
        with one or at a line's end, none of them a letter, so a word that starts
        outside every quote lies wholly in one of these spans."""
        out, lo = [], 0
        for start, end in self.quoted:
            out.append((lo, start))
            lo = end
        out.append((lo, len(self.text)))
        return tuple(out)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [lo for lo, _ in self.quoted]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quoted span (the spans do not overlap: only
        the last one opening before it can hold it)."""
        i = bisect.bisect_left(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quoted[i][1]

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Where each paragraph starts, in order (built once, searched by bisection)."""
        return [p.start for p in self.paragraphs]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (its block's line if no sentence does)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i].start, self.sentences[i].end
        lo = self.text.rfind("\n", 0, offset) + 1
        hi = self.text.find("\n", offset)
        return lo, len(self.text) if hi < 0 else hi

    def sentences_from(self, offset: int, count: int) -> tuple[Block, ...]:
        """Up to ``count`` sentences, the first starting at or after ``offset``."""
        i = bisect.bisect_left(self._starts, offset)
        return self.sentences[i : i + count]

    def next_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset)
        if i >= len(self.sentences):
            return None
        return self.sentences[i].start, self.sentences[i].end

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i <= 0:
            return None
        return self.sentences[i - 1].start, self.sentences[i - 1].end


class _Excuses:
    """A report's waivers, pseudonym notes and deaths: whether one of a kind names no one
    (it covers the report), and which people each word of a name belongs to."""

    def __init__(self, excuses: Iterable[tuple[str, frozenset[str]]]) -> None:
        self._report: set[str] = set()
        self._people: dict[tuple[str, str], list[frozenset[str]]] = {}
        for kind, person in excuses:
            if not person:
                self._report.add(kind)
            for word in person:
                self._people.setdefault((kind, word), []).append(person)

    def report(self, kind: str) -> bool:
        return kind in self._report

    def people(self, kind: str, word: str) -> list[frozenset[str]]:
        return self._people.get((kind, word), [])


@dataclass(frozen=True)
class VictimName:
    """A name the copy gives a victim of a sexual offence, and how it was read."""

    start: int
    end: int
    name: str
    how: str  # role | passive | active | abuser | praise | sympathy | child | pronoun | titled …


@dataclass(frozen=True)
class AnonymityRule:
    """A compiled Anonymity rule: the register's words, the public figures, the
    campaigners who waived anonymity and the rule's notes (how a finding was read)."""

    meta: RuleMeta
    words: AnonymityWords
    public: frozenset[str] = frozenset()
    campaigners: frozenset[str] = frozenset()
    notes: Mapping[str, str] = field(default_factory=dict)

    def with_campaigners(self, names: Iterable[str]) -> AnonymityRule:
        """The rule with a team's campaigners added (``campaigners:`` in the config)."""
        extra = {n.strip() for n in names if n.strip()}
        return replace(self, campaigners=self.campaigners | _name_forms(extra))

    def hit(self, start: int, end: int, *args: str) -> Hit:
        return Hit(start, end, format_message(self.meta.message, *args))

    def note(self, key: str) -> str:
        return self.notes.get(key, "")

    @cached_property
    def pats(self) -> _Patterns:
        return _Patterns(self.words)

    # -- the report ---------------------------------------------------------------

    def reading(self, doc: Document, facts: Facts) -> Reading:
        """The report as the pack reads it: one per document for every Anonymity rule
        with the same register (kept in the document's facts)."""
        return facts.shared(("anonymity.reading", id(self.words)), lambda: self._read(doc, facts))

    def _read(self, doc: Document, facts: Facts) -> Reading:
        text = doc.text
        p = self.pats
        places = frozenset(  # "in Maya's situation": a given name's possessive is a person's
            m.group()
            for m in _PLACE.finditer(text)
            if m.group() not in FIRST_NAMES or not _POSSESSIVE.match(text, m.end())
        )
        lowercase = frozenset(_LOWER_WORD.findall(text))
        lowered = facts.lowered

        def found(pattern: regex.Pattern[str], *pieces: tuple[tuple[str, ...], ...]) -> bool:
            """Whether ``pattern`` matches; not run where the report lacks its needles,
            or a run of letters of every phrase of one of the word lists in ``pieces``
            (``phrase_pieces``), each of which its matches hold."""
            return (
                not lacks(pattern, lowered)
                and all(any(all(r in lowered for r in runs) for runs in p) for p in pieces)
                and bool(pattern.search(text))
            )

        def offence_told() -> bool:  # not "no previous convictions for sexual offences"
            return not lacks(p.sexual, lowered) and any(
                not p.not_sexual.search(text, max(0, m.start() - 80), m.start())
                for m in p.sexual.finditer(text)
            )

        return Reading(
            text=text,
            sentences=facts.sentences,
            sexual=offence_told(),
            child=found(p.child) or found(_CHILD_AGE) or found(p.kin_victim),
            proceedings=found(p.proceedings),
            waiver=found(p.waiver, p.pieces["waiver"]),
            lifted=found(p.lifted, p.pieces["lifted"]),
            places=places,
            lowercase=lowercase,
            paragraphs=tuple(b for b in doc.blocks if b.scope == "paragraph"),
            lowered=lowered,
        )

    # -- names --------------------------------------------------------------------

    def scanned(self) -> tuple[regex.Pattern[str], ...]:
        """The patterns run only where a report holds their needles (``lacks``)."""
        return self.pats.scanned()

    def _matches(self, reading: Reading, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """``pattern``'s matches in the report; none, without running it, where the
        report lacks the words every match holds (``lacks``)."""
        return iter(()) if reading.lacks(pattern) else reading.finditer(pattern)

    def _objects(self, reading: Reading) -> tuple[regex.Match[str], ...]:
        """Where the report tells of an offence done to "her" or "him" ("raped her"), read
        once: several patterns need one such phrase to match at all (``_may_match``)."""
        return self._memo(reading, "objects", lambda: self._matches(reading, self.pats.object))

    def _may_match(self, reading: Reading, pattern: regex.Pattern[str]) -> bool:
        """Whether the report holds one of the phrases every match of ``pattern`` holds
        (``_Patterns.needs``): an offence done to "her" or "him", or "was (first) abused"."""
        p = self.pats
        for need in p.needs.get(pattern, ("",)):
            if need == "" or (need == "object" and self._objects(reading)):
                return True
            if need == "happened" and reading.holds(
                "happened",
                lambda: (
                    not reading.lacks(p.happened) and p.happened.search(reading.text) is not None
                ),
            ):
                return True
        return False

    def _gated(self, reading: Reading, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """``_matches``, none where the report lacks what every match needs (``_may_match``)."""
        return self._matches(reading, pattern) if self._may_match(reading, pattern) else iter(())

    def is_name(self, reading: Reading, start: int, end: int) -> bool:
        """Whether the span reads as a private person's name: not a title, body, place or
        common word; not a public figure or a campaigner who waived anonymity."""
        text = reading.text
        form = " ".join(text[start:end].split())
        words = _WORD.findall(form)
        bare = [w for w in words if w not in _HONORIFICS]
        if not bare:
            return False
        for word in bare:
            plain = regex.sub(r"['’]s$", "", word)
            if plain in _NOT_NAMES or plain in self.pats.not_names or plain in reading.places:
                return False
            if (
                len(plain) >= 7
                and plain[1:].islower()
                and any(map(plain.endswith, self.pats.endings))
            ):
                return False  # "Invariably", "However": a word's shape, never a name
        if _ROLE_AND_NAME_AFTER.match(text, end):
            return False  # "Campaigning MP Ann Coffey": a word before a title and a name
        if len(bare) == 1 and bare[0] in reading.words_where(
            "names heading titles", lambda: (m.group(1) for m in self.pats.eponym.finditer(text))
        ):
            return False  # "a survivor named Erin" where the copy names Erin's Law
        if len(bare) == 1 and bare[0] in self.pats.idiom_names and self._in_idiom(text, start, end):
            return False  # "any Tom, Dick, or Jerry": a figure of speech, not a person
        opening = _opens(text, start)
        before = _TITLE_CASE.search(text, max(0, start - 40), start)
        if not person_name(
            [regex.sub(r"['’]s$", "", w) for w in bare],
            lowercase=reading.lowercase,
            known=reading.surnames,
            titled=len(bare) < len(words),
            opening=opening,
            after_capital=before is not None and not _opens(text, before.start()),
            attested=lambda: self._attested(reading, bare[-1], start, end),
        ):
            return False  # "Girls", "Parents", "Child Houses": common words capitalised
        if form in self.public or " ".join(bare) in self.public:
            return False
        if len(bare) == 1 and bare[0] in self._public_surnames(reading):
            return False  # "Ms Patel" where the copy names Priti Patel; else a private "Ms Patel"
        if form in self.campaigners or " ".join(bare) in self.campaigners:
            return False
        if _CIPHER.match(text, end):
            return False  # "Girl A", "Child 3": the court's anonymised reference
        if self.pats.credit.match(text, end):
            return False  # "(Kirsty O'Connor/PA)": a photographer's credit
        if _TITLE_AFTER.match(text, end):
            return False  # it heads a title, a law or a programme: "Sarah's Law"
        if len(bare) == 1 and opening and not self._behaves_as_name(reading, bare[0], end):
            return False  # "Hope is not something Leah felt": a word, not a person
        return not _RANKED.search(text, max(0, start - 40), start)

    def _attested(self, reading: Reading, last: str, start: int, end: int) -> bool:
        """Whether the copy shows words the lists cannot place as a person: an age or
        "who" after them ("Malaika, 14,", "Malaika was just 14", "Malaika, who"); "She"
        or "He" opening the next sentence of the paragraph, nothing capitalised after
        them in theirs ("Children like Malaika. She was 14"); their last word given a
        title or a given name elsewhere, or used elsewhere with an age, "who" or a
        relative ("Ms Nowak", "Nowak, 19,", "Nowak's mother"). Not a speech verb: a body
        says things too ("Ofsted said")."""
        text = reading.text
        last = regex.sub(r"['’]s$", "", last)
        if last in reading.surnames or self.pats.as_person.match(text, end):
            return True
        hi = reading.sentence(start)[1]
        following = reading.next_sentence(start)
        if (
            following is not None
            and not _CAPITAL_LETTER.search(text, end, hi)
            and "\n" not in text[end : following[0]]
            and _SHE_HE_OPENING.match(text, following[0])
        ):
            return True
        return reading.holds(
            f"person {last}",
            lambda: any(
                self.pats.as_person.match(text, m.end())
                for m in regex.finditer(rf"(?<![\p{{L}}'’-]){regex.escape(last)}(?!\p{{L}})", text)
            ),
        )

    def _in_idiom(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start`` is part of an idiom (``idioms``: "Peeping Tom")."""
        return any(
            m.start() <= start and end <= m.end()
            for m in self.pats.idiom.finditer(text, max(0, start - 30), min(len(text), end + 30))
        )

    def _behaves_as_name(self, reading: Reading, word: str, end: int) -> bool:
        """Whether a given name that is also a word (``word_names``: "Hope", "Grace"),
        opening a sentence where its capital proves nothing, behaves as a person's name:
        an age follows it ("Hope, 14,") or the copy uses it again, capitalised, away from
        a sentence's start. Any other word passes (this weighs only the doubtful ones)."""
        if word not in self.pats.word_names or _AGE_AFTER_NAME.match(reading.text, end):
            return True
        text = reading.text
        return any(
            not _opens(text, m.start())
            for m in regex.finditer(rf"(?<![\p{{L}}'’]){regex.escape(word)}(?![\p{{L}}])", text)
        )

    def _public_surnames(self, reading: Reading) -> tuple[str, ...]:
        """The last words of the public figures' names the copy holds, found once per
        document (not one search of the whole copy per name read)."""
        return self._memo(
            reading,
            "public surnames",
            lambda: {
                full.split()[-1]
                for full in self.public
                if reading.letters.issuperset(_LETTERS.findall(full)) and full in reading.text
            },
        )

    def excused(self, reading: Reading, start: int, end: int) -> bool:
        """Whether the person named here may be named: the copy states their waiver, marks
        their name as a pseudonym or says they have died. Each of these belongs to the
        person it is said of ("Laura Benn, who has waived her right to anonymity" excuses
        Laura Benn, and "Laura" or "Ms Benn" elsewhere, not the second woman named after
        her, nor "Joan Ellis" for "Margaret Ellis"); a waiver or a pseudonym note
        that names no one ("Names in this story have been changed") covers the report."""
        return self._excused(reading, start, end, ("waiver", "pseudonym", "deceased"))

    def pseudonymous(self, reading: Reading, start: int, end: int) -> bool:
        """Whether the copy marks this very name as a pseudonym ("Maya (not her real
        name)"): the person is a victim whose story is told under another name."""
        return self._excused(reading, start, end, ("pseudonym",), whole=False)

    def family_excused(self, reading: Reading, start: int, end: int) -> bool:
        """Whether the victim's family may be named here: a waiver or a pseudonym note
        covers the report, or a waiver is said of someone who shares a name with the one
        named here ("Amy Smith, who has waived her anonymity ... her mother, Jane Smith")."""
        words = _bare(reading.text[start:end])
        index = self._excuse_index(reading)
        return (
            index.report("waiver")
            or index.report("pseudonym")
            or any(index.people("waiver", word) for word in words)
        )

    def _excused(
        self, reading: Reading, start: int, end: int, kinds: tuple[str, ...], whole: bool = True
    ) -> bool:
        words = _bare(reading.text[start:end])
        if not words:
            return False
        index = self._excuse_index(reading)
        return any(
            (whole and index.report(kind))
            or any(
                words <= person or person <= words  # both share ``word``: no one else can
                for word in words
                for person in index.people(kind, word)
            )
            for kind in kinds
        )

    def _excuse_index(self, reading: Reading) -> _Excuses:
        """The excuses by kind and by the words of the names they are said of, built
        once per document: a name is looked up by its own words, never against every
        waiver, pseudonym note and death in the copy."""
        (index,) = self._memo(reading, "excuse index", lambda: (_Excuses(self._excuses(reading)),))
        return index

    def waived_near(self, reading: Reading, offset: int) -> bool:
        """Whether the copy states a waiver in the paragraph holding ``offset``, the one
        before or the one after (for a headline: the first paragraphs after it): a tie told
        of someone who chose to be identified ("A man who was abused by his music teacher
        has spoken publicly. Martin Croome, 51, has chosen to give up his lifelong
        anonymity."; "Woman abused by her swimming coach speaks out" over "Sian Pritchard
        has given written consent to be identified. ... Her former coach, Keith Rowlands")."""
        paragraphs = reading.paragraphs
        starts = reading.paragraph_starts
        waived = reading.words_where(  # one set per document, not a scan per tie
            "waiver paragraphs",
            lambda: (
                str(bisect.bisect_right(starts, m.start()) - 1)
                for m in self._matches(reading, self.pats.waiver)
            ),
        )
        i = bisect.bisect_right(starts, offset) - 1
        inside = i >= 0 and offset < paragraphs[i].end
        if inside and not heading(reading.text, offset):
            near: tuple[int, ...] = (i - 1, i, i + 1)
        else:  # a headline (a heading, or a title line read as a paragraph): what follows
            near = (i + 1, i + 2, i + 3)  # a dateline may come first
        return any(str(n) in waived for n in near)

    def _excuses(self, reading: Reading) -> tuple[tuple[str, frozenset[str]], ...]:
        """The people the copy's waivers, pseudonym notes and deaths are said of (their
        names' words), by kind, found once per document; an empty set stands for the
        report."""
        return self._memo(reading, "excuses", lambda: self._find_excuses(reading))

    def _find_excuses(self, reading: Reading) -> Iterator[tuple[str, frozenset[str]]]:
        p = self.pats
        for kind, pattern, whole in (
            ("waiver", p.waiver, True),
            ("pseudonym", p.pseudonym, True),
            ("deceased", p.deceased, False),
        ):
            for m in self._matches(reading, pattern):
                person = self._owner(reading, m.start(), m.end())
                if person:
                    yield kind, person
                elif whole:
                    yield kind, frozenset()  # said of no one named: it covers the report
        for m in self._matches(reading, p.marked):  # "Andy*", "Megan¹": this name only
            if self.is_name(reading, *m.span("name")):
                yield "pseudonym", _bare(m.group("name"))

    def _owner(self, reading: Reading, start: int, end: int) -> frozenset[str]:
        """Whom the words at ``start``-``end`` are said of: the nearest private name before
        them in their sentence, else the first after them ("Having waived her anonymity,
        Jane said"), else, when the sentence opens with "She" or "He", the first private
        name of the sentence before; never the accused's or a place's ("Probert, 36, of
        Splott, attacked Danielle Evans. She died"); empty when none is."""
        text = reading.text
        lo, hi = reading.sentence(start)
        names = [
            n.span()
            for n in _NAMES.finditer(text, lo, hi)
            if self.is_name(reading, *n.span())
            and (
                not _POSSESSIVE.match(text, n.end()) or _THEIR_NAME.match(text, n.end())
            )  # "Doyle's trial": not the one meant; "Megan's name has been changed": Megan
            and not self._defendant(reading, n.group())
            and not _PLACE_RUN.search(text, max(0, n.start() - 40), n.start())
        ]
        before = [n for n in names if n[1] <= start]
        after = [n for n in names if n[0] >= end]
        if before or after:
            found = before[-1] if before else after[0]
            return _bare(text[found[0] : found[1]])
        prev = reading.previous_sentence(start)
        if prev is None or not _PRONOUN_OPENING.match(text, lo) or "\n" in text[prev[1] : lo]:
            return frozenset()
        for n in _NAMES.finditer(text, prev[0], prev[1]):
            name = n.group()
            if (
                self.is_name(reading, *n.span())
                and not self._defendant(reading, name)
                and not _PLACE_RUN.search(text, max(0, n.start() - 40), n.start())
            ):
                return _bare(name)  # "Probert, 36, of Splott, attacked Danielle Evans"
        return frozenset()

    def professional(self, reading: Reading, name: str) -> bool:
        """The copy gives the name a job title or a profession somewhere ("NSPCC chief
        executive Peter Wanless", "Peter Wanless, chief executive of the NSPCC", "defence
        barrister Ian Lee"): a professional."""
        titled = reading.words_where(
            "professional",
            lambda: (
                " ".join(m.group("name").split()) for m in self._matches(reading, self.pats.titled)
            ),
        )
        if " ".join(name.split()) in titled:
            return True
        posted = reading.words_where(
            "public roles",
            lambda: (
                " ".join(m.group("name").split()) for m in self._matches(reading, self.pats.posted)
            ),
        )
        return " ".join(name.split()) in posted

    def predicate(self, reading: Reading, end: int) -> bool:
        """A verb of the charge or the abuse follows ``end`` in its sentence with no other
        person named between: the one named just before ``end`` is its subject."""
        text = reading.text
        hi = reading.sentence(end)[1]
        verb = self.pats.charge.search(text, end, hi)
        return verb is not None and not self.pats.someone.search(text, end, verb.start())

    def accused_words(self, reading: Reading) -> frozenset[str]:
        """The words the copy treats as the accused's name: "of <place>" after one (the
        court style for a defendant's address), or a verb of the charge ("Smith was
        jailed"); found in one pass over the report."""
        return reading.words_where(
            "defendant",
            lambda: (m.group("word") for m in self._matches(reading, self.pats.accused_word)),
        )

    def _defendant(self, reading: Reading, name: str) -> bool:
        """The copy treats the name as the accused's (``accused_words``)."""
        return _WORD.findall(name)[-1] in self.accused_words(reading)

    def accused_named(self, reading: Reading, lo: int, hi: int) -> bool:
        """Whether a name the copy treats as the accused's stands between ``lo`` and ``hi``."""
        return any(
            self._defendant(reading, m.group()) for m in _NAME.finditer(reading.text, lo, hi)
        )

    def _memo(
        self, reading: Reading, what: str, build: Callable[[], Iterable[_V]]
    ) -> tuple[_V, ...]:
        """``build``'s results kept on the reading, for every rule that reads names as
        this one does (the same register, public figures and campaigners)."""
        key = (what, self.public, self.campaigners)
        found = reading.found.get(key)
        if found is None:
            found = reading.found[key] = timing.timed(
                "fact", f"anonymity.{what}", lambda: tuple(build())
            )
        return found

    def victim_names(self, reading: Reading) -> tuple[VictimName, ...]:
        """Every place the copy gives a victim of a sexual offence a name-like reference,
        before the exceptions (waiver, pseudonym, death) are applied."""
        return self._memo(reading, "victims", lambda: self._victim_names(reading))

    def _victim_names(self, reading: Reading) -> Iterator[VictimName]:
        if not reading.sexual:
            return
        text = reading.text
        p = self.pats
        seen = Spans()
        for how, pattern in (
            ("role", p.role),
            ("role", p.child_role),
            ("role", p.child_titled),
            ("role", p.cared_for),
            ("role", p.statement),
            ("passive", p.passive),
            ("passive", p.when),
            ("passive", p.when_first),
            ("passive", p.told),
            ("active", p.subject),
            ("praise", p.praise),
            ("praise", p.thanked),
            ("sympathy", p.sympathy),
            ("sympathy", p.comfort),
            ("role", p.role_after),
            ("role", p.role_was),
            ("special", p.special),
            ("ordeal", p.ordeal),
            ("passive", p.account),
            ("quote", p.quoted),
            ("passive", p.accused_of),
            ("passive", p.one_of),
            ("passive", p.apposed),
            ("active", p.active),
            ("abuser", p.abuser),
        ):
            gate = p.gates.get(pattern)
            if (
                reading.lacks(pattern)
                or (gate is not None and (reading.lacks(gate) or not gate.search(text)))
                or not self._may_match(reading, pattern)
            ):
                continue  # the pattern's own words are nowhere in the report
            for m in reading.finditer(pattern):
                start, end = self._trimmed(text, *m.span("name"))
                if seen.overlaps(start, end) or not self.is_name(reading, start, end):
                    continue  # one finding per name, by the first way it was read
                if pattern is p.child_titled and (
                    not m.group("titled")[:1].isupper() or heading(text, start)
                ):
                    continue  # "a girl Amy knew", "Child Poverty in the UK": no title
                if pattern is p.child_role and (
                    _AGE_ADULT.match(text, end)
                    or (
                        p.kin_word.match(m.group()) is not None
                        and (_SAYS.match(text, end) or p.bystander.match(text, end))
                    )
                ):
                    continue  # "Renshaw's daughter, Lisa Renshaw, 23,"; "Her daughter,
                    # Susan Rees, said": a grown-up child, or a relative speaking
                if (
                    how == "role"
                    and m.group()[:1].isupper()
                    and _TITLE_CASE.search(text, max(0, m.start() - 40), m.start())
                ):
                    continue  # "Everyday Victim Blaming": a proper name, not a role
                if self.professional(reading, text[start:end]):
                    continue
                if how != "role" and self._defendant(reading, text[start:end]):
                    continue
                if how == "quote" and not reading.in_quote(start):
                    continue  # only a speaker's words name a victim this way
                title = _TITLE_SEX.match(text, start) if how in ("quote", "praise") else None
                if title is not None:
                    sex = self._victim_sex(reading)
                    if sex and _SEX_OF[title.group(1)] != sex:
                        continue  # "Mr Ingham's courage" where a woman was attacked
                if how == "special" and p.expert.match(text, start):
                    continue  # "Dr Morrow gave evidence by video link": an expert witness
                if how == "active" and p.plural_after.match(text, end):
                    continue  # "abused Asian girls": an adjective, not a name
                seen.add(start, end)
                yield VictimName(start, end, text[start:end], how)
        for start, end, _age in () if reading.lifted else self.named_children(reading):
            if p.defendant.search(text, end, reading.sentence(start)[1]) or self._defendant(
                reading, text[start:end]
            ):
                continue  # a child defendant: named-child's warning, not this error
            if not seen.overlaps(start, end) and not self.professional(reading, text[start:end]):
                seen.add(start, end)
                yield VictimName(start, end, text[start:end], "child")
        for subject in self._case_study(reading):
            if not seen.overlaps(subject.start, subject.end):
                seen.add(subject.start, subject.end)
                yield subject
        for m in self._gated(reading, p.pronoun):
            found = self._antecedent(reading, m.start())
            if found is not None and not seen.overlaps(*found):
                seen.add(*found)
                yield VictimName(found[0], found[1], text[found[0] : found[1]], "pronoun")

        for m in self._objects(reading):
            found = self._subject_before(reading, m.start(), m.group().split()[-1])
            if found is not None and not seen.overlaps(*found):
                seen.add(*found)
                yield VictimName(found[0], found[1], text[found[0] : found[1]], "pronoun")
        for how, found in self._told_later(reading):
            if not seen.overlaps(*found):
                seen.add(*found)
                yield VictimName(found[0], found[1], text[found[0] : found[1]], how)
        for found in self._given_alone(reading):
            if not seen.overlaps(*found):
                seen.add(*found)
                yield VictimName(found[0], found[1], text[found[0] : found[1]], "given")
        for m in self._matches(reading, p.handle):
            if not seen.overlaps(*m.span("name")):  # "her Instagram account, @tilly.h07"
                seen.add(*m.span("name"))
                yield VictimName(*m.span("name"), m.group("name"), "handle")

    def _given_alone(self, reading: Reading) -> Iterator[tuple[int, int]]:
        """A given name used alone ("Ellie did everything right.", "When Jessica, 11,
        finally told her teacher"), in a report of a sexual offence where no one named
        in full has it as a first name: court and press copy call adults by surname, so a
        private person called by a given name alone is the child or the victim the report
        tells of. Not the accused, a professional, a relative ("her mother, Sarah,"), a
        name after a title, a letter's greeting, a given name that is also a word ("Hope
        is not lost"), one thanked or worked with ("grateful to Peter and to the NSPCC",
        ``acknowledgements``, unless praised for courage); not in a report that states a
        waiver, a pseudonym or a death (a short form of the name it is said of: "Tommy"
        for Thomas Gallacher, who died) or tells of a decoy ("Ellie", an undercover
        officer's persona). One pass over the report's capitalised words; the excuses are
        read only when a name is left."""
        text = reading.text
        p = self.pats
        greetings = self.words.words("greetings")
        in_full: set[str] = set()  # "Priya Nair": "Priya" alone later is her
        marked: set[str] = set()  # “Emily”, a pseudonym; the drama “Chelsea’s choice”
        alone: list[tuple[int, int]] = []
        for m in _CAPITAL_WORD.finditer(text):
            name = m.group()
            if name not in FIRST_NAMES:
                continue
            start, end = m.span()
            before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
            if (
                _CAPITAL_AFTER.match(text, end)
                or (
                    before is not None
                    and before.group("word") not in p.not_names
                    and before.group("word") not in greetings
                )
                or (text[start - 1 : start] == "(" and _BRACKETED_IN_NAME.match(text, end))
                or _BRACKETED_SURNAME.match(text, end)
            ):
                in_full.add(name)  # a run of capitals: "Detective Constable Ruth Graham";
                # "James (Jim) Geoffrey Griffin", "Sheila (Taylor)": a full name all the same
            elif _QUOTED_SHORT.match(text, max(0, start - 1)):
                marked.add(name)
            else:
                alone.append((start, end))  # "Ellie did", "When Jessica", "Goodnight Lily"
        accused = self.accused_words(reading) if alone else frozenset()
        found = [
            (start, end)
            for start, end in alone
            if text[start:end] not in in_full
            and text[start:end] not in marked
            and text[start:end] not in accused
            and text[start:end] not in p.word_names
            and not common_word(text[start:end], reading.lowercase)
        ]
        if not found or self._excuses(reading):
            return
        if not reading.lacks(p.not_real) and p.not_real.search(text):
            return
        for start, end in found:
            lo, _ = reading.sentence(start)
            if (
                _SEAT_BEFORE.search(text, max(0, start - 24), start)
                or _LISTED_TITLES_AFTER.match(text, end)
                or (
                    _THE_BEFORE.search(text, max(0, start - 5), start)
                    and _TITLE_HEAD_AFTER.match(text, end)
                )
                or _TITLED_BEFORE.search(text, max(0, start - 12), start)
                or p.relation_before.search(text, max(lo, start - 40), start)
                or p.relation_after.match(text, end)
                or _GREETING.search(text, max(0, start - 8), start)
                or p.colleagues.match(text, end)
                or (
                    p.acknowledged.search(text, max(lo, start - 60), start)
                    and not p.praised_after.match(text, end)
                )
            ):
                continue
            name = text[start:end]
            if self.is_name(reading, start, end) and not self.professional(reading, name):
                yield start, end

    def _private(self, reading: Reading, start: int, end: int) -> bool:
        """A private person's name who is neither the accused nor a professional."""
        name = reading.text[start:end]
        return (
            self.is_name(reading, start, end)
            and not self._defendant(reading, name)
            and not self.professional(reading, name)
        )

    def _told_later(self, reading: Reading) -> Iterator[tuple[str, tuple[int, int]]]:
        """Victims named where what was done to them is told apart from the name: in
        apposition to the noun the copy gives the victim ("raping a woman" ... "the woman,
        Jasmine Okonedo,"); as the object of the accused's verb with the offence after a
        clause boundary ("Lowther befriended Kasia Nowak, who was 19, and raped her"); as
        one who told the court "she ..." with "he raped her" in the next two sentences;
        by title and surname in quoted speech, never named outside it, where the title
        fits the victim ("Mrs Delahaye screamed" in a report of an assault on a woman)."""
        text = reading.text
        p = self.pats
        nouns = reading.words_where(
            "victim nouns",
            lambda: (
                m.group("noun").lower()
                for pattern in (p.done_to, p.done_to_passive)
                for m in self._matches(reading, pattern)
            ),
        )
        for m in self._matches(reading, p.the_noun) if nouns else ():
            if (
                m.start("noun") == m.start()
                and m.group()[0].isupper()
                and (heading(text, m.start()) or " " not in m.group("name").strip())
            ):
                continue  # "Child Poverty in the UK": a capitalised title, not a role
                # (but "Resident Joan Pilling is 88" opening a quote is the role)
            titled = (
                m.start("noun") == m.start()
                and p.cared_for_word.fullmatch(m.group("noun")) is not None
                and " ".join(m.group("name").split())
                not in reading.words_where(
                    "another victim noun",
                    lambda: (" ".join(o.group("name").split()) for o in p.another.finditer(text)),
                )
            )  # not "Another resident, Arthur Bowles, 91, told police": a witness
            if (m.group("noun").lower() in nouns or titled) and self._private(
                reading, *m.span("name")
            ):
                yield "role", m.span("name")  # "Resident Joan Pilling is 88": a cared-for
                # person's role as a title, whatever noun the offence was told with
        for m in self._gated(reading, p.object_after):
            start, end = m.span("name")
            lo, _ = reading.sentence(start)
            before = text[lo:start]
            if start == lo or not (_HE.search(before) or self.accused_named(reading, lo, start)):
                continue  # the name is the subject: it may be the one who did it
            if _PLACE_RUN.search(text, max(0, start - 40), start) or _PREPOSITION_BEFORE.search(
                text, max(0, start - 12), start
            ):
                continue  # "of Banff", "an alleyway off Piccadilly": a place, not his object
            between = text[end : m.start("object")]
            if any(self.is_name(reading, *n.span()) for n in _NAME.finditer(between)):
                continue
            if self._private(reading, start, end):
                yield "active", (start, end)
        for m in self._gated(reading, p.teller):
            start, end = m.span("name")
            lo, _ = reading.sentence(start)
            if p.relation_before.search(text, max(lo, start - 40), start) or p.expert.match(
                text, start
            ):
                continue  # "His sister, Paula Brennan, told the court she ...", "Dr Jane
                # Doyle told the court she examined ...": a witness
            later = reading.sentences_from(lo, 1 + _TOLD_LATER)
            if len(later) < 2:
                continue
            done = p.done_later.search(text, later[1].start, later[-1].end)
            if done is None or done.group("object") != _OBJECT_OF[m.group("pronoun")]:
                continue
            if self._private(reading, start, end):
                yield "passive", (start, end)
        if reading.quoted:  # the victim's sex and the words outside quotes are read
            # only for a title that gets that far (most reports have none)
            for m in self._matches(reading, p.quoted_title):
                start, end = m.span()
                if not reading.in_quote(start) or m.group("name") in reading.words_where(
                    "words outside quotes",
                    lambda: (w for lo, hi in reading.unquoted for w in _WORD.findall(text, lo, hi)),
                ):
                    continue  # named outside the quote too: introduced, so not this way
                if not _SENTENCE_OPENS.search(text, max(0, start - 3), start) or _AFFILIATION.match(
                    text, end
                ):
                    continue  # "We thank Ms Patel", "Ms Patel of Rape Crisis": not the
                    # subject the quote tells of, or someone's staff
                if _SEX_OF[m.group("title")] != self._victim_sex(reading):
                    continue  # the title does not fit the victim, or who it is is unclear
                if self._private(reading, start, end):
                    yield "titled", (start, end)

    def _victim_sex(self, reading: Reading) -> str:
        """ "f" where the copy tells of an offence against a woman or a girl only ("raped
        her", "assaulted a woman"), "m" for a man or a boy only, else ""."""
        (sex,) = self._memo(
            reading,
            "victim sex",
            lambda: (
                "".join(
                    key
                    for key, pattern in (("f", self.pats.female), ("m", self.pats.male))
                    if next(iter(self._matches(reading, pattern)), None) is not None
                ),
            ),
        )
        return sex if len(sex) == 1 else ""

    def _case_study(self, reading: Reading) -> Iterator[VictimName]:
        """The people a story opens with, when it goes on to tell what was done to them
        ("Kayleigh Trask was 13 when she first came to our service. ... a man had been
        sexually abusing her"): a case study names its subject, and only a note saying
        the name was changed (or a waiver, or a death) makes that lawful. The story is
        the report's first paragraph that ends as prose does; the abuse must be told of
        "her", "him" or "them" within its first sentences, and the story must not open
        as a court report does (a defendant charged or jailed). Its people are the names
        that are subjects there: a sentence's first words ("When Tamsin ...", "Sisters
        Megan and Lauren ..."), after "is" or "and" ("The second is Ellie Marsh")."""
        text = reading.text
        prose = [
            b for b in reading.paragraphs if text[b.start : b.end].rstrip().endswith(_PROSE_END)
        ]
        for i, story in enumerate(prose[:2]):  # a story may open with a line on its service
            found = list(self._story(reading, story, later=i > 0))
            yield from found
            opening = _NAME_OPENING.match(text, story.start)
            if found or (opening is not None and self.is_name(reading, *opening.span())):
                return  # the story opened with someone: a later paragraph is not its start

    def _story(self, reading: Reading, story: Block, later: bool) -> Iterator[VictimName]:
        """The people one paragraph opens a story with (``_case_study``); a ``later``
        paragraph opens one only with a child's name and age."""
        text = reading.text
        p = self.pats
        if p.defendant.search(text, story.start, story.end):
            return
        window = reading.sentences_from(story.start, _STORY_SENTENCES)
        if not window:
            return
        told = p.story_offence.search(text, story.start, window[-1].end)
        young = _STORY_CHILD.match(text, story.start)  # "Bethany Carhart was 13 when ..."
        if young is not None and not (
            int(young.group("age")) < ADULT
            and p.agent_on.search(text, young.end(), window[min(1, len(window) - 1)].end)
        ):
            young = None  # a child's age, and a man who did something to "her" there:
            # "was 13 when a man she met online began sending her messages"
        if later or told is None:
            if young is None:
                return
            told, limit = None, young.end()  # only the child the story opens with
        else:
            limit = told.start()
        for m in _NAME.finditer(text, story.start, min(story.end, limit)):
            start, end = self._trimmed(text, *m.span())
            opener = p.story_subject.match(text, start, end)
            if opener is not None and opener.end() == end:
                continue  # "Sisters" alone
            if opener is not None:
                start = opener.end()  # "When Megan": Megan
            lo, _ = reading.sentence(start)
            if not (p.story_subject.fullmatch(text, lo, start) or _AND_IS.search(text, lo, start)):
                continue  # "our Redruth service", "referred to Kernow Young Voices": no subject
            name = text[start:end]
            if " " not in name.strip() and p.not_after_subject.match(text, end):
                continue  # "Mistakes by police led to ...": a plural noun, not a person
            if (
                not self.is_name(reading, start, end)
                or self.professional(reading, name)
                or self._defendant(reading, name)
            ):
                continue
            if told is None and start != story.start:
                continue  # only the name that opens the story, told by its age
            if (
                told is not None
                and told.start() < reading.sentence(start)[1]
                and not (
                    p.agents.search(text, end, told.start()) or _TOLD_PASSIVE.match(told.group())
                )
            ):
                continue  # "Doyle met the girl ... and sexually assaulted her": the one who did it
            yield VictimName(start, end, name, "case")

    def _subject_before(
        self, reading: Reading, offset: int, done_to: str
    ) -> tuple[int, int] | None:
        """For "her" or "him" abused in a sentence that names no one before it: the
        subject of the sentence before, in the same paragraph, when it is the only
        private person that sentence names and someone else did it ("When Ruby first came
        to us at 15 ... A man ... exploited her"), or, when "he" did it to "her" (or "she"
        to "him"), the one person that sentence names besides the accused ("Freya Lund
        met Whitlock at the club. The jury heard he followed her home and raped her";
        "Doyle met Rachel Finn on a dating app. Weeks later he raped her")."""
        text = reading.text
        lo, _ = reading.sentence(offset)
        prev = reading.previous_sentence(offset)
        if prev is None or "\n" in text[prev[1] : lo]:
            return None
        pronoun = None
        if not self.pats.agents.search(text, lo, offset):  # "a man (she met) ... raped her"
            pronoun = self.pats.subject_pronoun.search(text, lo, offset)
            if pronoun is None or _OTHER_SEX.get(pronoun.group().lower()) != done_to.lower():
                return None  # "She said he raped her": who is who is not known
        names = _NAME
        if any(
            self.is_name(reading, n.start(), n.end())
            for n in names.finditer(text, lo, offset)
            if n.start() != lo
        ):
            return None  # someone named in this sentence: "her" may be them
        if pronoun is not None:  # "he" is the accused; "her" the one other person named
            named = [
                n
                for n in names.finditer(text, prev[0], prev[1])
                if self.is_name(reading, n.start(), n.end())
                and not _PLACE_RUN.search(text, max(0, n.start() - 40), n.start())
                and not _TITLE_CASE.search(text, max(0, n.start() - 40), n.start())
            ]  # not the end of a longer capitalised run ("Itchen Valley Swimming Club")
            accused = [n for n in named if self._defendant(reading, n.group())]
            rest = [n for n in named if n not in accused]
            if not accused or len(rest) != 1:
                return None  # "Doyle met Rachel Finn ... he raped her": Rachel Finn
            same = _SAME_SEX[pronoun.group().lower()]
            if same.search(text, rest[0].end(), prev[1]) or _HONORIFIC_OF[done_to.lower()].match(
                text, rest[0].start()
            ):
                return None  # "John Smith said he saw Doyle": "he" may be him, not "her"
            if self.pats.the_victim.search(text, rest[0].end(), prev[1]):
                return None  # "Catrin Howells said that Eynon and the woman had both
                # attended": "her" is the woman she tells of, not the one who tells it
            start, end = rest[0].span()
        else:
            opening = self.pats.opening.match(text, prev[0])
            if opening is None or not self.is_name(reading, *opening.span("name")):
                return None
            start, end = opening.span("name")
            if any(self.is_name(reading, *n.span()) for n in names.finditer(text, end, prev[1])):
                return None  # two people before "a man ... raped her": which is unclear
        name = text[start:end]
        if self.professional(reading, name) or self._defendant(reading, name):
            return None
        return start, end

    def _trimmed(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The name without a capitalised word before it that is never a name ("Without
        Nadia's courage": "Nadia")."""
        first = _WORD.match(text, start)
        if first is not None and first.group() in self.pats.not_names:
            rest = regex.match(r"[ \t]+", text[first.end() : end])
            if rest is not None:
                return first.end() + rest.end(), end
        return start, end

    def named_children(self, reading: Reading) -> tuple[tuple[int, int, str], ...]:
        """Names given with an age under 18 ("Liam, 15,", "15-year-old Liam Carter"):
        (start, end, age), real children only (not an undercover officer's decoy)."""
        return self._memo(reading, "children", lambda: self._named_children(reading))

    def _named_children(self, reading: Reading) -> Iterator[tuple[int, int, str]]:
        text = reading.text
        tallies: list[tuple[int, int]] | None = None
        for pattern in self.pats.child_age:
            for m in self._matches(reading, pattern):
                start, end = m.span("name")
                if int(m.group("age")) >= ADULT or not self.is_name(reading, start, end):
                    continue
                if tallies is None:
                    tallies = [t.span() for t in _TALLY.finditer(text)]
                if any(a <= start < b for a, b in tallies):
                    continue  # "Dublin (7), Cork (2) and Meath (1)": counts, not ages
                lo, hi = reading.sentence(start)
                if _NOW_ADULT.search(text, end, hi):
                    continue  # "Doyle, who was 17 at the time but is now 32": an adult now
                before = reading.previous_sentence(start)
                if self.pats.not_real.search(text, before[0] if before else lo, hi):
                    continue  # an undercover officer's decoy, here or in the sentence before
                yield start, end, m.group("age")

    def _antecedent(self, reading: Reading, offset: int) -> tuple[int, int] | None:
        """The name "she" or "he" at the start of a sentence most likely stands for: the
        last name-like word of the sentence before, in the same paragraph."""
        prev = reading.previous_sentence(offset)
        if prev is None or "\n" in reading.text[prev[1] : offset]:
            return None
        text = reading.text
        found = None
        for m in _NAME.finditer(text, prev[0], prev[1]):
            if m.start() == prev[0]:
                continue  # the sentence's first word
            if _THE.search(text, max(0, m.start() - 5), m.start()) or _PLACE_RUN.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # "the Moorview estate", "out of Liverpool": a place, not a person
            if self.is_name(reading, m.start(), m.end()) and not _AGE_ADULT.match(text, m.end()):
                found = (m.start(), m.end())
        return found


#: A list of three or more names each with a small number in brackets, "Waterford (2),
#: Dublin (7), Cork (2) and Meath (1)": a tally of places or bodies, not children's ages.
_TALLY_ITEM = r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}[ \t]*\(\d{1,3}\)"
_TALLY = patterns.compile(
    rf"{_TALLY_ITEM}(?:(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_TALLY_ITEM}){{2,}}"
)

_TITLE_HEADS = lexicon.alternation("title_heads", "ranks", "rank_abbreviations")


def _titled(heads: str) -> regex.Pattern[str]:
    """A name with a job title before it, or after it in apposition."""
    return patterns.compile(
        rf"(?i:\b(?:{heads}))[ \t]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
        rf"|(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}),[ \t]+(?:the[ \t]+)?"
        rf"(?:[\p{{L}}'’-]+[ \t]+){{0,4}}?(?i:{heads})\b"
    )


#: Names as ``NAME`` reads them, and also in quotation marks ("'Sarah' (not her real
#: name)"): whom a waiver, a pseudonym note or a death is said of.
_NAMES = patterns.compile(NAME.replace(r"(?<![\p{L}\p{N}'’-])", r"(?<![\p{L}\p{N}-])", 1))
_PRONOUN_OPENING = patterns.compile(r"(?:She|He|They)\b")


def _bare(name: str) -> frozenset[str]:
    """A name's own words: no honorific, no possessive ("Ms Rayner's": {"Rayner"})."""
    return frozenset(
        regex.sub(r"['’]s$", "", word)
        for word in _WORD.findall(name)
        if word not in _NOT_NAMES  # honorifics among them
    )


_CHILD_AGE = patterns.compile(
    r"\b(?:[1-9]|1[0-7])-year-old\b|\baged\s+(?:[1-9]|1[0-7])\b"
    r"|\b(?:she|he|they)\s+(?:was|were)\s+(?:(?:just|only|aged)\s+)?(?:[1-9]|1[0-7])\b"
)
#: A lone capital or number after a word: an anonymised reference ("Girl A", "Child 3").
_CIPHER = patterns.compile(r"[ \t]+(?:\p{Lu}|\d{1,3})(?![\p{L}\p{N}'’-])")
_LETTERS = patterns.compile(r"\p{L}+")
#: A quotation: closed within its paragraph, or open to the paragraph's end (a quote that
#: runs on into the next paragraph opens each with a mark and closes only the last).
_QUOTED = patterns.compile(r"[\"“][^\"“”\n]{1,600}(?:[\"”]|$)", regex.M)
_NOW_ADULT = patterns.compile(r"\bnow\s+(?:aged\s+)?(?:1[89]|[2-9]\d)\b")
#: "he" did it to "her", "she" to "him": two people, so "her" is not "he".
_OTHER_SEX = {"he": "her", "she": "him"}
#: Words for the one who did it ("he"), after the person named: they may be that person.
_SAME_SEX = {
    "he": patterns.compile(r"\b(?:he|his|him|himself)\b"),
    "she": patterns.compile(r"\b(?:she|her|hers|herself)\b"),
}
#: A title that does not fit the one it was done to ("Mr" for "her").
_HONORIFIC_OF = {
    "her": patterns.compile(r"(?:Mr|Sir|Lord)\b"),
    "him": patterns.compile(r"(?:Mrs|Ms|Miss|Lady|Dame)\b"),
}
_POSSESSIVE = patterns.compile(r"['’]s\b")
#: The pronoun a victim is told of by ("she" told the court; "he" raped "her").
_OBJECT_OF = {"she": "her", "he": "him"}
_HE = patterns.compile(r"\b[Hh]e\b")
#: How many sentences after "X told the court she ..." may tell that "he raped her".
_TOLD_LATER = 3
#: Whether a title is a woman's or a man's.
_SEX_OF = {"Mrs": "f", "Ms": "f", "Miss": "f", "Mr": "m"}
#: Where a sentence of quoted speech opens: after the mark or the end of a sentence.
_SENTENCE_OPENS = patterns.compile(r"(?:[\"“]|[.!?][\"”]?\s+)$")
#: "Ms Patel of Rape Crisis", "Mr Khan, from the council": someone's staff.
_AFFILIATION = patterns.compile(r"\s*,?\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}")
_TITLE_SEX = patterns.compile(rf"({'|'.join(_SEX_OF)})\b")
#: A title just before a name ("Mr Coles", "Dr Coles"): a surname, not a given name alone.
_TITLED_BEFORE = patterns.compile(rf"\b(?:{HONORIFIC})\.?[ \t]+$")
#: A name just inside quotation marks that close within a few words (“Emily”, “Chelsea’s
#: choice”): a pseudonym or a title, not a name given plainly.
_QUOTED_SHORT = patterns.compile(r"[“\"‘](?:[^“”\"‘’.!?\n]|[’']s\b){1,24}[”\"’](?![\p{L}])")
#: A capitalised word (not the end of a double-barrelled name: "Vaughan-Lewis"); one just
#: before a word (with spaces only between); one just after.
_CAPITAL_WORD = patterns.compile(r"(?<![’'-])\b\p{Lu}\p{Ll}+\b(?![’'-]\p{L}{2})")
#: An age after a name ("Hope, 14,"): a person.
_AGE_AFTER_NAME = patterns.compile(r"\s*,\s*(?:aged\s+)?\d{1,2}\b")
#: "She" or "He" opening a sentence: the person the sentence before ended on.
_SHE_HE_OPENING = patterns.compile(r"(?:She|He)\b")
_CAPITAL_LETTER = patterns.compile(r"\p{Lu}")
_CAPITAL_BEFORE = patterns.compile(r"(?P<word>\p{Lu}[\p{L}'’-]*)[ \t]+$")
_CAPITAL_AFTER = patterns.compile(r"[ \t]+\p{Lu}")
#: A given name in brackets inside a full name ("James (Jim) Geoffrey Griffin": the
#: name he goes by), or one with the surname in brackets after it ("Sheila (Taylor)").
_BRACKETED_IN_NAME = patterns.compile(r"\)[ \t]+\p{Lu}\p{Ll}")
_BRACKETED_SURNAME = patterns.compile(r"[ \t]+\(\p{Lu}\p{Ll}+\)")
#: A possessive and a capitalised word after a name (the possessive inside the span or
#: after it): the name heads a title, a law or a programme ("Sarah's Law", the play
#: "Chelsea's Choice", "Alison's Story"), not a person.
_TITLE_AFTER = patterns.compile(r"(?<=['’]s)[ \t]+\p{Lu}\p{Ll}|['’]s[ \t]+\p{Lu}\p{Ll}")
#: A letter's greeting ("Dear Jessica"): the reader, not the one the letter tells of.
_GREETING = patterns.compile(r"\b[Dd]ear[ \t]+$")
#: A title and a capitalised word after a word: the word describes the person the title
#: and the name go with ("Campaigning MP Ann Coffey"), it is not a name itself.
_ROLE_AND_NAME_AFTER = patterns.compile(
    rf"[ \t]+(?:{lexicon.alternation('elected_letters', 'honorifics', 'title_heads')})\.?"
    r"[ \t]+\p{Lu}\p{Ll}"
)
#: A member's seat before a word: a constituency ("the hon. Member for Beverley and
#: Holderness"), not a person.
_SEAT_BEFORE = patterns.compile(
    rf"\b(?:Member|{lexicon.alternation('elected_letters')})[ \t]+for[ \t]+$"
)
#: Names in a list that ends in the reports, inquiries or laws they name ("the Ferns,
#: Ryan, Dublin and Cloyne Reports").
_LISTED_TITLES_AFTER = patterns.compile(
    r"(?:[ \t]*,[ \t]*\p{Lu}\p{Ll}+)*(?:,?[ \t]+and[ \t]+\p{Lu}\p{Ll}+)?[ \t]+"
    r"(?:Reports?|Inquir(?:y|ies)|Reviews?|Commissions?|Acts?|Laws?)\b"
)
#: "the Ryan report", "the Murphy inquiry": a name after "the" that heads a report's,
#: inquiry's or law's name in lower case is the document's, not a person's.
_THE_BEFORE = patterns.compile(r"\b[Tt]he[ \t]+$")
_TITLE_HEAD_AFTER = patterns.compile(rf"[ \t]+(?:{lexicon.alternation('lower_title_heads')})s?\b")

#: A preposition just before a name: a place or an object of it, not the accused's object.
_PREPOSITION_BEFORE = patterns.compile(
    r"\b(?:in|at|from|near|of|off|on|onto|to|into|towards|along|past|through|outside"
    r"|inside|behind|by|under|over|across|around|via)\s+$"
)
#: How prose ends (a dateline or a byline does not): the first such paragraph opens a story.
_PROSE_END = (".", "!", "?", '"', "”")
#: How many sentences of a story may pass before it tells what was done to its subject.
_STORY_SENTENCES = 6
_THEIR_NAME = patterns.compile(r"['’]s\s+(?:real\s+|first\s+)?names?\b")
#: A story that opens with a child's name and age ("Bethany Carhart was 13 when ...").
_STORY_CHILD = patterns.compile(
    rf"{NAME}\s+was\s+(?:just\s+|only\s+)?(?P<age>\d{{1,2}})\b(?!\s*(?:%|per\b|years\s+ago))"
)
_NAME_OPENING = patterns.compile(rf"{NAME}\b")
_TOLD_PASSIVE = patterns.compile(r"(?i:she|he|they)\b")
#: A name after "is" or "and": a subject too ("The second is Ellie Marsh").
_AND_IS = patterns.compile(r"\b(?:is|and)[ \t]+$")
_SAYS = patterns.compile(r"\s*,?\s+(?:said|says)\b")
_AGE_ADULT = patterns.compile(r"\s*,\s*(?:aged\s+)?(?:1[89]|[2-9]\d)\b")


class _Patterns:
    """The rule's patterns, built once from the register, each compiled when first used
    (a report without a name in it needs few of them)."""

    def __init__(self, w: AnonymityWords) -> None:
        c = patterns.lazy
        self.sexual = c(w.pattern("sexual_offence"))
        self.not_sexual = c(
            rf"{w.pattern('not_sexual_before')}(?:[ \t]+[\p{{Ll}},-]+){{0,4}}?[ \t]*$"
        )  # "no previous convictions for violent or " before "sexual offences"
        self.child = c(w.pattern("child"))
        self.kin_victim = c(
            rf"{w.pattern('active_offence')}\s+(?:his|her|their)\s+(?:own\s+|young\s+)?"
            rf"{w.pattern('child_kin')}"
        )  # "sexually abusing his daughter": the victim is the accused's child
        self.kin_word = c(w.pattern("child_kin"))
        self.proceedings = c(w.pattern("proceedings"))
        self.waiver = c(w.pattern("waiver"))
        self.pseudonym = c(w.pattern("pseudonym"))
        self.lifted = c(
            rf"{w.pattern('restriction_lifted')}|{w.pattern('lifting')}"
            rf"(?:\W+[\w.]+){{0,4}}?\W+{w.pattern('restriction')}"
        )
        self.deceased = c(w.pattern("deceased"))
        #: What ``waiver`` and ``lifted`` need (``phrase_pieces``): the report is read for
        #: them first (most reports state neither, and the patterns are long).
        lifted = phrase_pieces(w.words("restriction_lifted"))
        self.pieces = {
            "waiver": phrase_pieces(w.words("waiver")),
            "lifted": lifted  # one of its phrases, or "lifting" with "restriction" after
            + tuple(
                (*a, *b)
                for a in phrase_pieces(w.words("lifting"))
                for b in phrase_pieces(w.words("restriction"))
            ),
        }
        marks = "|".join(regex.escape(m) for m in sorted(w.words("pseudonym_marks"), key=len)[::-1])
        markable = NAME.replace(r"(?![\p{L}\p{N}-])", r"(?![\p{L}-])")  # "Megan¹"
        self.marked = c(rf"(?P<name>{markable})[ \t]?(?:{marks})(?![\p{{L}}\p{{N}}])")
        self.not_names = frozenset(w.words("not_names"))
        self.credit = c(
            rf"[ \t]*/[ \t]*(?:{w.pattern('credit_agencies')})(?![\p{{L}}\p{{N}}])"
        )  # "(Kirsty O'Connor/PA)": a photographer's credit
        self.word_names = frozenset(w.words("word_names"))
        self.as_person = c(
            rf"{_AGE_AFTER_NAME.pattern}"
            r"|\s+(?:was|is|had\s+been)\s+(?:just\s+|only\s+|then\s+|aged\s+)*\d{1,2}"
            r"(?![\d%]|[ \t]*(?:per|years?[ \t]+ago)\b)"
            r"|\s*,?\s+who\b"
            rf"|['’]s[ \t]+(?:{w.pattern('family_members')})\b"
        )  # what shows a word before it is a person: an age ("Malaika, 14,", "Malaika was
        # just 14"), "who" ("Malaika, who"), a relative ("Malaika's mother")
        self.eponym = c(
            rf"\b(\p{{Lu}}\p{{Ll}}+)(?:['’]s|[ \t]+\p{{Lu}}\p{{Ll}}+)[ \t]+"
            rf"(?:{'|'.join(map(regex.escape, w.words('eponym_heads')))})\b"
        )  # "Erin's Law", "the Daniel Morcombe Foundation": a name the title made public
        # (capitalised as written: "Amy's trust" is not a body)
        self.idiom = c(w.pattern("idioms"))
        self.idiom_names = frozenset(
            word
            for phrase in w.words("idioms")
            for word in _WORD.findall(phrase)
            if word[0].isupper()
        )
        self.acknowledged = c(rf"{w.pattern('acknowledgements')}[^.!?\n]{{0,50}}$")
        self.praised_after = c(rf"[^.!?\n]{{0,60}}?{w.pattern('praise')}")
        self.handle = c(
            rf"(?:\b[Hh]er|(?:\b[Tt]he\s+)?(?:{w.pattern('victim_anchor')})['’]s)"
            rf"(?:\s+(?:{w.pattern('platforms')}))?\s+(?:{w.pattern('account_nouns')})"
            rf"(?:\s*,|\s*:|\s+(?:was|is|called|named))?\s*(?P<name>@[\w.]{{2,30}}\w)"
        )  # a child's or victim's own online identity: a name-like reference ("his" is
        # left out: in a report of a man's offence it is mostly his own account)
        self.endings = frozenset(w.words("not_name_endings"))
        self.titled = _titled(rf"{_TITLE_HEADS}|{w.pattern('professions')}")
        self.posted = c(
            rf"(?P<name>{NAME})\s*,\s*who\s+[^.!?\"“”\n]{{0,120}}?\b(?:(?:now\s+)?is|is\s+now"
            rf"|(?:now\s+)?works\s+as)\s+(?:an?\s+|the\s+)?(?:\p{{Ll}}+\s+){{0,2}}?"
            rf"{w.pattern('public_roles')}\s+(?:at|of|for|with)\s+(?:the\s+)?\p{{Lu}}"
        )  # "Jon Bird, who was sexually abused at the age of four and now is operations
        # manager at the National Association for People Abused in Childhood, says"
        age = r"(?:\s*,\s*(?:aged\s+|then\s+|now\s+)?(?P<age>\d{1,3})\s*,)?"
        adverbs = rf"(?:{w.pattern('offence_adverbs')}\s+)*"
        happened = rf"{_BE}\s+{_when(adverbs)}{adverbs}{w.pattern('passive_offence')}"
        self.role = c(rf"{w.pattern('victim_role')}(?:\s*,\s*|[ \t]+)(?P<name>{NAME})")
        aside = (
            r"(?:\s*,\s*who\s+(?:was|is)\s+(?:(?:just|only|aged)\s+)?(?P<aside>\d{1,2})\b"
            r"[^,.;!?]{0,30},)?"
            r"(?:\s*,\s*(?:then|now)?\s*an?\s+(?:\d{1,2}-year-old\s+)?\p{Ll}+(?=\s+who\b))?"
        )  # ", who was 11 at the time,"; ", then a 13-year-old boarder who had been abused"
        self.passive = c(rf"(?P<name>{NAME}){age}{aside}(?:\s*,?\s*who)?\s+{happened}")
        self.told = c(
            rf"(?P<name>{NAME}){age}(?:\s*,)?\s+(?:who\s+)?"
            rf"(?:told|said|described|recalled|explained|disclosed|reported)\b"
            rf"[^.!?\"“”]{{0,100}}?(?:\b(?:she|he)\s+{happened}"
            rf"|{w.pattern('active_offence')}\s+(?:her|him)\b)"
        )
        self.when = c(
            rf"(?P<name>{NAME})\s+was\s+(?:(?:just|only|aged)\s+)?(?P<age>\d{{1,2}})"
            rf"(?:\s+years\s+old)?\s+when\b[^.!?]{{0,120}}?(?:[.!?]\s+[^.!?\n]{{0,120}}?)?"
            rf"(?:{w.pattern('sexual_offence')}|{w.pattern('active_offence')})"
        )  # what happened in the same sentence or the next ("Keira was 12 when ...")
        self.subject = c(
            rf"(?:^|(?<=[.!?]\s))(?P<name>{NAME})\b[^.!?\n\"“”]{{0,100}}?{w.pattern('agents')}"
            rf"[^.!?\n\"“”]{{0,60}}?{w.pattern('active_offence')}\s+(?:her|him)\b",
            regex.M,
        )  # "Emma was walking home when a man raped her": the subject, someone else the agent
        self.when_first = c(
            rf"\b[Ww]hen\s+(?P<name>{NAME})\s+was\s+(?:(?:just|only|aged)\s+)?(?P<age>\d{{1,2}})"
            rf"\b[^.!?]{{0,120}}?(?:[.!?]\s+[^.!?\n]{{0,120}}?)?"
            rf"(?:{w.pattern('passive_offence')}|{w.pattern('active_offence')})"
        )  # "When Leah was 13, she was groomed"; the abuse may come in the next sentence
        praised = (
            rf"[^.!?\n]{{0,30}}?{w.pattern('praise')}[^.!?\n]{{0,50}}?{w.pattern('praise_for')}"
        )
        self.praise = c(
            rf"(?P<name>{NAME})(?:['’]s\b|(?:\s*,\s*who)?\s+(?:(?:has|had)\s+)?"
            rf"(?:shown|showed|displayed|demonstrated|been|was|is)\b)" + praised
        )
        thank = r"\b[Tt]hank(?:s|ed)?\s+(?:to\s+)?"
        self.thanked = c(
            rf"{thank}(?P<name>{NAME})\s+for\b{praised}"
            rf"|{thank}(?P<name>{NAME_WORD})\s+for\s+(?:(?:his|her|their)\s+)?"
            rf"[^.!?\n]{{0,20}}?{w.pattern('praise')}"
        )  # a first name alone may be thanked for courage: a bystander is "Mr Jenkins"
        self.sympathy = c(rf"{w.pattern('sympathy')}\s+(?P<name>{NAME})")
        comfort = w.pattern("comfort")
        self.comfort = c(
            rf"\b(?:give|gives|bring|brings|brought|gave)\s+(?P<name>{NAME})\s+(?:some\s+)?"
            rf"(?:sense\s+of\s+)?{comfort}"
        )
        self.role_after = c(
            rf"(?P<name>{NAME})\s*,\s*(?:the|a|an)\s+(?:\p{{Ll}}+\s+)?{w.pattern('victim_role')}"
            r"(?=\s*[,.;:)–—]|\s+(?:of|who|in|at|from)\b)"
        )  # "Mr Patel, the complainant,"; never "a victim support worker"
        child_role = w.pattern("child_role")
        self.child_role = c(
            rf"{child_role}(?:\s*,\s*(?P<name>{NAME})\s*[,.;]"
            rf"|[ \t]+(?P<name>{NAME_WORD}[ \t]+{NAME_WORD})(?![\p{{L}}'’-]|[ \t]+{NAME_WORD}))"
        )  # a whole second word: never "Child Trafficking Advic" cut from a body's name
        self.child_titled = c(
            rf"(?P<titled>{child_role})[ \t]+(?P<name>{NAME_WORD})"
            rf"(?![\p{{L}}'’-]|[ \t]+{NAME_WORD})"
        )  # "Pupil Kayla told her teacher": a role used as a title before a first name
        self.active = c(
            rf"{w.pattern('active_offence')}[ \t]+(?:\d{{1,2}}-year-old[ \t]+)?"
            rf"(?:(?:{child_role}|{w.pattern('cared_for_role')})[ \t]+)?(?P<name>{NAME})"
        )  # "assaulted resident Edna Fairweather": a role used as a title
        full = (
            rf"(?:(?:{HONORIFIC})\.?[ \t]+)?{NAME_WORD}[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD})?"
            r"(?![\p{L}'’-])"
        )
        self.role_was = c(
            rf"{w.pattern('victim_role')}\s+(?:was|is)\s+(?:named\s+as\s+)?(?P<name>{full})"
        )  # "Holroyd's victim was Winifred Carrow, 86,"
        victim_noun = w.pattern("victim_nouns")
        self.the_victim = c(rf"\b[Tt]he\s+(?:{victim_noun})\b")
        self.done_to = c(
            rf"{w.pattern('active_offence')}\s+(?:a|an|the)\s+(?:[\p{{Ll}}\d-]+\s+){{0,2}}?"
            rf"(?P<noun>{victim_noun})\b"
        )  # "raping a woman": the report's victim is "the woman"
        self.done_to_passive = c(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<noun>{victim_noun})\s+(?:who\s+)?"
            rf"(?:was|had\s+been|has\s+been)\s+[^.!?\"“”\n]{{0,60}}?{w.pattern('passive_offence')}"
        )  # "a woman was dragged into an alleyway and sexually assaulted": "the woman"
        self.the_noun = c(
            rf"\b(?:[Tt]he|an?)\s+(?P<noun>{victim_noun})\s*,\s*(?P<name>{NAME})\s*,"
            rf"|(?<!\b(?:[Tt]he|an?|[Aa]nother|[Oo]ne)\s+)\b(?P<noun>{victim_noun})[ \t]+"
            rf"(?P<name>{NAME})"
        )  # "approached the woman, Jasmine Okonedo, at a taxi rank"; "sexually assaulting a
        # resident, Mrs Ivy Catterall, who had advanced dementia"; the noun as a title
        # ("resident Jennifer Coles tried to tell staff")
        self.object_after = c(
            rf"(?P<name>{NAME})(?=(?:\s*,\s*(?:aged\s+|then\s+|now\s+)?\d{{1,3}}\s*,)?"
            rf"[^.!?\"“”\n]{{0,120}}?\b(?:and|before|then|where|until|after\s+which)\s+"
            rf"(?:(?:he|later|then|repeatedly|had|eventually)\s+)*"
            rf"{w.pattern('active_offence')}\s+(?P<object>her|him)\b)"
        )  # "Lowther befriended Kasia Nowak, who was 19, and raped her": his verb's object
        self.teller = c(
            rf"(?P<name>{NAME})(?:\s*,\s*(?:aged\s+)?\d{{1,3}}\s*,)?\s+"
            rf"(?:told|said|says|described|recalled|explained)\b[^.!?\"“”\n]{{0,40}}?"
            r"\b(?P<pronoun>she|he)\b"
        )  # "Rhiannon Tegid, 27, told the jury she ..." (what was done to her comes later)
        self.done_later = c(
            rf"\b(?:he|{NAME_WORD})\s+(?:had\s+|then\s+|later\s+)?"
            rf"{w.pattern('active_offence')}\s+(?P<object>her|him)\b"
        )
        the_one = (
            rf"(?:{w.pattern('active_offence')}\s+|(?:{w.pattern('victim_role')}|{victim_noun})"
            r"\s*,\s*)(?:(?:a|an|the)\s+(?:[\p{Ll}\d-]+\s+){0,2}?)?"
        )  # "raped her", "assaulted a woman", "The tenant, a woman in her twenties"
        aged_in = rf"\b(?:{w.pattern('victim_role')}|{victim_noun})\s+in\s+"
        self.female = c(rf"{the_one}{w.pattern('female_nouns')}\b|{aged_in}her\b")
        self.male = c(rf"{the_one}{w.pattern('male_nouns')}\b|{aged_in}his\b")
        # "A student in her twenties was sexually assaulted": a woman
        self.quoted_title = c(
            rf"(?<![\p{{L}}'’-])(?P<title>{'|'.join(_SEX_OF)})\.?[ \t]+(?P<name>{NAME_WORD})"
            rf"(?![\p{{L}}'’-]|[ \t]+{NAME_WORD})"
        )  # "Mrs Delahaye screamed", in quoted speech
        self.relation_before = c(
            rf"(?:\b{w.pattern('relation_before')}"
            rf"|\b(?:[Hh]is|[Hh]er|[Tt]heir|{NAME_WORD}['’]s)\s+(?:\p{{Ll}}+[ -])?\p{{Ll}}+)"
            rf"\s*,?\s*$"
        )  # "His sister, Paula Brennan,"; "Her friend Jane Doyle": someone's relation
        self.bystander = c(
            rf"(?:\s+and\s+(?:his\s+|her\s+)?\p{{Ll}}+)?"  # "His son and daughter remain ..."
            rf"\s*,?\s*(?:who\s+)?(?:(?:has|had|have)\s+)?(?:{w.pattern('kin_bystander')})"
        )  # "His daughter, Anne Ashworth, wept in court": a relative of the accused, looking on
        self.colleagues = c(
            rf"\s+and\s+(?:the\s+)?(?:\p{{Ll}}+\s+){{0,2}}?{w.pattern('colleague_nouns')}"
        )  # "Claire and the whole investigation team": a colleague
        self.relation_after = c(
            rf"\s*,\s*(?:[Hh]is|[Hh]er|[Tt]heir|the\s+\p{{Ll}}+['’]s|{NAME_WORD}['’]s)\s+"
            rf"(?:\p{{Ll}}+[ -])?{w.pattern('relation_before')}"
        )  # "Sarah, her mother, said": a relation, after the name
        self.child_age = (
            c(
                rf"(?P<name>{NAME})\s*(?:,\s*|\(\s*)(?:(?:aged|now|then)\s+)?(?P<age>\d{{1,2}})"
                r"(?:\s*[,);]|\.(?!\d)|\s+(?:of|from|who|was|is|has|had|and|admitted|denied)\b)"
            ),
            c(
                rf"(?P<name>{NAME})\s*,\s*who\s+(?:was|is)\s+(?:(?:just|only|aged)\s+)?"
                r"(?P<age>\d{1,2})(?:\s+years\s+old)?(?=\s*[,.;]|\s+at\s+the\s+time)"
            ),
            c(
                rf"(?P<name>{NAME})\s+was\s+(?:only|just)\s+(?P<age>\d{{1,2}})\b"
                r"(?!\s+(?:when|at\s+the\s+time))"
            ),  # "Zoe was only 15 and Doyle knew it"; "was just 14 when" is named-victim's
            c(
                rf"\b(?P<age>\d{{1,2}})-year-old[ \t]+(?:{w.pattern('age_nouns')}[ \t]+)?"
                rf"(?P<name>{NAME})"
            ),
        )
        self.not_real = c(w.pattern("not_real"))
        speech = lexicon.alternation("speech_verbs")
        aged = r"(?:\s*,\s*(?:aged\s+|now\s+|then\s+)?\d{1,3}\s*,)?"
        special = w.pattern("special_measures")
        self.special = c(
            rf"{special}[^.!?]{{0,80}}?(?P<name>{NAME}){aged}\s+"
            rf"(?:{speech}|gave\s+evidence|described|told|wept)\b"
            rf"|(?P<name>{NAME}){aged}\s+(?:gave\s+evidence|testified|told\s+the\s+(?:jury|court))"
            rf"[^.!?]{{0,60}}?{special}"
        )  # "Giving evidence from behind a screen, Natalie Crowther, 31, said"
        self.cared_for_word = c(w.pattern("cared_for_role"))
        self.another = c(
            rf"\b(?:[Aa]nother|[Ff]ellow|[Oo]ther)\s+(?:{w.pattern('victim_nouns')})\s*,?\s*"
            rf"(?P<name>{NAME})"
        )
        self.cared_for = c(
            rf"(?<!\b(?:[Ll]ocal|[Ff]ellow|[Aa]nother|[Nn]eighbouring)\s+){w.pattern('cared_for_role')}"
            rf"[ \t]+(?P<name>{NAME_WORD}[ \t]+{NAME_WORD})(?![\p{{L}}'’-]|[ \t]+{NAME_WORD})"
            r"[^.!?]{0,100}?"
            rf"\b(?:was|is|had\s+been|has\s+been)\s+(?:\p{{Ll}}+\s+)?{w.pattern('harm')}"
        )  # "Resident Margaret Ellison ... was failed by someone paid to care for her"
        self.ordeal = c(
            rf"\b[Ww]hat\s+(?P<name>{NAME})\s+{w.pattern('ordeal_verbs')}"
            rf"|(?P<name>{NAME})['’]s\s+(?:\p{{Ll}}+\s+)?{w.pattern('ordeal_nouns')}"
            rf"|(?P<name>{NAME})\s+{w.pattern('ordeal_after')}"
            rf"|\b{w.pattern('introductions')}\s+(?P<name>{NAME})(?=\s*[.:;!–—])"
            rf"|{w.pattern('harm_done')}\s+(?:\p{{Ll}}+\s+)?(?P<name>{NAME})"
            rf"|(?P<name>{NAME})(?:\s*,\s*(?:a|an|the)\s+\p{{Ll}}+|\s+in\s+[\p{{L}}\d]+(?:\s+\d+)?)?"
            rf"\s*,?\s+who\s+"
            rf"[^.!?\"“”]{{0,60}}?{w.pattern('harm_done')}\s+(?:her|him)"
            r"(?=\s*[,.;:!?]|\s+(?:and|in|at|by|from|when|while|as|for|since|but)\b)"
        )  # "What Danielle went through that night was horrific"; "Meet Kayla."; "what
        # had happened to resident Keeley Ward"; "Olivia, who spoke up about what had
        # happened to her"
        self.account = c(
            rf"(?P<name>{NAME}){age}(?:\s*,)?\s+(?:told|said|says|described|recalled|explained)\b"
            rf"[^.!?\"“”]{{0,60}}?\b(?:she|he|I)\s+(?:had\s+|still\s+)?"
            rf"{w.pattern('victim_account')}"
        )  # "Laura Finch, 29, told the jury she froze when he got into her bed"
        self.agents = c(w.pattern("agents"))
        self.agent_on = c(
            rf"{w.pattern('agents')}\b[^.!?]{{0,60}}?\b(?:her|him|them)\b"
        )  # "a man she met through an online game began sending her messages"
        self.expert = c(w.pattern("expert_titles"))
        self.subject_pronoun = c(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
        self.quoted = c(
            rf"(?P<name>{NAME})(?:\s+(?:was|is|has\s+been|had\s+been|has\s+shown|showed)\s+"
            rf"(?:\p{{Ll}}+\s+){{0,2}}?{w.pattern('quoted_praise')}"
            rf"|['’]s\s+(?:\p{{Ll}}+\s+)?{w.pattern('quoted_possessions')}"
            rf"|\s+{w.pattern('quoted_told')})"
            rf"|\b(?:hope|wish|hoping)\s+(?:that\s+)?(?P<name>{NAME})\s+{w.pattern('quoted_hope')}"
        )  # '"Sophie was so brave in court," said DC Ward'
        self.one_of = c(
            rf"(?P<name>{NAME}){age}\s+(?:was|is)\s+(?:among|one\s+of)\s+(?:[\p{{Ll}}\d-]+\s+){{0,2}}?"
            rf"(?:{w.pattern('plural_people')})\s+(?:(?:who|whom|that)\s+)?"
            rf"(?:(?:{NAME}|he|she|they|the\s+\p{{Ll}}+)\s+(?:had\s+)?{w.pattern('active_offence')}"
            rf"|(?:were|had\s+been)\s+{adverbs}{w.pattern('passive_offence')})"
        )  # "Daisy Cole, now 19, was one of three girls Ives groomed online"
        self.apposed = c(
            rf"\b(?:[Tt]he|[Aa])\s+{w.pattern('person_nouns')}\s*,\s*(?P<name>{NAME}){age}"
            rf"[^.!?\"“”]{{0,150}}?(?:[.!?]\s+[^.!?\"“”\n]{{0,150}}?)?"
            rf"\b(?:he|{NAME_WORD})\s+(?:had\s+)?{w.pattern('active_offence')}\s+her\b"
        )  # "the woman, Chloe Brandreth, 24, had become separated ... where he raped her"
        self.accused_of = c(
            rf"(?P<name>{NAME})\s*,\s*(?:(?:the|a)\s+\p{{Ll}}+\s+)?(?:whom\s+|who\s+)?"
            rf"(?:{NAME_WORD}|he|she)\s+(?:(?:is|was|had\s+been|has\s+been)\s+"
            rf"(?:accused|convicted|found\s+guilty|charged|cleared)\s+of\s+|had\s+|has\s+)?"
            rf"{w.pattern('active_offence')}"
            rf"|{w.pattern('victim_role')}\s*,\s*(?:who\s+was\s+)?(?:named|identified)\s+"
            rf"(?:in\s+court\s+)?as\s+(?P<name>{NAME})"
        )  # "Karen Blake, the woman Doyle is accused of raping,"; "Kelly Ward, who Doyle
        # raped"; "the woman Doyle attacked"; "victim, named in court as Kelly Ward"
        self.object = c(rf"{w.pattern('active_offence')}\s+(?:her|him)\b")
        self.opening = c(rf"(?:{w.pattern('subordinators')}\s+)?(?P<name>{NAME})")
        self.statement = c(
            rf"{w.pattern('victim_statement')}[^.!?]{{0,80}}?(?P<name>{NAME})[ \t]+"
            rf"(?:{lexicon.alternation('speech_verbs')}|wrote|described)\b"
        )
        self.child_offence_verb = c(
            rf"{w.pattern('active_offence')}|{w.pattern('passive_offence')}"
        )
        self.child_offence = c(
            rf"{w.pattern('sexual_offence')}|{w.pattern('child')}"
            rf"|{w.pattern('active_offence')}|{w.pattern('passive_offence')}"
        )
        self.abuser = c(rf"(?P<name>{NAME})['’]s[ \t]+(?:\p{{Ll}}+[ \t]+)?{w.pattern('abuser')}")
        self.pronoun = c(rf"(?<=(?:^|[.!?]\s+))(?:She|He)\s+{happened}", regex.M)
        self.story_offence = c(
            rf"(?:{w.pattern('active_offence')}|{w.pattern('offence_verbs')})\s+(?:her|him|them)\b"
            rf"|\b(?:[Ss]he|[Hh]e|[Tt]hey)\s+(?:was|were|had\s+been)\b[^.!?]{{0,80}}?"
            rf"{w.pattern('passive_offence')}"
        )  # "had been sexually abusing her"; "she was being taken to flats ... and abused"
        self.not_after_subject = c(rf"[ \t]+{w.pattern('not_after_subject')}")
        self.story_subject = c(
            rf"(?:(?:{w.pattern('subordinators')}|{w.pattern('story_openers')})[ \t]+)?"
        )  # what may stand before a story's subject in its sentence
        self.plural_after = c(
            rf"[ \t]+(?:(?:\p{{Ll}}+[ \t]+)?{w.pattern('plural_people')}"
            rf"|(?!{w.pattern('not_plurals')})\p{{Ll}}{{3,}}s\b)"
        )
        verbs = w.pattern("defendant_verbs")
        self.charge = c(rf"{verbs}|{w.pattern('active_offence')}")
        self.someone = c(rf"\b(?:he|she|they|police|officers)\b|(?<=\s){NAME}")
        self.defendant = c(verbs)
        self.charged_after = c(
            rf"\s*(?:,\s*(?:aged\s+)?\d{{1,3}}\s*,)?\s*(?:who\s+)?"
            rf"(?:(?:was|is|has\s+been|had\s+been)\s+)?{verbs}"
        )  # "Mark Doyle, 41, who was jailed": the name is the accused's
        self.accused_word = c(
            rf"(?P<word>{NAME_WORD})(?:\s*,\s*(?:(?:aged\s+)?\d{{1,3}}\s*,\s*)?of\b"
            rf"|\s+(?:(?:was|were|has\s+been|had\s+been|is)\s+)?{verbs})"
        )
        #: "was (first) abused": what a pattern that ends in ``happened`` holds.
        self.happened = c(happened)
        #: Patterns that can match only where the report holds an offence done to "her"
        #: or "him" (``object``) or ``happened``, each of which they contain (``teller``'s
        #: matches count only with ``done_later`` after them, which holds ``object``).
        self.needs: dict[regex.Pattern[str], tuple[str, ...]] = {
            self.passive: ("happened",),
            self.told: ("happened", "object"),
            self.pronoun: ("happened",),
            self.subject: ("object",),
            self.apposed: ("object",),
            self.object_after: ("object",),
            self.teller: ("object",),
        }
        #: Words each pattern that starts with a name needs somewhere in the report: a
        #: cheap search that spares scanning the report for names.
        self.gates: dict[regex.Pattern[str], regex.Pattern[str]] = {
            self.passive: c(w.pattern("passive_offence")),
            self.when: c(r"\bwhen\b"),
            self.subject: self.agents,
            self.praise: c(w.pattern("praise")),
            self.role_after: c(w.pattern("victim_role")),
            self.cared_for: c(w.pattern("cared_for_role")),
            self.special: c(special),
            self.ordeal: c(
                rf"{w.pattern('ordeal_verbs')}|{w.pattern('ordeal_nouns')}"
                rf"|{w.pattern('ordeal_after')}|{w.pattern('introductions')}"
                rf"|{w.pattern('harm_done')}"
            ),
            self.account: c(w.pattern("victim_account")),
            self.quoted: c(
                rf"{w.pattern('quoted_praise')}|{w.pattern('quoted_possessions')}"
                rf"|{w.pattern('quoted_hope')}|{w.pattern('quoted_told')}"
            ),
            self.accused_of: c(
                rf"{w.pattern('active_offence')}|\b(?:named|identified)\s+(?:in\s+court\s+)?as\b"
            ),
            self.one_of: c(r"\b(?:among|one\s+of)\b"),
            self.apposed: c(w.pattern("person_nouns")),
            self.abuser: c(w.pattern("abuser")),
        }

    def scanned(self) -> tuple[regex.Pattern[str], ...]:
        """Every pattern here, and ``_CHILD_AGE`` (each is run only where a report holds
        its needles: ``lacks``)."""
        found: list[regex.Pattern[str]] = [_CHILD_AGE]
        for value in vars(self).values():
            if isinstance(value, tuple):
                found.extend(value)
            elif isinstance(value, (regex.Pattern, patterns.Lazy)):
                found.append(cast("regex.Pattern[str]", value))
        return tuple(found)


def heading(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is a heading or a caption: it does not end as
    a sentence does ("Child Poverty in the UK: A Growing Crisis")."""
    hi = text.find("\n", offset)
    line = text[text.rfind("\n", 0, offset) + 1 : len(text) if hi < 0 else hi].rstrip()
    return not line.endswith((".", "!", "?", '"', "”", "’", "'", ")"))


class Spans:
    """Spans found so far, none overlapping another, kept in order: whether a new span
    shares a character with one of them is two bisections, not a scan of them all (one
    finding per name, however many names a long report holds)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if not self.overlaps(start, end):
                self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        # the spans are apart, so their ends are in order too: only the last one that
        # starts before ``end`` can reach past ``start``
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _name_forms(names: Iterable[str]) -> frozenset[str]:
    """Full names and surnames, so "Ms Woodhouse" is as known as "Sammy Woodhouse"."""
    out: set[str] = set()
    for name in names:
        out.add(name)
        parts = name.split()
        if len(parts) > 1:
            out.add(parts[-1])
    return frozenset(out)


_R = TypeVar("_R", bound=AnonymityRule)


def build_rule(cls: type[_R], meta: RuleMeta, data: dict[str, Any], src: Source) -> _R:
    line = src.data.line_of
    name = schema.require(data, "register", path=src.path, line=src.data.line, kind=meta.kind)
    words = load_anonymity(register_file(src.path, name, line=line("register")))
    public: frozenset[str] = frozenset()
    if data.get("people"):
        people = load_people(
            register_file(src.path, data["people"], line=line("people"), key="people")
        )
        public = frozenset(n for p in people for n in (p.name, *p.aliases))
    rule = cls(
        meta,
        words,
        public=public,
        campaigners=_name_forms(words.words("campaigners")),
        notes=data.get("notes", {}),
    )
    for pattern in rule.scanned():  # read with the rule set, so that it keeps them
        required_literals(pattern.pattern)  # (lint.rules.prefilter.remember)
        branch_choice(pattern)  # and those of its branches (Reading.finditer)
    return rule
