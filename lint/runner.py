"""Running sglint over texts and paths: walking folders, reading files, collecting results."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config, active_rules
from lint.document import Document
from lint.engine import ActiveRule, RuleProblem, check_document
from lint.errors import InputError, SglintError
from lint.excerpts import Excerpt, prose_excerpt
from lint.finding import Finding
from lint.readers import (
    ANNOTATED_SUFFIX,
    BINARY_FORMATS,
    SUPPORTED_SUFFIXES,
    format_for,
    looks_binary,
    read_bytes,
    read_text,
)

SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)
    error: SglintError | None = None
    notices: tuple[str, ...] = ()
    lines: dict[int, str] = field(default_factory=dict)  # source lines that have findings
    #: (start, end) → the prose round a finding where its source line is markup (HTML)
    excerpts: dict[tuple[int, int], Excerpt] = field(default_factory=dict)
    fixed: list[Finding] | None = None  # with --fix or --diff: the findings fixed


def check_text(
    text: str,
    *,
    path: str = "<text>",
    config: Config | None = None,
    fmt: str | None = None,
    rules: Sequence[ActiveRule] | None = None,
) -> list[Finding]:
    """Lint a string; the format comes from ``fmt`` or the path's extension."""
    config = config or Config()
    doc = read_text(path, text, fmt)
    return check_document(doc, active_rules(config) if rules is None else rules).findings


def iter_files(paths: Sequence[str], config: Config) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for every document to lint, in a stable order.

    Folders are walked recursively, skipping hidden and excluded paths, files of other
    types and binary files; symlinked folders are not followed, so loops cannot happen.
    A file named explicitly is always yielded, so that what is wrong with it is reported.
    """
    seen: set[str] = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and d not in SKIPPED_DIRS
                    and not config.excluded(Path(root) / d)
                )
                for file in sorted(files):
                    full = Path(root) / file
                    if (
                        # hidden files, and the owner files Word keeps beside an open
                        # document (~$draft.docx: not a document)
                        file.startswith((".", "~$"))
                        or file.lower().endswith(ANNOTATED_SUFFIX)
                        or full.suffix.lower() not in SUPPORTED_SUFFIXES
                        or config.excluded(full)
                        or (format_for(file) not in BINARY_FORMATS and is_binary(full))
                    ):
                        continue
                    key = os.path.normpath(full)
                    if key not in seen:
                        seen.add(key)
                        yield str(full), False
        else:
            key = os.path.normpath(path)
            if key not in seen:
                seen.add(key)
                yield name, True


def check_file(path: str, rules: Sequence[ActiveRule], *, explicit: bool = True) -> FileResult:
    result = FileResult(path)
    try:
        data = read_file(path)
        doc = read_bytes(path, data)
    except SglintError as exc:
        result.error = exc
        return result
    outcome = check_document(doc, rules)
    result.findings = outcome.findings
    result.problems = outcome.problems
    result.notices = doc.notices
    result.lines = finding_lines(doc, outcome.findings)
    for f in outcome.findings:
        if (excerpt := prose_excerpt(doc, f.start, f.end)) is not None:
            result.excerpts[f.start, f.end] = excerpt
    return result


def finding_lines(doc: Document, findings: Sequence[Finding]) -> dict[int, str]:
    """The source lines that have findings, each taken once (a line of megabytes with
    thousands of findings must not be copied once per finding)."""
    return {line: doc.line_text(line) for line in {f.line for f in findings}}


def is_binary(path: Path) -> bool:
    """Whether a regular file found in a folder starts like a binary file. Anything that
    cannot be opened counts as text here, so that reading it reports why."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as f:
            return looks_binary(f.read(8192))
    except OSError:
        return False


def read_file(path: str) -> bytes:
    """The bytes of a regular file, or one InputError saying why they cannot be had."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISDIR(mode):
        raise InputError("is a folder", path=path)
    if not stat.S_ISREG(mode):  # reading a FIFO or /dev/zero would never end
        raise InputError("not a regular file (a device, pipe or socket)", path=path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: str, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError("symbolic link loop", path=path)
    if exc.errno == errno.ENOENT:
        broken = os.path.islink(path)
        return InputError("broken symbolic link" if broken else "no such file or folder", path=path)
    return InputError(f"cannot read: {exc.strerror or exc}", path=path)


def check_paths(
    paths: Sequence[str], config: Config | None = None, *, jobs: int = 1
) -> Iterator[FileResult]:
    """Lint files and folders; results stream one file at a time, in a stable order."""
    config = config or Config()
    yield from check_many(list(iter_files(paths, config)), active_rules(config), jobs=jobs)


# Rules for worker processes: set before the pool forks, so workers inherit them
# compiled instead of receiving them pickled.
_WORKER_RULES: Sequence[ActiveRule] = ()

#: Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 8


def _check_in_worker(item: tuple[str, bool]) -> FileResult:
    return check_file(item[0], _WORKER_RULES, explicit=item[1])


def check_many(
    files: Sequence[tuple[str, bool]], rules: Sequence[ActiveRule], *, jobs: int = 1
) -> Iterator[FileResult]:
    """Check (path, explicit) pairs, in order; across ``jobs`` processes when there are
    enough files. Results stream back one file at a time (memory stays flat)."""
    global _WORKER_RULES
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1 or len(files) < PARALLEL_MIN_FILES or "fork" not in _start_methods():
        for path, explicit in files:
            yield check_file(path, rules, explicit=explicit)
        return
    import multiprocessing

    _WORKER_RULES = rules
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield from pool.imap(_check_in_worker, files, chunksize=4)
    _WORKER_RULES = ()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
