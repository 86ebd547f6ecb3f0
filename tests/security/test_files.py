"""Item 8 of issue 18: encodings are recognised or refused, and --fix respects the
file: its bytes, its permissions, its hard links and edits made meanwhile."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from lint import fixfile
from security.hostile import BAD


def test_utf8_with_a_stray_byte_is_reported_and_never_rewritten(
    tmp_path: Path, sglint: Any
) -> None:
    draft = tmp_path / "d.txt"
    data = "Café press release.\n".encode() + b"They investigate care gangs \xff.\n"
    draft.write_bytes(data)
    for args in (["check"], ["check", "--fix"]):
        done = sglint(tmp_path, *args, "d.txt")
        assert done.status == 2
        assert done.err == "sglint: error: d.txt:2: cannot decode byte 0xff as utf-8\n"
    assert draft.read_bytes() == data


def test_a_windows_1252_export_is_still_read(tmp_path: Path, sglint: Any) -> None:
    (tmp_path / "d.txt").write_bytes(b"The police\x92s review of care gangs.\n")
    done = sglint(tmp_path, "check", "d.txt")
    assert done.status == 1
    assert "sglint: notice: d.txt: not UTF-8; decoded as Windows-1252" in done.err


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("utf-32", "UTF-32 text is not supported; save the file as UTF-8"),
        ("utf-32-be", "looks like UTF-32 text without a byte-order mark; save the file as UTF-8"),
        ("utf-16-le", "looks like UTF-16 text without a byte-order mark; save the file as UTF-8"),
        ("utf-16-be", "looks like UTF-16 text without a byte-order mark; save the file as UTF-8"),
    ],
)
def test_wide_encodings_are_refused_with_a_message(
    tmp_path: Path, sglint: Any, encoding: str, message: str
) -> None:
    (tmp_path / "d.txt").write_bytes(BAD.encode(encoding))
    # In a folder too: such a file is not skipped as binary without a word.
    done = sglint(tmp_path, "check", ".")
    assert (done.status, done.err) == (2, f"sglint: error: d.txt: {message}\n")


def test_fix_refuses_a_read_only_file(tmp_path: Path, sglint: Any) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(BAD, encoding="utf-8")
    draft.chmod(0o444)
    done = sglint(tmp_path, "check", "--fix", "d.txt")
    assert done.status == 2
    assert "sglint: error: d.txt: read-only file; fixes not written" in done.err
    assert draft.read_text(encoding="utf-8") == BAD
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_fix_keeps_hard_links(tmp_path: Path, sglint: Any) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(BAD, encoding="utf-8")
    twin = tmp_path / "twin.txt"
    os.link(draft, twin)
    inode = draft.stat().st_ino
    done = sglint(tmp_path, "check", "--fix", "d.txt")
    assert done.status == 0, done.err
    assert draft.stat().st_ino == inode and draft.stat().st_nlink == 2
    assert twin.read_text(encoding="utf-8") == "The police investigate grooming gangs.\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_fix_keeps_the_owner_of_another_users_file(tmp_path: Path, sglint: Any) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(BAD, encoding="utf-8")
    os.chown(draft, 4321, 4321)
    done = sglint(tmp_path, "check", "--fix", "d.txt")
    assert done.status == 0, done.err
    assert (draft.stat().st_uid, draft.stat().st_gid) == (4321, 4321)
    assert "grooming gangs" in draft.read_text(encoding="utf-8")


def test_an_edit_while_the_fix_is_written_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sglint: Any
) -> None:
    """The editor saves after sglint read the file and while it writes its temporary
    copy: the compare before the replace sees it, and the edit survives."""
    draft = tmp_path / "d.txt"
    draft.write_text(BAD, encoding="utf-8")
    real_fsync = os.fsync

    def someone_saves(fd: int) -> None:
        real_fsync(fd)
        draft.write_text(BAD + "Edited meanwhile.\n", encoding="utf-8")

    monkeypatch.setattr(fixfile.os, "fsync", someone_saves)
    done = sglint(tmp_path, "check", "--fix", "d.txt")
    assert done.status == 2
    assert "d.txt: changed on disk while being fixed; file left unchanged" in done.err
    assert draft.read_text(encoding="utf-8") == BAD + "Edited meanwhile.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]  # no temporary file left
