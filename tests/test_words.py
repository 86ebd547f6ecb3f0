"""Word rules without regex (lint/rules/words.py): a pattern that is only words is
matched by an automaton and string tests, with the same matches as the compiled pattern."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex
from helpers import checked, corpus_runs

from lint import diskcache
from lint.config import Config, _load_folder_cached, all_rules
from lint.configfiles import builtin_rules_dir
from lint.rules import words
from lint.rules.prefilter import Alternatives
from lint.rules.words import (
    NO_WORDS_ENV,
    SAFE,
    UNSAFE_TEXT,
    WordPattern,
    read_words,
)


@pytest.mark.slow
def test_words_and_regex_find_the_same_on_the_precision_corpus_and_the_seeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert words.enabled()
    rules = all_rules(Config())
    word_rules = [r for r in rules if isinstance(getattr(r, "pattern", None), WordPattern)]
    assert len(word_rules) >= 5, "the default rule set has word rules to compare"
    used: list[int] = []
    finditer_words = WordPattern.finditer_words

    def counting(self: WordPattern, *args: object) -> object:
        used.append(1)
        return finditer_words(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(WordPattern, "finditer_words", counting)
    for paths, config in corpus_runs():
        used.clear()
        fast = checked(paths, config)
        assert len(used) > 50  # the word path ran
        with monkeypatch.context() as patch:
            patch.setenv(NO_WORDS_ENV, "1")
            assert not words.enabled()
            used.clear()
            slow = checked(paths, config)
            assert not used
        assert sum(len(f) for _, f in fast) > 100
        assert fast == slow


def _same(pattern: str, text: str, pos: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The word path's matches, checked against the compiled pattern's."""
    found = read_words(pattern)
    assert found is not None, pattern
    endpos = len(text) if end is None else end
    word = WordPattern(pattern, found)
    assert words.matchable(text, text.lower())
    mine = [(m.span(), m.groups()) for m in word.finditer_words(text, text.lower(), pos, endpos)]
    theirs = [(m.span(), m.groups()) for m in regex.compile(pattern).finditer(text, pos, endpos)]
    assert mine == theirs
    return [span for span, _ in mine]


def test_matches_are_the_compiled_patterns() -> None:
    existence = r"(?mi)\b(?:paedophiles?|child\s+sex\s+(?:holidays?|trips?)|kiddie[- ]fiddler)\b"
    text = "Paedophiles, a PAEDOPHILE's child  sex\ntrips and kiddie-fiddler or kiddie fiddler."
    assert _same(existence, text) == [(0, 11), (15, 25), (28, 44), (49, 63), (67, 81)]
    assert _same(existence, "paedophilesque childsex trips") == []  # boundaries
    assert _same(existence, "xpaedophile", 1) == []  # the boundary sees before pos
    assert _same(existence, "paedophiles", 0, 10) == [(0, 10)]  # and stops at endpos
    substitution = r"(?mi)\b(?:(decision\s+making)|(decision)|(well-being)|(wellbeing))\b"
    assert _same(substitution, "Decision making and decision; well-being, wellbeing") == [
        (0, 15),
        (20, 28),
        (30, 40),
        (42, 51),
    ]
    # the engine's order: an earlier entry wins where both match, greedy before lazy
    assert _same(r"(?i)\b(?:(front)|(front\s+line))\b", "front line") == [(0, 5)]
    assert _same(r"(?i)\b(?:task\s+forces??)\b", "task forces") == [(0, 11)]
    assert _same(r"(?i)(?:task\s+forces??)", "task forces") == [(0, 10)]
    assert _same(r"(?i)\b(?:(sex\s+abuse))\b", "sex abuse") == [(0, 9)]


def _mixed_same(alternatives: list[str], text: str, pos: int = 0, end: int | None = None) -> None:
    """A substitution-like alternation whose entries are only in part words runs branch
    by branch (``Alternatives.apart``), not as words: its matches, with the entries'
    groups, are the compiled pattern's."""
    head, tail = r"(?mi)\b(?:", r")\b"
    needles = [frozenset({"care"})] + [None] * (len(alternatives) - 1)
    choice = Alternatives.of(head, alternatives, tail, needles, groups=True)
    assert choice is not None
    assert choice.by_words(range(len(alternatives))) is None, alternatives
    apart = choice.apart(frozenset({"care"}))
    assert apart is not None, alternatives
    endpos = len(text) if end is None else end
    mine = [(m.span(), m.groups()) for m in apart.finditer(text, pos, endpos)]
    whole = regex.compile(head + "|".join(alternatives) + tail)
    theirs = [(m.span(), m.groups()) for m in whole.finditer(text, pos, endpos)]
    assert mine == theirs, (alternatives, text)


