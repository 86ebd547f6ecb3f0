"""The document's index (lint/docindex.py): abbreviations spelled out anywhere, in either
order, by capitalised words whose initials (linking words giving a letter or not) spell
them; names of many words; brands. Our own sentences."""

from __future__ import annotations

from lint.docindex import DocIndex
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
