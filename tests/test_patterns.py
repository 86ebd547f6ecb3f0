"""The on-disk pattern cache: same patterns as regex.compile, and never a wrong answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from lint import patterns

PATTERN = r"(?i)\b(?:care gangs?|vigilante (?P<what>gangs?))\b"
TEXT = "Care gangs, VIGILANTE GANG and care-gangs."


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("SGLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(patterns, "_memory", {})
    monkeypatch.setattr(patterns, "_loaded", False)
    monkeypatch.setattr(patterns, "_dirty", False)


def _same(a: regex.Pattern[str], b: regex.Pattern[str]) -> None:
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert a.groupindex == b.groupindex and a.flags == b.flags and a.pattern == b.pattern


def test_cached_patterns_behave_like_fresh_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(monkeypatch, tmp_path)
    first = patterns.compile(PATTERN)
    patterns.save()
    assert patterns.cache_file() is not None and patterns.cache_file().is_file()  # type: ignore[union-attr]
    _fresh(monkeypatch, tmp_path)
    again = patterns.compile(PATTERN)
    assert (PATTERN, 0) in patterns._memory
    _same(first, again)
    _same(again, regex.compile(PATTERN))


def test_a_corrupt_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, tmp_path)
    path = patterns.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle at all")
    _same(patterns.compile(PATTERN), regex.compile(PATTERN))


def test_a_stale_entry_is_recompiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, tmp_path)
    patterns._load()
    patterns._memory[(PATTERN, 0)] = ("garbage",)
    _same(patterns.compile(PATTERN), regex.compile(PATTERN))


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("SGLINT_NO_CACHE", "1")
    patterns.compile(PATTERN)
    patterns.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_runs_at_once_never_corrupt_the_cache(tmp_path: Path) -> None:
    """Eight processes compile different patterns and save together; the file that
    remains is always a whole, loadable cache."""
    code = (
        "import sys; from lint import patterns\n"
        "for i in range(40): patterns.compile(rf'\\b(?:word{i}x' + sys.argv[1] + r')\\b')\n"
        "patterns.save()\n"
    )
    env = {**os.environ, "SGLINT_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(n)], env=env) for n in range(8)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    files = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    assert len(files) == 1 and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    import pickle

    data = pickle.loads(files[0].read_bytes())
    assert isinstance(data, dict) and len(data) >= 40
