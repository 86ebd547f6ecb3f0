"""typos: common misspellings from a curated list ("inidividual", "recieve").

The list is codespell's (``codespell_lib/data/dictionary.txt``, a well-kept list of
misspellings that are never words), read once per run from the installed package: no
spell-checker's dictionary of right words, so names and coinages are never reported.
A capitalised word is read only where a sentence starts (elsewhere it is a name), and
only when the list gives one correction; a word capitalised mid-sentence anywhere in
the document is a name everywhere in it ("Tennant", "Brough")."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.budget import deadline_for
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.matching import finditer
from lint.rules.substitution import keep_case

#: codespell's lists, by the name a rule gives them (the file's stem).
LISTS = ("dictionary", "dictionary_rare", "dictionary_informal", "dictionary_usage")

KEYS: dict[str, schema.Option] = {
    "lists": schema.Option(
        schema.STR_LIST, "codespell's lists read (" + ", ".join(LISTS) + ").", ("dictionary",)
    ),
    "exceptions": schema.Option(
        schema.STR_LIST, "Words never reported (lower case): right in this copy.", ()
    ),
}
DEFAULT_FIX = FixSafety.UNSAFE
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT

# A word: letters, with an inner apostrophe ("doesnt", "would'nt"); not part of a
# hyphenated compound, an address or a code (a digit, "_", "@" or "/" beside it).
_WORD = patterns.compile(r"(?<![\w'’@/.-]|\w[.])[A-Za-z]+(?:['’][a-z]+)?(?![\w@/-]|['’]\w|\.\w)")
# What may stand between a sentence's start and its first word: spaces, opening
# quotation marks and brackets, list bullets and heading marks.
_LEAD_IN = " \t\"'“‘([*#>-–—•"
_SENTENCE_END = ".!?:\n"
_MID_SENTENCE_CAPITAL = patterns.compile(r"(?<=[a-z,;]\s+)[A-Z][a-z]+")


@dataclass(frozen=True)
class Correction:
    words: tuple[str, ...]  # the right word(s), most likely first
    note: str  # codespell's reason, when it gives one ("disabled due to …")


class TypoList:
    """One of codespell's lists: misspelling -> codespell's raw correction text (a
    correction is parsed only when a document has the word). Kept as plain data in the
    cache folder (``lint.diskcache``), by codespell's version: its lines ``wrong->right``
    in buckets by the misspelling's first ``KEY`` characters, each bucket one string that
    starts and ends with a line end, so a run reads a few thousand strings rather than
    splitting 65,000 lines into a table (40 ms of every cold run), and a look-up is one
    search of one bucket (a few hundred bytes), done once per word in a run."""

    def __init__(self, buckets: dict[str, str]) -> None:
        self._buckets = buckets
        self._found: dict[str, str | None] = {}

    @staticmethod
    def of(value: Any) -> TypoList | None:
        """The list from stored data, or None when its shape is not ``_build_list``'s."""
        if not isinstance(value, dict):
            return None
        for key, bucket in value.items():
            if not (
                isinstance(key, str)
                and 0 < len(key) <= KEY
                and "\n" not in key
                and isinstance(bucket, str)
                and len(bucket) > 1
                and bucket[0] == bucket[-1] == "\n"
            ):
                return None
        return TypoList(value)

    def get(self, word: str) -> str | None:
        """The raw correction of ``word``, or None when the list does not have it."""
        if word in self._found:
            return self._found[word]
        found = None
        bucket = self._buckets.get(word[:KEY])
        at = -1 if bucket is None or "\n" in word else bucket.find(f"\n{word}->")
        if bucket is not None and at >= 0:
            start = at + len(word) + 3
            found = bucket[start : bucket.index("\n", start)]
        self._found[word] = found
        return found


#: How many first characters of a misspelling name its bucket.
KEY = 3


