"""relationship: in a report of a sexual offence against a child, words that show how the
accused adult is related to the child ("his stepdaughter", "the girl's father, John
Smith", "abused by her uncle", "a pupil at the school where he taught", "incest").

The Editors' Code lets the adult be named but not the tie: naming the defendant and
saying "his niece" names the niece to everyone who knows him. The rule runs only on a
report of a specific case (a sexual offence, a child and criminal proceedings), so
policy papers that discuss abuse within families in general stay silent. A parent who
acts in the story ("the girl's mother said", "her father called police") is not the
accused and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.rules.anonymity_common import (
    CONTEXT,
    DEFAULT_FIX,
    KEYS,
    NAME,
    AnonymityRule,
    Reading,
    build_rule,
    heading,
)
from lint.rules.contract import Hit, RuleMeta, Source

__all__ = ["CONTEXT", "DEFAULT_FIX", "KEYS", "build"]

#: A preposition before the relative: it is an object in its clause, not the accused.
_OBJECT = patterns.compile(r"\b(?:with|to|of|for|from|at|and|visiting|near|about)\s+$")
#: An adult's age after a relative ("Doyle's daughter, 25,", "His step-grandson, now 25,"):
#: not the child.
_ADULT_AGE = patterns.compile(r"\s*,\s*(?:now\s+)?(?:aged\s+)?(?:1[89]|[2-9]\d)\b")
#: The accused named just before the relative, in apposition ("Doyle, her stepfather at
#: the time, abused her").
_NAMED_BEFORE = patterns.compile(rf"(?P<name>{NAME})\s*,\s*(?:who\s+(?:is|was)\s+)?$")
#: The accused, by "he" or name, said to be what follows: in apposition ("Doyle, who is
#: ...") or as a predicate ("Doyle was ...").
_ACCUSED_IS = (
    rf"(?:\b(?P<he>[Hh]e)|(?P<name>{NAME}))(?:\s*,\s*(?:who\s+(?:is|was)\s+)?"
    r"|\s+(?:is|was|had\s+been|became)\s+)"
)
#: The name that opens a sentence, before its verb ("Doyle was abused by his own uncle").
_SUBJECT_NAME = patterns.compile(rf"(?P<name>{NAME})\s+(?:was|had\s+been|had\s+himself\s+been)\b")
#: "as the boy's grandfather." : the accused acting as the relative (the clause ends there).
_AS = patterns.compile(r"(?<!\bsuch\s)(?<!\bwell\s)(?<!\bsame\s)\bas\s+$")
_CLAUSE_END = patterns.compile(r"\s*[,.;:!?]")
#: Someone's age ("a 43-year-old man", "aged 12"): a particular person.
#: An age after a name, passed over ("Carl Moss, 45, said"); matches nothing when none.
_AGE_SKIP = patterns.compile(r"(?:\s*,\s*(?:aged\s+)?\d{1,3}\s*(?=,))?\s*,?")
#: "not" just before a tie: the copy says there is none.
_NEGATED = patterns.compile(r"\b(?:not|never|no)\s+(?:\p{Ll}+\s+)?$")
#: "or" just after a tie: one of a list of kinds ("a relative or a coach").
_CHOICE = patterns.compile(r"[ \t]*,?[ \t]+or\b")
#: A child's age after a name ("Amy Doyle, 12,").
_CHILD_AGE_AFTER = patterns.compile(r"\s*,\s*(?:aged\s+)?(?:[1-9]|1[0-7])\b")
_AGED = patterns.compile(r"\b(?:\d{1,3}-year-old|aged\s+\d{1,3})\b|,\s*\d{1,3}\s*,")
#: "his daughter's friend", "her father's house": the relative owns what follows.
_POSSESSIVE = patterns.compile(r"['’]s?\b")
#: What follows a relative who is the subject of a clause ("her father contacted
#: police", "her father, who ..."): a word that is no preposition or article, or a
#: relative clause. An object or a complement is followed by "to", "and", "." or ",".
_SUBJECT_AFTER = patterns.compile(
    r"[ \t]+(?!(?:to|and|or|in|at|on|for|with|from|by|about|over|who|whom|whose|which|that"
    r"|of|the|a|an|as|when|while|after|before|during|until|because|if|since|between)\b)"
    r"\p{Ll}+\b|\s*[,–—]\s*who\b"
)  # "her father contacted police"; "her father, who ..." or "her father – who ...": his clause


class _Model(NamedTuple):
    """The words of the document model of the tie, compiled once per rule."""

    accused: regex.Pattern[str]  # "the man", "a 47-year-old man", "he was jailed"
    no_tie: regex.Pattern[str]  # "did not know him": a stated absence of a tie
    tie_agent: regex.Pattern[str]  # a tie told in a noun before the relative
    confided: regex.Pattern[str]  # "she told": the one a child turned to
    bystander: regex.Pattern[str]  # "his daughter, who stood by him"
    anchor: regex.Pattern[str]  # a child named before "his"
    associates: regex.Pattern[str]  # "a friend of his daughter's"


class _Law(NamedTuple):
    """The tie as the law defines it, compiled once per rule (``Relationship._law``)."""

    cared: regex.Pattern[str]  # "the girl his wife was paid to look after"
    placed: regex.Pattern[str]  # "placed in Mr Merrick's foster home"
    trusted: regex.Pattern[str]  # "the grandfather she could turn to"
    member: regex.Pattern[str]  # "a member of his own family"
    taught: regex.Pattern[str]  # "a pupil he taught"
    carer: regex.Pattern[str]  # "Ambrose, who had been fostering the boy"
    also: regex.Pattern[str]  # "who is also Lowther's mother"


def _headline(text: str, offset: int) -> bool:
    """Whether ``offset`` is in the report's headline: a heading line ("# ...") or the
    first line, when it does not end as a sentence does (not a list item in notes)."""
    line_start = text.rfind("\n", 0, offset) + 1
    first = not text[:line_start].strip()
    return heading(text, offset) and (text.startswith("#", line_start) or first)


def _past_age(text: str, offset: int) -> int:
    """Where the text goes on after an age and a comma at ``offset`` (or ``offset``)."""
    m = _AGE_SKIP.match(text, offset)
    return offset if m is None else m.end()


@dataclass(frozen=True)
class Relationship(AnonymityRule):
    @cached_property
    def _own(self) -> tuple[regex.Pattern[str], ...]:
        w = self.words
        c = patterns.lazy  # compiled when first used; their needles are read at load
        qualifier = rf"(?:{w.pattern('kin_qualifiers')}[ \t]+|then-|ex-)?"  # "his little cousin"
        accused = (
            rf"(?:(?:[Hh]is|[Hh]er|[Tt]heir)(?:[ \t]+(?:{w.pattern('adult_kin')})['’]s)?"
            rf"|(?:[Tt]he[ \t]+)?{w.pattern('accused')}['’]s|{NAME}['’]s)"
        )  # "his niece"; "his brother's daughter": a child of the accused's family
        return (
            c(w.pattern("tie_words")),
            c(w.pattern("trust_ties")),
            c(rf"{accused}[ \t]+{qualifier}{w.pattern('child_kin')}"),
            c(
                rf"(?P<child>(?:[Tt]he[ \t]+)?(?:{w.pattern('victim_anchor')}['’]s"
                rf"|{w.pattern('children_owners')})"
                rf"|[Hh]er|[Hh]is|[Tt]heir|[Mm]y)[ \t]+{qualifier}"
                rf"(?:(?:{w.pattern('kin_links')})['’]s[ \t]+)?"  # "her mother's brother"
                rf"(?:{w.pattern('adult_kin')}|{w.pattern('trust_roles')})"
            ),
            c(rf"\s+(?:(?:has|had|then|later|first|also)\s+)?{w.pattern('kin_speaking')}"),
            c(rf"\s*,\s*(?P<name>{NAME})"),
            c(
                rf"(?:\s*,)?\s+(?:who\s+)?(?:(?:was|is|had|has)\s+(?:been\s+)?)?"
                rf"(?:{w.pattern('offence_adverbs')}\s+)*(?:(?:{w.pattern('offence_onsets')})\s+)?"
                rf"(?:{w.pattern('proceedings')}|{w.pattern('active_offence')}"
                rf"|{w.pattern('kin_did')})"
            ),  # "her uncle abused her", "her uncle began abusing her", "Her own dad did
            # this to her"
            c(r"(?:\bby|\bwho\s+(?:is|was)(?:\s+then|\s+at\s+the\s+time)?|\bagainst)\s+$"),
            c(rf"(?:\b(?P<he>[Hh]e)|(?P<name>{NAME}))\s+(?:is|was|had\s+been|became)\s+$"),
            c(
                rf"\b{w.pattern('partner_of')}\s+(?:(?:[Hh]er|[Tt]heir)"
                rf"|(?:[Tt]he[ \t]+)?{w.pattern('victim_anchor')}['’]s)"
                rf"\s+{w.pattern('partner_targets')}"
            ),  # "after Orton moved in with her mother": the mother's partner ("his
            # mother" may be his own)
            c(
                rf"(?<=(?:\bwho\s+(?:was|is|were)|{w.pattern('victim_anchor')})\s+)"
                rf"in\s+(?:one\s+of\s+)?his\s+(?:[\p{{L}}\d-]+\s+)?"
                rf"{w.pattern('taught_groups')}\b"
                rf"|\b(?:she|he)\s+{w.pattern('joined_group')}\s+his\s+(?:[\p{{L}}\d-]+\s+){{0,2}}?"
                rf"{w.pattern('taught_groups')}\b"
            ),  # "the girl, who was in one of his GCSE classes": his pupil, said of her;
            # "after she joined his Year 11 form group"
            c(rf"{w.pattern('support_verbs')}(?:\s+\p{{Ll}}+)?\s+by\s+$"),
        )

    @cached_property
    def _law(self) -> _Law:
        """The tie as the law defines it (s.27 and ss.21-22 Sexual Offences Act 2003,
        Editors' Code cl.7; the classes are in the register): a care clause that links the
        accused or his household to the child, a placement in his home, a relative the
        child trusted, a phrase of family membership, one person who is also the
        accused's relative."""
        w = self.words
        c = patterns.lazy
        kin = rf"(?:{w.pattern('adult_kin')}|{w.pattern('child_kin')}|{w.pattern('parents')})"
        modals = rf"(?:(?:{w.pattern('care_modals')})\s+){{0,2}}"
        owner = rf"(?:his|[Tt]he\s+defendant['’]s|(?P<name>{NAME})['’]s)"
        return _Law(
            cared=c(
                rf"\b(?:{w.pattern('cared_children')})\s+(?:(?:who|whom|that)\s+)?"
                rf"(?:{w.pattern('household_carers')})\s+{modals}(?:{w.pattern('care_verbs')})\b"
            ),
            placed=c(
                rf"\bplaced\s+(?:in|into|with)\s+{owner}\s+(?:{w.pattern('care_settings')})\b"
                rf"|\b{owner}\s+foster\s+(?:home|placement|family|household)\b"
            ),
            trusted=c(
                rf"\b(?:the|a)\s+(?P<kin>{w.pattern('adult_kin')})\s+(?:(?:who|whom|that)\s+)?"
                rf"(?:she|he|the\s+girl|the\s+boy|the\s+child)\s+(?:{w.pattern('kin_trusted')})\b"
            ),
            member=c(w.pattern("family_membership")),
            taught=c(
                rf"\b(?:[Aa]|[Tt]he)\s+(?:{w.pattern('taught_children')})\s+"
                rf"(?:(?:who|whom|that)\s+)?he\s+(?:{w.pattern('taught_verbs')})\b"
            ),
            carer=c(
                rf"\bwho\s+(?:(?:had|has)\s+been\s+|was\s+|had\s+)?"
                rf"(?:{w.pattern('carer_verbs')})\s+(?:the|a)\s+(?:{w.pattern('taught_children')})\b(?!['’])"
            ),
            also=c(
                rf"\b(?:{w.pattern('also_link')})\s+(?:(?P<name>{NAME})|the\s+defendant"
                rf"|the\s+accused)['’]s\s+{kin}\b"
            ),
        )

    @cached_property
    def _withheld(self) -> regex.Pattern[str]:
        """A tie withheld ("not reporting how he was related to the girl"): no tie told."""
        return patterns.compile(self.words.pattern("tie_withheld"))

    @cached_property
    def _anonymised(self) -> regex.Pattern[str]:
        """The accused known only by the initials a court gives them ("the respondent, JB",
        "the accused, AB"), which courts do to protect the child."""
        roles = self.words.pattern("anonymised_accused")
        return patterns.compile(
            rf"\b[Tt]he[ \t]+(?:{roles})[ \t]*,?[ \t]+\p{{Lu}}{{1,3}}\b(?![\p{{Ll}}'’.])"
        )

    def _withheld_after(self, reading: Reading, end: int) -> bool:
        """A tie withheld in the words after it, in its sentence ("how Doyle is related
        to the girl must not be reported")."""
        hi = min(reading.sentence(end - 1)[1], end + 30)
        return self._withheld.search(reading.text, end, hi) is not None

    @cached_property
    def _forms(self) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
        """Round 11: the tie in a headline's words ("Uncle jailed for abusing niece",
        "Stepfather who abused girl jailed"; round 12: the verb first, "Grandad who abused
        granddaughter jailed", "Teacher jailed for abusing pupil") and the accused as "the
        uncle of the girl"."""
        w = self.words
        c = patterns.lazy
        qualifier = rf"(?:(?:{w.pattern('kin_qualifiers')})[ \t]+)?"
        return (
            c(
                rf"(?:{w.pattern('headline_offences')})\s+(?:his\s+)?{qualifier}"
                rf"(?P<tie>{w.pattern('child_kin')}|{w.pattern('headline_wards')})(?!['’])"
            ),
            c(
                rf"(?P<tie>{w.pattern('headline_accused')})\s+(?:who\s+)?"
                rf"(?:{w.pattern('headline_verbs')})\b"
            ),
            c(
                rf"{_ACCUSED_IS}(?P<tie>(?:the|an?)\s+"
                rf"(?P<kin>{w.pattern('adult_kin')})\s+of\s+(?:the\s+)?"
                rf"(?:{w.pattern('victim_anchor')}))\b"
            ),
        )

    @cached_property
    def _readings(self) -> tuple[regex.Pattern[str], ...]:
        """Round 12, readings of a tie the words alone do not give: a headline's passive
        ("Girl abused by uncle"), the accused as a role of trust at the child's own
        school, club or church ("Doyle, a teacher at her school,"), and a relative of the
        child who says the tie in a quote ("My son abused my granddaughter") or in reported
        speech ("her former partner had abused her son"); a role of trust or a family tie
        told as a clause after the accused's name ("Doyle, who coached her"; "Doyle, the
        family's lodger,")."""
        w = self.words
        c = patterns.lazy
        qualifier = rf"(?:(?:{w.pattern('kin_qualifiers')})[ \t]+)?"
        anchor = rf"(?:her|(?:the\s+)?(?:{w.pattern('victim_anchor')})['’]s)"
        return (
            c(
                rf"(?:{w.pattern('passive_offence')})\s+by\s+(?:(?:his|her)\s+)?{qualifier}"
                rf"(?P<tie>{w.pattern('adult_kin')})(?!['’])"
            ),
            c(
                rf"{_ACCUSED_IS}(?P<tie>(?:the|an?|{anchor})\s+"
                rf"{qualifier}(?:{w.pattern('trust_roles')})\s+(?:at|of|in)\s+{anchor}\s+"
                rf"(?:[\p{{Ll}}-]+\s+){{0,2}}?(?:{w.pattern('trust_settings')}))\b"
            ),
            c(
                rf"\b(?P<owner>[Mm]y|[Hh]er)\s+{qualifier}(?P<tie>{w.pattern('quoted_kin')})\s+"
                rf"(?:(?:had|has|have)\s+)?(?:(?:{w.pattern('offence_adverbs')})\s+)*"
                rf"(?:{w.pattern('active_offence')})\s+(?:my|our|her)\s+{qualifier}"
                rf"(?:{w.pattern('child_kin')})\b"
            ),
            c(w.pattern("trust_clauses")),
            c(w.pattern("tie_clauses")),
        )

    def _reading_ties(self, reading: Reading) -> Iterator[Hit]:
        """The ties of ``_readings`` in a report with an accused: the headline's passive in
        the headline, the role said of the accused (by "he" or name), the relative's
        words ("my" in a quote, "her" anywhere)."""
        if not self._tied_case(reading):
            return
        text = reading.text
        passive, role, quoted, *clauses = self._readings
        for m in self._matches(reading, passive):
            if _headline(text, m.start()):
                yield self.hit(m.start("tie"), m.end("tie"), m.group("tie"), self.note("adult"))
        for m in self._matches(reading, role):
            if self._is_accused(reading, m):
                yield self.hit(m.start("tie"), m.end("tie"), m.group("tie"), self.note("trust"))
        for m in self._matches(reading, quoted):
            if m.group("owner").lower() == "her" or reading.in_quote(m.start()):
                yield self.hit(m.start(), m.end(), m.group(), self.note("adult"))
        for pattern, note in zip(clauses, ("trust", "tie"), strict=True):
            for m in self._matches(reading, pattern):
                if self._accused_before(reading, m.start()):
                    yield self.hit(m.start(), m.end(), m.group(), self.note(note))

    def _accused_before(self, reading: Reading, offset: int) -> bool:
        """Whether the accused is told in the sentence before ``offset``: by the name the
        report gives him, or (round 13) by his role ("The defendant was the family friend
        who babysat her", in a prosecutor's words paragraphs after his name)."""
        lo = reading.sentence(offset)[0]
        return self.accused_named(reading, lo, offset) or (
            self._accused_role.match(reading.text, lo, offset) is not None
        )

    @cached_property
    def _accused_role(self) -> regex.Pattern[str]:
        """The accused by his role, as the subject his sentence opens with ("The
        defendant was ...", not "The defendant's mother, who babysat her grandchildren")."""
        return patterns.compile(
            rf"\W*[Tt]he\s+(?:{self.words.pattern('accused')})\s+(?:was|is|had\s+been|became)\b"
        )

    def _is_accused(self, reading: Reading, m: regex.Match[str]) -> bool:
        """Whether ``_ACCUSED_IS`` in ``m`` is "he" or the defendant's name."""
        name = m.group("name")
        return bool(m.group("he")) or (name is not None and self._defendant(reading, name))

    def _form_ties(self, reading: Reading) -> Iterator[Hit]:
        """The ties of ``_forms`` in a report with an accused: a headline's own words, and
        the accused (by "he" or name) said to be a male relative "of the girl"."""
        if not self._tied_case(reading):
            return
        text = reading.text
        offences, accused, predicate = self._forms
        for pattern in (offences, accused):
            for m in self._matches(reading, pattern):
                if _headline(text, m.start()):
                    yield self.hit(m.start("tie"), m.end("tie"), m.group("tie"), self.note("tie"))
        female = self.words.words("female_kin")
        for m in self._matches(reading, predicate):
            if m.group("kin").split()[-1].lower() not in female and self._is_accused(reading, m):
                yield self.hit(m.start("tie"), m.end("tie"), m.group("tie"), self.note("adult"))

    def _law_ties(self, reading: Reading) -> Iterator[Hit]:
        """The ties of ``_law`` in a report with an accused, each told of one case."""
        if not self._tied_case(reading):
            return
        law = self._law
        text = reading.text
        female = self.words.words("female_kin")
        for m in self._matches(reading, law.cared):
            if self._particular(reading, m.start()) or _headline(text, m.start()):
                yield self.hit(m.start(), m.end(), m.group(), self.note("care"))
        for pattern in (law.placed, law.also):
            for m in self._matches(reading, pattern):
                name = m.group("name")
                if name is None or self._defendant(reading, name):
                    yield self.hit(m.start(), m.end(), m.group(), self.note("care"))
        for m in self._matches(reading, law.trusted):
            if m.group("kin").split()[-1].lower() not in female:
                yield self.hit(m.start(), m.end(), m.group(), self.note("adult"))
        for m in self._matches(reading, law.taught):  # round 13: "a pupil he taught"
            if not _NEGATED.search(text, max(0, m.start() - 20), m.start()):
                yield self.hit(m.start(), m.end(), m.group(), self.note("trust"))
        for m in self._matches(reading, law.carer):  # "Ambrose, who had been fostering the boy"
            if self._accused_before(reading, m.start()):
                yield self.hit(m.start(), m.end(), m.group(), self.note("care"))
        for m in self._matches(reading, law.member):
            if not (
                _NEGATED.search(text, max(0, m.start() - 20), m.start())
                or _CHOICE.match(text, m.end())
            ) and self._particular(reading, m.start()):
                yield self.hit(m.start(), m.end(), m.group(), self.note("tie"))

    @cached_property
    def _abused_by(self) -> regex.Pattern[str]:
        w = self.words
        return patterns.compile(
            rf"(?:{w.pattern('passive_offence')}|{w.pattern('active_offence')})"
            r"(?:\s+[\p{Ll}\d-]+){0,4}?\s+by\s+$"
        )

    @cached_property
    def _young(self) -> regex.Pattern[str]:
        """A child's age after a relative ("his brother's daughter, then aged eight,")."""
        words = self.words.pattern("child_age_words")
        return patterns.compile(
            rf"\s*,\s*(?:then\s+|now\s+)?(?:aged\s+)?(?:[1-9]|1[0-7]|{words})\s*,"
        )

    @cached_property
    def _coerced(self) -> regex.Pattern[str]:
        return patterns.compile(
            rf"\s+(?:(?:had|has|then|later|also|repeatedly)\s+)*{self.words.pattern('coercion')}"
        )

    @cached_property
    def _someone(self) -> regex.Pattern[str]:
        return patterns.compile(self.words.pattern("particular_people"))

    def _particular(self, reading: Reading, offset: int) -> bool:
        """Whether the sentence at ``offset``, or the one before it in its paragraph, tells
        of a particular person ("he", "the girl", "a 43-year-old man", the accused by name):
        a tie word in a list of offence categories or a team's remit names no one's relative."""
        text = reading.text
        lo, hi = reading.sentence(offset)
        prev = reading.previous_sentence(offset)
        if prev is not None and "\n" not in text[prev[1] : lo]:
            lo = prev[0]
        return bool(
            self._someone.search(text, lo, hi)
            or _AGED.search(text, lo, hi)
            or self.accused_named(reading, lo, hi)
        )

    @cached_property
    def _parents(self) -> regex.Pattern[str]:
        return patterns.compile(self.words.pattern("parents"))

    @cached_property
    def _trust(self) -> regex.Pattern[str]:
        return patterns.compile(self.words.pattern("trust_roles"))

    @cached_property
    def _model(self) -> _Model:
        """The document model's words (``_tied_case``, ``_kin_of_accused``,
        ``_relative_accused``, ``_accused``)."""
        w = self.words
        return _Model(
            accused=patterns.compile(
                rf"\b(?:[Tt]he|[Aa])\s+(?:\d{{1,3}}-year-old\s+)?(?:{w.pattern('accused')})"
                rf"|\b[Hh]e\s+(?:(?:was|is|has\s+been|had\s+been)\s+)?"
                rf"(?:{w.pattern('defendant_verbs')})"
            ),
            no_tie=patterns.compile(w.pattern("no_tie")),
            tie_agent=patterns.compile(rf"\b(?:{w.pattern('tie_agent')})\s+$"),
            confided=patterns.compile(rf"\b(?:{w.pattern('confided_to')})\s+$"),
            bystander=self.pats.bystander,
            anchor=patterns.compile(w.pattern("victim_anchor")),
            associates=patterns.compile(rf"\b(?:{w.pattern('kin_associates')})\s+of\s+$"),
        )

    def _tied_case(self, reading: Reading) -> bool:
        """Whether the report has an accused (a named defendant, "the man", "he was
        jailed") and does not say the child did not know him: then a relative of the
        child, or a child of the accused's family, anywhere in it may be the tie (decided
        once per report)."""
        model = self._model
        return reading.holds(
            "relationship case",
            lambda: (
                not model.no_tie.search(reading.text)
                and bool(self.accused_words(reading) or model.accused.search(reading.text))
            ),
        )

    def _kin_of_accused(self, reading: Reading, m: regex.Match[str]) -> bool:
        """A child of the accused's family ("offences ... against his stepdaughter", "She
        is his granddaughter.") in a report with an accused, away from an offence word:
        not with a preposition before ("lived with his daughter"), not owning what
        follows ("a friend of his daughter's"), not a bystander ("his son sat in the
        public gallery"), not "her" or "their" (the accused is "he")."""
        model = self._model
        text = reading.text
        owner = m.group().split()[0].lower()
        if owner in ("her", "their") or not self._tied_case(reading):
            return False
        if (
            owner.endswith(("'s", "’s"))
            and owner not in ("defendant's", "defendant’s")
            and not self._defendant(reading, m.group().split()[0][:-2])
        ):
            return False  # "Amy's sister": someone else's relative
        lo, _ = reading.sentence(m.start())
        return not (
            _OBJECT.search(text, lo, m.start())
            or model.confided.search(text, max(lo, m.start() - 30), m.start())
            or _POSSESSIVE.match(text, m.end())
            or model.bystander.match(text, m.end())
        )

    @cached_property
    def _caring(self) -> regex.Pattern[str]:
        return patterns.compile(rf"\b(?:{self.words.pattern('carer_verbs')})\s+$")

    def _cared_kin(self, reading: Reading, m: regex.Match[str]) -> bool:
        """A child of the accused's family in his care, he named before it (round 13:
        "while Gilchrist was looking after his granddaughter"): ``_kin_of_accused`` passes
        over a relative after "looked after" (the one who cared for the child), but here the
        accused is the carer and the child is his relative."""
        return (
            m.group().split()[0].lower() == "his"
            and self._caring.search(reading.text, max(0, m.start() - 30), m.start()) is not None
            and self._tied_case(reading)
            and self._accused_before(reading, m.start())
        )

    def _relative_accused(self, reading: Reading, m: regex.Match[str]) -> bool:
        """A male relative of the child ("the conduct of his uncle", "she wanted her father
        to understand", "My stepdad" in her statement) in a report with an accused: the
        tie, unless he is the subject of his own clause ("her father contacted police"),
        the one she turned to ("she told her father"), or owns what follows ("her
        father's house"). "his" must follow the child in its sentence ("the boy ...
        his uncle"), and "my" must be quoted (``_accused`` has already passed over a
        female relative: the accused is a man)."""
        model = self._model
        text = reading.text
        owner = m.group("child").strip().lower()
        if owner == "their" or self._trust.search(m.group()) or not self._tied_case(reading):
            return False
        lo, _ = reading.sentence(m.start())
        if owner == "my" and not reading.in_quote(m.start()):
            return False
        if owner == "his" and not model.anchor.search(text, lo, m.start()):
            return False  # "his father" after no child: perhaps the accused's own father
        return not (
            model.confided.search(text, max(lo, m.start() - 30), m.start())
            or _POSSESSIVE.match(text, m.end())
            or _SUBJECT_AFTER.match(text, m.end())
        )

    def scanned(self) -> tuple[regex.Pattern[str], ...]:
        return (
            *super().scanned(),
            *self._own[:4],
            *self._own[9:11],
            *self._law,
            *self._forms,
            *self._readings,
        )

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        reading = self.reading(doc, facts)
        if not (reading.sexual and reading.child and reading.proceedings):
            return
        if self._anonymised.search(reading.text):
            return  # "the respondent, JB": the court anonymised the accused; a tie names no one
        ties = list(self._ties(reading))
        for more in (
            self._law_ties(reading),
            self._form_ties(reading),
            self._reading_ties(reading),
        ):
            ties += [
                h for h in more if not any(h.start < t.end and t.start < h.end for t in ties)
            ]  # a tie the older words found already is reported once
        for hit in ties:
            if not (reading.waiver and self.waived_near(reading, hit.start)):
                yield hit  # a tie beside a stated waiver is told of the one who waived

    def _ties(self, reading: Reading) -> Iterator[Hit]:
        ties, trust_ties, child_kin, adult_kin, *_, partner, taught, _ = self._own
        text = reading.text
        for m in self._matches(reading, partner):
            yield self.hit(m.start(), m.end(), m.group(), self.note("adult"))
        for m in self._matches(reading, taught):
            yield self.hit(m.start(), m.end(), m.group(), self.note("trust"))
        for m in self._matches(reading, ties):
            if self.pats.relation_before.search(text, max(0, m.start() - 30), m.start()):
                continue  # "His mother, who lived with him,": said of a relative, not the child
            if (
                _NEGATED.search(text, max(0, m.start() - 20), m.start())
                or _CHOICE.match(text, m.end())
                or self._withheld.search(text, max(0, m.start() - 50), m.start())
                or self._withheld_after(reading, m.end())
            ):
                continue  # "was not related to him"; "a family member or someone in a
                # position of trust"; "not reporting how he was related to her": no tie,
                # one of a list of kinds of abuser, or a tie withheld
            if self._particular(reading, m.start()) or (
                _headline(text, m.start()) and self._tied_case(reading)
            ):  # "incest" in the headline of a report with an accused
                yield self.hit(m.start(), m.end(), m.group(), self.note("tie"))
        for m in self._matches(reading, trust_ties):
            yield self.hit(m.start(), m.end(), m.group(), self.note("trust"))
        for m in self._matches(reading, child_kin):
            lo, hi = reading.sentence(m.start())
            if self._parents.search(text, lo, m.start()):
                continue  # "a mother ... her daughter": the parent's child, not the accused's
            if self._model.associates.search(text, max(lo, m.start() - 30), m.start()):
                continue  # "a friend of his daughter's": the friend is the one told of
            if (
                m.group().split()[0].lower() == "her"
                and self._model.confided.search(text, max(lo, m.start() - 30), m.start())
                and self._model.anchor.search(text, lo, m.start())
            ):
                continue  # "the girl had told her older cousin": the one she turned to
            if _ADULT_AGE.match(text, m.end()) or self._own[4].match(text, m.end()):
                continue  # "Doyle's daughter, 25, said": an adult relative, speaking
            named = self._own[5].match(text, m.end())
            if (
                named is not None
                and " " in named.group("name").strip()
                and self.is_name(reading, *named.span("name"))
                and not _CHILD_AGE_AFTER.match(text, named.end())
            ):
                continue  # "Heyes's cousin, Brian Heyes, who gave evidence for the defence":
                # a grown relative named in full, not the child
            if (
                self.pats.child_offence.search(text, lo, hi)
                or self._young.match(text, m.end())
                or self._kin_of_accused(reading, m)
                or self._cared_kin(reading, m)
            ):
                yield self.hit(m.start(), m.end(), m.group(), self.note("child"))
        for m in self._matches(reading, adult_kin):
            if self._accused(reading, m):
                role = self._trust.search(m.group()) is not None
                yield self.hit(
                    m.start(), m.end(), m.group(), self.note("trust" if role else "adult")
                )

    def _own_past(self, reading: Reading, m: regex.Match[str], lo: int) -> bool:
        """Whether "his" relative is told of the defendant as the subject of his own
        sentence ("Doyle was abused by his own uncle as a child"): his history."""
        if m.group("child").lower() != "his":
            return False
        s = _SUBJECT_NAME.match(reading.text, lo)
        return s is not None and self._defendant(reading, s.group("name"))

    def _named_accused(self, reading: Reading, m: regex.Match[str]) -> bool:
        """Whether the defendant is named beside the relative, after it ("at the home of
        her uncle, Hetherington,") or before it ("Doyle, who is the boy's aunt,"; "Doyle
        was the boy's aunt")."""
        text = reading.text
        if _POSSESSIVE.match(text, m.end()):
            return False  # "Doyle was her mother's friend": the relative owns what follows
        a = self._own[5].match(text, m.end())
        if a is not None and self._defendant(reading, a.group("name")):
            return True
        lo = reading.sentence(m.start())[0]
        b = _NAMED_BEFORE.search(text, lo, m.start()) or self._own[8].search(text[lo : m.start()])
        return (
            b is not None
            and b.group("name") is not None
            and self._defendant(reading, b.group("name"))
        )

    def _accused(self, reading: Reading, m: regex.Match[str]) -> bool:
        """Whether the relative is the accused: named in apposition, the agent of the
        offence ("by her stepfather"), or the subject of the charge or the abuse."""
        *_, speaking, apposed, charged, agent, subject, _, _, helped = self._own
        text = reading.text
        lo, _ = reading.sentence(m.start())
        if self._abused_by.search(text, max(lo, m.start() - 60), m.start()):
            if self._own_past(reading, m, lo):
                return False  # "Doyle was abused by his own uncle as a child": his history
            return self._tied_case(reading)  # "abused by her stepdad": the agent of the
            # abuse, whatever follows, in a report with an accused (not a survivor's story)
        if self._model.tie_agent.search(text, max(lo, m.start() - 40), m.start()):
            return self._tied_case(reading)  # "the conduct of his uncle": the agent, in a noun
        if self._coerced.match(text, m.end()):
            return True  # "her grandfather had warned her she would be taken away"
        if speaking.match(text, m.end()):
            return False
        a = apposed.match(text, m.end())
        if a is not None and speaking.match(text, _past_age(text, a.end())):
            return False  # "His brother, Carl Moss, 45, said": a relative speaking, even one
            # who shares the accused's surname
        if self._named_accused(reading, m):
            return True  # "Doyle, her stepfather at the time, abused her"; "Doyle, the
            # boy's aunt,": the defendant named beside the relative, a woman as well
        if m.group().split()[-1].lower() in self.words.words("female_kin"):
            return False  # "His mother, who lived with him, told officers": the accused is a man
        if helped.search(text, max(lo, m.start() - 40), m.start()):
            return False  # "supported throughout by her social worker": a helper
        if agent.search(text[lo : m.start()]):
            return True
        if _AS.search(text, max(lo, m.start() - 10), m.start()) and _CLAUSE_END.match(
            text, m.end()
        ):
            return True  # "when he looked after him at weekends as the boy's grandfather."
        s = subject.search(text[lo : m.start()])
        if s is not None and (s.group("he") or self._defendant(reading, s.group("name"))):
            return True  # "when Cole was the boy's mother's boyfriend": the accused is it
        if charged.match(text, m.end()) and not _OBJECT.search(text, lo, m.start()):
            return True
        if m.start() == lo and self.predicate(reading, m.end()):
            return True  # "Her stepfather, who cannot be named, was jailed"
        if _OBJECT.search(text, lo, m.start()):
            return False  # "who lived with his mother, was jailed": not the subject
        a = apposed.match(text, m.end())
        if a is not None and self.is_name(reading, *a.span("name")):
            if speaking.match(text, a.end()) or speaking.match(text, a.end() + 1):
                return False  # "the girl's mother, Jane Smith, said": a parent speaking
            # "her father, John Smith, abused her", not "... had raised concerns"
            return self.predicate(reading, a.end())
        if (
            m.group("child").lower() not in ("her", "his", "their", "my")
            and regex.search(r",\s*$", text[lo : m.start()])
            and self.pats.charge.search(text, lo, reading.sentence(m.start())[1])
        ):
            return True
        return self._relative_accused(reading, m)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Relationship:
    return build_rule(Relationship, meta, data, src)
