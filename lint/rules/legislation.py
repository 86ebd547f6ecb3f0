"""legislation: Acts and orders cited by their exact short title and year (sglint's own
kind).

The rule names a register (``register: _legislation.yml``, relative to the rule file;
see ``lint.registers.legislation``). Each citation, words then "Act" or "Order" then a
year, is compared with the register:

* the right words with a year that no statute of that title has, within two years of
  one that does ("Sexual Offences Act 2004"): the nearest right title is the fix;
* a word wrong in the title of that year's statute ("Children's Act 1989", "Sexual
  Offence Act 2003", "Sexual Offenses Act 2003"), or a word in lower case;
* the right title written with "of" or a comma before the year ("the Children Act of
  1989").

Silent: "the 2003 Act", "an Act of 2003", bills, a title the register does not know,
and a year far from every listed one (foreign statutes such as Kenya's Sexual
Offences Act 2006 keep their own titles). The fix is shown for review, never applied
blind: copy may be quoting a statute the register does not list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety, Severity
from lint.messages import format_message
from lint.registers import normalise, register_file
from lint.registers.legislation import Statute, load_legislation
from lint.registers.names import near_word
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import scan

KEYS: dict[str, schema.Option] = {
    "register": schema.Option(
        schema.STR,
        "The legislation register (a YAML file beside the rule) to check titles against.",
    ),
    **schema.GUARD_KEYS,
}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN
#: A wrong year is reported only this close to a right one: further off, it is more
#: likely another statute with the same words.
NEAR_YEARS = 2
#: The most a title right but for its case is reported at: the statute is the right one,
#: and capitals are a point of house style an editor fixes (blind review, session 12).
CASE_LEVEL = Severity.WARNING
#: How many words of a title are read back from "Act" or "Order".
MAX_WORDS = 16

_CITATION = patterns.compile(
    r"\b(?P<kind>[Aa]ct|Order)(?P<after>[ \t]+\((?:Northern[ \t]+Ireland|Scotland|Wales)\))?"
    r"(?P<joint>,?[ \t]+of[ \t]+|,[ \t]*|[ \t]+)"
    r"(?P<year>1[5-9]\d\d|20\d\d)\b(?!\s*(?:Bill|Act)\b)"
)
_WORD = regex.compile(r"\(?[\p{L}\p{N}][\p{L}\p{N}'’-]*\)?|,")
#: Where a title cannot reach back past: the end of a sentence, a quote, a line.
_STOP = regex.compile(r"[.;:!?\"“”\n]")


@dataclass(frozen=True)
class _Words:
    texts: tuple[str, ...]
    start: int  # offset of the first word
    whole: bool = True  # no capitalised word before it: the title may start here


def _key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def _tokens(title: str) -> tuple[str, ...]:
    return tuple(m.group().replace("’", "'") for m in _WORD.finditer(title))


def _title_words(statute: Statute) -> tuple[str, ...]:
    """The words of a statute's title but "Act" or "Order" and the year, in order: its
    part in brackets last where it follows "Act" ("Justice ... (Northern Ireland)")."""
    return _tokens(statute.words) + _tokens(statute.after)


@dataclass(frozen=True)
class Legislation:
    meta: RuleMeta
    statutes: tuple[Statute, ...]
    by_words: dict[tuple[str, tuple[str, ...]], list[Statute]]  # (kind, words) -> statutes
    by_year: dict[tuple[str, int], list[Statute]]
    guards: Guards

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        text = doc.text
        for m, unit in scan(_CITATION, doc, facts, self.meta, self.guards):
            # "the Sexual Offences act 2003": a title whose "Act" is in lower case.
            kind, year = m.group("kind").capitalize(), int(m.group("year"))
            before = text[max(unit.start, m.start() - 200) : m.start()]
            stop = max((s.end() for s in _STOP.finditer(before)), default=0)
            offset = m.start() - len(before) + stop
            found = [
                (w.group().replace("’", "'"), offset + w.start())
                for w in _WORD.finditer(before[stop:])
            ][-MAX_WORDS:]
            lower = m.group("kind") == "act"
            after = _tokens(m.group("after") or "")
            hit = self._judge(found, kind, year, m.group("joint"), m.end(), text, lower, after)
            if hit is not None:
                yield hit

    def _judge(
        self,
        found: list[tuple[str, int]],
        kind: str,
        year: int,
        joint: str,
        end: int,
        text: str,
        lower: bool = False,
        after: tuple[str, ...] = (),
    ) -> Hit | None:
        """The citation's problem, if any; ``lower``: its "Act" is written "act";
        ``after``: the words of a part in brackets written after it, read with the title's."""
        spans = [
            _Words(
                tuple(t for t, _ in found[i:]) + after,
                found[i][1],
                i == 0 or _opens(found[i - 1][0]),
            )
            for i in range(len(found))
            if found[i][0] != ","
        ]
        # The right words first (the longest title wins), then a slip in them.
        for span in spans:
            statutes = self.by_words.get((kind, _key(span.texts)), [])
            if not statutes:
                hit = self._other_kind(span, kind, year, text, end)
                if hit is not None:
                    return hit
                continue
            exact = [s for s in statutes if _title_words(s) == span.texts]
            observed = text[span.start : end]
            moved = [s for s in exact if _tokens(s.after) != after]
            if moved:
                placed = _year_match(moved, year) or moved[0]
                where = "after" if placed.after else "before"
                reason = f"the part in brackets goes {where} '{kind}'"
                return self._hit(span.start, end, placed.title, observed, reason, FixSafety.UNSAFE)
            if not exact:
                right = _year_match(statutes, year)
                if right is None or not span.texts[0][:1].isupper():
                    return None
                reason = "a word of the title is in the wrong case"
                return self._hit(
                    span.start, end, right.title, observed, reason, FixSafety.UNSAFE, CASE_LEVEL
                )
            right = _year_match(exact, year)
            if right is not None:
                if joint.strip():
                    reason = "the year follows the title with no 'of' and no comma"
                    return self._hit(
                        span.start, end, right.title, observed, reason, FixSafety.UNSAFE
                    )
                if lower:
                    reason = "'Act' in a statute's title has a capital A"
                    return self._hit(
                        span.start, end, right.title, observed, reason, FixSafety.SAFE, CASE_LEVEL
                    )
                return None
            if any(s.any_year or (year in s.other_years and _placed(s, text)) for s in exact):
                return None
            nearest = min(exact, key=lambda s: abs(s.year - year))
            slips = [s for s in exact if _year_slip(s.year, year)]
            if abs(nearest.year - year) > NEAR_YEARS:
                if slips:
                    nearest = slips[0]
                elif not _devolved(nearest):
                    return None
            cited = " ".join(filter(None, (nearest.words, kind, nearest.after, str(year))))
            reason = f"there is no {cited}"
            if any(year in s.other_years for s in exact):
                reason = f"the {cited} is another country's"
            return self._hit(span.start, end, nearest.title, observed, reason, FixSafety.DISPLAY)
        for span in spans:
            if not span.texts[0][:1].isupper() or not span.whole:
                continue  # a slip is judged on the whole title, not on its tail
            for statute in self.by_year.get((kind, year), []):
                if _near_title(span.texts, _title_words(statute)):
                    observed = text[span.start : end]
                    reason, level = "a word of the title is wrong", None
                    if _unhyphenated(span.texts) == _unhyphenated(_title_words(statute)):
                        # "Wellbeing" for "Well-being": the right statute, its house style.
                        reason, level = "the title writes the word with its hyphen", CASE_LEVEL
                    return self._hit(
                        span.start, end, statute.title, observed, reason, FixSafety.UNSAFE, level
                    )
        return None

    def _other_kind(self, span: _Words, kind: str, year: int, text: str, end: int) -> Hit | None:
        """The title of an Order of that year called an Act, or of an Act called an Order
        ("the Children (Northern Ireland) Act 1995")."""
        other = _OTHER_KIND[kind]
        for statute in self.by_words.get((other, _key(span.texts)), []):
            if statute.year == year and _title_words(statute) == span.texts:
                observed = text[span.start : end]
                reason = f"it is an {other}, not an {kind}"
                return self._hit(span.start, end, statute.title, observed, reason, FixSafety.UNSAFE)
        return None

    def _hit(
        self,
        start: int,
        end: int,
        right: str,
        observed: str,
        reason: str,
        fix: FixSafety,
        level: Severity | None = None,
    ) -> Hit:
        message = format_message(self.meta.message, right, normalise(observed), reason)
        return Hit(start, end, message, fix=right, fix_safety=fix, level=level)


