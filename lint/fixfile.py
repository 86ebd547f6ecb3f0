"""Fixing files: read, fix until nothing changes, then write back without harm.

After each pass the text is read and checked again, because one fix can settle or
reveal another. The loop stops when a pass has nothing to do, when a pass would bring
back a text already seen (two rules undoing each other), or after ``MAX_PASSES``.

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

from lint.document import Document
from lint.engine import ActiveRule, Outcome, check_document
from lint.errors import InputError, SglintError
from lint.facts import Facts
from lint.files import read_file as read_file_bytes
from lint.finding import Finding
from lint.fix import DocumentGuard, Skip, plan_fixes, splice
from lint.readers import BINARY_FORMATS, AsIs, Reading
from lint.runner import FileResult, finding_lines

AS_IS = AsIs()

#: Passes before giving up on fixes that keep producing new fixes (ruff stops at 100).
MAX_PASSES = 10


@dataclass(frozen=True)
class DocumentFix:
    """The outcome of fixing one document in memory."""

    doc: Document  # the fixed document
    outcome: Outcome  # what the rules still find in it
    fixed: tuple[Finding, ...]  # every finding fixed, pass by pass
    skipped: tuple[Skip, ...]  # fixes refused in the final text, with the reason
    passes: int
    settled: bool  # False: stopped by the cap or a loop with fixes still to make


def fix_document(
    doc: Document,
    rules: Sequence[ActiveRule],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    reading: Reading = AS_IS,
) -> DocumentFix:
    """Fix ``doc`` pass by pass; after each pass the text is read again as ``reading``
    reads it (a Vale project masks its ignores again)."""
    fixed: list[Finding] = []
    seen = {doc.source}
    passes = 0
    while True:
        facts = Facts(doc)
        outcome = check_document(doc, rules, facts)
        plan = plan_fixes(doc.source, outcome.findings, unsafe=unsafe, guard=DocumentGuard(facts))
        if not plan.edits or passes == max_passes:
            break
        text = splice(doc.source, plan.edits)
        if text in seen:
            break  # rules undoing each other: stop before going round again
        seen.add(text)
        fixed.extend(plan.fixed)
        passes += 1
        doc = reading.reread(doc, text)
    return DocumentFix(doc, outcome, tuple(fixed), plan.skipped, passes, not plan.edits)


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
) -> FileFix:
    """Fix one file in place (or, with ``write=False``, only work out the fixes)."""
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
    except SglintError as exc:
        result.error = exc
        return FileFix(result)
    done = fix_document(doc, rules, unsafe=unsafe, max_passes=max_passes, reading=reading)
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

    The file behind a symbolic link is the one replaced, so the link survives. If the file
    no longer holds ``expected`` (someone saved it meanwhile), nothing is written.

    A run killed at any moment leaves the file whole: as it was, or fully fixed. Only its
    temporary file can stay behind (SIGKILL cannot be caught); it is hidden, and the next
    run that fixes the same file removes it.
    """
    target = Path(os.path.realpath(path))
    info = target.stat()
    if target.read_bytes() != expected:
        raise InputError("changed on disk while being fixed; file left unchanged", path=path)
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
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


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
