"""The lexicon (rules/_lexicon.yml) tested as data, and as the one source of its words."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lint import lexicon
from lint.errors import RuleError
from lint.facts import Facts
from lint.readers import read_text
from lint.rules import people_common
from lint.sentences import ABBREVIATIONS
from lint.speakers import HONORIFICS, ROLE_WORDS

ORDERED = {"months", "days"}  # calendar order, not alphabetical


def test_every_role_is_sorted() -> None:
    for role, items in lexicon.lexicon().items():
        if role not in ORDERED:
            assert list(items) == sorted(items, key=lambda w: (w.casefold(), w)), role


def test_no_word_twice_and_none_in_two_roles() -> None:
    counts = Counter(w for items in lexicon.lexicon().values() for w in items)
    assert [w for w, n in counts.items() if n > 1] == []


def test_words_are_trimmed_and_single_spaced() -> None:
    for role, items in lexicon.lexicon().items():
        for word in items:
            assert word == " ".join(word.split()), (role, word)


def test_the_consumers_read_the_lexicon() -> None:
    assert "praised" in lexicon.words("speech_verbs")
    assert "Constabulary" in people_common.NOT_SURNAMES
    assert "Constabulary" in ROLE_WORDS
    assert "Cumbria" in ROLE_WORDS
    assert "Chief" in ROLE_WORDS  # a part of "Chief Constable"
    assert "Supt" in HONORIFICS
    assert "dr" in ABBREVIATIONS


def _speakers(text: str) -> list[str | None]:
    facts = Facts(read_text("t.txt", text))
    cast = facts.cast()
    out = []
    for quote in facts.quote_model.quotes:
        speaker = cast.speaker(quote)
        out.append(None if speaker is None else speaker.label)
    return out


def test_a_force_is_not_a_person() -> None:
    """ "Cumbria Constabulary said:" was taken for a person with no role."""
    text = 'Cumbria Constabulary said:\n\n"We will find those responsible."\n'
    facts = Facts(read_text("t.txt", text))
    assert [m for m in facts.cast().mentions if m.form == "full"] == []
    assert _speakers(text) == ["Cumbria Constabulary"]


def test_every_speech_verb_attributes_a_quote() -> None:
    """One list for every reader of speech: "… she praised." was never attributed."""
    for verb in ("praised", "welcomed", "highlighted", "said"):
        text = f'Jane Smith, the Chief Executive, spoke. "It is a good day," she {verb}.\n'
        quotes = Facts(read_text("t.txt", text)).quote_model.quotes
        (quote,) = quotes
        assert quote.attribution is not None, verb
        assert quote.attribution.who.strip() == "she", verb


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("speech_verbs: [said]\n", r"_lexicon\.yml:1: missing 'honorifics' in the lexicon"),
        ("speech_verbs: said\n", r"_lexicon\.yml:1: 'speech_verbs' must be a list of non-empty"),
        ("speech_verb: [said]\n", r"_lexicon\.yml:1: unknown key 'speech_verb' in the lexicon; "),
    ],
)
def test_a_broken_lexicon_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, error: str
) -> None:
    (tmp_path / lexicon.FILE_NAME).write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon, "builtin_rules_dir", lambda: tmp_path)
    lexicon.lexicon.cache_clear()
    try:
        with pytest.raises(RuleError, match=error):
            lexicon.lexicon()
    finally:
        lexicon.lexicon.cache_clear()


def test_an_editor_adds_a_verb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = (lexicon.builtin_rules_dir() / lexicon.FILE_NAME).read_text(encoding="utf-8")
    edited = original.replace("  - said\n", "  - said\n  - enthused\n")
    assert edited != original
    (tmp_path / lexicon.FILE_NAME).write_text(edited, encoding="utf-8")
    monkeypatch.setattr(lexicon, "builtin_rules_dir", lambda: tmp_path)
    lexicon.lexicon.cache_clear()
    try:
        assert "enthused" in lexicon.alternation("speech_verbs").split("|")
    finally:
        lexicon.lexicon.cache_clear()
