"""sglint's cache folder: values come back, bad files are rebuilt, it can be turned off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lint import diskcache


def _of(kind: type) -> Callable[[object], object]:
    """A memo's ``load``: the value when it is of ``kind``, else None."""
    return lambda v: v if isinstance(v, kind) else None


def test_memo_builds_once_then_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"safeguarding": 4}

    assert diskcache.memo("x.json", build, _of(dict)) == {"safeguarding": 4}
    assert diskcache.memo("x.json", build, _of(dict)) == {"safeguarding": 4}
    assert calls == [1]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_or_unexpected_files_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "x.json").write_bytes(b"\x80\x05garbage")
    assert diskcache.memo("x.json", lambda: [1], _of(list)) == [1]
    diskcache.write("y.json", "a string")
    assert diskcache.memo("y.json", lambda: [2], _of(list)) == [2]


def test_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SGLINT_NO_CACHE", "1")
    assert diskcache.memo("x.json", lambda: 3, lambda v: v) == 3
    assert list(tmp_path.iterdir()) == []


def test_memo_refuses_a_build_that_fails_its_own_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="fails its own check"):
        diskcache.memo("x.json", lambda: "text", _of(list))


def test_unwritable_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(blocker / "sub"))
    assert diskcache.memo("x.json", lambda: 4, lambda v: v) == 4


def _store(name: str = "s.json", method: str = "m1") -> diskcache.Store:
    return diskcache.Store(name, method, lambda v: isinstance(v, list))


def test_a_store_keeps_answers_by_digest_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    key = diskcache.digest("behavior(ally|al|s)?")
    assert diskcache.is_digest(key) and not diskcache.is_digest("behavior")
    first = _store()
    assert key not in first and first.get(key) is None
    first.put(key, ["behavior"])
    assert first.get(key) == ["behavior"]
    first.save()
    assert _store().get(key) == ["behavior"]  # a later run
    assert _store(method="m2").get(key) is None  # made by other code: stale


def test_runs_at_once_keep_each_others_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    one, two = _store(), _store()
    assert one.entries() == two.entries() == {}  # both read the empty folder
    one.put("a" * 32, ["one"])
    two.put("b" * 32, ["two"])
    one.save()
    two.save()
    assert _store().entries() == {"a" * 32: ["one"], "b" * 32: ["two"]}


@pytest.mark.parametrize(
    "stored",
    [
        {"method": "m1", "entries": {"a" * 32: "not a list"}},  # a value the owner refuses
        {"method": "m1", "entries": {"not a digest": []}},
        {"method": "m1", "entries": []},
        {"method": "m1", "entries": {}, "more": 1},
        {"entries": {"a" * 32: []}},
        ["a" * 32],
    ],
)
def test_a_malformed_store_counts_as_empty(
    stored: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    diskcache.write("s.json", stored)
    assert _store().entries() == {}


def test_a_store_past_its_size_keeps_only_the_new_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "MAX_ENTRIES", 2)
    diskcache.write("s.json", {"method": "m1", "entries": {"a" * 32: [], "b" * 32: []}})
    store = _store()
    assert len(store.entries()) == 2
    store.put("c" * 32, [])
    store.save()
    assert _store().entries() == {"c" * 32: []}
    diskcache.write("s.json", {"method": "m1", "entries": {k * 32: [] for k in "abc"}})
    assert _store().entries() == {}  # a file over the limit is not read
