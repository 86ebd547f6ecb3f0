"""Running sglint over texts and paths: checking each file of a project, one process or
several, and collecting the results."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lint import timing
from lint.boundary import OutsideProject
from lint.config import Config, active_rules
from lint.errors import SglintError, about
from lint.excerpts import Excerpt, prose_excerpt
from lint.files import read_file
from lint.finding import Finding
from lint.project import Project, open_project
from lint.readers import BINARY_FORMATS, read_text

# The engine (and with it every rule kind), the document's facts and the fix planner
# are imported on first use: a run whose files are all in the results cache never loads
# them (``tests/test_resultcache.py`` checks which modules a warm run imports).
if TYPE_CHECKING:
    from lint.document import Document
    from lint.engine import ActiveRule, RuleProblem
    from lint.resultcache import ResultCache


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
    #: The findings whose fixes --fix and --fix --unsafe-fixes would make, when counted.
    fixable: tuple[int, int] | None = None
    #: With timings kept (``--timing``): this file's CPU time per rule, fact and stage.
    timings: timing.Rows | None = None


def check_text(
    text: str,
    *,
    path: str = "<text>",
    config: Config | None = None,
    fmt: str | None = None,
    rules: Sequence[ActiveRule] | None = None,
) -> list[Finding]:
    """Lint a string; the format comes from ``fmt`` or the path's extension."""
    from lint.engine import check_document

    config = config or Config()
    doc = read_text(path, text, fmt)
    return check_document(doc, active_rules(config) if rules is None else rules).findings


def check_file(
    path: str,
    project: Project,
    *,
    explicit: bool = True,
    count_fixes: bool = False,
    data: bytes | None = None,
) -> FileResult:
    """One file of a project: read as the project reads it, with the rules it gets.
    ``data``: the file's bytes when they come from elsewhere (standard input). A link
    out of the project is skipped with a notice (lint.boundary); an unexpected exception
    becomes a Crash naming the file (lint.errors.about). With ``count_fixes``, also count
    the findings whose fixes ``--fix`` would make (``lint.fix.count_fixable``), for a
    report's "fixable" line."""
    with about(path):
        if timing.active() is None:
            return _check_file(path, project, data, count_fixes=count_fixes)
        own = timing.Timings()  # kept on the result: a worker's times reach the parent
        with timing.keeping(own), own.measure("stage", "read and report"):
            result = _check_file(path, project, data, count_fixes=count_fixes)
        result.timings = own.rows
        return result


def _check_file(
    path: str, project: Project, data: bytes | None, *, count_fixes: bool = False
) -> FileResult:
    from lint.engine import check_document, unknown_switches
    from lint.facts import Facts
    from lint.fix import count_fixable

    result = FileResult(path)
    try:
        with timing.measure("stage", "read"):
            doc = project.read(path, read_file(path) if data is None else data)
    except OutsideProject as exc:
        result.notices = (str(exc),)
        return result
    except SglintError as exc:
        result.error = exc
        return result
    rules = project.rules_for(path)
    facts = Facts(doc)
    with timing.measure("stage", "engine"):
        outcome = check_document(doc, rules, facts)
    result.findings = outcome.findings
    result.problems = outcome.problems
    result.notices = (*doc.notices, *unknown_switches(doc, project.names(path)))
    result.lines = finding_lines(doc, outcome.findings)
    for f in outcome.findings:
        if (excerpt := prose_excerpt(doc, f.start, f.end)) is not None:
            result.excerpts[f.start, f.end] = excerpt
    if count_fixes and doc.fmt not in BINARY_FORMATS:  # --fix does not edit Word drafts
        result.fixable = count_fixable(facts, outcome.findings)
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


