"""people: names and titles checked against a people register, and a name spelled two
ways in one document (sglint's own kind).

The rule names a register (``register: _people.yml``, relative to the rule file; see
``lint.registers.people``); ``check`` picks what it reports:

* ``spelling``: a register name misspelt: a known misspelling ("Cleverley") anywhere,
  or a near miss after the person's first name or an honorific ("Rishi Sunack");
* ``titles``: a title that is not the person's: a known wrong title anywhere, a near
  miss right before the full name or in apposition after it, a title or rank held
  before the copy's date;
* ``variants``: one surname spelled two ways in one document, with no register needed.
  Both forms must look like a person's name in context (after an honorific or job
  title, before post-nominal letters or "said"), and short names must share a first
  name, so "Shaw" and "Shah" are only paired when both are "Gabrielle";
* ``references``: GOV.UK's references: full name at first mention, then job title or
  honorific and surname; never the surname alone, never "Minister X".

The copy's date is its first full date ("21 May 2024"), else ``as_of``; with neither,
every title the register records is accepted.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers import literal_pattern, normalise, register_file
from lint.registers.people import Person, Role, load_people
from lint.rules import schema
from lint.rules.base import Hit, MatchLike, RuleMeta, scan
from lint.rules.loader import Source

KEYS = {
    "register": schema.STR,
    "check": schema.STR,
    "as_of": schema.STR,
}
DEFAULT_FIX = FixSafety.DISPLAY
CHECKS = ("spelling", "titles", "variants", "references")

#: How close a form must be to count as a near miss (rapidfuzz ratio, 0 to 100).
NEAR = 75
#: At most this many edits between two spellings of one surname.
MAX_EDITS = 2

HONORIFICS = (
    "Assistant Chief Constable|Deputy Chief Constable|Chief Constable|Detective Chief "
    "Inspector|Detective Inspector|Detective Sergeant|Detective Constable|Chief "
    "Superintendent|Superintendent|Inspector|Sergeant|Commissioner|Professor|Prof|Baroness|"
    "Baron|Dame|Lady|Lord|Sir|Cllr|Dr|Mrs|Miss|Mr|Ms|Mx|ACC|DCC|Ch Supt|Supt|DCI|DI|DS|DC|PC"
)
POST_NOMINALS = "MP|QPM|KPM|OBE|MBE|CBE|DBE|KBE|KC|QC|MSP|MLA|PhD"
SPEECH = (
    "said|says|added|adds|told|stated|explained|emphasised|emphasized|noted|highlighted|"
    "warned|praised|commented|welcomed|stressed"
)
TITLE_HEADS = (
    "Secretary|Minister|Constable|Executive|Officer|Director|Chair|Chairman|Chairwoman|"
    "Lead|Commissioner|Chancellor|Superintendent|Inspector|Sergeant|CEO|Head|President"
)
NAME = r"(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
#: Capitalised words that end organisation names, never surnames ("Essex Police said").
NOT_SURNAMES = frozenset(
    (
        "Police",
        "Office",
        "Council",
        "Society",
        "Agency",
        "Service",
        "Government",
        "Department",
        "Ministry",
        "Trust",
        "Taskforce",
        "Programme",
        "Unit",
        "Team",
        "Association",
        "Inquiry",
        "Court",
        "Commission",
        "Partnership",
        "Network",
        "Charity",
        "Foundation",
        "Group",
        "Force",
        "Forces",
        "Bill",
        "Act",
    )
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_HONORIFIC = patterns.compile(HONORIFICS)
_DATE = patterns.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s+(\d{{4}})\b")


@dataclass(frozen=True)
class Mention:
    """A surname met where it looks like a person's name, with the first name if given."""

    surname: str
    first: str | None