def read_table(name: str) -> dict[str, str]:
    """misspelling -> codespell's raw correction text, from the installed list."""
    from importlib import resources

    import codespell_lib  # the dependency that ships the lists (imported on first use)

    try:
        text = (resources.files(codespell_lib) / "data" / f"{name}.txt").read_text("utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - an install without its data
        raise RuleError(f"codespell's list '{name}' is not installed: {exc}") from exc
    return dict(line.split("->", 1) for line in text.splitlines() if "->" in line)


def _build_list(name: str) -> dict[str, str]:
    """``TypoList``'s stored form of the installed list ``name``."""
    buckets: dict[str, list[str]] = {}
    for wrong, right in read_table(name).items():
        buckets.setdefault(wrong[:KEY], []).append(f"{wrong}->{right}")
    return {key: "\n" + "\n".join(lines) + "\n" for key, lines in buckets.items()}


@functools.cache
def _read_list(name: str) -> TypoList:
    """codespell's list ``name``, read once per run (from the cache folder after the
    first run with this version of codespell)."""
    from lint import diskcache

    stored = f"codespell-{name}-{diskcache.stamp('codespell', 'codespell_lib')}-{KEY}.json"
    return diskcache.memo(stored, lambda: _build_list(name), TypoList.of)


def _correction(right: str) -> Correction:
    """codespell's forms: "fix", "fix1, fix2," (rival readings) and "fix, reason"."""
    if "," in right and not right.endswith(","):
        word, _, note = right.partition(",")
        return Correction((word.strip(),), note.strip())
    return Correction(tuple(w.strip() for w in right.split(",") if w.strip()), "")


@dataclass(frozen=True)
class Typos:
    meta: RuleMeta
    lists: tuple[str, ...]
    exceptions: frozenset[str]

    def _table(self, word: str) -> Correction | None:
        for name in self.lists:
            found = _read_list(name).get(word)
            if found is not None:
                return _correction(found)
        return None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        deadline = deadline_for(self.meta, doc)
        text = doc.text
        names: set[str] | None = None  # words capitalised mid-sentence, built on demand
        for unit in facts.units(self.meta.scope):
            for m in finditer(_WORD, text, unit.start, unit.end, deadline):
                word = m.group()
                key = word.replace("’", "'")
                capitalised = not key.islower()
                if capitalised:
                    if not (key[0].isupper() and (len(key) == 1 or key[1:].islower())):
                        continue  # ALL CAPS or mixed: an acronym or a name
                    if not _starts_sentence(text, m.start(), unit.start):
                        continue
                    key = key.lower()
                if key in self.exceptions:
                    continue
                found = self._table(key)
                if found is None or not found.words:
                    continue
                if capitalised:
                    if len(found.words) > 1 or found.note:
                        continue  # a capitalised word with rival readings: likely a name
                    if names is None:
                        names = set(_MID_SENTENCE_CAPITAL.findall(text))
                    if word in names:
                        continue
                yield self._hit(m.start(), m.end(), word, found)

    def _hit(self, start: int, end: int, word: str, found: Correction) -> Hit:
        options = [keep_case(word, w) for w in found.words]
        suggestion = "' or '".join(options)
        message = format_message(self.meta.message, word, suggestion)
        if found.note:
            message = f"{message} ({found.note})"
        single = len(options) == 1 and not found.note
        return Hit(start, end, message, fix=options[0] if single else None)


def _starts_sentence(text: str, start: int, floor: int) -> bool:
    i = start
    while i > floor and text[i - 1] in _LEAD_IN:
        i -= 1
    return i <= floor or text[i - 1] in _SENTENCE_END


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Typos:
    lists = tuple(schema.option(data, KEYS, "lists"))
    for name in lists:
        if name not in LISTS:
            raise RuleError(
                f"{src.path}:{src.data.line_of('lists')}: typos: unknown list '{name}' "
                f"(known: {', '.join(LISTS)})"
            )
    exceptions = frozenset(w.lower() for w in schema.option(data, KEYS, "exceptions"))
    return Typos(meta, lists, exceptions)
