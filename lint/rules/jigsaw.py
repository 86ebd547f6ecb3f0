"""jigsaw: a detail attached to a victim or a child that could identify them with other
facts: their school or year group, street, estate, a small village, an exact date of
birth, a distinctive family fact, or a photo caption that names them or a parent.

A detail belongs to the nearest person before it in its sentence (after it, when none
comes before: "an Oakwood Academy pupil"). It is reported only when that person is a
victim or a child; the defendant's address, an officer's station and an organisation's
base are normal and stay silent. The rule runs on reports of a sexual offence, and on
reports of criminal proceedings that involve a child.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.names import place_name
from lint.registers.anonymity import alternation, phrase_alternatives
from lint.rules.anonymity_cast import her_is_victim
from lint.rules.anonymity_common import (
    CONTEXT,
    DEFAULT_FIX,
    KEYS,
    NAME,
    NAME_WORD,
    AnonymityRule,
    Reading,
    Spans,
    build_rule,
    chosen_matches,
)
from lint.rules.contract import Hit, RuleMeta, Source
from lint.rules.prefilter import Alternatives, further_literals, required_literals

__all__ = ["CONTEXT", "DEFAULT_FIX", "KEYS", "build"]

_APPOSED = patterns.compile(rf"{NAME}\s*,\s*(?:(?:aged\s+)?\d{{1,3}}\s*,\s*)?$")
_NAME_START = patterns.compile(NAME)
#: A sentence's end with more after it in the same block.
_SENTENCE_GOES_ON = patterns.compile(r"[.!?][\"”’]?\s+\S")
_ONLY = patterns.compile(r"\bthe\s+only\b")
#: A sentence's opening name: its subject, whose details follow until a victim is named.
_SUBJECT = patterns.compile(rf"{NAME}(?=\s*[,]|\s+(?:is|was|has|had|who|whose)\b)")
_TOKEN = patterns.compile(r"[\p{L}\d'’()-]+")
_LINK = patterns.compile(r"\s*(?:,|\bat|\bof|\bin|\bon)?\s*(?:the\s+)?")


def _merged(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Details that run into each other as one ("Year 9 at Hillcrest School"): one
    detail, one finding, of the first one's kind."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found):
        link = _LINK.match(text, out[-1][1]) if out else None
        if out and link is not None and link.end() >= start:
            out[-1] = (out[-1][0], max(end, out[-1][1]), out[-1][2])
        else:
            out.append((start, end, kind))
    return out


def _goes_on(text: str, taken: list[tuple[int, int, str]], start: int) -> bool:
    """Whether a detail at ``start`` runs on from one already taken ("she was in Year 9
    at Moorfield Academy": the school after the year group is the same child's; round
    14), so it has that one's owner and joins its finding (``_merged``)."""
    return any(
        (link := _LINK.match(text, end)) is not None and link.end() >= start >= end
        for _, end, _ in taken
    )


def _emphasised(doc: Document, start: int, end: int) -> bool:
    """Whether the block at ``start``-``end`` is one line set wholly in emphasis in the
    source ("*Michelle Kerrigan, whose daughter was targeted by Lowe, speaking outside
    court.*"): a photo caption as news copy sets one, one sentence with no "Caption:"
    before it (round 13). The marks are in the source only; the text the rules read has
    them blanked."""
    if "\n" in doc.text[start:end] or _SENTENCE_GOES_ON.search(doc.text, start, end):
        return False  # two sentences ("*Peter Gallagher died in 2022. His family ...*"): a note
    lo, hi = doc.offsets.to_source(start), doc.offsets.to_source(end, end=True)
    line_end = doc.source.find("\n", hi)
    line = doc.source[
        doc.source.rfind("\n", 0, lo) + 1 : len(doc.source) if line_end < 0 else line_end
    ].strip()
    return line[:1] in ("*", "_") and line[-1:] in ("*", "_")


