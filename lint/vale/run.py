"""Linting files the way Vale does for a ``.vale.ini`` project.

Vale walks every folder except ``.git`` and ``node_modules`` and lints each file that a
section of the ini matches, reading it by its extension: Markdown, HTML, reStructuredText
and plain text as sglint's readers do, any other extension as plain text. Each file gets
the rules its sections switch on, and its TokenIgnores / BlockIgnores.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from lint.boundary import OutsideProject
from lint.engine import check_document
from lint.errors import ConfigError, SglintError, about
from lint.readers import format_for, read_bytes
from lint.rules import budget
from lint.rules.budget import DEFAULT_TIMEOUT, TIMEOUT_CHARS
from lint.runner import FileResult, finding_lines, is_binary, read_file
from lint.vale.ignores import apply_ignores
from lint.vale.project import ValeProject

SKIPPED_DIRS = frozenset({".git", "node_modules"})


def iter_files(paths: Sequence[str], project: ValeProject) -> Iterator[str]:
    """Files to lint, in sorted order (Vale's ``--sort``), each once."""
    seen: set[str] = set()
    for name in paths:
        if not Path(name).is_dir():
            candidates: list[str] = [name]
        else:
            candidates = []
            for root, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
                candidates.extend(
                    os.path.join(root, f)
                    for f in sorted(files)
                    if not f.startswith(".") and not is_binary(Path(root) / f)
                )
        for path in candidates:
            path = os.path.normpath(path)
            if path not in seen and (not Path(path).exists() or project.applies(path)):
                seen.add(path)
                yield path


def check_file(path: str, project: ValeProject) -> FileResult:
    with about(path):
        return _check_file(path, project)


def _check_file(path: str, project: ValeProject) -> FileResult:
    result = FileResult(path)
    settings = project.settings(path)
    try:
        doc = read_bytes(path, read_file(path), format_for(path) or "text")
    except OutsideProject as exc:
        result.notices = (str(exc),)
        return result
    except SglintError as exc:
        result.error = exc
        return result
    seconds = DEFAULT_TIMEOUT * max(1.0, len(doc.source) / TIMEOUT_CHARS)
    try:
        with budget.within(seconds):
            doc = apply_ignores(
                doc,
                token_ignores=settings.token_ignores,
                block_ignores=settings.block_ignores,
                skipped_scopes=project.ini.items("SkippedScopes"),
            )
    except TimeoutError:
        result.error = ConfigError(
            f"a TokenIgnores or BlockIgnores pattern ran longer than {seconds:.3g}s on this "
            "file and was stopped; file not checked",
            path=path,
        )
        return result
    outcome = check_document(doc, settings.rules)
    result.findings = outcome.findings
    result.problems = outcome.problems
    result.notices = doc.notices
    result.lines = finding_lines(doc, outcome.findings)
    return result


def check_paths(paths: Sequence[str], project: ValeProject) -> Iterator[FileResult]:
    for path in iter_files(paths, project):
        yield check_file(path, project)
