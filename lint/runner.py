"""Running sglint over texts and paths: walking folders, reading files, collecting results."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config, active_rules
from lint.engine import ActiveRule, RuleProblem, check_document
from lint.errors import InputError, SglintError
from lint.finding import Finding
from lint.readers import SUPPORTED_SUFFIXES, read_bytes, read_text

SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)
    error: SglintError | None = None
    notices: tuple[str, ...] = ()
    lines: dict[int, str] = field(default_factory=dict)  # source lines that have findings
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

    Folders are walked recursively, skipping hidden and excluded paths and files of
    other types; symlinked folders are not followed, so loops cannot happen.
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
                        file.startswith(".")
                        or full.suffix.lower() not in SUPPORTED_SUFFIXES
                        or config.excluded(full)
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
        data = _read(path)
        doc = read_bytes(path, data)
    except SglintError as exc:
        result.error = exc
        return result
    outcome = check_document(doc, rules)
    result.findings = outcome.findings
    result.problems = outcome.problems
    result.notices = doc.notices
    result.lines = {f.line: doc.line_text(f.line) for f in outcome.findings}
    return result


def _read(path: str) -> bytes:
    p = Path(path)
    if p.is_symlink() and not p.exists():
        raise InputError("broken symbolic link", path=path)
    if not p.exists():
        raise InputError("no such file or folder", path=path)
    if p.is_dir():
        raise InputError("is a folder", path=path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def check_paths(paths: Sequence[str], config: Config | None = None) -> Iterator[FileResult]:
    """Lint files and folders; results stream one file at a time, in a stable order."""
    config = config or Config()
    rules = active_rules(config)
    for path, explicit in iter_files(paths, config):
        yield check_file(path, rules, explicit=explicit)
