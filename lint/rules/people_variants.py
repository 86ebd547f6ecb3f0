"""people, ``check: variants``: one surname spelled two ways in one document (no register
needed); both forms must look like a person's name in context. Also one person's first
name spelled two ways ("Joanne Pryce" … "Joanna Pryce", "Katherine" … "Catherine"), a
hyphenated name written without its hyphen ("Lloyd-Hughes" … "Lloyd Hughes"), and a
surname alone that is a slip of a named person's surname ("Imran Qureshi" … "Qureshy
denied the charges").

Two first names with one surname are two people (father and son, two officers); a
surname the register knows is left to People.Spelling when the register's person is
named."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import regex
from rapidfuzz.distance import OSA, Levenshtein

from lint import lexicon
from lint.document import Document
from lint.facts import Facts
from lint.names import Mention
from lint.registers import literal_pattern
from lint.rules.contract import Hit
from lint.rules.people_common import (
    HONORIFIC_RE,
    HONORIFICS,
    NAME,
    NOT_SURNAMES,
    POST_NOMINALS,
    SPEECH,
    TITLE_HEADS,
    PeopleRule,
    first_at,
    near,
    typo,
)

#: Capitalised words that are never a surname on their own: months, days, places, the
#: words of titles, roles and organisations, and words that open sentences.
_NOT_NAMES = lexicon.parts(
    "months",
    "days",
    "places",
    "organisation_words",
    "role_words",
    "person_nouns",
    "title_heads",
    "ranks",
    "honorifics",
    "styles",
    "sentence_openers",
)
#: A capitalised word standing alone: not after or before another capitalised word
#: (those are a name or an organisation of their own).
_LONE = regex.compile(
    r"(?<![\p{Lu}][\w'’-]*[ \t]+|[\w'’-])(?P<word>(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}{3,})\b"
    r"(?!-\w|['’](?!s\b)\w|[ \t]+\p{Lu}|[ \t]+(?:and|&)[ \t]+\p{Lu})"
)
_VOWELS = frozenset("aeiouy")
#: Relatives named beside a person: another person with the same surname.
_KIN = (
    "son|daughter|father|mother|brother|sister|wife|husband|partner|cousin|nephew|niece"
    "|uncle|aunt|grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|twin"
)
_MAC = regex.compile(r"^Ma?c(?=\p{L})")
#: An article right before two capitalised words: a noun phrase, not a person's name.
_ARTICLE_BEFORE = regex.compile(r"(?<![\w'’-])(?:[Aa]n?|[Tt]he)[ \t]+$")


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    mentions: dict[str, list[Mention]] = {}
    for mention in (*_mentions(rule, doc, facts), *_cast_mentions(doc, facts)):
        mentions.setdefault(mention.surname, []).append(mention)
    known = _known(rule, doc)
    counts = {s: len(list(rule.find(literal_pattern(s), doc, facts))) for s in mentions}
    reported: set[str] = set()
    for a, b in itertools.combinations(sorted(mentions), 2):
        if a.casefold() == b.casefold() or not near(a, b) or {a, b} & known:
            continue
        firsts_a = {m.first for m in mentions[a] if m.first}
        firsts_b = {m.first for m in mentions[b] if m.first}
        shared = firsts_a & firsts_b
        if firsts_a and firsts_b and not shared:
            continue  # two first names: two people
        if not shared and not (_surname_slip(a, b) or (typo(a, b) and len(a) == len(b) > 3)):
            # Without the same first name, only a slip is taken for the same person:
            # a letter doubled, dropped or swapped, a vowel changed, Mc for Mac, two
            # letters swapped in a short name ("Cleverley"/"Cleverly", "Pryce"/"Price",
            # "Baird"/"Biard" yes; "Balding"/"Baldwin", "Shaw"/"Shah" no).
            continue
        odd, usual = (a, b) if counts[a] < counts[b] else (b, a)
        if counts[a] == counts[b]:
            odd, usual = (a, b) if first_at(a, doc) > first_at(b, doc) else (b, a)
        reported.update((a, b))
        for m in rule.find(literal_pattern(odd), doc, facts):
            yield rule.hit(m.start(), m.end(), (odd, usual), usual)
    yield from _first_names(rule, mentions, doc, facts)
    yield from _hyphens(rule, mentions, doc, facts)
    yield from _lone_surnames(rule, mentions, known | reported, doc, facts)


def _known(rule: PeopleRule, doc: Document) -> set[str]:
    """Surnames of register people the document names (People.Spelling checks them), and
    the words of their known misspellings."""
    named = [p for p in rule.people if any(n in doc.text for n in (p.name, *p.aliases))]
    return {p.surname for p in named} | {
        w for p in rule.people for m in p.misspellings for w in m.split()
    }


def _cast_mentions(doc: Document, facts: Facts) -> Iterator[Mention]:
    """Full names the speaker finder sees anywhere ("Craig McAllister, 52, and his son"),
    first name and surname only; not two capitalised words after an article, which are a
    capitalised noun phrase ("a Return Interview", "the Return Interviews"), not a person."""
    for m in facts.cast().mentions:
        words = m.name.split()
        if (
            m.form == "full"
            and len(words) == 2
            and regex.fullmatch(NAME, words[0])
            and words[0] not in _NOT_NAMES
            and m.surname not in NOT_SURNAMES
            and _ARTICLE_BEFORE.search(doc.text, max(0, m.start - 4), m.start) is None
        ):
            yield m


def _first_names(
    rule: PeopleRule, mentions: dict[str, list[Mention]], doc: Document, facts: Facts
) -> Iterator[Hit]:
    """One person's first name spelled two ways: "Joanne Pryce" … "Joanna Pryce"."""
    for surname, found in sorted(mentions.items()):
        firsts = sorted({m.first for m in found if m.first})
        for a, b in itertools.combinations(firsts, 2):
            if not _name_slip(rule, a, b) or _paired(a, b, surname, doc):
                continue
            full = {
                f: list(rule.find(literal_pattern(f"{f} {surname}"), doc, facts)) for f in (a, b)
            }
            odd, usual = sorted(
                (a, b), key=lambda f: (len(full[f]), -(full[f][0].start() if full[f] else 0))
            )
            for m in full[odd]:
                right = f"{usual} {surname}"
                yield rule.hit(m.start(), m.end(), (m.group(), right), right)


