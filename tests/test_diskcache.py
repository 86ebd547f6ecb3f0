"""sglint's cache folder: values come back, bad files are rebuilt, it can be turned off."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import diskcache


def test_memo_builds_once_then_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"safeguarding": 4}

    assert diskcache.memo("x.json", build, lambda v: isinstance(v, dict)) == {"safeguarding": 4}
    assert diskcache.memo("x.json", build, lambda v: isinstance(v, dict)) == {"safeguarding": 4}
    assert calls == [1]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_or_unexpected_files_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "x.json").write_bytes(b"\x80\x05garbage")
    assert diskcache.memo("x.json", lambda: [1], lambda v: isinstance(v, list)) == [1]
    diskcache.write("y.json", "a string")
    assert diskcache.memo("y.json", lambda: [2], lambda v: isinstance(v, list)) == [2]


def test_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SGLINT_NO_CACHE", "1")
    assert diskcache.memo("x.json", lambda: 3, lambda v: True) == 3
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(blocker / "sub"))
    assert diskcache.memo("x.json", lambda: 4, lambda v: True) == 4
