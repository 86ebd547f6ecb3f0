"""people, ``check: ranks``: one person given two ranks or titles in one document
("Detective Sergeant Malik" … "DC Malik"), with no register needed.

The rule's ``ranks`` maps each rank to its abbreviations, so "DS" and "Detective
Sergeant" agree; ``changes`` lists words that say the rank changed ("promoted",
"former"): in a sentence that gives the person a rank, they silence the check for that
person. Two first names with one surname are two people.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.registers import literal_pattern, normalise
from lint.rules import schema
from lint.rules.contract import Hit, Source
from lint.rules.matching import MatchLike
from lint.rules.people_common import NAME, NOT_SURNAMES, PeopleRule, usual
from lint.rules.regexes import compile_pattern

Use = tuple[MatchLike, str]  # a rank before a name, and the rank it stands for


def check(rule: PeopleRule, doc: Document, facts: Facts) -> Iterator[Hit]:
    if not _two_places(rule.ranks, doc.text, facts.lowered):
        return  # one rank at most: no one can be given two
    # A rank in words may be written in lower case ("detective sergeant Liam Ford", news
    # style); an abbreviation in capitals ("PS", "DC") only as it is.
    forms = "|".join(
        f"(?i:{literal_pattern(form, bounded=False)})"
        if any(c.islower() for c in form) and " " in form
        else literal_pattern(form, bounded=False)
        for form, _ in rule.ranks
    )
    canonical = {normalise(form).casefold(): rank for form, rank in rule.ranks}
    name = rf"(?:(?P<first>{NAME})\s+(?={NAME}\b))?(?P<surname>{NAME})"
    pattern = (
        rf"\b(?P<rank>{forms})\.?\s+{name}\b"
        # In apposition: "Jane Roe, a detective constable, said".
        rf"|\b{name},\s+(?:an?|the)\s+(?P<rank>{forms})\b"
    )
    people: dict[str, list[Use]] = {}
    for m in rule.find(pattern, doc, facts):
        if m.group("surname") in NOT_SURNAMES:
            continue
        rank = canonical[normalise(m.group("rank")).casefold()]
        people.setdefault(m.group("surname"), []).append((m, rank))
    for _surname, uses in sorted(people.items()):
        if len({rank for _, rank in uses}) < 2:
            continue
        if len({m.group("first") for m, _ in uses if m.group("first")}) > 1:
            # Two first names: two people ("DCI Laura Bennett", "PC Dan Bennett"). A
            # surname alone is one of them, so its rank must be one of theirs.
            if not _changed(rule, uses, doc, facts):
                yield from _unmatched(rule, uses)
            continue
        if _changed(rule, uses, doc, facts):
            continue
        usual_rank = usual(uses)
        model = next(m.group() for m, r in uses if r == usual_rank)
        for m, rank in uses:
            if rank != usual_rank:
                yield rule.hit(m.start(), m.end(), (m.group(), model), None)


def _two_places(ranks: tuple[tuple[str, str], ...], text: str, lowered: str) -> bool:
    """Whether a rank's form stands at two places of ``text`` at least (``lowered``, its
    lower case, for the forms matched in any case): a quick test of the whole text with
    ``str.find`` before the rule's pattern, which tries every capitalised word."""
    starts = _form_starts(ranks)
    if starts is None or len(lowered) != len(text):
        return True  # a form the test cannot read, or offsets that differ: no test
    places: set[int] = set()
    for needle, anycase, confirm in starts:
        hay = lowered if anycase else text
        at = hay.find(needle)
        while at >= 0:
            # A whole form: the pattern's \b before it, and after it "." or a space
            # (a rank before a name) or \b (a rank in apposition).
            if confirm is None:
                end = at + len(needle)
            else:
                found = confirm.match(text, at)
                end = found.end() if found is not None else -1
            if end >= 0 and not (_in_word(text, at - 1) or _in_word(text, end)):
                places.add(at)
                if len(places) > 1:
                    return True
            at = hay.find(needle, at + 1)
    return False


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character, as the pattern's ``\b`` reads it (none
    outside the text)."""
    return 0 <= i < len(text) and _WORD.match(text, i) is not None


_WORD = regex.compile(r"\w")


@cache
def _form_starts(
    ranks: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, bool, regex.Pattern[str] | None], ...] | None:
    """For each form of ``ranks``, as the rule's pattern reads it: the text it starts
    with (its first word; in lower case for a form matched in any case), whether in any
    case, and the form's own pattern to confirm a form of many words (spaces flexible)
    there. None when a form holds an apostrophe (either way in the pattern), or starts or
    ends with no letter or digit (where the pattern's word bounds read otherwise)."""
    out = []
    for form, _ in ranks:
        if "'" in form or "’" in form or not (_in_word(form, 0) and _in_word(form, len(form) - 1)):
            return None
        words = normalise(form).split(" ")
        anycase = any(c.islower() for c in form) and " " in form
        confirm = None
        if len(words) > 1:
            body = literal_pattern(form, bounded=False)
            confirm = patterns.compile(f"(?i:{body})" if anycase else body)
        out.append((words[0].lower() if anycase else words[0], anycase, confirm))
    return tuple(out)


def _unmatched(rule: PeopleRule, uses: list[Use]) -> Iterator[Hit]:
    """Ranks given to a surname alone that none of the named people holds."""
    named = {rank: m for m, rank in uses if m.group("first")}
    for m, rank in uses:
        if not m.group("first") and rank not in named:
            models = " or ".join(sorted(n.group() for n in named.values()))
            yield rule.hit(m.start(), m.end(), (m.group(), models), None)


def _changed(rule: PeopleRule, uses: list[Use], doc: Document, facts: Facts) -> bool:
    """Whether the copy says the person's rank changed ("promoted to", "former"), in a
    sentence that gives them a rank or the next, when it opens with a pronoun that points
    back to them ("… Detective Sergeant Lauren McKee. She has since been promoted"). Words
    that only place a rank in the past (``past``: "former", "retired") said of every
    mention put the ranks in one time: "a retired Detective Superintendent" … "Former
    Det Ch Supt Voss" is no change."""
    if rule.changes is None:
        return False
    sentences = facts.sentences
    starts = [sentence.start for sentence in sentences]
    dated = 0  # mentions whose sentences only place the rank in the past
    for m, _ in uses:
        i = bisect.bisect_right(starts, m.start()) - 1
        lo, hi = (sentences[i].start, sentences[i].end) if i >= 0 else (0, m.end())
        spans = [(lo, max(hi, m.end()))]
        after = sentences[i + 1] if 0 <= i < len(sentences) - 1 else None
        if after is not None and _PRONOUN.match(doc.text, after.start, after.end):
            spans.append((after.start, after.end))
        said = [w.group() for lo, hi in spans for w in rule.changes.finditer(doc.text, lo, hi)]
        if any(rule.past is None or not rule.past.fullmatch(w) for w in said):
            return True  # a change of rank, not only a rank placed in the past
        dated += bool(said)
    return 0 < dated < len(uses)


#: A sentence opening with a pronoun that points back to the person just named.
_PRONOUN = regex.compile(r"(?:She|He|They)\b")


def settings(
    data: dict[str, Any], src: Source
) -> tuple[tuple[tuple[str, str], ...], regex.Pattern[str] | None, regex.Pattern[str] | None]:
    """The rule's ``ranks`` as (form, rank) pairs, longest first, its ``changes`` and its
    ``past``."""
    value = schema.require(data, "ranks", path=src.path, line=src.data.line, kind="people")
    line = src.data.line_of("ranks")
    pairs: list[tuple[str, str]] = []
    for rank, abbreviations in value.items():
        if abbreviations is None:
            abbreviations = []
        if isinstance(abbreviations, str):
            abbreviations = [abbreviations]
        if not isinstance(abbreviations, list) or not all(
            isinstance(a, str) and a.strip() for a in abbreviations
        ):
            raise RuleError(
                f"'ranks': '{rank}' must map to a list of abbreviations", path=src.path, line=line
            )
        pairs.extend((form, str(rank)) for form in (str(rank), *abbreviations))
    changes, past = (
        compile_pattern(
            rf"(?i)\b(?:{'|'.join(data[key])})\b",
            path=src.path,
            line=src.data.line_of(key),
            key=key,
        )
        if data.get(key)
        else None
        for key in ("changes", "past")
    )
    return tuple(sorted(pairs, key=lambda p: -len(p[0]))), changes, past