def test_entries_only_in_part_words_run_branch_by_branch_as_the_compiled_pattern() -> None:
    entries = [
        r"(care\s+gangs)",  # words
        r"((?<!day[ -])care\s+gangs?)",  # regex: a look-behind
        r"(gangs?\s+grooming)",  # words
        r"(grooming\s+\w+)",  # regex
        r"(grooming)",  # words, after a regex entry that matches first where both do
    ]
    texts = [
        "Care gangs and day care gang, care gang grooming gangs; gang grooming here.",
        "grooming grooming gangs care gangs grooming",  # sides overlapping in turn
        "day-care gangs grooming",
        "",
    ]
    for text in texts:
        _mixed_same(entries, text)
        _mixed_same(list(reversed(entries)), text)  # the other side earlier at a tie
        for pos in range(0, len(text), 7):
            _mixed_same(entries, text, pos, min(len(text), pos + 20))
    # the regex entries may match the empty string: the whole pattern takes over
    _mixed_same([r"(care)", r"(x*)"], "care x care")
    _mixed_same([r"(care\s+gangs)", r"((?=gangs))"], "care gangs gangs")


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?m)\b(?:paedophiles?)\b",  # case-sensitive
        r"(?mi)\b(?:(?<!day\s)care\s+gangs)\b",  # a look-behind
        r"(?mi)\b(?:\p{Lu}\p{Ll}+\s+gangs)\b",  # regex-only syntax
        r"(?mi)\b(?:[[:alpha:]]+)\b",
        r"(?mi)\b(?:care){e<=1}\b",
        r"(?mi)\b(?:\d+\s+children)\b",
        r"(?mi)\b(?:care\s+\s+gangs)\b",  # two runs of white space
        r"(?mi)\b(?:care gangs)\b",  # a literal space (rules turn it into \s+)
        r"(?mi)\b(?:(?P<x>care)|(gangs))\b",  # a named group
        r"(?mi)\b(?:(care)|gangs)\b",  # an entry without its group
        r"(?mi)\b(?:(?-i:Care))\b",
        r"(?mi)^care$",
        r"(?mi)\b(?:café)\b",  # a letter regex and lower() might fold apart
        r"(?mi)\b(?:" + "|".join(f"w{i}" for i in range(words.MOST + 1)) + r")\b",
    ],
)
def test_patterns_that_are_not_only_words_keep_regex(pattern: str) -> None:
    assert read_words(pattern) is None


def test_a_view_regex_folds_otherwise_is_matched_by_regex() -> None:
    assert words.matchable("Kelvin sign K", "kelvin sign k")
    assert not words.matchable("Mrſ", "mrſ")  # ſ matches s in regex, not in lower()
    assert not words.matchable("İ", "İ".lower())  # a longer lower case
    assert not words.matchable("Dıyarbakır", "dıyarbakır")  # ı matches I in regex
    assert all(regex.fullmatch("(?i)[SI]", c) for c in UNSAFE_TEXT)


@pytest.mark.slow
def test_safe_characters_fold_as_they_lower_case() -> None:
    """For every character a word may hold, ``regex``'s case-insensitive match and
    ``str.lower`` agree on all of Unicode but ``UNSAFE_TEXT`` and lengthening ones."""
    compiled = {c: regex.compile("(?i)" + regex.escape(c)) for c in sorted(SAFE)}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        lower = char.lower()
        if char in UNSAFE_TEXT or len(lower) != 1:  # such views are matched by regex
            continue
        for c, pattern in compiled.items():
            assert (pattern.fullmatch(char) is not None) == (lower == c.lower()), (c, hex(code))


def test_words_are_kept_between_runs_and_a_doctored_file_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    words.STORE.forget()
    pattern = r"(?mi)\b(?:(sex\s+abuse))\b"
    found = words.words_of(pattern)
    assert found is not None and found.alternatives == ((("sex", "abuse"),),)
    words.remember()
    words.STORE.forget()
    stored = diskcache.read("words.json")
    assert stored["entries"] == {diskcache.digest(pattern): found.to_json()}
    assert words.words_of(pattern) == found
    doctored_entries = [
        [[[["SEX"]]], 1, True, False],  # not lower case
        [[[["sex"]]], 2, True, True],  # groups that are not there
        [[[[""]]], 0, True, True],  # an empty word
        [[], 0, True, True],
        # Every word is tested at once, one a line: a line break inside a word, a space
        # at a word's edge or a character outside ``SAFE`` still spoils the file.
        [[[["sex\nabuse"]]], 1, True, True],
        [[[["sex", " abuse"]]], 1, True, True],
        [[[["sex "], ["abuse"]]], 1, True, True],
        [[[["sex"], ["ab\tuse"]]], 1, True, True],
        [[[["sex"]], [["abusé"]]], 2, True, True],
        [[[["sex", 3]]], 1, True, True],
    ]
    valid = [[[["sex", "a-b c"]], [["’t"]]], 2, True, True]
    assert words._valid(valid)
    for doctored in doctored_entries:
        entries = {diskcache.digest(pattern): doctored}
        diskcache.write("words.json", {"method": words.STORE.method, "entries": entries})
        words.STORE.forget()
        assert words.STORE.entries() == {}
    words.STORE.forget()


def test_rules_built_from_a_cold_cache_folder_match_as_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    words.STORE.forget()
    _load_folder_cached.cache_clear()
    try:
        rules = _load_folder_cached(str(builtin_rules_dir()))
        assert any(isinstance(getattr(r, "pattern", None), WordPattern) for r in rules)
    finally:
        _load_folder_cached.cache_clear()
        words.STORE.forget()
