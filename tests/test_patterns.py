"""lint.patterns: one place compiles, and a lazy pattern compiles only when used."""

from __future__ import annotations

import pytest
import regex

from lint import patterns


def test_a_lazy_pattern_compiles_when_first_used_and_acts_as_the_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[str] = []

    def compiler(text: str, flags: int) -> regex.Pattern[str]:
        made.append(text)
        return regex.compile(text, flags)

    lazy = patterns.Lazy(r"\bcare gangs?\b", regex.I, compiler)
    assert lazy.pattern == r"\bcare gangs?\b" and made == []  # its text, uncompiled
    found = lazy.search("Care gangs were")
    assert found is not None and found.group() == "Care gangs"
    assert [m.span() for m in lazy.finditer("care gang, care gangs")] == [(0, 9), (11, 21)]
    assert made == [r"\bcare gangs?\b"]  # once, however many calls
    assert lazy.flags == regex.compile(r"\bcare gangs?\b", regex.I).flags


def test_patterns_lazy_goes_through_the_one_compile() -> None:
    lazy = patterns.lazy(r"ab+c")
    assert lazy.fullmatch("abbc") is not None
    assert patterns.compile(r"ab+c") is patterns.compile(r"ab+c")
