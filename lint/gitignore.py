"""Which paths ``.gitignore`` and ``.ignore`` files leave out of a folder walk.

As ripgrep and ruff do: the ignore files of the walked folder and of every folder above
it up to the repository root (the nearest folder holding ``.git``) apply, as do those met
on the way down, each to the paths beneath its own folder; a deeper file's patterns
(``!negations`` included) override a shallower one's. ``.git/info/exclude`` counts as
the root's. ``.gitignore`` files count only inside a git repository (a stray one in a
download folder does not hide files); ``.ignore`` files always count.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

IGNORE_FILES = (".gitignore", ".ignore")


@dataclass(frozen=True)
class Layer:
    """The patterns one folder's ignore files give, for the paths beneath it."""

    base: str
    spec: pathspec.GitIgnoreSpec


def repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def layer(folder: str, *, in_repo: bool, root: bool = False) -> Layer | None:
    """The patterns of ``folder``'s own ignore files (and, at a repository root, of
    ``.git/info/exclude``), or None when it has none."""
    names = [name for name in IGNORE_FILES if in_repo or name != ".gitignore"]
    sources = [os.path.join(folder, ".git", "info", "exclude")] if root else []
    sources += [os.path.join(folder, name) for name in names]
    lines: list[str] = []
    for source in sources:
        try:
            with open(source, encoding="utf-8", errors="replace") as f:
                lines += f.read().splitlines()
        except OSError:  # absent or unreadable: no patterns from it
            continue
    if not any(line.strip() and not line.startswith("#") for line in lines):
        return None
    return Layer(folder, pathspec.GitIgnoreSpec.from_lines(lines))


def start_layers(folder: Path) -> list[Layer]:
    """The layers that apply to a walk starting at ``folder``, shallowest first, from
    the repository root (or ``folder`` itself outside a repository) down."""
    here = Path(os.path.realpath(folder))
    repo = repository_root(here)
    chain = [here]
    if repo is not None:
        chain = [*reversed(here.relative_to(repo).parents), here]
        chain = [repo / part for part in chain]
    found = []
    for step in dict.fromkeys(chain):
        got = layer(str(step), in_repo=repo is not None, root=step == repo)
        if got is not None:
            found.append(got)
    return found


def ignored(path: str, layers: list[Layer], *, is_dir: bool) -> bool:
    """Whether the deepest layer that decides about ``path`` leaves it out."""
    real = os.path.realpath(path)
    verdict = False
    for each in layers:
        rel = os.path.relpath(real, each.base)
        if rel.startswith(".."):
            continue
        rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
        include = each.spec.check_file(rel).include
        if include is not None:
            verdict = include
    return verdict
