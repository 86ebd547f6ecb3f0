"""Linting files the way Vale does for a ``.vale.ini`` project.

Vale walks every folder except ``.git`` and ``node_modules`` and lints each file that a
section of the ini matches, reading it by its extension: Markdown, HTML, reStructuredText
and plain text as sglint's readers do, any other extension as plain text. Each file gets
the rules its sections switch on, and its TokenIgnores / BlockIgnores.

``--fix`` and ``--diff`` work here too (``fix_file``): each file is fixed with its own
rules, and read again after each pass with its ignores applied.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

from lint.document import Document
from lint.engine import check_document
from lint.errors import SglintError
from lint.facts import Facts
from lint.fixdoc import count_fixes as count_document_fixes
from lint.fixfile import FileFix
from lint.fixfile import fix_file as fix_one_file
from lint.readers import format_for, read_bytes
from lint.runner import FileResult, finding_lines, is_binary, read_file
from lint.vale.ignores import apply_ignores
from lint.vale.project import FileSettings, ValeProject

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


def _ignores(project: ValeProject, settings: FileSettings, doc: Document) -> Document:
    return apply_ignores(
        doc,
        token_ignores=settings.token_ignores,
        block_ignores=settings.block_ignores,
        skipped_scopes=project.ini.items("SkippedScopes"),
    )


def check_file(path: str, project: ValeProject, *, count_fixes: bool = False) -> FileResult:
    result = FileResult(path)
    settings = project.settings(path)
    try:
        doc = read_bytes(path, read_file(path), format_for(path) or "text")
    except SglintError as exc:
        result.error = exc
        return result
    prepare = partial(_ignores, project, settings)
    doc = prepare(doc)
    facts = Facts(doc)
    outcome = check_document(doc, settings.rules, facts)
    result.findings = outcome.findings
    result.problems = outcome.problems
    result.notices = doc.notices
    result.lines = finding_lines(doc, outcome.findings)
    if count_fixes:
        result.fixable = count_document_fixes(facts, settings.rules, outcome, prepare)
    return result


def fix_file(path: str, project: ValeProject, *, unsafe: bool, write: bool) -> FileFix:
    """Fix one file of the project with its own rules and ignores (``--fix``, ``--diff``)."""
    settings = project.settings(path)
    return fix_one_file(
        path,
        settings.rules,
        unsafe=unsafe,
        write=write,
        fmt=format_for(path) or "text",
        prepare=partial(_ignores, project, settings),
    )


def check_paths(
    paths: Sequence[str], project: ValeProject, *, count_fixes: bool = False
) -> Iterator[FileResult]:
    for path in iter_files(paths, project):
        yield check_file(path, project, count_fixes=count_fixes)