def _name_slip(rule: PeopleRule, a: str, b: str) -> bool:
    """One first name typed two ways ("Joanne"/"Joanna", "Philip"/"Phillip"), or two
    spellings of one name the rule lists ("Katherine"/"Catherine"), not two names: one
    letter changed, added, dropped or swapped in a name of five letters or more, and not
    a name and its feminine form ("Daniel"/"Daniela", "Louis"/"Louise")."""
    if any(a in group and b in group for group in rule.first_names):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5 or OSA.distance(a, b) != 1:
        return False
    return not (long_.startswith(short) and long_[len(short) :] in ("a", "e"))


def _paired(a: str, b: str, surname: str, doc: Document) -> bool:
    """Both names side by side: "Joanne and Joanna Pryce", "Andrew Hughes and Andrea
    Hughes" are two people."""
    a, b, surname = regex.escape(a), regex.escape(b), regex.escape(surname)
    one = rf"(?:\s+{surname})?(?:,\s+\d{{1,3}},)?,?\s+(?:and|&)\s+"
    pattern = rf"\b(?:{a}{one}{b}|{b}{one}{a})\b"
    # "… and his son Stuart Lang", "her daughter, Joanna Pryce": a relative.
    kin = rf"\b(?:{_KIN}),?\s+(?:{a}|{b})\s+{surname}\b"
    return regex.search(f"{pattern}|{kin}", doc.text) is not None


def _hyphens(
    rule: PeopleRule, mentions: dict[str, list[Mention]], doc: Document, facts: Facts
) -> Iterator[Hit]:
    """A hyphenated name written without its hyphen: "Lloyd-Hughes" … "Lloyd Hughes"."""
    names = {
        part
        for found in mentions.values()
        for m in found
        for part in (m.surname, m.first or "")
        if regex.fullmatch(r"\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+", part)
    }
    for name in sorted(names):
        left, right = name.split("-")
        joined = regex.escape(right.lower())
        pattern = rf"\b{regex.escape(left)}(?:[ \t]+{regex.escape(right)}|{joined})\b"
        for m in rule.find(pattern, doc, facts):
            yield rule.hit(m.start(), m.end(), (m.group(), name), name)


def _surname_slip(a: str, b: str) -> bool:
    """Two spellings of one surname rather than two surnames: a typing slip (a letter
    doubled, dropped or swapped), one vowel for another ("Qureshi"/"Qureshy") or, in a
    name of seven letters or more, any one letter for another (not the first), "-son"
    for "-sen", "Mc" for "Mac", or a spelling that sounds the same (``_sounds_alike``)."""
    if min(len(a), len(b)) < 5:
        return False
    if typo(a, b):
        return True
    if len(a) == len(b) and Levenshtein.distance(a, b) == 1:
        i = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
        return i > 0 and (len(a) >= 7 or {a[i].lower(), b[i].lower()} <= _VOWELS)
    return bool(
        _MAC.match(a) and _MAC.match(b) and _MAC.sub("", a).casefold() == _MAC.sub("", b).casefold()
    ) or _sounds_alike(a, b)


