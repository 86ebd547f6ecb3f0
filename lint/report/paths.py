"""Paths as CI systems want them: relative to the repository, with forward slashes."""

from __future__ import annotations

import os
from pathlib import PurePath


def ci_root() -> str:
    """The folder CI paths are relative to: the GitHub Actions workspace, else the cwd.

    Annotations and code scanning place findings by repository-relative path, so a run
    from a subfolder (``working-directory:``) must still report ``docs/draft.md``.
    """
    return os.environ.get("GITHUB_WORKSPACE") or os.getcwd()


def relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` in POSIX form; absolute if it lies outside ``root``."""
    full = os.path.abspath(path)
    base = os.path.abspath(root)
    try:
        inside = os.path.commonpath([full, base]) == base
    except ValueError:  # different drives on Windows
        inside = False
    chosen = os.path.relpath(full, base) if inside else full
    return PurePath(chosen).as_posix()
