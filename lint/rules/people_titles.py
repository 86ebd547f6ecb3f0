"""people, ``check: titles``: a title that is not the person's: a known wrong title, a
near miss before the full name or in apposition after it, a rank held before the copy's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from lint import lexicon
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.registers import literal_pattern, normalise
from lint.registers.people import Person
from lint.rules.contract import Hit
from lint.rules.matching import scan
from lint.rules.people_common import (
    NEAR,
    POST_NOMINALS,
    SPEECH,
    PeopleRule,
    closest_title,
    compiled,
    could_occur,
    is_title,
)

#: An honorific or style between a title and the name ("Commissioner Dame Cressida
#: Dick"); not a rank, which is itself the title ("Children's Commissioner").
_TRAILING_HONORIFIC = regex.compile(
    rf"(?:^|[ \t]+)(?:{lexicon.alternation('honorifics', 'styles')})\.?$"
)
#: Words that open a sentence before a title ("Later the Home Secretary"), not the
#: qualifiers that say the title is past or acting ("Former", "Acting").
_OPENERS = regex.compile(
    r"^(?:(?:"
    + "|".join(sorted(lexicon.words("sentence_openers") - {"Former", "Acting", "Interim", "New"}))
    + r"),?\s+)*(?:(?:The|the)\s+)?"
)
#: Words of job titles as news copy writes them, in lower case ("IWF chief executive
#: Susie Hargreaves", "the safeguarding minister, Jess Phillips"): the title heads and
#: the words of police ranks, from the lexicon.
_LOWER_TITLE_WORDS = "|".join(
    sorted(
        {w.lower() for w in lexicon.parts("ranks", "title_heads") if w.isalpha()}
        | {"deputy", "general", "safeguarding", "victims", "home", "justice", "education"},
        key=lambda w: (-len(w), w),
    )
)


#: A title that opens with its body in the possessive: "NCA's Director General".
_POSSESSIVE_HEAD = regex.compile(r"^(\S+)['’]s(?=\s)")


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    day = rule.copy_date(doc)
    reported: list[tuple[int, int]] = []
    known = [
        (wrong, person, role)
        for person in rule.people
        for role in person.roles
        for wrong in role.wrong
    ]
    for wrong, person, role in sorted(known, key=lambda k: -len(k[0])):  # longest first
        for m in rule.find(
            f"(?i:{literal_pattern(wrong)})", doc, facts, needs=[wrong], anycase=True
        ):
            if any(s < m.end() and m.start() < e for s, e in reported):
                continue
            reported.append((m.start(), m.end()))
            yield rule.hit(
                m.start(),
                m.end(),
                (normalise(m.group()), person.name, role.title),
                role.title,
                None,
            )
    for person in rule.people:
        now = [r for r in person.roles if r.held_on(day)] or list(person.roles)
        if not now or not rule.named_in(person, doc):
            continue
        for start, end, candidate in titles_near(rule, person, doc, facts):
            if any(s < end and start < e for s, e in reported):
                continue
            # "the NCA's Director General" is the "NCA Director General".
            plain = _POSSESSIVE_HEAD.sub(r"\1", candidate)
            if any(is_title(c, r) for r in now for c in (candidate, plain)):
                continue
            best, score = closest_title(candidate, now)
            if any(r not in now and is_title(candidate, r) for r in person.roles):
                continue  # a title held at another time: the tenure check's
            if score >= NEAR:
                reported.append((start, end))
                # A near miss may be the person's own wording of the role: review it.
                yield rule.hit(start, end, (candidate, person.name, best), best, FixSafety.UNSAFE)
        if day is not None:
            yield from _former_ranks(rule, person, day, doc, facts)


def titles_near(
    rule: PeopleRule, person: Person, doc: Document, facts: Facts
) -> Iterator[tuple[int, int, str]]:
    """Title-like phrases right before a full name, or in apposition after it."""
    text = doc.text
    lower = _LOWER_TITLE_WORDS
    word = rf"(?:\p{{Lu}}[\w'’-]*|of|for|and|the|on|to|in|(?-i:{lower})\b)"
    before = regex.compile(
        # "Minister for Crime, Safeguarding and Vulnerability": a comma inside a title.
        rf"((?:\p{{Lu}}[\w'’-]*|(?<![\w'’-])(?-i:{lower})\b)"
        rf"(?:(?:,(?=[ \t]+\p{{Lu}}[\w'’-]*[ \t]+(?:and|&)[ \t]))?[ \t]+{word})*)[ \t]*,?[ \t]*$"
    )
    after = regex.compile(
        # The title ends at a comma, a colon, a bracket, a speech verb, or the sentence's
        # full stop ("… to Alex Chalk KC MP, Secretary of State for Justice.").
        rf"(?:\s+(?:{POST_NOMINALS}))*,[ \t]+([^,:;()\n]+?)[ \t]*"
        rf"(?=,|:|\(|[.!?][\"'”’)]?(?:\s|$)|\b(?:{SPEECH})\b|$)",
        regex.M,
    )
    forms: tuple[str, ...] = (person.name, *person.aliases)
    if not could_occur(forms, doc):
        return
    if person.honorific:
        # Once the copy names them in full: "the Home Secretary, Ms Cooper, said".
        forms = (*forms, f"{person.honorific} {person.surname}")
    names = "|".join(literal_pattern(n) for n in forms)
    for m, unit in scan(compiled(names), doc, facts, rule.meta):
        b = before.search(text, max(unit.start, m.start() - 120), m.start())
        if b is not None:
            phrase = _OPENERS.sub("", b.group(1))
            # "NSPCC Chief Executive Sir Peter Wanless": the honorific is no title.
            end = b.end(1)
            bare = _TRAILING_HONORIFIC.sub("", phrase)
            if bare != phrase:
                end -= len(phrase) - len(bare)
                phrase = bare
            if phrase:
                yield end - len(phrase), end, phrase
        a = after.match(text, m.end(), min(unit.end, m.end() + 160))
        if a is not None:
            yield a.start(1), a.end(1), a.group(1)


def _former_ranks(
    rule: PeopleRule, person: Person, day: dt.date, doc: Document, facts: Facts
) -> Iterator[Hit]:
    current = next((r for r in person.roles if r.held_on(day)), None)
    for role in person.roles:
        if not role.rank or role.held_on(day):
            continue
        pattern = (
            rf"\b{regex.escape(role.rank)}\s+(?:{regex.escape(person.first_name)}"
            rf"\s+)?{regex.escape(person.surname)}\b"
        )
        for m in rule.find(pattern, doc, facts, needs=[person.surname]):
            if regex.search(
                r"\b(?:former|then|ex-)\s*$",
                doc.text[max(0, m.start() - 8) : m.start()],
                regex.I,
            ):
                continue  # "former DCC Ian Critchley" is right
            right = current.title if current else person.honorific
            yield rule.hit(m.start(), m.end(), (m.group(), person.name, right), None)