#: An Act's title read as an Order's, and an Order's as an Act's.
_OTHER_KIND = {"Act": "Order", "Order": "Act"}


def _unhyphenated(words: tuple[str, ...]) -> str:
    return "".join(words).replace("-", "").casefold()


def _devolved(statute: Statute) -> bool:
    """A title with a part of the UK in brackets ("(Scotland)", "(Northern Ireland)"):
    one legislature's statute, which no foreign statute shares and whose other years the
    register lists, so any other year is wrong, however far from its own."""
    return any(word.startswith("(") for word in _title_words(statute))


def _opens(previous: str) -> bool:
    """Whether a title may start after this word: not after a capitalised one, except
    "The" ("The Sexual Offence Act 2003")."""
    return previous in ("The", ",") or not previous[:1].isupper()


def _year_match(statutes: list[Statute], year: int) -> Statute | None:
    return next((s for s in statutes if s.year == year), None)


def _year_slip(right: int, written: int) -> bool:
    """A year typed wrong: two neighbouring digits swapped ("1987" for 1978) or its decade
    changed ("1988" for 1998), rather than another statute's year."""
    a, b = str(right), str(written)
    diff = [i for i in range(4) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return diff == [2]


def _near_title(observed: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """One word of the title wrong by a slip ("Children's" for "Children"), one word
    too many ("Modern Day Slavery") or one missing ("Children Social Work"). A word
    added in front is a description ("the UK Online Safety Act 2023"), and a
    bracketed part names another statute ("(Scotland)"), so neither counts."""
    if observed == right:
        return False
    if observed == tuple(w.strip("()") for w in right):
        return True  # the part in brackets written without them: "Children Scotland Act"
    if len(observed) == len(right) + 1:
        return any(
            observed[:k] + observed[k + 1 :] == right and not observed[k].startswith("(")
            for k in range(1, len(observed))
        )
    if len(observed) + 1 == len(right):
        return any(
            right[:k] + right[k + 1 :] == observed
            and right[k] not in ("(", ",")
            and not right[k].startswith("(")
            for k in range(len(right))
        )
    if len(observed) != len(right):
        return False
    differ = [(o, r) for o, r in zip(observed, right, strict=True) if o != r]
    if len(differ) != 1:
        return False
    o, r = differ[0]
    if o.startswith("(") != r.startswith("(") or o.endswith(")") != r.endswith(")"):
        return False
    return near_word(o.strip("()"), r.strip("()"))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Legislation:
    name = schema.require(data, "register", path=src.path, line=src.data.line, kind="legislation")
    statutes = load_legislation(register_file(src.path, name, line=src.data.line_of("register")))
    by_words: dict[tuple[str, tuple[str, ...]], list[Statute]] = {}
    by_year: dict[tuple[str, int], list[Statute]] = {}
    for statute in statutes:
        by_words.setdefault((statute.kind, _key(_title_words(statute))), []).append(statute)
        by_year.setdefault((statute.kind, statute.year), []).append(statute)
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    return Legislation(meta, statutes, by_words, by_year, guards)


def _placed(statute: Statute, text: str) -> bool:
    """Whether a document may cite another year's statute of these words: always, unless
    those statutes are foreign and the document names nowhere they are ("Australia")."""
    return not statute.abroad or any(word in text for word in statute.abroad)
