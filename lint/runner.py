"""Running sglint over texts and paths: checking each file of a project, one process or
several, and collecting the results."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lint.config import Config, active_rules
from lint.document import Document
from lint.engine import ActiveRule, RuleProblem, check_document
from lint.errors import SglintError
from lint.excerpts import Excerpt, prose_excerpt
from lint.files import read_file
from lint.finding import Finding
from lint.project import Project, open_project
from lint.readers import read_text


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


def check_file(path: str, project: Project, *, explicit: bool = True) -> FileResult:
    """One file of a project: read as the project reads it, with the rules it gets."""
    result = FileResult(path)
    try:
        doc = project.read(path, read_file(path))
    except SglintError as exc:
        result.error = exc
        return result
    outcome = check_document(doc, project.rules_for(path))
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


def check_paths(
    paths: Sequence[str], config: Config | None = None, *, jobs: int = 1
) -> Iterator[FileResult]:
    """Lint files and folders; results stream one file at a time, in a stable order."""
    project = open_project(config or Config())
    yield from check_many(list(project.files(paths)), project, jobs=jobs)


# The project for worker processes: set before the pool forks, so workers inherit its
# compiled rules instead of receiving them pickled.
_WORKER_PROJECT: Project | None = None

#: Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 8


def _check_in_worker(item: tuple[str, bool]) -> FileResult:
    assert _WORKER_PROJECT is not None
    return check_file(item[0], _WORKER_PROJECT, explicit=item[1])


def check_many(
    files: Sequence[tuple[str, bool]], project: Project, *, jobs: int = 1
) -> Iterator[FileResult]:
    """Check (path, explicit) pairs, in order; across ``jobs`` processes when there are
    enough files. Results stream back one file at a time (memory stays flat)."""
    global _WORKER_PROJECT
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1 or len(files) < PARALLEL_MIN_FILES or "fork" not in _start_methods():
        for path, explicit in files:
            yield check_file(path, project, explicit=explicit)
        return
    import multiprocessing

    _WORKER_PROJECT = project
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield from pool.imap(_check_in_worker, files, chunksize=4)
    _WORKER_PROJECT = None


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
