"""people, ``check: ages``: one person given two ages in one document ("Mark Ellison,
44," … "Ellison, 45,"), with no register needed.

An age is read where news style gives it, right after the name: "Ellison, 44," or
"Brown (35)". Two first names with one surname are two people (a father and son), and
an age with "then" or "now" before it ("Ellison, then 38,") is another time, not another
age, so it is never read.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lint import lexicon
from lint.document import Document
from lint.facts import Facts
from lint.rules.age_moments import AUXILIARIES
from lint.rules.contract import Hit
from lint.rules.matching import MatchLike
from lint.rules.people_common import HONORIFIC_RE, NAME, NOT_SURNAMES, PeopleRule, usual

#: Capitalised words before a name that are not a first name ("However Ellison, 44,").
NOT_FIRST = lexicon.words("sentence_openers", "days", "months")

#: "Mark Ellison, 44," "Ellison, aged 44," "Peter Brown (35)".
AGE = (
    rf"\b(?:(?P<first>{NAME})\s+)?(?P<surname>{NAME})"
    r"(?:,\s+(?:aged\s+|who\s+is\s+)?(?P<age>\d{1,3}),|\s+\((?:aged\s+)?(?P<age>\d{1,3})\))"
)
#: Ages "The 46-year-old" may point back to besides those of AGE: a named person's
#: present age ("Lauren Marsh, now 30,") and an unnamed adult's ("a 35-year-old man").
EARLIER = (
    rf"\b(?:(?P<first>{NAME})\s+)?(?P<surname>{NAME}),\s+(?:who\s+is\s+)?now\s+(?P<age>\d{{1,3}}),"
    r"|\b[Aa]n?\s+(?P<age>[1-9]\d)-year-old\s+(?:man|woman)\b"
)
#: "The 46-year-old": an adult named by age alone, pointing back to someone named.
BACK = r"\b[Tt]he\s+(?P<age>[1-9]\d)-year-old\b(?![ \t]+(?:{others})\b)"
#: After "the 74-year-old" when it is the subject of its clause: a verb, a comma or a
#: possessive ("the 74-year-old was in poor health"), not a noun ("the 45-year-old judge").
SUBJECT_AFTER = regex.compile(rf"(?=\s+{AUXILIARIES}\b|\s*[,.;:]|['’]s\b)")
#: Nouns after "the 46-year-old" that make it someone else.
OTHERS = "girl|boy|child|victim|woman|man|daughter|son|mother|father|brother|sister|pupil|teenager"


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    people: dict[str, list[MatchLike]] = {}
    for m in rule.find(AGE, doc, facts):
        if m.group("surname") in NOT_SURNAMES:
            continue
        people.setdefault(m.group("surname"), []).append(m)
    named = facts.cast().surname_counts  # how many people the document names by each surname
    for surname, uses in people.items():
        firsts = {_first(m) for m in uses} - {None}
        if len(firsts) <= 1 and named.get(surname, 0) <= 1:
            yield from _one_person(rule, uses, doc)
        else:
            yield from _shared_surname(rule, uses, firsts, named.get(surname, 0), doc)
    yield from _back(rule, people, doc, facts)


def _one_person(rule: PeopleRule, uses: list[MatchLike], doc: Document) -> Iterator[Hit]:
    """One person's ages: each that is not the one most uses give."""
    if len({m.group("age") for m in uses}) < 2:
        return
    usual_age = usual([(m, m.group("age")) for m in uses])
    model = next(m for m in uses if m.group("age") == usual_age)
    for m in uses:
        if m.group("age") != usual_age:
            yield _hit(rule, m, model, doc)


def _shared_surname(
    rule: PeopleRule, uses: list[MatchLike], firsts: set[str | None], people: int, doc: Document
) -> Iterator[Hit]:
    """Several people with one surname ("Brian Rowe, 61," and his wife "Patricia Rowe,
    60,"): each full name is one person; a surname alone ("Rowe, 64,") may be any of
    them, so it is wrong only when every one of them has an age and it is none of them
    (reported against the first named: the story's principal)."""
    for first in firsts:
        yield from _one_person(rule, [m for m in uses if _first(m) == first], doc)
    full = [m for m in uses if _first(m) is not None]
    if not full or len(firsts) < max(people, 2):
        return  # someone of that surname has no age given: "Mrs Fenwick, 49," may be her
    ages = {m.group("age") for m in full}
    for m in uses:
        if _first(m) is None and m.group("age") not in ages:
            yield _hit(rule, m, full[0], doc)


