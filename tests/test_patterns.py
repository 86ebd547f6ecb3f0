"""lint.patterns: one place compiles, and a lazy pattern compiles only when used."""

from __future__ import annotations

from pathlib import Path

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


def test_plain_flags_give_the_regex_engine_the_same_programs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every pattern a check of the seeds compiles (rules, registers, sglint's own) is
    handed to the engine as the same program whether the parser's flags are plain
    integers (the default) or ``enum`` constants."""
    import regex._main as regex_main
    from seed_snapshot import CONFIG, seed_files

    from lint.config import _load_folder_cached, load_config
    from lint.rules import regexes
    from lint.runner import check_paths

    engine = regex_main._regex
    made: list[tuple[object, ...]] = []
    asked: list[tuple[str, int]] = []
    compile_ = regex_main._compile

    class Recorder:
        def __getattr__(self, name: str) -> object:
            return getattr(engine, name)

        def compile(self, *args: object) -> object:
            made.append(tuple(a for i, a in enumerate(args) if i not in (5, 6)))
            return engine.compile(*args)

    def asking(pattern: str, flags: int, *rest: object) -> object:
        asked.append((pattern, flags))
        return compile_(pattern, flags, *rest)

    monkeypatch.setattr(regex_main, "_regex", Recorder())
    monkeypatch.setattr(regex_main, "_compile", asking)
    regex.purge()
    patterns.compile.cache_clear()
    # A cold start: every rule built afresh, every pattern compiled at once.
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    regexes.KNOWN.forget()
    _load_folder_cached.cache_clear()
    try:
        for result in check_paths([str(p) for p in seed_files()], load_config(CONFIG)):
            assert result.error is None, result.error
    finally:
        _load_folder_cached.cache_clear()
        regexes.KNOWN.forget()

    def programs() -> dict[tuple[object, object], tuple[object, ...]]:
        return {(m[0], m[1]): m for m in made if isinstance(m[0], str)}

    plain = programs()
    assert len(plain) > 300  # the rule set's patterns, not a handful
    patterns.plain_flags(False)
    try:
        assert isinstance(regex_main.IGNORECASE, regex.RegexFlag)  # as regex made them
        made.clear()
        regex.purge()
        for pattern, flags in dict.fromkeys(asked):
            regex.compile(pattern, flags)
        assert programs() == plain
    finally:
        patterns.plain_flags()
        regex.purge()
    assert not isinstance(regex_main.IGNORECASE, regex.RegexFlag)