@dataclass(frozen=True)
class People:
    meta: RuleMeta
    people: tuple[Person, ...]
    check_name: str
    as_of: dt.date | None

    def check(self, doc: Document) -> Iterator[Hit]:
        checks: dict[str, Callable[[Document], Iterator[Hit]]] = {
            "spelling": self._spelling,
            "titles": self._titles,
            "variants": self._variants,
            "references": self._references,
        }
        yield from checks[self.check_name](doc)

    def _hit(
        self,
        start: int,
        end: int,
        args: tuple[str, ...],
        fix: str | None,
        safety: FixSafety | None = None,
    ) -> Hit:
        return Hit(start, end, format_message(self.meta.message, *args), fix=fix, fix_safety=safety)

    def _find(self, pattern: str, doc: Document) -> Iterator[MatchLike]:
        for m, _unit in scan(_compiled(pattern), doc, self.meta):
            yield m

    def copy_date(self, doc: Document) -> dt.date | None:
        m = _DATE.search(doc.text)
        if m is None:
            return self.as_of
        month = MONTHS.split("|").index(m.group(2)) + 1
        try:
            return dt.date(int(m.group(3)), month, int(m.group(1)))
        except ValueError:
            return self.as_of

    # -- spelling ------------------------------------------------------------------

    def _spelling(self, doc: Document) -> Iterator[Hit]:
        surnames = {p.surname for p in self.people}
        known: set[int] = set()
        for person in self.people:
            for wrong in person.misspellings:
                single = len(wrong.split()) == 1
                right = person.surname if single else person.name
                for m in self._find(literal_pattern(wrong), doc):
                    known.add(m.start())
                    # A misspelling may be another person's right name ("Laura Harris"):
                    # fixed safely only where a second detail names this person (the
                    # first name or honorific before a surname, a title before a name).
                    sure = _identified(person, doc.text, m.start(), first_name=single)
                    yield self._hit(
                        m.start(),
                        m.end(),
                        (right, normalise(m.group())),
                        right,
                        None if sure else FixSafety.UNSAFE,
                    )
        for person in self.people:
            pattern = rf"\b(?:{regex.escape(person.first_name)}|(?:{HONORIFICS})\.?)\s+({NAME})\b"
            for m in self._find(pattern, doc):
                found = m.group(1)
                if m.start(1) in known or found in surnames or not _near(found, person.surname):
                    continue
                if min(len(found), len(person.surname)) <= 5 and not m.group().startswith(
                    person.first_name
                ):
                    continue  # a short name needs the first name to be the same person
                yield self._hit(
                    m.start(1), m.end(1), (person.surname, found), person.surname, FixSafety.UNSAFE
                )

    # -- titles --------------------------------------------------------------------

    def _titles(self, doc: Document) -> Iterator[Hit]:
        day = self.copy_date(doc)
        reported: list[tuple[int, int]] = []
        known = [
            (wrong, person, role)
            for person in self.people
            for role in person.roles
            for wrong in role.wrong
        ]
        for wrong, person, role in sorted(known, key=lambda k: -len(k[0])):  # longest first
            for m in self._find(f"(?i:{literal_pattern(wrong)})", doc):
                if any(s < m.end() and m.start() < e for s, e in reported):
                    continue
                reported.append((m.start(), m.end()))
                yield self._hit(
                    m.start(),
                    m.end(),
                    (normalise(m.group()), person.name, role.title),
                    role.title,
                    None,
                )
        for person in self.people:
            now = [r for r in person.roles if r.held_on(day)] or list(person.roles)
            if not now:
                continue
            for start, end, candidate in self._titles_near(person, doc):
                if any(s < end and start < e for s, e in reported):
                    continue
                if any(_is_title(candidate, r) for r in now):
                    continue
                best, score = _closest(candidate, now)
                former = [r for r in person.roles if r not in now and _is_title(candidate, r)]
                if former or score >= NEAR:
                    reported.append((start, end))
                    # A near miss may be the person's own wording of the role: review it.
                    yield self._hit(
                        start, end, (candidate, person.name, best), best, FixSafety.UNSAFE
                    )
            if day is not None:
                yield from self._former_ranks(person, day, doc)

    def _titles_near(self, person: Person, doc: Document) -> Iterator[tuple[int, int, str]]:
        """Title-like phrases right before a full name, or in apposition after it."""
        text = doc.text
        word = r"(?:\p{Lu}[\w'’-]*|of|for|and|the|on|to|in)"
        before = regex.compile(rf"(\p{{Lu}}[\w'’-]*(?:[ \t]+{word})*)[ \t]*,?[ \t]*$")
        after = regex.compile(
            rf"(?:\s+(?:{POST_NOMINALS}))*,[ \t]+([^,:;()\n]+?)[ \t]*(?=,|:|\(|\b(?:{SPEECH})\b|$)",
            regex.M,
        )
        names = "|".join(literal_pattern(n) for n in (person.name, *person.aliases))
        for m, unit in scan(_compiled(names), doc, self.meta):
            b = before.search(text, max(unit.start, m.start() - 120), m.start())
            if b is not None:
                phrase = regex.sub(r"^(?:The|the)\s+", "", b.group(1))
                yield b.end(1) - len(phrase), b.end(1), phrase
            a = after.match(text, m.end(), min(unit.end, m.end() + 160))
            if a is not None:
                yield a.start(1), a.end(1), a.group(1)

    def _former_ranks(self, person: Person, day: dt.date, doc: Document) -> Iterator[Hit]:
        current = next((r for r in person.roles if r.held_on(day)), None)
        for role in person.roles:
            if not role.rank or role.held_on(day):
                continue
            pattern = (
                rf"\b{regex.escape(role.rank)}\s+(?:{regex.escape(person.first_name)}"
                rf"\s+)?{regex.escape(person.surname)}\b"
            )
            for m in self._find(pattern, doc):
                if regex.search(
                    r"\b(?:former|then|ex-)\s*$",
                    doc.text[max(0, m.start() - 8) : m.start()],
                    regex.I,
                ):
                    continue  # "former DCC Ian Critchley" is right
                right = current.title if current else person.honorific
                yield self._hit(m.start(), m.end(), (m.group(), person.name, right), None)

    # -- variants ------------------------------------------------------------------

    def _variants(self, doc: Document) -> Iterator[Hit]:
        mentions: dict[str, list[Mention]] = {}
        for mention in self._mentions(doc):
            mentions.setdefault(mention.surname, []).append(mention)
        known = {p.surname for p in self.people} | {
            w for p in self.people for m in p.misspellings for w in m.split()
        }
        counts = {s: len(list(self._find(literal_pattern(s), doc))) for s in mentions}
        for a, b in itertools.combinations(sorted(mentions), 2):
            if a.casefold() == b.casefold() or not _near(a, b) or {a, b} & known:
                continue
            firsts_a = {m.first for m in mentions[a] if m.first}
            firsts_b = {m.first for m in mentions[b] if m.first}
            shared = firsts_a & firsts_b
            if firsts_a and firsts_b and not shared:
                continue  # two first names: two people
            if not shared and (min(len(a), len(b)) <= 5 or not _typo(a, b)):
                # Without the same first name, only a long name with a typing slip
                # (a letter doubled, dropped or swapped) is taken for the same person:
                # "Cleverley"/"Cleverly" yes, "Balding"/"Baldwin" no.
                continue
            odd, usual = (a, b) if counts[a] < counts[b] else (b, a)
            if counts[a] == counts[b]:
                odd, usual = (a, b) if _first(a, doc) > _first(b, doc) else (b, a)
            for m in self._find(literal_pattern(odd), doc):
                yield self._hit(m.start(), m.end(), (odd, usual), usual)

    def _mentions(self, doc: Document) -> Iterator[Mention]:
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
            for m in self._find(pattern, doc):
                surname, first = m.group("surname"), m.group("first")
                if surname in NOT_SURNAMES:
                    continue
                if first is not None and _HONORIFIC.fullmatch(first):
                    first = None  # "Ms Shaw said": an honorific, not a first name
                yield Mention(surname, first)

    # -- references ----------------------------------------------------------------

    def _references(self, doc: Document) -> Iterator[Hit]:
        day = self.copy_date(doc)
        text = doc.text
        for person in self.people:
            full = [
                m.span()
                for m in self._find(
                    "|".join(literal_pattern(n) for n in (person.name, *person.aliases)), doc
                )
            ]
            first_full = full[0][0] if full else None
            polite = f"{person.honorific} {person.surname}" if person.honorific else person.name
            bare = (
                rf"(?<!(?:(?:{HONORIFICS})\.?|\p{{Lu}}[\w'’-]*)[ \t])"
                rf"{literal_pattern(person.surname)}(?![ \t]+\p{{Lu}})"
            )
            for m in self._find(bare, doc):
                if any(s <= m.start() < e for s, e in full):
                    continue
                if text[max(0, m.start() - 9) : m.start()].endswith("Minister "):
                    continue  # reported below with its own advice
                if first_full is None or m.start() < first_full:
                    yield self._hit(
                        m.start(),
                        m.end(),
                        (m.group(), person.name, "Full name at first mention"),
                        person.name,
                    )
                else:
                    yield self._hit(
                        m.start(),
                        m.end(),
                        (
                            m.group(),
                            polite,
                            "Surname alone after the first mention (use the job "
                            "title or the honorific and surname)",
                        ),
                        polite,
                    )
            titles = [r.title for r in person.roles if r.held_on(day) and not r.organisation]
            for m in self._find(
                rf"(?<!\p{{Lu}}[\w'’-]*[ \t])\bMinister\s+"
                rf"(?:{regex.escape(person.first_name)}\s+)?"
                rf"{regex.escape(person.surname)}\b",
                doc,
            ):
                title = titles[0] if titles else "the full title"
                yield self._hit(
                    m.start(),
                    m.end(),
                    (m.group(), f"{title}, {person.name}", "Never 'Minister' and a name"),
                    f"{title}, {person.name}",
                )
            if first_full is None:
                continue
            yield from self._bare_title(person, titles, first_full, doc)

    def _bare_title(
        self, person: Person, titles: list[str], first_full: int, doc: Document
    ) -> Iterator[Hit]:
        """A title alone before the full name has been given (headlines excepted)."""
        for title in titles:
            pattern = f"(?i:{literal_pattern(title)})"
            for m, unit in scan(_compiled(pattern), doc, self.meta):
                if m.start() >= first_full:
                    break
                if _headline(doc.text[unit.start : unit.end]):
                    continue
                following = doc.text[m.end() : m.end() + len(person.name) + 3]
                if person.name in following:
                    continue
                wanted = f"{title} {person.name}"
                yield self._hit(
                    m.start(),
                    m.end(),
                    (
                        m.group(),
                        wanted,
                        "Title alone at first mention (give the full title and name)",
                    ),
                    wanted,
                )
                break


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str) -> regex.Pattern[str]:
    return patterns.compile(pattern)


