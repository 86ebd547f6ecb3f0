"""Who "she" is: the report's female victim followed across a whole draft (round 13).

A detail is often told paragraphs after the victim was introduced, owned by a pronoun
only ("Staff at her school, Fernlea Academy, raised the alarm"; "the hamlet of Nether
Callow where she lives"). Sentence by sentence the owner is unknown; across the draft it
is the girl the report is about. This module reads, once per report, every reference that
"she" or "her" could stand for (``Referent``): the victim by her role noun ("the girl",
"the teenager", "the youngster", a marked pseudonym), a woman who is someone else (a
relative, a named officer or barrister) and the pronouns themselves; then walks back from
a pronoun to the reference it continues (``her_is_victim``):

- in its own sentence, the nearest reference before it decides; a pronoun before it is
  the same person, so the walk goes on;
- in each earlier sentence (up to ``_REACH``), the first reference (its subject, as a
  rule) decides; a sentence whose first reference is a pronoun continues the chain.

It is asked only where the report is of a sexual offence or about a child, and tells of an
offence against a woman or a girl and no one else (``AnonymityRule._victim_sex``), or
speaks of girls and of no boy: the accused is taken not to be "she". A named person
who speaks ("Ms Maddox told the court that ...") is not whom the pronouns of her speech
stand for, and the accused, by the names the report gives him, is never a candidate.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

import regex

from lint import patterns
from lint.rules.anonymity_common import NAME, AnonymityRule, Reading

#: A preposition before a capitalised run: a body or a place ("a driver for Swiftline
#: Parcels", "at Fenbury Crown Court"), not a woman "she" may stand for.
_BODY = patterns.compile(r"\b(?:for|at|of|from|in|near|by|with|on)\s+(?:the\s+)?$")
#: How many sentences back a pronoun is followed before it is left unresolved.
_REACH = 12
#: A named speaker just before the pronoun ("Detective Constable Ruth Hale said she was"):
#: "she" is, as a rule, the speaker herself (round 14).
_SPEAKER_SAID = patterns.compile(rf"(?P<name>{NAME})\s+(?:said|says|added)\s+(?:that\s+)?$")


class Referent(NamedTuple):
    start: int
    end: int
    kind: str  # victim | other | pronoun


def _patterns(rule: AnonymityRule) -> tuple[regex.Pattern[str], ...]:
    """The references "she" may stand for, as one pattern; a verb of speaking straight
    after a name (a speaker, whose words' pronouns are about someone else: "Ms Maddox
    told the court that ... her home"); a man's title before a name ("Mr Vane")."""
    w = rule.words
    owner = r"(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he\s+[\p{Ll}-]+['’]s)\s+"
    others = rf"(?:[\p{{Ll}}-]+\s+)?\b(?:{w.pattern('her_others')})\b"
    return (
        patterns.compile(
            # a role before a name is the name's title ("Prosecutor Nadia Farouk said"):
            # the name decides; "her mother Jane" stays the mother
            rf"(?P<other>{owner}{others}|{others}(?![ \t]+{NAME}))"
            rf"|(?P<victim>\b(?:{w.pattern('her_antecedents')})\b)"
            rf"|(?P<pronoun>\b(?:[Ss]he|[Hh]er|[Hh]erself)\b)"
            rf"|(?P<name>{NAME})"
        ),
        patterns.compile(rf"\s+(?:{w.pattern('speaking_verbs')})\b"),
        patterns.compile(rf"(?:{w.pattern('male_titles')})\.?\s"),
    )


def referents(rule: AnonymityRule, reading: Reading) -> tuple[Referent, ...]:
    """Every reference in the report that "she" or "her" may stand for, in order
    (built once per report and rule, in the facts memo)."""
    return rule._memo(reading, "her referents", lambda: _referents(rule, reading))


def _referents(rule: AnonymityRule, reading: Reading) -> Iterator[Referent]:
    text = reading.text
    pattern, speaks, male = _patterns(rule)
    for m in pattern.finditer(text):
        kind = m.lastgroup or ""
        if kind != "name":
            yield Referent(m.start(), m.end(), kind)
            continue
        start, end = m.span()
        if not rule.is_name(reading, start, end) or rule._defendant(reading, m.group()):
            continue  # a capitalised word that is no one's name; the accused himself
        if rule.pseudonymous(reading, start, end):
            yield Referent(start, end, "victim")  # "Lily (not her real name)"
        elif not (
            speaks.match(text, end)
            or male.match(text, start)
            or _BODY.search(text, max(0, start - 12), start)
        ):
            yield Referent(start, end, "other")


def _accused_woman(rule: AnonymityRule, reading: Reading) -> bool:
    """Whether the accused may be a woman: a woman charged or jailed ("A woman, 32, has
    been jailed"), or a woman's title before the accused's surname ("Mrs Doyle")."""
    w = rule.words
    charged = patterns.compile(
        rf"\b(?:woman|mother)(?:\s*,\s*\d{{1,3}}\s*,)?\s+(?:(?:has|had)\s+been\s+|was\s+|is\s+)?"
        rf"(?:{w.pattern('defendant_verbs')})\b"
    )
    titled = patterns.compile(
        rf"\b(?:{w.pattern('female_titles')})\.?\s+(?P<name>\p{{Lu}}[\p{{L}}'’-]+)"
    )
    surnames = rule.accused_words(reading)
    return reading.holds(
        "accused woman",
        lambda: (
            charged.search(reading.text) is not None
            or any(m.group("name") in surnames for m in titled.finditer(reading.text))
        ),
    )


def _girls_only(rule: AnonymityRule, reading: Reading) -> bool:
    """Whether the report's victims are women or girls only: what was done was done to
    "her" or "a woman" only (``_victim_sex``), or it speaks of girls and of no boy ("sexual
    assault of a 14-year-old girl")."""
    if _accused_woman(rule, reading):
        return False  # "her" may be the accused's own
    sex = rule._victim_sex(reading)
    if sex:
        return sex == "f"
    girls, boys = (
        patterns.compile(rf"\b(?:{rule.words.pattern(key)})\b")
        for key in ("girl_nouns", "boy_nouns")
    )
    return reading.holds(
        "girls only",
        lambda: girls.search(reading.text) is not None and boys.search(reading.text) is None,
    )


def her_is_victim(rule: AnonymityRule, reading: Reading, offset: int) -> bool:
    """Whether "she" or "her" at ``offset`` stands for the report's victim, a woman or a
    girl (see the module's docstring for the walk)."""
    if not ((reading.sexual or reading.child) and _girls_only(rule, reading)):
        return False
    said = _SPEAKER_SAID.search(reading.text, max(0, offset - 80), offset)
    if said is not None and not rule._defendant(reading, said.group("name")):
        return False  # "DC Ruth Hale said she was": the speaker; "Pike said she was" is not him
    refs = referents(rule, reading)
    starts = [r.start for r in refs]
    i = bisect.bisect_left(starts, offset) - 1
    lo = reading.sentence(offset)[0]
    while i >= 0 and refs[i].start >= lo:
        if refs[i].kind != "pronoun":
            return refs[i].kind == "victim"
        i -= 1
    for _ in range(_REACH):
        prev = reading.previous_sentence(lo)
        if prev is None:
            return False
        lo = prev[0]
        j = bisect.bisect_left(starts, prev[0])
        if j < len(refs) and refs[j].start < prev[1] and refs[j].kind != "pronoun":
            return refs[j].kind == "victim"
    return False