def _hit(rule: PeopleRule, m: MatchLike, model: MatchLike, doc: Document) -> Hit:
    start = _start(m)
    said = (doc.text[start : m.end()], doc.text[_start(model) : model.end()])
    return rule.hit(start, m.end(), said, None)


def _back(
    rule: PeopleRule, people: dict[str, list[MatchLike]], doc: Document, facts: Facts
) -> Iterator[Hit]:
    """ "The 46-year-old" after "Mark Dale, 47,": one person, two ages, when the age is
    no adult's the copy gives and is near exactly one of them: a year or two apart, or
    its digits swapped ("Marcus Hale, 34," and "Jordan Fenwick, 27," … "the 43-year-old"
    is Hale). Further apart, near two, or near only an unnamed adult among several, it
    may be someone else."""
    adults = {
        m.group("age"): m for uses in people.values() for m in uses if int(m.group("age")) >= 18
    }
    for m in rule.find(EARLIER, doc, facts):
        if int(m.group("age")) >= 18:
            adults.setdefault(m.group("age"), m)
    if not adults:
        return
    for m in rule.find(BACK.format(others=OTHERS), doc, facts):
        said = m.group("age")
        if said in adults:
            continue
        near = [
            (age, model)
            for age, model in adults.items()
            if model.start() < m.start()
            and (abs(int(said) - int(age)) <= 2 or sorted(said) == sorted(age))
        ]
        # Among several adults, only a named one: "a 52-year-old woman" may be anyone.
        named = len(adults) == 1 or (len(near) == 1 and near[0][1].group("surname"))
        if (
            len(near) == 1
            and named
            and all(
                abs(int(age) - int(said)) > 2 and sorted(age) != sorted(said)
                for age, other in adults.items()
                if other.start() > m.start()
            )
        ):
            model: MatchLike | None = near[0][1]
        else:
            model = None if near else _in_focus(m, people, adults, doc, facts)
        if model is not None:
            said_here = (m.group(), doc.text[_start(model) : model.end()])
            yield rule.hit(m.start(), m.end(), said_here, None)


def _in_focus(
    m: MatchLike,
    people: dict[str, list[MatchLike]],
    adults: dict[str, MatchLike],
    doc: Document,
    facts: Facts,
) -> MatchLike | None:
    """The person "the 57-year-old" must be, though no age is near: the subject of its
    clause ("the 57-year-old would finally …"), an adult's age no one in the copy has
    been given before ("when she was 12" gives one), said of the person named last
    before it when that person's age is given ("Fenwick's eight-year sentence … the
    57-year-old"), or else of the only adult whose age the copy gives by name ("His
    barrister, Simon Pryor, said the 74-year-old …" after "Ainsley, who is now 71,").
    That age, the first given, or None."""
    said = m.group("age")
    if (
        int(said) < 18  # "The 12-year-old had been introduced to Moore": the girl
        or not SUBJECT_AFTER.match(doc.text, m.end())
        or regex.compile(rf"\b(?:{said}-year-old|(?:was|aged|now|is)\s+{said})\b").search(
            doc.text, 0, m.start()
        )
    ):
        return None  # a child, a noun after it, or an age someone else has been given
    before = [x for x in facts.cast().mentions if x.end <= m.start() and x.surname]
    grown = [
        x for x in people.get(before[-1].surname if before else "", ()) if int(x.group("age")) >= 18
    ]
    if grown:
        return grown[0]
    given = [x for x in adults.values() if x.group("surname")]
    return given[0] if len(given) == 1 and given[0].start() < m.start() else None


def _start(m: MatchLike) -> int:
    """Where the name starts: at the first name, unless that word is no first name (or
    where an unnamed adult's age is given: "a 35-year-old man")."""
    if m.group("surname") is None:
        return m.start()
    return m.start() if _first(m) else m.start("surname")


def _first(m: MatchLike) -> str | None:
    first: str | None = m.group("first")
    if first is None or first in NOT_FIRST or HONORIFIC_RE.fullmatch(first):
        return None
    return first