def _sounds_alike(a: str, b: str) -> bool:
    """One surname written as it sounds ("Hendry"/"Hendrie", "Caskey"/"Caskie",
    "Redmayne"/"Redmain"): two edits at most, the same first three letters and the same
    Metaphone key (jellyfish). Not "Phelps"/"Philips" or "Brown"/"Braun", which differ
    where a name begins."""
    if a[:3].casefold() != b[:3].casefold() or Levenshtein.distance(a, b) > 2:
        return False
    return _metaphone(a) == _metaphone(b)


@functools.cache
def _metaphone(word: str) -> str:
    import jellyfish  # imported on first use: most documents never get here

    return str(jellyfish.metaphone(word))


def _lone_surnames(
    rule: PeopleRule,
    mentions: dict[str, list[Mention]],
    skip: set[str],
    doc: Document,
    facts: Facts,
) -> Iterator[Hit]:
    """A surname alone that is a slip of a named person's surname: "Mark Johnson, 47" …
    "she said Johnsen had targeted children". A word the copy also writes in lower case,
    or any form of a name the document gives a first name of its own, is not one."""
    named = sorted(s for s, found in mentions.items() if any(m.first for m in found))
    seen: set[str] = set()
    passed: set[str] = set()  # words found to be no slip: each word is judged once
    lower = _lower_words(doc)
    for m in _LONE.finditer(doc.text):
        word = m.group("word")
        if word in mentions or word in _NOT_NAMES or word in seen or word in skip:
            continue
        if word in passed or _lower_use(word, doc, lower):
            passed.add(word)
            continue
        usual = next((s for s in named if s not in skip and _surname_slip(word, s)), None)
        if usual is None:
            passed.add(word)
            continue
        seen.add(word)
        for found in rule.find(rf"(?<![\w'’-]){regex.escape(word)}\b", doc, facts):
            yield rule.hit(found.start(), found.end(), (word, usual), usual)


#: A word as ``_lower_use`` looks for it: not after a letter, apostrophe or hyphen, and
#: ending where a ``\b`` after it would (the longest run of word characters).
_WORD_START = regex.compile(r"(?<![\w'’-])\w+")
_ALL_WORD = regex.compile(r"\w+")


def _lower_words(doc: Document) -> frozenset[str]:
    """The document's words in lower case, as ``_lower_use`` finds them, in one pass."""
    return frozenset(w for w in _WORD_START.findall(doc.text) if w.islower())


def _lower_use(word: str, doc: Document, lower: frozenset[str]) -> bool:
    """Whether the copy writes the word in lower case too: a common word, not a name.
    ``lower``: the document's lower-case words (``_lower_words``), which answer for a
    word of word characters alone (one search of the document per word otherwise)."""
    lowered = word.lower()
    if lowered.islower() and _ALL_WORD.fullmatch(lowered):
        return lowered in lower
    return regex.search(rf"(?<![\w'’-]){regex.escape(lowered)}\b", doc.text) is not None


#: Judges' titles and role words that are titles before a name ("Judge Rowntree").
_JUDICIAL = lexicon.alternation("judicial_titles", "role_surnames")


def _mentions(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Mention]:
    post = rf"(?:\s+(?:{POST_NOMINALS}))"
    patterns = (
        # Mr Cleverly; Assistant Chief Constable Kevin Baldwin; Judge Amanda Rowntree
        rf"\b(?:{HONORIFICS}|{_JUDICIAL})\.?\s+(?:(?P<first>{NAME})\s+)?(?P<surname>{NAME})\b",
        # Home Secretary James Cleverly
        rf"\b(?:{TITLE_HEADS}),?\s+(?P<first>{NAME})\s+(?P<surname>{NAME})\b",
        # James Cleverley MP
        rf"\b(?P<first>{NAME})\s+(?P<surname>{NAME}){post}+\b",
        # Gabrielle Shaw, chief executive of NAPAC, said
        rf"\b(?P<first>{NAME})\s+(?P<surname>{NAME}){post}*(?:,[^,.;:\n]{{1,120}},?)?"
        rf"\s+(?:{SPEECH})\b",
    )
    for pattern in patterns:
        for m in rule.find(pattern, doc, facts):
            surname, first = m.group("surname"), m.group("first")
            if surname in NOT_SURNAMES:
                continue
            if first is not None and HONORIFIC_RE.fullmatch(first):
                first = None  # "Ms Shaw said": an honorific, not a first name
            if first is None:
                yield Mention(m.start(), m.end(), m.group(), "honorific", surname=surname)
            else:
                name = f"{first} {surname}"
                yield Mention(m.start(), m.end(), m.group(), "full", name, surname)
