"""The project boundary: what a run may read, and where it may write.

sglint runs in CI on pull requests, whose author controls the drafts, the configuration
and the team's rules (see SECURITY.md). A pull request can add a symbolic link
``drafts/notes.txt -> ../../home/runner/.credentials``; linting, printing or fixing what
it points at would carry the runner's files into annotations. So:

- the project root is the git top level above the config's folder (or above the first
  path named, when there is no config), else that folder itself;
- a file whose path lies inside the root but whose *real* path leaves it (through a link
  anywhere along the way) is never read: the run names it in a one-line notice and goes
  on. Paths named on the command line that lie outside the root altogether are the
  user's own choice and are read as given.

Nothing here reads a file; it only compares paths.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.errors import SglintError

_given: Path | None = None  # the root as spelled (absolute, links not followed)
_notices: list[str] = []


class OutsideProject(SglintError):
    """A path that leads out of the project: skipped with a notice, not an error."""


def project_root(config_path: str | None, start: Path) -> Path:
    """The project root for a run: the git top level above the config's folder (or the
    start folder), else that folder."""
    if config_path is not None:
        folder = Path(os.path.abspath(config_path)).parent
    else:
        here = Path(os.path.abspath(start))
        folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return folder


def set_project(config_path: str | None, start: Path) -> Path:
    """Fix the run's root from its config and first path (the command line does this
    once configuration is known); returns it."""
    global _given
    _given = project_root(config_path, start)
    return _given


def root() -> Path:
    """The run's root as spelled; without one set, the git top level above the
    working folder."""
    global _given
    if _given is None:
        _given = project_root(None, Path.cwd())
    return _given


def inside(path: Path | str, folder: Path | str) -> bool:
    """Whether ``path``'s real path lies in ``folder``'s real path (links followed)."""
    real = os.path.realpath(path)
    base = os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _lexically_inside(path: Path | str, folder: Path | str) -> bool:
    lexical = os.path.abspath(path)
    base = str(folder).rstrip(os.sep)
    return lexical == base or lexical.startswith(base + os.sep)


def leaves(path: Path | str) -> bool:
    """Whether ``path`` lies in the project but its real path leaves it. The root
    itself may be reached through a link (``/tmp`` on macOS): both of its spellings
    count as inside."""
    base = root()
    spelled = (base, os.path.realpath(base))
    return any(_lexically_inside(path, b) for b in spelled) and not inside(path, base)


def check_read(path: Path | str, what: str = "file") -> None:
    """Raise OutsideProject if ``path`` lies in the project but its real path leaves it."""
    if leaves(path):
        raise OutsideProject(
            f"{what} is a symbolic link (or lies under one) that leads outside the "
            "project; skipped",
            path=str(path),
        )


def notice(message: str) -> None:
    """Record a notice about something skipped at the boundary (shown once)."""
    if message not in _notices:
        _notices.append(message)


def drain_notices() -> list[str]:
    """The notices recorded since the last call, in order."""
    out = list(_notices)
    _notices.clear()
    return out


def allowed(path: Path | str, what: str) -> bool:
    """Whether a data file (rule, register, style, vocabulary) may be read; a notice
    is recorded for one that may not."""
    try:
        check_read(path, what)
    except OutsideProject as exc:
        notice(str(exc))
        return False
    return True


def config_candidate(path: Path) -> bool:
    """Whether discovery may take ``path`` as the config: a file whose real path stays
    in its own folder. A config that is a link to elsewhere is skipped with a notice."""
    if not path.is_file():
        return False
    if inside(path, path.parent):
        return True
    notice(f"{path}: config is a symbolic link that leads out of its folder; skipped")
    return False


def refuse_link_write(path: str) -> str | None:
    """Why ``--fix`` must not write ``path`` (a symbolic link, or a path through one),
    or None when it may."""
    if os.path.islink(path):
        return "is a symbolic link; fixes are never written through a link"
    if leaves(path):
        return "lies under a symbolic link that leads outside the project; not written"
    return None


def reset() -> None:
    """Forget the run's root and notices (for a library caller or a test running
    several projects in one process)."""
    global _given
    _given = None
    _notices.clear()
