"""people, ``check: variants``: one surname spelled two ways in one document (no register
needed); both forms must look like a person's name in context. Also one person's first
name spelled two ways ("Joanne Pryce" … "Joanna Pryce")."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex
from rapidfuzz.distance import OSA

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


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    mentions: dict[str, list[Mention]] = {}
    for mention in _mentions(rule, doc, facts):
        mentions.setdefault(mention.surname, []).append(mention)
    known = {p.surname for p in rule.people} | {
        w for p in rule.people for m in p.misspellings for w in m.split()
    }
    counts = {s: len(list(rule.find(literal_pattern(s), doc, facts))) for s in mentions}
    for a, b in itertools.combinations(sorted(mentions), 2):
        if a.casefold() == b.casefold() or not near(a, b) or {a, b} & known:
            continue
        firsts_a = {m.first for m in mentions[a] if m.first}
        firsts_b = {m.first for m in mentions[b] if m.first}
        shared = firsts_a & firsts_b
        if firsts_a and firsts_b and not shared:
            continue  # two first names: two people
        if not shared and (min(len(a), len(b)) <= 5 or not typo(a, b)):
            # Without the same first name, only a long name with a typing slip
            # (a letter doubled, dropped or swapped) is taken for the same person:
            # "Cleverley"/"Cleverly" yes, "Balding"/"Baldwin" no.
            continue
        odd, usual = (a, b) if counts[a] < counts[b] else (b, a)
        if counts[a] == counts[b]:
            odd, usual = (a, b) if first_at(a, doc) > first_at(b, doc) else (b, a)
        for m in rule.find(literal_pattern(odd), doc, facts):
            yield rule.hit(m.start(), m.end(), (odd, usual), usual)
    yield from _first_names(rule, mentions, doc, facts)


def _first_names(
    rule: PeopleRule, mentions: dict[str, list[Mention]], doc: Document, facts: Facts
) -> Iterator[Hit]:
    """One person's first name spelled two ways: "Joanne Pryce" … "Joanna Pryce"."""
    for surname, found in sorted(mentions.items()):
        firsts = sorted({m.first for m in found if m.first})
        for a, b in itertools.combinations(firsts, 2):
            if not _name_slip(a, b) or _paired(a, b, surname, doc):
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


def _name_slip(a: str, b: str) -> bool:
    """One first name typed two ways ("Joanne"/"Joanna"), not two names: one letter
    changed, added, dropped or swapped in a name of five letters or more, and not a
    name and its feminine form ("Daniel"/"Daniela", "Louis"/"Louise")."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5 or OSA.distance(a, b) != 1:
        return False
    return not (long_.startswith(short) and long_[len(short) :] in ("a", "e"))


def _paired(a: str, b: str, surname: str, doc: Document) -> bool:
    """Both names side by side: "Joanne and Joanna Pryce" are two people."""
    a, b, surname = regex.escape(a), regex.escape(b), regex.escape(surname)
    pattern = rf"\b(?:{a}\s+(?:and|&)\s+{b}|{b}\s+(?:and|&)\s+{a})(?:\s+{surname})?\b"
    return regex.search(pattern, doc.text) is not None


def _mentions(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Mention]:
    post = rf"(?:\s+(?:{POST_NOMINALS}))"
    patterns = (
        # Mr Cleverly; Assistant Chief Constable Kevin Baldwin
        rf"\b(?:{HONORIFICS})\.?\s+(?:(?P<first>{NAME})\s+)?(?P<surname>{NAME})\b",
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