def check_cached(
    files: Sequence[tuple[str, bool]],
    project: Project,
    cache_for: Callable[[str], ResultCache | None],
    *,
    jobs: int = 1,
    count_fixes: bool = False,
) -> Iterator[FileResult]:
    """``check_many`` with the results cache: a file whose bytes are those checked last
    time (under the same run key, from ``cache_for(path)``, the cache of the file's
    configuration or None) is not checked again. With ``count_fixes``, an entry counts
    only if it holds the fixable count too. Results come in the files' order; new ones
    are stored when the run ends."""
    from lint import resultcache

    cached: list[FileResult | None] = []
    digests: dict[int, str] = {}
    misses: list[tuple[str, bool]] = []
    caches: dict[int, ResultCache] = {}
    for index, (path, explicit) in enumerate(files):
        cache = cache_for(path)
        sha256 = ""
        if cache is not None:
            caches[index] = cache
            with contextlib.suppress(SglintError):  # checked again below, which reports it
                sha256 = resultcache.digest(read_file(path))
        hit = cache.get(path, sha256) if cache is not None and sha256 else None
        if hit is None or (count_fixes and hit.fixable is None):
            cached.append(None)
            digests[index] = sha256
            misses.append((path, explicit))
        else:
            cached.append(
                FileResult(
                    path,
                    hit.findings,
                    notices=hit.notices,
                    lines=hit.lines,
                    fixable=hit.fixable,
                    excerpts=hit.excerpts,
                )
            )
    if misses:
        load_rules(project, misses[0][0])  # a bad configuration fails before any file is read
    checked = check_many(misses, project, jobs=jobs, count_fixes=count_fixes)
    try:
        for index, (path, _explicit) in enumerate(files):
            result = cached[index]
            if result is None:
                result = next(checked)
                store = caches.get(index)
                if store and digests[index] and result.error is None and not result.problems:
                    store.put(
                        path,
                        digests[index],
                        result.findings,
                        result.notices,
                        result.lines,
                        result.fixable,
                        result.excerpts,
                    )
            yield result
    finally:
        for cache in {id(c): c for c in caches.values()}.values():
            cache.save()


# The project for worker processes: set before the pool forks, so workers inherit its
# compiled rules instead of receiving them pickled.
_WORKER_PROJECT: Project | None = None
_WORKER_COUNT_FIXES = False

#: Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 8


def _check_in_worker(item: tuple[str, bool]) -> FileResult:
    assert _WORKER_PROJECT is not None
    return check_file(item[0], _WORKER_PROJECT, explicit=item[1], count_fixes=_WORKER_COUNT_FIXES)


def check_many(
    files: Sequence[tuple[str, bool]],
    project: Project,
    *,
    jobs: int = 1,
    count_fixes: bool = False,
) -> Iterator[FileResult]:
    """Check (path, explicit) pairs, in order; across ``jobs`` processes when there are
    enough files. Results stream back one file at a time (memory stays flat)."""
    global _WORKER_PROJECT, _WORKER_COUNT_FIXES
    if files:
        # Compiled once, here: a worker inherits the rules instead of compiling its own.
        load_rules(project, files[0][0])
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1 or len(files) < PARALLEL_MIN_FILES or "fork" not in _start_methods():
        for path, explicit in files:
            yield check_file(path, project, explicit=explicit, count_fixes=count_fixes)
        from lint.rules.loader import remember

        remember()  # what the checks read of the patterns, for the next run
        return
    import multiprocessing

    _WORKER_PROJECT, _WORKER_COUNT_FIXES = project, count_fixes
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield from pool.imap(_check_in_worker, files, chunksize=4)
    _WORKER_PROJECT, _WORKER_COUNT_FIXES = None, False


def load_rules(project: Project, path: str) -> None:
    """Load the rule set ``path`` gets with the cyclic garbage collector paused, then, the
    first time in a process, freeze what exists (``gc.freeze``). Loading makes hundreds of
    thousands of objects that live as long as the run, and no garbage: each collection
    would walk them all again, and later ones, as the checks make their objects, would too
    (a fifth of a cold run's CPU time on one small file). Frozen objects are never
    collected, so this is done once, for what lasts the run; forked workers share them
    without copying. Then the youngest generation is collected every ``YOUNGEST``
    allocations rather than Python's 700: the checks make containers by the hundred
    thousand (a compiled pattern's parse tree, a document's facts), nearly all freed by
    their counts, and each young collection walks the survivors of the last, so
    collecting less often halved the collector's time in a small file's check (80 to
    40 ms at 5,000; 27 to 12 ms from 5,000 to 50,000, and 79 to 52 ms over 100 files,
    peak memory the same within 1%) and changes nothing else."""
    global _FROZEN
    enabled = gc.isenabled()
    gc.disable()
    try:
        project.rules_for(path)
    finally:
        if enabled:
            gc.enable()
    if not _FROZEN:
        gc.freeze()
        young, *older = gc.get_threshold()
        if 0 < young < YOUNGEST:
            gc.set_threshold(YOUNGEST, *older)
        _FROZEN = True


#: Whether ``load_rules`` has frozen the process's objects yet.
_FROZEN = False

#: The youngest generation's collection threshold while files are checked.
YOUNGEST = 50_000


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
