"""Speakers: the people a document names, and who says each quote.

Names are found in two ways. With a People register (``lint.registers.people``) every
listed form is known: full name, aliases, misspellings, "Mr Cleverly", "the Home
Secretary". Without one, or for people it does not list, a run of capitalised words is a
person's full name when the words left after its leading role words ("Home Secretary",
"Assistant Chief Constable") are two or three words that are not themselves the words of
titles and organisations; "Mr Cleverly" and "ACC Baldwin" are an honorific and a surname.
Later mentions are linked to the person first named: by surname, honorific and surname,
the title they were introduced with, or "he"/"she" for the last person named.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from lint import lexicon, patterns
from lint.document import Block, Document
from lint.names import Mention
from lint.quotes import Attribution, Quote, QuoteModel
from lint.registers.people import Person

#: Words of titles, ranks, organisations and places: not part of a person's name.
ROLE_WORDS = lexicon.words(
    "role_words",
    "person_nouns",
    "role_surnames",
    "role_first_names",
    "title_heads",
    "organisation_words",
    "places",
) | lexicon.parts("styles", "ranks", "rank_abbreviations")
#: Role words that are also surnames: the last word of a name ("Adam Bishop").
ROLE_SURNAMES = lexicon.words("role_surnames")
#: Role words that are also first names, when a surname follows ("Bill McWilliam").
ROLE_FIRST_NAMES = lexicon.words("role_first_names")
#: Role words in lower case, as news copy writes a role before a name
#: ("prosecutor Jane Doe", "chief executive Martin Hope", "head of investigations …").
_ROLE_WORDS_LOWER = frozenset(w.lower() for w in ROLE_WORDS if not w.isupper())
#: Honorifics and ranks that, before a surname, make a second reference.
HONORIFICS = lexicon.words("honorifics", "styles") | lexicon.single_words(
    "ranks", "rank_abbreviations"
)
#: Words that start a sentence or a run but are neither name nor title.
_SKIP = lexicon.words("sentence_openers", "days", "months")
_NAME_WORD = r"(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?:['’]s)?|\p{Lu}{2,5}"
#: Lower-case particles a name runs on across ("Rachel de Souza", "Johan van der Berg").
_PARTICLES = lexicon.alternation("name_particles")
_RUN = patterns.compile(
    rf"(?<![\p{{L}}\p{{N}}'’-])(?:{_NAME_WORD})"
    rf"(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}(?:{_NAME_WORD}))*"
)
_PRONOUN = patterns.compile(r"^\s*(?:he|she)\b", regex.IGNORECASE)
#: A sentence whose subject is "He"/"She", up to the end of the text searched.
_PRONOUN_SUBJECT = patterns.compile(r"(?:^|[.!?][\"”’]?\s+|\n)(?P<p>He|She)\s[^.!?\n]*$")
#: Honorifics proper ("Mr", "Dr"): a capitalised word before one is not of the name
#: ("After Mr Roddick vowed …").
_PLAIN_HONORIFICS = lexicon.words("honorifics")
#: A judge's style is their name in full before a surname ("Lord Justice McCloskey").
JUDICIAL_TITLES = lexicon.words("judicial_titles")
#: A person described, not named ("A mother who turned to the charity …"), whom a later
#: "she said" refers to when no one has been named before it.
_DESCRIBED = patterns.lazy(
    rf"\b(?i:a|an|the|one|this)[ \t]+(?:[\p{{Ll}}-]+[ \t]+){{0,2}}"
    rf"(?:{lexicon.alternation('described_people')})\b"
)
#: Before a run that is part of a body's name or a title, not a person's: "of the",
#: "for", "the", and "for Children and" ("Commissioner for Children and Young People").
_ORG_BEFORE = patterns.compile(
    r"(?:\b(?:of|for)\s+(?:the\s+)?(?:(?:(?-i:\p{Lu})[\p{L}'’-]*,?\s+){1,3}(?:and|&)\s+)?"
    r"|\bthe\s+)$",
    regex.IGNORECASE,
)
_ORG_AFTER = patterns.compile(r"\s+(?:of|for)\s+(?:the\s+)?\p{Lu}")
_APPOSITIVE_AFTER = patterns.compile(
    r"(?:[ \t]+\p{Lu}{2,5})*\s*(?:\(|,\s*(?!who\b|which\b|whose\b|speaking\b)"
    rf"[^,.;:!?]{{3,160}}?(?:,|\s+(?:{lexicon.alternation('speech_verbs')})\b)"
    # … or a noun phrase to the end of the sentence: "Maggie Oliver, one of the women
    # who blew the whistle."
    r"|,\s*(?:one\s+of|a|an|the|its|their|his|her)\s[^,.;:!?]{3,160}?[.;])"
)
_POSSESSIVE = patterns.compile(r"['’]s$")
_THE_BEFORE = patterns.compile(r"\bthe[ \t]+$", regex.IGNORECASE)
_COMMA_BEFORE = patterns.compile(r",\s*$")
#: Letters after a name that are themselves a role ("Sarah Champion MP for Rotherham").
_ROLE_LETTERS_AFTER = patterns.compile(rf"[ \t]+(?:{lexicon.alternation('elected_letters')})\b")
_ADVERBIAL = patterns.lazy(
    r"(?:on|in|at|after|before|during|speaking|asked|yesterday|today|later|earlier)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Identity:
    """One person in a document: the first full name seen (or the register's)."""

    key: int
    name: str  # canonical full name; "" when only a surname is known
    surname: str
    person: Person | None = None
    titles: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.surname


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who says a quote: a person (``identity``) or someone unnamed ("a spokesperson")."""

    label: str
    identity: Identity | None = None
    mention: Mention | None = None


@dataclass(frozen=True)
class Cast:
    identities: tuple[Identity, ...]
    mentions: tuple[Mention, ...]
    speakers: dict[int, Speaker] = field(default_factory=dict)  # quote start -> speaker

    def speaker(self, quote: Quote) -> Speaker | None:
        return self.speakers.get(quote.start)

    def mentions_of(self, identity: Identity) -> list[Mention]:
        return [m for m in self.mentions if m.identity == identity.key]

    @cached_property
    def surname_counts(self) -> Counter[str]:
        """How many people the document names by each surname ("Dean Marsh" and "Lee
        Marsh": two)."""
        return Counter(identity.surname for identity in self.identities)


# -- finding names ----------------------------------------------------------------------


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _is_role(word: str) -> bool:
    return _bare(word) in ROLE_WORDS or (word.isupper() and len(word) > 1)


def _heuristic_mentions(text: str, start: int, end: int) -> list[Mention]:
    out: list[Mention] = []
    for run in _RUN.finditer(text, start, end):
        words = [(w.start(), w.end(), w.group()) for w in regex.finditer(r"\S+", run.group())]
        words = [(run.start() + s, run.start() + e, w) for s, e, w in words]
        while words and words[0][2] in _SKIP:
            words.pop(0)
        while words and words[-1][2].isupper() and len(words[-1][2]) > 1:
            words.pop()  # letters after a name: QPM, MP, OBE
        inner = next((i for i, (_, _, w) in enumerate(words) if i and w in _PLAIN_HONORIFICS), 0)
        if inner and not any(_is_role(w) or w in HONORIFICS for _, _, w in words[:inner]):
            words = words[inner:]  # "After Mr Roddick": the honorific starts the name
        split = 0
        while split < len(words) and (_is_role(words[split][2]) or words[split][2] in HONORIFICS):
            following = words[split + 1][2] if split + 1 < len(words) else ""
            if words[split][2] in ROLE_FIRST_NAMES and following and not _is_role(following):
                break  # "Bill McWilliam", "Dean Hale": a first name, not a role
            split += 1
        if split == 0 and len(words) > 3:
            # A place or body before the title: "Former Rotherham Coun Brian Cutts",
            # "Northtown Council Chief Executive Jane Doe": the name follows the last
            # title word, when two or three words follow it.
            last = max(
                (i for i, (_, _, w) in enumerate(words[:-2]) if _is_role(w) or w in HONORIFICS),
                default=-1,
            )
            if last > 0 and len(words) - last - 1 <= 3:
                split = last + 1
        prefix_words, name_words = words[:split], words[split:]
        prefix = " ".join(w for _, _, w in prefix_words)
        if 2 <= len(name_words) <= 3 and not any(
            _is_role(w)
            and not (i == len(name_words) - 1 and _bare(w) in ROLE_SURNAMES)
            and not (i == 0 and w in ROLE_FIRST_NAMES)
            for i, (_, _, w) in enumerate(name_words)
        ):
            s, e = name_words[0][0], name_words[-1][1]
            if _ORG_BEFORE.search(text, max(start, s - 40), s) and not prefix:
                continue
            if _ORG_AFTER.match(text, e, end) and not prefix:
                continue  # "… Young People of the North": a body's; a role names a person
            name = " ".join(
                _bare(w) if i == len(name_words) - 1 else w
                for i, (_, _, w) in enumerate(name_words)
            )
            ms = prefix_words[0][0] if prefix_words else s
            out.append(Mention(ms, e, text[ms:e], "full", name, _bare(name_words[-1][2]), prefix))
        elif len(name_words) == 1 and (
            not _is_role(name_words[0][2]) or _bare(name_words[0][2]) in ROLE_SURNAMES
        ):
            s, e, word = name_words[0]
            judicial = _judicial(prefix_words)
            if judicial:
                hs = prefix_words[-len(judicial.split())][0]
                out.append(Mention(hs, e, text[hs:e], "honorific", "", _bare(word), judicial))
            elif prefix_words and prefix_words[-1][2] in HONORIFICS:
                hs = prefix_words[-1][0]
                out.append(
                    Mention(hs, e, text[hs:e], "honorific", "", _bare(word), prefix_words[-1][2])
                )
            elif not prefix_words and not _THE_BEFORE.search(text, max(start, s - 5), s):
                # "the Casey report", "the Jay inquiry" name a document, not a person.
                out.append(Mention(s, e, text[s:e], "surname", "", _bare(word)))
    return out


def _judicial(prefix_words: Sequence[tuple[int, int, str]]) -> str:
    """The judge's style the title words end with ("Lord Justice"), or ""."""
    said = [w for _, _, w in prefix_words]
    for n in (3, 2):
        style = " ".join(said[-n:])
        if len(said) >= n and style in JUDICIAL_TITLES:
            return style
    return ""


#: A compiled form, its kind, its prefix, its person and a word it cannot match without.
_T = TypeVar("_T")
_FormPattern = tuple[regex.Pattern[str], str, str, Person, str]
_FORM_PATTERNS: dict[int, tuple[Sequence[Person], list[_FormPattern]]] = {}


def _register_mentions(
    text: str, start: int, end: int, forms: Sequence[_FormPattern]
) -> list[Mention]:
    out: list[Mention] = []
    segment = text[start:end]
    lowered = segment.lower()
    for pattern, kind, prefix, person, needle in forms:
        # A cheap test before the scan: the form's last word must be in the unit.
        if needle not in (lowered if kind == "title" else segment):
            continue
        for m in pattern.finditer(text, start, end):
            name = m.group() if kind == "full" else ""
            out.append(Mention(m.start(), m.end(), m.group(), kind, name, person.surname, prefix))
    return out


def _forms_in(text: str, people: Sequence[Person]) -> list[_FormPattern]:
    """The register's forms whose needle the document holds: a span of it can hold no
    other (most documents name few registered people; the spans test only these). A
    needle with a Greek sigma, whose lower case depends on the letters around it, is
    kept whatever the text holds."""
    lowered = text.lower()
    return [
        form
        for form in _form_patterns(people)
        if form[4] in (lowered if form[1] == "title" else text) or "σ" in form[4] or "ς" in form[4]
    ]


def _per_register(
    store: dict[int, tuple[Sequence[Person], _T]],
    people: Sequence[Person],
    build: Callable[[Sequence[Person]], _T],
) -> _T:
    """``build(people)``, made once per register and kept by the register's identity."""
    entry = store.get(id(people))
    if entry is None or entry[0] is not people:
        entry = store[id(people)] = (people, build(people))
    return entry[1]


def _form_patterns(people: Sequence[Person]) -> list[_FormPattern]:
    """Every way the register names each person, compiled once per register."""
    return _per_register(_FORM_PATTERNS, people, _compile_forms)


def _compile_forms(people: Sequence[Person]) -> list[_FormPattern]:
    compiled: list[_FormPattern] = []
    for person in people:
        forms: list[tuple[str, str, str]] = [
            (n, "full", "") for n in (person.name, *person.aliases)
        ]
        forms += [
            (f"{person.name.split()[0]} {m}" if " " not in m else m, "full", "")
            for m in person.misspellings
        ]
        if person.honorific:
            forms.append((f"{person.honorific} {person.surname}", "honorific", person.honorific))
        for title in dict.fromkeys(r.title for r in person.roles):
            forms.append((title, "title", ""))
        for form, kind, prefix in forms:  # compiled when its needle is first met
            pattern = patterns.lazy(
                rf"(?<![\p{{L}}\p{{N}}])(?:the\s+)?{_phrase(form)}"
                r"(?![\p{L}\p{N}])",
                regex.IGNORECASE if kind == "title" else 0,
            )
            needle = form.split()[-1]
            compiled.append(
                (pattern, kind, prefix, person, needle.lower() if kind == "title" else needle)
            )
    return compiled


def _phrase(words: str) -> str:
    return r"[ \t]+".join(regex.escape(w) for w in words.split())


# -- linking mentions to people ---------------------------------------------------------

#: Per register: the first person with each full name (lower case), surname and title
#: (lower case), in the register's order.
_PeopleIndex = tuple[dict[str, Person], dict[str, Person], dict[str, Person]]
_PEOPLE_INDEX: dict[int, tuple[Sequence[Person], _PeopleIndex]] = {}


def _people_index(people: Sequence[Person]) -> _PeopleIndex:
    """The register's people by the ways a mention names them, built once per register
    (``_Builder.register_person`` looks a mention up, not through every person)."""
    return _per_register(_PEOPLE_INDEX, people, _index_people)


def _index_people(people: Sequence[Person]) -> _PeopleIndex:
    names: dict[str, Person] = {}
    surnames: dict[str, Person] = {}
    titles: dict[str, Person] = {}
    for person in people:
        first = person.name.split()[0]
        for name in (
            person.name,
            *person.aliases,
            *(f"{first} {m}" for m in person.misspellings),
            *person.misspellings,
        ):
            names.setdefault(name.lower(), person)
        surnames.setdefault(person.surname, person)
        for role in person.roles:
            titles.setdefault(role.title.lower(), person)
    return names, surnames, titles


@dataclass
class _Builder:
    people: Sequence[Person]
    identities: list[Identity] = field(default_factory=list)

    def register_person(self, mention: Mention) -> Person | None:
        """The first person on the register the mention names: by a full name (an alias
        or a misspelling too), by surname, or by a title they hold."""
        names, surnames, titles = _people_index(self.people)
        if mention.form == "full":
            return names.get(mention.name.lower())
        if mention.form in ("honorific", "surname"):
            return surnames.get(mention.surname)
        if mention.form == "title":
            return titles.get(mention.text.lower().removeprefix("the ").strip())
        return None

    def identity_for(self, person: Person) -> Identity:
        for identity in self.identities:
            if identity.person is person:
                return identity
        identity = Identity(
            len(self.identities),
            person.name,
            person.surname,
            person,
            tuple(r.title for r in person.roles),
        )
        self.identities.append(identity)
        return identity

    def link(self, mention: Mention) -> int:
        person = self.register_person(mention)
        if person is not None and mention.form == "title" and _shared_title(person, mention):
            # A rank or title that many hold ("the chief executive", an assistant chief
            # constable) never names a registered person alone: only one named here.
            holders = [i.key for i in self.identities if i.person is person]
            return holders[0] if holders else -1
        if person is not None:
            return self.identity_for(person).key
        if mention.form == "full":
            for identity in reversed(self.identities):
                if identity.name.lower() == mention.name.lower() or (
                    identity.name
                    and identity.name.split()[0] == mention.name.split()[0]
                    and fuzz.ratio(identity.surname, mention.surname) >= 80
                ):
                    self._add_title(identity, mention.prefix)
                    return identity.key
                if not identity.name and identity.surname == mention.surname:
                    named = Identity(
                        identity.key,
                        mention.name,
                        mention.surname,
                        identity.person,
                        identity.titles,
                    )
                    self.identities[identity.key] = named
                    self._add_title(named, mention.prefix)
                    return identity.key
            titles = (mention.prefix,) if _title(mention.prefix) else ()
            identity = Identity(len(self.identities), mention.name, mention.surname, None, titles)
            self.identities.append(identity)
            return identity.key
        if mention.form in ("honorific", "surname"):
            for identity in reversed(self.identities):
                if identity.surname == mention.surname:
                    return identity.key
            for identity in reversed(self.identities):
                if identity.name and _slip(identity.surname, mention.surname):
                    # "Ms Sheilds" after "Rachel Shields": the person introduced, her
                    # name misspelt (People.Variants reports it), not someone new.
                    return identity.key
            if mention.form == "honorific":
                identity = Identity(len(self.identities), "", mention.surname)
                self.identities.append(identity)
                return identity.key
        if mention.form == "title":
            wanted = mention.text.lower().removeprefix("the ").strip()
            for identity in reversed(self.identities):
                if any(t.lower() == wanted for t in identity.titles):
                    return identity.key
        return -1

    def _add_title(self, identity: Identity, prefix: str) -> None:
        if _title(prefix) and prefix not in identity.titles:
            self.identities[identity.key] = Identity(
                identity.key,
                identity.name,
                identity.surname,
                identity.person,
                (*identity.titles, prefix),
            )


def _slip(surname: str, other: str) -> bool:
    """One surname typed two ways: one letter dropped, added, changed or two swapped, in
    a name of five letters or more ("Wiggett"/"Wigget", "Shields"/"Sheilds")."""
    return min(len(surname), len(other)) >= 5 and OSA.distance(surname, other) == 1


def _shared_title(person: Person, mention: Mention) -> bool:
    """Whether the title a mention uses is one that people in many organisations hold
    (the register gives its organisation), unlike an office such as Home Secretary."""
    wanted = mention.text.lower().removeprefix("the ").strip()
    return any(
        r.organisation
        for r in person.roles
        if wanted in (t.lower() for t in r.accepted) or wanted == r.rank.lower()
    )


def _title(prefix: str) -> bool:
    words = prefix.split()
    return bool(words) and not (len(words) == 1 and words[0] in HONORIFICS)


def _merge(found: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the earliest, then the longest, wins."""
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _title_mentions(
    text: str, spans: Sequence[tuple[int, int]], titles: set[str], taken: Sequence[Mention]
) -> list[Mention]:
    if not titles:
        return []
    body = "|".join(_phrase(t) for t in sorted(titles, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])the[ \t]+(?:{body})(?![ \t]+(?-i:\p{{Lu}})|\p{{L}})",
        regex.IGNORECASE,
    )
    # Whether a match overlaps a mention taken: of the mentions starting before its
    # end (by bisection), the furthest end must pass its start.
    ordered = sorted((t.start, t.end) for t in taken)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))
    out = []
    for start, end in spans:
        for m in pattern.finditer(text, start, end):
            before = bisect.bisect_left(starts, m.end())
            if not (before and reach[before - 1] > m.start()):
                out.append(Mention(m.start(), m.end(), m.group(), "title"))
    return out


def build_cast(
    doc: Document,
    model: QuoteModel,
    people: Sequence[Person] = (),
    heuristic: Sequence[tuple[tuple[int, int], list[Mention]]] | None = None,
) -> Cast:
    """The people the document mentions and who says each quote (``Facts.cast``).
    ``heuristic``: the document's ``heuristic_mentions``, when already found for
    another register's cast (they do not depend on the register)."""
    text = doc.text
    if heuristic is None:
        heuristic = heuristic_mentions(doc, model)
    spans = [span for span, _ in heuristic]
    found: list[Mention] = []
    forms = _forms_in(text, people)
    for (start, end), guessed in heuristic:
        found += guessed
        found += _register_mentions(text, start, end, forms)
    builder = _Builder(people)
    linked: list[Mention] = []
    for mention in _merge(found):
        key = _apposed(text, mention, linked[-1] if linked else None)
        if key < 0:
            key = builder.link(mention)
        if key >= 0:
            linked.append(_with_identity(mention, key))
    titles = {t for i in builder.identities for t in i.titles}
    for mention in _title_mentions(text, spans, titles, linked):
        key = builder.link(mention)
        if key >= 0:
            linked.append(_with_identity(mention, key))
    linked.sort(key=lambda m: m.start)
    starts = [m.start for m in linked]
    identities = tuple(builder.identities)
    speakers: dict[int, Speaker] = {}
    for quote in model.quotes:
        if quote.attribution is not None:
            speaker = _speaker(text, quote.attribution, linked, starts, identities)
            if speaker is not None:
                speakers[quote.start] = speaker
    return Cast(identities, tuple(linked), speakers)


_APPOSITION = regex.compile(r"\s*,\s*")


def _apposed(text: str, mention: Mention, previous: Mention | None) -> int:
    """A title set off by a comma right after a name is that person's title ("Mabs
    Hussain, the assistant chief constable"), not a registered holder of the same title:
    the identity of the name, or -1."""
    if (
        mention.form == "title"
        and previous is not None
        and previous.form in ("full", "honorific", "surname")
        and _APPOSITION.fullmatch(text, previous.end, mention.start)
    ):
        return previous.identity
    return -1


def _with_identity(mention: Mention, key: int) -> Mention:
    return Mention(
        mention.start,
        mention.end,
        mention.text,
        mention.form,
        mention.name,
        mention.surname,
        mention.prefix,
        key,
    )


def heuristic_mentions(
    doc: Document, model: QuoteModel
) -> list[tuple[tuple[int, int], list[Mention]]]:
    """Each prose span outside quotes (``_outside``) with the names found in it by
    their look alone, whatever the register."""
    text = doc.text
    return [
        ((start, end), _heuristic_mentions(text, start, end))
        for start, end in _outside(doc, model.quotes)
    ]


def _outside(doc: Document, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Prose spans of the document outside quotes. Headings are left out: a headline
    names people in shorthand and is not their first mention. ``quotes`` are in
    document order and do not overlap, so each block looks only at the quotes from the
    first that ends inside or after it (by bisection) to the last that starts in it."""
    out: list[tuple[int, int]] = []
    ends = [q.end for q in quotes]
    ordered = all(a.end <= b.start for a, b in itertools.pairwise(quotes))
    for block in doc.blocks:
        if block.scope.startswith("heading"):
            continue
        pos = block.start
        for i in range(bisect.bisect_right(ends, pos) if ordered else 0, len(quotes)):
            q = quotes[i]
            if q.start >= block.end and ordered:
                break  # and so do all that follow
            if q.end <= pos or q.start >= block.end:
                continue
            if q.start > pos:
                out.append((pos, q.start))
            pos = max(pos, q.end)
        if pos < block.end:
            out.append((pos, block.end))
    return out


def _speaker(
    text: str,
    attribution: Attribution,
    mentions: Sequence[Mention],
    starts: Sequence[int],
    identities: Sequence[Identity],
) -> Speaker | None:
    """The speaker an attribution names; ``mentions`` in order of their ``starts``."""
    who = attribution.who.strip()
    if attribution.how in ("bracket", "caption"):
        return Speaker(who)  # a source as the page labels it, often anonymised: no person
    if _PRONOUN.match(who) or attribution.how == "interview":
        # The last mention that ends before the attribution: it starts before it too.
        i = bisect.bisect_right(starts, attribution.start) - 1
        while i >= 0 and mentions[i].end > attribution.start:
            i -= 1
        if i < 0:
            # No one named before: a person described just before it ("A mother who
            # turned to the charity …"), in its paragraph or the two before.
            since = attribution.start
            for _ in range(3):
                since = text.rfind("\n\n", 0, since) if since > 0 else -1
            described = list(_DESCRIBED.finditer(text, max(0, since), attribution.start))
            return Speaker(described[-1].group()) if described else None
        # A person named after "he"/"she" in their own sentence ("He told defendant
        # Sam Reid that …") is not who the pronoun is: the sentence's subject is, the
        # person named before it.
        pronoun = (who.split() or [""])[0].lower()
        while i > 0 and (
            (m := _PRONOUN_SUBJECT.search(text, max(0, mentions[i].start - 300), mentions[i].start))
            and m.group("p").lower() == pronoun
        ):
            i -= 1  # "He told defendant Sam Reid …": only the same pronoun ("he said")
        antecedent = mentions[i]
        identity = identities[antecedent.identity]
        return Speaker(identity.name or antecedent.text, identity, antecedent)
    inside = list(
        mentions[
            bisect.bisect_left(starts, attribution.start) : bisect.bisect_left(
                starts, attribution.end
            )
        ]
    )
    # The person, not the post: in "the Home Secretary, Sajid Javid, said" the name decides.
    inside.sort(key=lambda m: m.form == "title")
    if inside:
        identity = identities[inside[0].identity]
        return Speaker(identity.name or inside[0].text, identity, inside[0])
    segments = [s.strip() for s in who.split(",") if s.strip()]
    if len(segments) > 1 and _ADVERBIAL.match(segments[0]):
        segments.pop(0)  # "On the taskforce, a spokesperson said"
    label = segments[0] if segments else ""
    if not regex.search(r"\p{L}", label):
        return None
    return Speaker(label)


def first_mention(cast: Cast, identity: Identity) -> Mention | None:
    mentions = cast.mentions_of(identity)
    return mentions[0] if mentions else None


def has_role(
    doc: Document, sentences: Sequence[Block], mention: Mention, identity: Identity
) -> bool:
    """Whether a full-name mention comes with a role: title words before the name,
    an appositive ("Name, Chief Executive of X,"), a role before it ("Role, Name,"),
    or one of the person's registered titles in the same sentence."""
    text = doc.text
    if mention.prefix:
        return True
    block = doc.block_at(mention.start, mention.end)
    end = block.end if block else len(text)
    start = block.start if block else 0
    if _APPOSITIVE_AFTER.match(text, mention.end, end) or _ROLE_LETTERS_AFTER.match(
        text, mention.end, end
    ):
        return True
    before = text[start : mention.start]
    words = regex.split(r"[.!?,;:(]\s", before)[-1].split()
    if any(_bare(w).lower() in _ROLE_WORDS_LOWER and w[:1].islower() for w in words[-6:]):
        # "prosecutor Jane Doe", "chief executive Martin Hope", "Barnardo's director of
        # strategy Puja Darbari"
        return True
    if _role_before_body(words):
        return True  # "the chair of Northtown Safeguarding Children Board (NSCB) Ann Roe"
    if _DOTTED_ROLE.search(before):
        return True  # a post's initials with full stops right before it: "I.C.E. Jan Roe"
    if _AFFILIATION_AFTER.match(text, mention.end, end):
        return True  # "Ann Roe from Barnardo's NI": news gives the body as the role
    stated = _ROLE_STATED_AFTER.match(text, mention.end, end)
    if stated is not None and any(
        _bare(w).lower() in _ROLE_WORDS_LOWER for w in stated.group("role").split()
    ):
        return True  # "Sam Reid is the chief executive of the trust."
    if _BODY_POSSESSIVE.search(before):
        return True  # "the NSPCC's Richard Collard": news shorthand for a body's person
    if _OPENS_PARAGRAPH.fullmatch(before) and _role_intro_before(doc, block):
        return True  # "The deputy leader of Northtown Council has said …" then "Ann Roe …"
    if _COMMA_BEFORE.search(before):
        sentence = regex.split(r"[.!?]\s", before)[-1]
        words = regex.findall(r"\p{L}[\p{L}'’]+", sentence)
        if any(_is_role(w) or _bare(w).lower() in _ROLE_WORDS_LOWER for w in words):
            return True  # "The charity's chief executive, Sam Green, said"
    if identity.person is None:
        return False
    # One of the person's registered titles in the same sentence, the paragraph before or
    # the headline ("The Prime Minister … visited" before "Rishi Sunak and …").
    sentence_span = next((s for s in sentences if s.start <= mention.start < s.end), None)
    near = [text[sentence_span.start : sentence_span.end]] if sentence_span else []
    blocks = doc.blocks
    at = next((i for i, b in enumerate(blocks) if b.start <= mention.start < b.end), None)
    if at is not None:
        near += [text[b.start : b.end] for b in blocks[max(0, at - 1) : at]]
    if blocks and blocks[0].scope.startswith("heading"):
        near.append(text[blocks[0].start : blocks[0].end])
    lowered = " ".join(near).lower()
    return any(r.title.lower() in lowered for r in identity.person.roles)


#: Initials with full stops right before a name, as a post's are ("I.C.E. Jan Roe"):
#: the letters without stops ("CEO") are a role word already.
_DOTTED_ROLE = patterns.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,}[ \t]+$")
#: A body's possessive right before a name: "the NSPCC's Richard Collard", "Barnardo's
#: Lynn Perry" (a body's initials, or a capitalised word after "the" or opening a clause).
_BODY_POSSESSIVE = patterns.lazy(
    r"(?:\b\p{Lu}{2,8}|(?:\b(?i:the)[ \t]+|^|[.!?:;,][ \t]+)\p{Lu}[\p{L}-]+)['’]s[ \t]+$"
)
#: A body after a name, as news gives a role: "Ann Roe from Barnardo's NI", "Sam Reid of
#: the NSPCC", "Jo Bell at Northtown Council" (a body's initials, a possessive name or a
#: name with an organisation word, not a place: "Sam Reid from Leeds").
_AFFILIATION_AFTER = patterns.lazy(
    r"[ \t]+(?:from|of|at)[ \t]+(?:the[ \t]+)?(?:\p{Lu}[\p{L}'’&-]*[ \t]+){0,4}?"
    rf"(?:\p{{Lu}}{{2,8}}\b|\p{{Lu}}[\p{{L}}-]+['’]s?(?![\p{{L}}])|(?:{lexicon.alternation('organisation_words')})\b)"
)
#: A role stated after the name: "Sam Reid is the chief executive of the trust", "…, who
#: is head of the unit" (its words up to the clause's end).
_ROLE_STATED_AFTER = patterns.lazy(
    r",?[ \t]+(?:who[ \t]+)?(?:is|was|has[ \t]+been|became)[ \t]+(?:(?:the|a|an|its|their)[ \t]+)?"
    r"(?P<role>[^,.;:!?\n]{2,80})"
)
#: Before a name that opens its paragraph, alone or after another name ("Sam Reid and").
_OPENS_PARAGRAPH = patterns.compile(r"\s*(?:(?:\p{Lu}[\p{L}'’-]*[ \t]+){1,3}(?:and|&)[ \t]+)?")
#: The head noun of a role: a title head, a rank's last word, a person noun ("leader").
_ROLE_HEADS = frozenset(
    w.lower()
    for w in lexicon.words("title_heads", "person_nouns")
    | {r.split()[-1] for r in lexicon.words("ranks")}
)
#: A paragraph that opens on a role as its subject: "The deputy leader of Northtown
#: Council has said …", "THE Prime Minister and Home Secretary met …" (up to five words
#: before the role's head noun, with no verb or clause break between).
_ROLE_INTRO = patterns.compile(
    r"\s*(?i:the)[ \t]+(?P<words>(?:[\p{L}'’-]+[ \t]+){0,5}[\p{L}'’-]+)\b"
)


def _role_intro_before(doc: Document, block: Block | None) -> bool:
    """Whether the paragraph before ``block`` opens on a role as its subject, as a news
    intro does before its second paragraph names the person."""
    if block is None or not block.scope.startswith("paragraph"):
        return False
    blocks = doc.blocks
    at = next((i for i, b in enumerate(blocks) if b == block), None)
    if not at or not blocks[at - 1].scope.startswith("paragraph"):
        return False
    prev = blocks[at - 1]
    m = _ROLE_INTRO.match(doc.text, prev.start, prev.end)
    if m is None:
        return False
    for word in m.group("words").split():
        if _bare(word).lower() in _ROLE_HEADS:
            return True
        if word[:1].islower() and _bare(word).lower() not in _ROLE_WORDS_LOWER | {"of", "and"}:
            return False  # a verb or other word before any role: "The court heard"
    return False


#: Words of a body's name between a role and a name ("chair of [the] Northtown
#: Safeguarding Children Board (NSCB)"): capitalised words, bracketed initials, links.
_NAME_LINKS = frozenset({"of", "the", "for", "and", "&", "on", "in"})


def _role_before_body(words: list[str]) -> bool:
    """Whether the words before a name end "role of <Body's Name>": a lower-case role
    word, then "of" and a body's name in capitals (and its initials in brackets)."""
    i = len(words)
    body = 0
    while i > 0 and (
        words[i - 1][:1].isupper()
        or words[i - 1].lower() in _NAME_LINKS
        or regex.fullmatch(r"\(\p{Lu}{2,8}\)", words[i - 1])
    ):
        body += words[i - 1][:1].isupper()
        i -= 1
    if body == 0 or i == 0 or words[i].lower() not in _NAME_LINKS:
        return False
    role = _bare(words[i - 1]).lower()
    return words[i - 1][:1].islower() and role in _ROLE_WORDS_LOWER


def people_option(data: Mapping[str, Any], rule_path: str, line: int) -> tuple[Person, ...]:
    """The People register a quote rule names with ``people:``, or none."""
    from lint.registers import register_file
    from lint.registers.people import load_people

    if not data.get("people"):
        return ()
    return load_people(register_file(rule_path, data["people"], line=line, key="people"))


def speaking(cast: Cast) -> list[Identity]:
    """The people who are quoted, in the order they first speak."""
    seen: dict[int, Identity] = {}
    for start in sorted(cast.speakers):
        identity = cast.speakers[start].identity
        if identity is not None and identity.key not in seen:
            seen[identity.key] = identity
    return list(seen.values())