def _identified(person: Person, text: str, start: int, *, first_name: bool) -> bool:
    """Whether the words just before ``start`` name ``person`` too: a title they hold or
    held, or (before a bare surname) their first name or an honorific."""
    forms = [t for r in person.roles for t in r.accepted]
    if first_name:
        forms.append(person.first_name)
    body = "|".join(literal_pattern(f) for f in forms)
    before = text[max(0, start - 160) : start]
    lead = rf"(?:{body})" if not first_name else rf"(?:{body}|(?:{HONORIFICS})\.?)"
    return regex.search(rf"{lead}[ \t]*,?[ \t]+$", before) is not None


def _near(a: str, b: str) -> bool:
    return a != b and Levenshtein.distance(a, b) <= MAX_EDITS and fuzz.ratio(a, b) >= NEAR


def _typo(a: str, b: str) -> bool:
    """One letter added or dropped, or two neighbours swapped: a slip, not a new name."""
    if abs(len(a) - len(b)) == 1:
        return Levenshtein.distance(a, b) == 1
    return len(a) == len(b) and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def _first(form: str, doc: Document) -> int:
    m = regex.search(literal_pattern(form), doc.text)
    return m.start() if m else -1


def _key(title: str) -> str:
    return normalise(title).casefold()


def _is_title(candidate: str, role: Role) -> bool:
    """The phrase is the role's title: exactly, after an organisation name ("NAPAC Chief
    Executive"), or followed by one ("Chief Executive of The Children's Society")."""
    cand = _key(candidate)
    for title in map(_key, role.accepted):
        if cand == title or cand.endswith(" " + title):
            return True
        if regex.match(rf"{regex.escape(title)} (?:of|for|at) ", cand):
            return True
    return False


