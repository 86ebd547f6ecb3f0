"""people, ``check: ages``: one person given two ages in one document ("Mark Ellison,
44," … "Ellison, 45,"), with no register needed.

An age is read where news style gives it, right after the name: "Ellison, 44," or
"Brown (35)". Two first names with one surname are two people (a father and son), and
an age with "then" or "now" before it ("Ellison, then 38,") is another time, not another
age, so it is never read.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint import lexicon
from lint.document import Document
from lint.facts import Facts
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
    rf"\b(?:(?P<first>{NAME})\s+)?(?P<surname>{NAME}),\s+now\s+(?P<age>\d{{1,3}}),"
    r"|\b[Aa]n?\s+(?P<age>[1-9]\d)-year-old\s+(?:man|woman)\b"
)
#: "The 46-year-old": an adult named by age alone, pointing back to someone named.
BACK = r"\b[Tt]he\s+(?P<age>[1-9]\d)-year-old\b(?![ \t]+(?:{others})\b)"
#: Nouns after "the 46-year-old" that make it someone else.
OTHERS = "girl|boy|child|victim|woman|man|daughter|son|mother|father|brother|sister|pupil|teenager"


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    people: dict[str, list[MatchLike]] = {}
    for m in rule.find(AGE, doc, facts):
        if m.group("surname") in NOT_SURNAMES:
            continue
        people.setdefault(m.group("surname"), []).append(m)
    for uses in people.values():
        if len({m.group("age") for m in uses}) < 2:
            continue
        if len({_first(m) for m in uses} - {None}) > 1:
            continue  # two first names: two people
        usual_age = usual([(m, m.group("age")) for m in uses])
        model = next(m for m in uses if m.group("age") == usual_age)
        for m in uses:
            if m.group("age") != usual_age:
                start = _start(m)
                said = (doc.text[start : m.end()], doc.text[_start(model) : model.end()])
                yield rule.hit(start, m.end(), said, None)
    yield from _back(rule, people, doc, facts)


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
            model = near[0][1]
            yield rule.hit(
                m.start(), m.end(), (m.group(), doc.text[_start(model) : model.end()]), None
            )


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
