"""Files to lint: walking folders (skipping hidden, excluded, binary and tool folders) and
reading a file's bytes, with one clear error when they cannot be had."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lint import gitignore
from lint.boundary import check_read, leaves
from lint.errors import InputError
from lint.readers import SUPPORTED_SUFFIXES, looks_binary

if TYPE_CHECKING:
    from lint.config import Config

SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def iter_files(
    paths: Sequence[str], config: Config, *, respect_gitignore: bool = True
) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for every document to lint, in a stable order.

    Folders are walked recursively, skipping hidden and excluded paths, paths that
    ``.gitignore`` / ``.ignore`` files leave out (unless ``respect_gitignore`` is off),
    files of other types and binary files; symlinked folders are not followed, so loops
    cannot happen. A file named explicitly is always yielded, so that what is wrong with
    it is reported.
    """
    seen: set[str] = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            layers = gitignore.start_layers(path) if respect_gitignore else []
            depth: dict[str, int] = {}  # folder -> how many layers apply beneath it
            in_repo = gitignore.repository_root(Path(os.path.realpath(path))) is not None
            for root, dirs, files in os.walk(path):
                if respect_gitignore:
                    del layers[depth.get(root, len(layers)) :]
                    if root != str(path):
                        own = gitignore.layer(os.path.realpath(root), in_repo=in_repo)
                        layers += [own] if own is not None else []
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and d not in SKIPPED_DIRS
                    and not config.excluded(Path(root) / d)
                    and not gitignore.ignored(os.path.join(root, d), layers, is_dir=True)
                )
                for d in dirs:
                    depth[os.path.join(root, d)] = len(layers)
                for file in sorted(files):
                    full = Path(root) / file
                    if (
                        file.startswith(".")
                        or full.suffix.lower() not in SUPPORTED_SUFFIXES
                        or config.excluded(full)
                        or gitignore.ignored(str(full), layers, is_dir=False)
                        or is_binary(full)
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


def is_binary(path: Path) -> bool:
    """Whether a regular file found in a folder starts like a binary file. Anything that
    cannot be opened counts as text here, so that reading it reports why; so does a link
    out of the project, which is never opened (reading it is refused with a notice)."""
    if leaves(path):
        return False
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as f:
            return looks_binary(f.read(8192))
    except OSError:
        return False


def read_file(path: str) -> bytes:
    """The bytes of a regular file, or one InputError saying why they cannot be had.
    A file whose real path leaves the project raises OutsideProject (lint.boundary)."""
    check_read(path)
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