#: The kind of detail a family's business is.
_BUSINESS = "family business"
#: A denial or "any" before a detail in its clause: it is said of no particular child.
_DENIED = patterns.compile(
    r"(?:\b(?:none\s+of|not|never|no)\b(?!\s+(?:her|his|their)\s+real\b)[^,.;:!?()\n]{0,40}"
    r"|\bany\s+(?:\p{Ll}+\s+)?)$"
)
#: The kind of detail a parent's job is: a detail only with the place where it is done.
_JOB = "parent's job"
#: The rest of a clause after a parent's job ("a firefighter at Ballymena fire station").
_CLAUSE_REST = patterns.compile(r"[^,.;:!?\n]{0,80}")
_PRONOUN = patterns.compile(r"(?i:he|she|they)")
#: How far a family's business match reaches before and after its word for the family.
_KIN_BEFORE, _KIN_AFTER = 60, 220

#: The kind of detail a small community told by its size is.
_SMALL_PLACE = "small place"
_THE = patterns.compile(r"^[Tt]he\s+")
#: How far after a detail to look for its owner when none comes before it.
_AFTER = 60
#: How far after a detail "where she lives" may end ("the flats on the Fernhill estate
#: in Brackford, where she still lives": the town may come between).
_WHERE_SHE = 50