def _closest(candidate: str, roles: list[Role]) -> tuple[str, float]:
    """The accepted title nearest the phrase, and how near (0 to 100)."""
    cand = _key(candidate)
    head = regex.split(r" (?:of|at) ", cand, maxsplit=1)[0]
    best, score = roles[0].title, 0.0
    for role in roles:
        for title in role.accepted:
            s = max(fuzz.ratio(cand, _key(title)), fuzz.ratio(head, _key(title)))
            if s > score:
                best, score = title, s
    return best, score


def _headline(block: str) -> bool:
    """A short line with no closing full stop: a headline or heading in plain text."""
    stripped = block.strip()
    return len(stripped.split()) <= 15 and not stripped.endswith((".", "!", "?", ":", '"', "”"))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> People:
    check = schema.choice(
        data.get("check", ""), CHECKS, key="check", path=src.path, line=src.data.line_of("check")
    )
    people: tuple[Person, ...] = ()
    if check != "variants" or data.get("register"):  # variants works without a register
        name = schema.require(data, "register", path=src.path, line=src.data.line, kind="people")
        register = register_file(src.path, name, line=src.data.line_of("register"))
        people = load_people(register)
    as_of = None
    if data.get("as_of"):
        try:
            as_of = dt.date.fromisoformat(data["as_of"])
        except ValueError:
            raise RuleError(
                "'as_of' must be a date like 2024-05-21",
                path=src.path,
                line=src.data.line_of("as_of"),
            ) from None
    return People(meta, people, check, as_of)
