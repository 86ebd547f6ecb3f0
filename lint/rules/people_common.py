"""What the four checks of the ``people`` kind share: the name patterns, the rule's
helpers (find, hit, the copy's date) and the fuzzy comparisons of names and titles."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from lint import lexicon, patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers import literal_pattern, normalise
from lint.registers.people import Person, Role
from lint.rules.contract import Hit, RuleMeta
from lint.rules.matching import MatchLike, scan

#: How close a form must be to count as a near miss (rapidfuzz ratio, 0 to 100).
NEAR = 75
#: At most this many edits between two spellings of one surname.
MAX_EDITS = 2

#: Honorifics, styles and ranks before a name (the lexicon's, as regex alternations).
HONORIFICS = lexicon.alternation("honorifics", "styles", "ranks", "rank_abbreviations")
POST_NOMINALS = lexicon.alternation("post_nominals", "elected_letters")
SPEECH = lexicon.alternation("speech_verbs")
#: Words a job title ends with: title heads and one-word ranks ("Chief Constable").
TITLE_HEADS = "|".join(
    sorted(lexicon.words("title_heads") | lexicon.single_words("ranks"), key=lambda w: (-len(w), w))
)
NAME = r"(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
#: Capitalised words that end organisation names, never surnames ("Essex Police said").
NOT_SURNAMES = lexicon.words("organisation_words", "role_first_names")
MONTHS = "|".join(lexicon.lexicon()["months"])
HONORIFIC_RE = patterns.compile(HONORIFICS)
DATE_RE = patterns.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s+(\d{{4}})\b")


@dataclass(frozen=True)
class PeopleRule:
    """A compiled ``people`` rule: its register and which check it runs."""

    meta: RuleMeta
    people: tuple[Person, ...]
    check_name: str
    as_of: dt.date | None
    ranks: tuple[tuple[str, str], ...] = ()  # check ranks: (form, rank it stands for)
    changes: regex.Pattern[str] | None = None  # check ranks: words that say it changed
    #: check ranks: of those words, the ones that only place a rank in the past
    #: ("former", "retired"): said of every mention, the ranks are of one time.
    past: regex.Pattern[str] | None = None
    first_names: tuple[frozenset[str], ...] = ()  # check variants: spellings of one name

    def hit(
        self,
        start: int,
        end: int,
        args: tuple[str, ...],
        fix: str | None,
        safety: FixSafety | None = None,
    ) -> Hit:
        return Hit(start, end, format_message(self.meta.message, *args), fix=fix, fix_safety=safety)

    def named_in(self, person: Person, doc: Document) -> bool:
        """Whether the document can name the person: the last word of one of their names
        is in it. A cheap test that spares every scan for the people it does not name."""
        return any(n.split()[-1] in doc.text for n in (person.name, *person.aliases))

    def find(
        self,
        pattern: str,
        doc: Document,
        facts: Facts,
        *,
        needs: Sequence[str] = (),
        anycase: bool = False,
    ) -> Iterator[MatchLike]:
        """Matches of ``pattern``; none at once (nothing compiled) when the pattern can
        only match one of the register forms ``needs`` and none of them is in the text.
        A register of thousands of people then compiles only who is mentioned."""
        if needs and not could_occur(needs, doc, anycase=anycase):
            return
        for m, _unit in scan(compiled(pattern), doc, facts, self.meta):
            yield m

    def copy_date(self, doc: Document) -> dt.date | None:
        m = DATE_RE.search(doc.text)
        if m is None:
            return self.as_of
        month = MONTHS.split("|").index(m.group(2)) + 1
        try:
            return dt.date(int(m.group(3)), month, int(m.group(1)))
        except ValueError:
            return self.as_of


def usual(uses: list[tuple[MatchLike, str]]) -> str:
    """The value most uses give (the one given first, on a tie): what the copy means,
    so the odd ones out are what to report."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m, value in uses:
        counts[value] = counts.get(value, 0) + 1
        first.setdefault(value, m.start())
    return max(counts, key=lambda v: (counts[v], -first[v]))


@functools.cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """Each register pattern compiled once per run (a bounded cache thrashed on a large
    register and recompiled thousands of patterns for every document)."""
    return patterns.compile(pattern)


_FORM_PARTS = regex.compile(r"[^\s'’]+")


def could_occur(forms: Sequence[str], doc: Document, *, anycase: bool = False) -> bool:
    """Whether any of ``forms`` may be in the document: each piece of it between spaces
    and apostrophes (which literal_pattern lets vary) is in the text."""
    hay = doc.text.lower() if anycase else doc.text
    for form in forms:
        parts = _FORM_PARTS.findall(normalise(form).lower() if anycase else normalise(form))
        if all(part in hay for part in parts):
            return True
    return False


def near(a: str, b: str) -> bool:
    return a != b and Levenshtein.distance(a, b) <= MAX_EDITS and fuzz.ratio(a, b) >= NEAR


def typo(a: str, b: str) -> bool:
    """One letter added or dropped, or two neighbours swapped: a slip, not a new name."""
    if abs(len(a) - len(b)) == 1:
        return Levenshtein.distance(a, b) == 1
    return len(a) == len(b) and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def first_at(form: str, doc: Document) -> int:
    m = regex.search(literal_pattern(form), doc.text)
    return m.start() if m else -1


def title_key(title: str) -> str:
    return normalise(title).casefold()


def is_title(candidate: str, role: Role) -> bool:
    """The phrase is the role's title: exactly, after an organisation name ("NAPAC Chief
    Executive"), or followed by one ("Chief Executive of The Children's Society")."""
    cand = title_key(candidate)
    for title in map(title_key, role.accepted):
        if cand == title or cand.endswith(" " + title):
            return True
        if regex.match(rf"{regex.escape(title)} (?:of|for|at) ", cand):
            return True
    return False


def closest_title(candidate: str, roles: list[Role]) -> tuple[str, float]:
    """The accepted title nearest the phrase, and how near (0 to 100)."""
    cand = title_key(candidate)
    head = regex.split(r" (?:of|at) ", cand, maxsplit=1)[0]
    best, score = roles[0].title, 0.0
    for role in roles:
        for title in role.accepted:
            s = max(fuzz.ratio(cand, title_key(title)), fuzz.ratio(head, title_key(title)))
            if s > score:
                best, score = title, s
    return best, score


def is_headline(block: str) -> bool:
    """A short line with no closing full stop: a headline or heading in plain text."""
    stripped = block.strip()
    return len(stripped.split()) <= 15 and not stripped.endswith((".", "!", "?", ":", '"', "”"))
