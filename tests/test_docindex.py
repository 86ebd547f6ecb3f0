"""The document's index (lint/docindex.py): abbreviations spelled out anywhere, in either
order, by capitalised words whose initials (linking words giving a letter or not) spell
them; names of many words; brands. Our own sentences."""

from __future__ import annotations

import random

import regex

from lint.docindex import LINKS, DocIndex, _significant
from lint.readers import read_text


def _index(text: str) -> DocIndex:
    return DocIndex(read_text("d.txt", text))


def _spelled(text: str, term: str) -> list[str]:
    index = _index(text)
    return [text[at : at + 12] for at in index.spelled_out(term)]


def test_initials_with_linking_words_given_or_skipped() -> None:
    text = "HOPAC met. The Heads of Prosecuting Agencies Conference was in May."
    assert _spelled(text, "HOPAC") == ["Heads of Pro"]
    text = "She founded CROP, the Coalition for the Removal of Pimping, in 2006."
    assert _spelled(text, "CROP") == ["Coalition fo"]
    assert _spelled("The Greater Manchester Police said so.", "GMP") == ["Greater Manc"]


def test_lower_case_words_and_broken_runs_spell_nothing() -> None:
    assert _spelled("It was about child sexual exploitation. CSE is abuse.", "CSE") == []
    assert _spelled("The Greater Manchester. Police said so.", "GMP") == []
    # The last word is never a link word.
    assert _spelled("The Council of The Realm", "COT") == []


def test_names_and_brands() -> None:
    text = (
        "# The Paedophile Unit Story\n\n"
        "The Paedophile On-Line Investigation Team and the SPARK campaign met."
    )
    index = DocIndex(read_text("d.md", text))
    found = [(text[s:e], what) for s, e, what in index.names]
    assert ("Paedophile On-Line Investigation Team", "name") in found
    assert ("SPARK", "brand") in found
    assert all("Story" not in name for name, _ in found)  # headings are left out


def test_emphasis_is_an_english_word_in_capitals_between_lower_case_words() -> None:
    text = "It does not lessen the IMPACT of the abuse. The RAPID team and the BRIDGE project met."
    index = _index(text)
    # RAPID is a word but stands before a capital; BRIDGE is a brand; IMPACT is emphasis.
    assert [text[s:e] for s, e in index.emphasis] == ["IMPACT"]
    # Letters that are no word, and short words, are not emphasis.
    assert _index("It went to the NWCA panel and the CAT team for review.").emphasis == []


def _plain_spelled(text: str, term: str) -> list[int]:
    """The walk word by word, each word with its run's number: what the index's one-pass
    token list (breaks as tokens, initials as a string) must give."""
    words, run, last = [], 0, 0
    for m in regex.finditer(r"[\p{L}&][\p{L}'’-]*", text):
        run += bool(regex.search(r"[.!?;:()\[\]\"“”\n]", text[last : m.start()]))
        words.append((m.group(), m.start(), run))
        last = m.end()

    def match(j: int, i: int, run: int) -> bool:
        if j == len(term):
            return True
        if i >= len(words) or words[i][2] != run:
            return False
        word = words[i][0]
        if word.lower() in LINKS:
            gives = word[:1].upper() == term[j] and j + 1 < len(term)
            return (gives and match(j + 1, i + 1, run)) or match(j, i + 1, run)
        return word[:1].upper() == term[j] and _significant(word) and match(j + 1, i + 1, run)

    return [
        at
        for i, (word, at, run) in enumerate(words)
        if word[:1] == term[0] and word.lower() not in LINKS and _significant(word)
        if match(1, i + 1, run)
    ]


def test_spelled_out_is_the_plain_walk_word_by_word() -> None:
    pieces = ["Greater", "Manchester", "Police", "of", "the", "The", "and", "&", "G", "GMP"]
    pieces += ["Mo", "x", "-", "'", "’", " ", ".", ",", "(", "\n", "9", "Ébé", "M-P", "&P", "Of"]
    rng = random.Random(19)
    for _ in range(1500):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 14))
        )
        index = _index(text)
        for term in ("GMP", "GM", "GOTP", "MP", "OP"):
            assert list(index.spelled_out(term)) == _plain_spelled(index.doc.text, term), text
