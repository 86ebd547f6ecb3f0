"""Fixing files: read, fix until nothing changes (``lint.fixdoc``), then write back
without harm.

The write keeps every byte outside the fixed spans: the same codec and byte-order mark
(the decoded text still holds every ``\\r``, so CRLF, mixed endings and the last line
ride along untouched), a temporary file in the same folder, fsync, the same permissions,
then ``os.replace``. On any error the original file is left as it was.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.boundary import OutsideProject, refuse_link_write
from lint.engine import ActiveRule
from lint.errors import InputError, SglintError, about
from lint.files import read_file as read_file_bytes
from lint.fix import Skip
from lint.fixdoc import AS_IS, KEPT_AS_WRITTEN, MAX_PASSES, DocumentFix, Keep, fix_document
from lint.readers import BINARY_FORMATS, Reading
from lint.runner import FileResult, finding_lines


@dataclass
class FileFix:
    """The outcome of fixing one file: the result to report and the text before and after."""

    result: FileResult
    before: str = ""
    after: str = ""
    written: bool = False
    skipped: tuple[Skip, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return unified_diff(self.result.path, self.before, self.after)


def fix_file(
    path: str,
    rules: Sequence[ActiveRule],
    *,
    unsafe: bool = False,
    write: bool = True,
    max_passes: int = MAX_PASSES,
    reading: Reading = AS_IS,
    keep: Keep | None = None,
) -> FileFix:
    """Fix one file in place (or, with ``write=False``, only work out the fixes);
    ``keep``: the findings an editor kept as written, never fixed."""
    with about(path):
        return _fix_file(
            path,
            rules,
            unsafe=unsafe,
            write=write,
            max_passes=max_passes,
            reading=reading,
            keep=keep,
        )


def _fix_file(
    path: str,
    rules: Sequence[ActiveRule],
    *,
    unsafe: bool,
    write: bool,
    max_passes: int,
    reading: Reading,
    keep: Keep | None = None,
) -> FileFix:
    result = FileResult(path, fixed=[])
    try:
        data = read_file_bytes(path)
        doc = reading.read(path, data)
        if doc.fmt in BINARY_FORMATS:  # no silent rewrite of a Word document
            raise InputError(
                "--fix cannot edit a Word or OpenDocument file; --annotate writes a copy "
                "of a Word draft with a comment per finding",
                path=path,
            )
    except OutsideProject as exc:
        result.notices = (str(exc),)
        return FileFix(result)
    except SglintError as exc:
        result.error = exc
        return FileFix(result)
    done = fix_document(
        doc, rules, unsafe=unsafe, max_passes=max_passes, reading=reading, keep=keep
    )
    final = done.doc
    result.fixed = list(done.fixed)
    result.findings = done.outcome.findings
    result.problems = done.outcome.problems
    result.lines = finding_lines(final, done.outcome.findings)
    result.notices = (*doc.notices, *_notices(done))
    outcome = FileFix(result, doc.source, final.source, skipped=done.skipped)
    if write and outcome.changed:
        try:
            write_atomic(path, encode_like(final.source, data, doc.encoding), expected=data)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            result.error = InputError(
                f"cannot write fixes ({reason}); file left unchanged", path=path
            )
        except SglintError as exc:
            result.error = exc
        else:
            outcome.written = True
    return outcome


def _notices(done: DocumentFix) -> list[str]:
    out = [
        f"{s.finding.path}:{s.finding.line}:{s.finding.column}: {s.finding.rule}: "
        f"fix not applied: {s.reason}"
        for s in done.skipped
        if s.reason != KEPT_AS_WRITTEN
    ]
    if not done.settled:
        out.append(
            f"{done.doc.path}: fixes did not settle after {done.passes} "
            f"pass{'es' if done.passes != 1 else ''} "
            "(rules may be undoing each other's fixes); some fixable problems remain"
        )
    return out


# -- bytes -------------------------------------------------------------------------


def codec_for(data: bytes, encoding: str) -> tuple[bytes, str]:
    """The byte-order mark and the codec that write text back as ``data`` was written."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8, "utf-8"
    if encoding == "utf-16":
        if data.startswith(codecs.BOM_UTF16_BE):
            return codecs.BOM_UTF16_BE, "utf-16-be"
        return codecs.BOM_UTF16_LE, "utf-16-le"
    return b"", encoding


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """``text`` in the original file's encoding and BOM.

    Refuses (ValueError) when the original does not come back byte for byte from its own
    decoded text, since then bytes outside the fixes could change too.
    """
    bom, codec = codec_for(original, encoding)
    decoded = original[len(bom) :].decode(codec)
    if not original.startswith(bom) or bom + decoded.encode(codec) != original:
        raise ValueError(f"the file would not round-trip through {encoding}")
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{exc.object[exc.start : exc.end]!r} cannot be written in {encoding}"
        ) from None


TEMP_SUFFIX = ".sglint-tmp"


def write_atomic(path: str, data: bytes, *, expected: bytes) -> None:
    """Replace the file's content by ``data`` in one step, keeping its permissions.

    Refused (InputError, nothing written): a symbolic link or a path leading out of the
    project through one (lint.boundary), a read-only file, and a file that no longer
    holds ``expected`` (someone saved it meanwhile; checked again just before the
    replace). A file with several hard links or another owner is rewritten in place,
    so that its links and owner stay; any other file through a temporary file.

    A run killed at any moment leaves the file whole: as it was, or fully fixed. Only its
    temporary file can stay behind (SIGKILL cannot be caught); it is hidden, and the next
    run that fixes the same file removes it.
    """
    refused = refuse_link_write(path)
    if refused is not None:
        raise InputError(refused, path=path)
    target = Path(path)
    info = target.stat()
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise InputError("read-only file; fixes not written", path=path)
    if target.read_bytes() != expected:
        raise _changed(path)
    if info.st_nlink > 1 or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        _write_in_place(target, data, expected=expected)
        return
    _remove_stale_temp_files(target)
    # The process id in the name tells a later run whether the writer is still alive.
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            # Only root can give a file away; everyone else keeps their own ownership.
            with contextlib.suppress(OSError):
                os.chown(tmp, info.st_uid, info.st_gid)
        # Compare before replace: an editor that saved meanwhile must not lose its edit.
        now = target.stat()
        if _identity(now) != _identity(info) or target.read_bytes() != expected:
            raise _changed(path)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns


def _changed(path: str) -> InputError:
    return InputError("changed on disk while being fixed; file left unchanged", path=path)


def _write_in_place(target: Path, data: bytes, *, expected: bytes) -> None:
    """Overwrite the file itself (its hard links and owner stay), after checking once
    more that it still holds ``expected``."""
    with target.open("r+b") as handle:
        if handle.read() != expected:
            raise _changed(str(target))
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _remove_stale_temp_files(target: Path) -> None:
    """Remove this file's temporary files whose run is no longer alive (it was killed)."""
    if os.name != "posix":  # os.kill(pid, 0) only tests for a process on POSIX
        return
    import re

    own = re.compile(
        re.escape(f".{target.name}.") + r"(\d+)\.[0-9a-z_]{8}" + re.escape(TEMP_SUFFIX)
    )
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            m = own.fullmatch(entry.name)
            if m and not _alive(int(m.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- diff --------------------------------------------------------------------------


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff as ``git diff`` shows it, line endings included.

    Lines are split at ``\\n`` only (``str.splitlines`` would also split at form feeds
    and U+2028, which are not line breaks in the file).
    """
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), path, path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