@dataclass(frozen=True)
class Jigsaw(AnonymityRule):
    @cached_property
    def _own(self) -> tuple[tuple[tuple[str, regex.Pattern[str]], ...], regex.Pattern[str]]:
        w = self.words
        details = tuple(  # compiled if a document needs every phrase (self._choices)
            (kind, patterns.lazy(alternation(phrases))) for kind, phrases in w.jigsaw
        )
        anchors = patterns.compile(
            rf"(?P<victim>{w.pattern('victim_anchor')})|(?P<other>{w.pattern('other_anchor')})"
            rf"|(?P<name>{NAME})(?=(?:['’]s)?\s*,\s*(?:(?:aged\s+)?\d{{1,3}}\s*,\s*)?"
            rf"(?:of|from|who|which|a|an)\b)"
            rf"|(?P<appositive>{NAME})\s*,\s*(?:\d{{1,3}}\s*,\s*)?(?:a|an|the)?[ \t]*"
            rf"(?:\p{{Ll}}+[ \t]+)?(?:{w.pattern('victim_anchor')})"
            rf"|(?P<person>{NAME})"
        )
        return details, anchors

    @cached_property
    def _choices(self) -> tuple[Alternatives | None, ...]:
        """Per kind of detail, its phrases as alternatives chosen by their words."""
        out = []
        for _, phrases in self.words.jigsaw:
            alternatives = phrase_alternatives(phrases)
            needles = [required_literals(a) for a in alternatives]
            further = [further_literals(a) for a in alternatives]
            choice = Alternatives.of("(?:", alternatives, ")", needles, further=further)
            out.append(choice if phrases else None)
        return tuple(out)

    @cached_property
    def _context(self) -> dict[str, regex.Pattern[str]]:
        """Per kind of detail, the words one of which must come within five words before
        it, or open it ("plays for Westbrook Rangers")."""
        return {
            kind: patterns.compile(rf"{alternation(words)}(?:\W+\w+){{0,4}}\W*$")
            for kind, words in self.words.context.items()
        }

    def _near(self, kind: str, text: str, m: regex.Match[str]) -> bool:
        """Whether the detail has its kind's context words (or its kind needs none)."""
        near = self._context.get(kind)
        return near is None or bool(
            near.search(text[max(0, m.start() - 60) : m.start()]) or near.match(m.group())
        )

    @cached_property
    def _caption(self) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
        w = self.words
        return (
            patterns.compile(
                rf"^\W{{0,3}}(?:{w.pattern('caption')}\s+)?{w.pattern('caption')}\s*[:–—|]"
                r"|\(\s*pictured\s*\)",
                regex.I | regex.M,
            ),  # "Caption:", "Picture caption:", "(pictured)"
            patterns.compile(rf"{w.pattern('caption_family')}|{w.pattern('victim_anchor')}"),
        )

    def scanned(self) -> tuple[regex.Pattern[str], ...]:
        return (
            *super().scanned(),
            self._relative,
            self._community,
            *(p for _, p in self._belonging),
        )

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        reading = self.reading(doc, facts)
        if not (reading.sexual or (reading.child and reading.proceedings)):
            return
        details, _ = self._own
        text = reading.text
        taken: list[tuple[int, int, str]] = []
        spans = Spans()  # the details taken, for overlap tests by bisection
        for (kind, pattern), choice in zip(details, self._choices, strict=True):
            details_found = (  # only the phrases whose words the document holds
                pattern.finditer(text)
                if choice is None
                else chosen_matches(pattern, choice, facts.present(choice.every), text)
            )
            for m in details_found:
                if spans.overlaps(m.start(), m.end()):
                    continue
                end = self._name_goes_on(text, m)
                if not (self._near(kind, text, m) or self._where_she(text, m.end())) or (
                    end == m.end() and self._modifier.match(text, m.end())
                ):
                    continue
                if kind == _SMALL_PLACE and place_name(_THE.sub("", m.group()).split()):
                    continue  # "the Isle of Wight", a county: no small community
                if _DENIED.search(text, max(0, m.start() - 50), m.start()):
                    continue  # "none of the images showed pupils at X", "do not relate to
                    # any pupil at X": said of no child
                rest = _CLAUSE_REST.match(text, m.end()) if kind == _JOB else None
                if rest is not None and not any(
                    t.group()[:1].isupper() for t in _TOKEN.finditer(text, m.end(), rest.end())
                ):
                    continue  # "her mother, who is a nurse,": no place, so no one singled out
                if _goes_on(text, taken, m.start()) or self._victims(reading, m.start(), m.end()):
                    taken.append((m.start(), end, kind))
                    spans.add(m.start(), end)
        for kind, pattern in self._belonging:
            business = kind == _BUSINESS
            found = (
                self._around_family(reading, pattern)
                if business
                else self._matches(reading, pattern)
            )
            for m in found:
                start, end = m.span("clause")
                if spans.overlaps(start, end):
                    continue
                named = self._names_business if business else self._names_group
                if named(text, start, end) and (
                    m.group("anchor") or self._victims(reading, start, end, business=business)
                ):
                    taken.append((start, end, kind))  # not "Doyle, whose father is ..."
                    spans.add(start, end)
        for m in self._matches(reading, self._community):
            if not spans.overlaps(*m.span()) and self._victims(reading, *m.span()):
                taken.append((m.start(), m.end(), _SMALL_PLACE))
                spans.add(*m.span())
        for start, end, kind in _merged(text, taken):
            yield self.hit(start, end, text[start:end], kind)
        if reading.sexual:  # a family named beside the victim's own waiver is theirs to name
            for hit in (*self._captions(reading, doc), *self._relatives(reading)):
                if not self.family_excused(reading, hit.start, hit.end):
                    yield hit

    @cached_property
    def _community(self) -> regex.Pattern[str]:
        """A small community told by its size ("a Hebridean island with around 60
        residents", "the island of Eilean Fada, where her family are among fewer than 30
        permanent residents"): a word for a settlement (with the place's name before it in
        apposition, which would otherwise read as a person), then within ten words a count of
        at most four figures and a word for its people (IPSO sexual offences guidance: a
        small community identifies those who live in it)."""
        w = self.words
        return patterns.lazy(
            rf"(?:{NAME}\s*,\s*(?:a|an|the)\s+(?:[\p{{L}}-]+\s+)?)?"  # "Harra, a Hebridean "
            rf"\b(?:{w.pattern('community_nouns')})\b(?:\W+[\p{{L}}'’-]+){{0,10}}?\W+"
            rf"(?:(?:{w.pattern('population_quantifiers')})\s+)?(?<![\d,.])\d{{1,4}}(?![\d,.]\d)"
            rf"\s+(?:permanent\s+|full-time\s+)?(?:{w.pattern('population_nouns')})\b"
        )

    @cached_property
    def _belonging(self) -> tuple[tuple[str, regex.Pattern[str]], ...]:
        """Clauses that tie a victim or child to a group, a place or a one-of-a-kind
        family, by kind: "the girl, who plays for the under-13s at Fordham Rovers girls'
        team,"; "her father is the only pharmacist in Church Stretton" (it names the
        family as much as the victim's own school does)."""
        w = self.words
        anchor = w.pattern("victim_anchor")
        kin = (
            rf"(?:(?P<anchor>(?:[Tt]he\s+)?{anchor}['’]s)|\b(?:[Hh]er|[Hh]is|[Tt]heir))"
            rf"\s+{w.pattern('family_members')}"
        )
        trade = rf"{w.pattern('family_business')}"
        name = r"(?:\s*,\s*(?:the\s+)?\p{Lu}[^,.;:!?\"“”()]{0,60})?"
        return (
            (
                _BUSINESS,
                patterns.lazy(
                    rf"{kin}\s*,\s*(?P<clause>who\s+(?:\p{{Ll}}+\s+)?"
                    rf"{w.pattern('business_verbs')}\b[^,.;:!?\"“”]{{3,80}})"
                    rf"|(?P<clause>{kin}(?:['’]s?)?\s+(?:\p{{Ll}}+\s+)?{trade}\b{name})"
                    rf"|(?P<clause>\b(?:[Tt]he|[Aa])\s+{trade}\s+(?:that\s+|which\s+)?{kin}"
                    rf"\s+(?:still\s+)?{w.pattern('business_verbs')}\b{name})"
                ),  # "the girl's mother, who runs the family's fish bar on Portsoy harbour";
                # "her parents' café, the Copper Kettle"; "the pub the girl's family runs"
            ),
            (
                "club, group or home",
                patterns.lazy(
                    rf"(?P<anchor>\b(?:[Tt]he|[Oo]ne\s+of\s+the)\s+(?:\p{{Ll}}+\s+)?"
                    rf"(?:{anchor}|{w.pattern('victim_plurals')}))\s*,\s*"
                    rf"(?P<clause>who\s+[^,.;:!?\"“”]{{0,60}}?\b{w.pattern('belonging')}\b"
                    r"[^,.;:!?\"“”()]*(?:\([^()]{1,40}\)[^,.;:!?\"“”()]*)?)"
                ),
            ),
            (
                "family fact",
                patterns.lazy(
                    rf"(?P<clause>(?:\b(?:[Hh]er|[Hh]is|[Ww]hose)|(?P<anchor>(?:[Tt]he\s+)?{anchor}['’]s))"
                    rf"\s+{w.pattern('parents')}\s+{w.pattern('parent_does')}"
                    r"\s+[^,.;:!?\"“”]{3,80})"
                ),
            ),
        )

    def _names_group(self, text: str, start: int, end: int) -> bool:
        """Whether a clause says nothing of the offence (where, not who) and names a
        group or a place in two or more capitalised words ("Fordham Rovers", "the Fitton
        Hill estate"), not after "in" ("lives in West Yorkshire": a county), or makes
        its owner one of a kind ("the only pharmacist in Church Stretton")."""
        if self.pats.child_offence_verb.search(text, start, end):
            return False
        if _ONLY.search(text, start, end):
            return True  # "the only pharmacist in Church Stretton", "the only set of quadruplets"
        run, after_in, previous = 0, False, ""
        for token in _TOKEN.finditer(text, start, end):
            word = token.group().strip("()")
            if word[:1].isupper() or (run and word[:1].isdigit()):
                if run == 0:
                    after_in = previous == "in"
                run += 1
                if run >= 2 and not after_in:
                    return True
            else:
                run = 0
            previous = word
        return False

    @cached_property
    def _family_word(self) -> regex.Pattern[str]:
        return patterns.compile(self.words.pattern("family_members"))

    def _around_family(
        self, reading: Reading, pattern: regex.Pattern[str]
    ) -> list[regex.Match[str]]:
        """A family's business, looked for only around the words for a family ("her
        parents' café", "the pub the girl's family runs"): every match holds one, at most
        ``_KIN_BEFORE`` characters into the match and ``_KIN_AFTER`` before its end, so a
        long report is searched in short windows, not at every character."""
        if reading.lacks(pattern):
            return []
        text, found, after = reading.text, [], 0
        for word in self._family_word.finditer(text):
            lo = max(after, word.start() - _KIN_BEFORE)
            for m in pattern.finditer(text, lo, min(len(text), word.end() + _KIN_AFTER)):
                if m.start() >= after and m.start() <= word.start() <= m.end():
                    found.append(m)
                    after = m.end()
        return found

    def _names_business(self, text: str, start: int, end: int) -> bool:
        """Whether a clause about a family's business says nothing of the offence and
        names the business or its place: a capitalised word after its first ("who
        farms Bryn Eithin", "the post office in Ardgay"); "her parents' café" alone
        does not single a family out."""
        if self.pats.child_offence_verb.search(text, start, end):
            return False
        return any(t.group()[:1].isupper() for t in _TOKEN.finditer(text, start + 1, end))

    def _victims(self, reading: Reading, start: int, end: int, business: bool = False) -> bool:
        """Whether the detail belongs to a victim or a child: the nearest person before
        it in the sentence, else the first one after it. For a family's ``business``,
        "he" and "she" are passed over ("his family's takeaway" after "the boy ... while
        he helped out" is the boy's family's), and the offence may come between: the
        family's business names the family, where or not the abuse happened there."""
        text = reading.text
        lo, hi = reading.sentence(start)
        apposed = _APPOSED.search(text, lo, start)
        if apposed is not None:
            # "Smith, the son of a former MP": the named person's detail; but "Sophie, one
            # of triplets," under a marked pseudonym is the victim's (round 13)
            name = _NAME_START.match(text, apposed.start())
            return name is not None and self.pseudonymous(reading, *name.span())
        if self._offence_place.search(text, max(lo, start - 40), start):
            return False  # "abused the girl at his home on Mill Lane": where, not who
        if self._hers(reading, lo, start, end):
            return True  # "Staff at her school, Fernlea Academy": "her" is the victim
        _, anchors = self._own
        opening = anchors.match(text, start)
        if opening is not None and opening.group("victim") is not None:
            return True  # "a pupil at St Mary's": the detail names its owner
        subject = _SUBJECT.match(text, lo)
        if (
            subject is not None
            and self._defendant(reading, subject.group())
            and not any(a.group("victim") for a in anchors.finditer(text, lo, start))
        ):
            return False  # "Scully, whose twin brother sat in the gallery, messaged the girl"
        owner, victim = None, False
        for a in anchors.finditer(text, lo, start):
            if a.group("person") is not None and self.pseudonymous(reading, *a.span("person")):
                owner, victim = a, True  # "Maya (not her real name) was in Year 8 at ..."
                continue
            if a.group("person") is not None and not self._person(reading, a, lo):
                continue
            if business and a.group("other") is not None and _PRONOUN.fullmatch(a.group()):
                continue
            if a.group("appositive") is not None and not self.is_name(
                reading, *a.span("appositive")
            ):
                owner, victim = a, True  # "Speaking on Monday, the girl's father": the girl's
                continue
            owner, victim = a, a.group("victim") is not None
        if owner is None:
            for a in anchors.finditer(text, end, min(hi, end + _AFTER)):
                if a.group("person") is not None and not self._person(reading, a, lo):
                    continue
                owner, victim = a, a.group("victim") is not None
                break
        if owner is None or not victim:
            return False
        if business:
            return True
        between = text[owner.end() : start] if owner.end() <= start else ""
        return not (
            self.pats.child_offence_verb.search(between) and not self._residence.search(between)
        )  # "the girl was assaulted at a bus stop in the village of X": where, not who

    @cached_property
    def _her_owns(self) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
        """A detail owned by a pronoun only (round 13): "her" before it, with at most
        three words for what she has and a comma or a preposition between ("her school, ",
        "her home in ", "her Year 9 class at ", "her flat on the third floor of "; no other
        preposition among them, so "abused her at a flat in" is where, not whose); "she"
        doing there what one does at home, school or a club, before it ("She lived on ",
        "she sings in the junior choir at "), or "she" and a plain "to be" just before it
        (round 14: "she was in Year 8 at", "she was one of triplets"); or "where she
        lives" in or after it."""
        function = (
            r"(?:in|at|on|to|for|with|from|by|into|outside|near|and|or|as|the|a|an|when"
            r"|while|after|before|because|was|is|had|has)"
        )
        belongs = self.words.pattern("her_belongings")
        being = self.words.pattern("her_being")
        return (
            patterns.compile(
                rf"\b(?P<p>[Hh]er)[ \t]+(?:(?!{function}\b)[\p{{L}}\d-]+[ \t]+){{0,2}}?"
                rf"(?!{function}\b)[\p{{L}}\d-]+"
                r"(?:[ \t]+on[ \t]+the[ \t]+[\p{L}\d-]+[ \t]+floor)?"
                r"\s*(?:,|\b(?:in|at|on|of)\b)\s*(?:the\s+)?$"
            ),
            patterns.compile(
                rf"\b(?P<p>[Ss]he)\s+(?:(?:{belongs})\b(?:[ \t]+[\p{{Ll}}\d-]+){{0,4}}?"
                rf"[ \t]+(?:in|at|on|for)\s+(?:the\s+)?|(?:{being})[ \t]+)$"
            ),
            patterns.compile(rf"\b(?:where|which|that)\s+(?P<p>she)\s+(?:{belongs})\b"),
        )

    def _where_she(self, text: str, end: int) -> bool:
        """Whether "where she lives" (``_her_owns``) follows a detail: a place said to be
        someone's home, school or club is near its kind's words ("the Heatherside estate
        where she lived")."""
        return (
            self._her_owns[2].match(text, end + 1 if text[end : end + 1] == " " else end)
            is not None
        )

    def _hers(self, reading: Reading, lo: int, start: int, end: int) -> bool:
        """Whether the detail at ``start``-``end`` is owned by "her" or "she" and the
        pronoun stands for the report's victim across the draft (``her_is_victim``)."""
        before, doing, after = self._her_owns
        text = reading.text
        hi = reading.sentence(start)[1]
        m = (
            before.search(text, max(lo, start - 50), start)
            or doing.search(text, max(lo, start - 60), start)
            or after.search(text, start, min(hi, end + _WHERE_SHE))
        )
        return m is not None and her_is_victim(self, reading, m.start("p"))

    @cached_property
    def _residence(self) -> regex.Pattern[str]:
        """Words that make a detail after an offence the victim's own ("abused a boy from
        the Brookfield estate"), not where it happened."""
        return patterns.compile(self.words.pattern("residence"))

    def _person(self, reading: Reading, a: regex.Match[str], lo: int) -> bool:
        """A capitalised run that names a person (not the sentence's first word, a
        body or a place): someone other than the victim, who is never named lawfully."""
        start, end = a.span("person")
        if start == lo or " " not in reading.text[start:end].strip():
            return False
        return self.is_name(reading, start, end)

    def _name_goes_on(self, text: str, m: regex.Match[str]) -> int:
        """Where a detail that ends in a capitalised name ends, when the name goes on in a
        capitalised word of ``modifies`` ("attends Hadley Green Primary School": a
        longer name than a phrase's ``{Name}`` takes, not a name that modifies a school);
        else the match's end."""
        if not m.group()[-1:].isalpha() or not m.group().split()[-1][:1].isupper():
            return m.end()
        more = self._modifier.match(text, m.end())
        if more is None or not more.group().lstrip()[:1].isupper():
            return m.end()
        return more.end()

    @cached_property
    def _modifier(self) -> regex.Pattern[str]:
        return patterns.compile(rf"[ \t]+{self.words.pattern('modifies')}")

    @cached_property
    def _offence_place(self) -> regex.Pattern[str]:
        return patterns.compile(
            rf"{self.words.pattern('offence_place')}(?:\s+(?:on|in|at|of))?\s*(?:the\s+)?$"
        )

    @cached_property
    def _relative(self) -> regex.Pattern[str]:
        """A victim's or child's relative given a full name: "the girl's mother, Jane
        Smith", or "Nicola Shenton, the girl's mother," (a caption's order)."""
        w = self.words
        kin = (
            rf"{w.pattern('victim_anchor')}['’]s[ \t]+"
            rf"(?:{w.pattern('caption_family')}|{w.pattern('adult_kin')})"
        )
        return patterns.lazy(
            rf"{kin}\s*,\s*(?P<name>{NAME_WORD}[ \t]+{NAME_WORD})\b"
            rf"|(?P<name>{NAME_WORD}[ \t]+{NAME_WORD})\s*,\s*(?:the[ \t]+)?{kin}\b"
        )

    def _relatives(self, reading: Reading) -> Iterator[Hit]:
        """The victim's family named: they share a surname and a home with the victim.
        Silent where the copy says someone died (a dead victim's family may speak)."""
        if not reading.lacks(self.pats.deceased) and self.pats.deceased.search(reading.text):
            return
        for m in self._matches(reading, self._relative):
            start, end = m.span("name")
            # an accused relative ("the girl's father, Mark Doyle, abused her") is the
            # relationship rule's
            if self.is_name(reading, start, end) and not self.predicate(reading, end):
                yield self.hit(start, end, m.group("name"), "named relative")

    def _captions(self, reading: Reading, doc: Document) -> Iterator[Hit]:
        marker, family = self._caption
        text = reading.text
        named: set[tuple[int, int]] | None = None  # named-victim's names, when needed
        kids = self.named_children(reading)
        children_order = {c: i for i, c in reversed(list(enumerate(kids)))}  # first found
        children = sorted(kids)
        starts = [c[0] for c in children]
        for block in doc.blocks:
            # from its line's start: a caption set in emphasis ("*Caption: ...*") has its
            # block open after the mark, where "^" cannot match
            found = marker.search(text, text.rfind("\n", 0, block.start) + 1, block.end)
            begin = found.end() if found is not None else block.start
            if block.end - block.start > 300 or (
                found is None and not _emphasised(doc, block.start, block.end)
            ):
                continue
            if named is None:
                named = {(v.start, v.end) for v in self.victim_names(reading)}
            inside = children[
                bisect.bisect_left(starts, block.start) : bisect.bisect_left(starts, block.end)
            ]
            if any(c[:2] in named for c in inside):
                continue
            if inside and found is not None:
                first = min(inside, key=children_order.__getitem__)
                yield self.hit(first[0], first[1], text[first[0] : first[1]], "photo caption")
                continue
            if not family.search(text, block.start, block.end):
                continue
            rejected = -1  # the end of a capitalised run that is not a private name
            for m in _NAME_START.finditer(text, begin, block.end):
                if m.span() in named:
                    break
                if (rejected >= 0 and not text[rejected : m.start()].strip()) or not self.is_name(
                    reading, m.start(), m.end()
                ):
                    rejected = m.end()  # "Detective Constable Ian Routledge": one run
                    continue
                name = m.group()
                if (
                    self._defendant(reading, name)
                    or self.professional(reading, name)
                    or self.pats.charged_after.match(text, m.end())
                ):
                    rejected = m.end()  # "Pictured: Mark Doyle, 41, who was jailed"
                    continue
                yield self.hit(m.start(), m.end(), name, "photo caption")
                break


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Jigsaw:
    return build_rule(Jigsaw, meta, data, src)
