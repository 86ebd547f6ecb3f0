"""sglint's cache folder: derived data that is costly to build and safe to rebuild.

Everything here can be deleted at any time. Files are written atomically (a temporary
file, then a rename), so runs at once never see half a file; any unreadable file is
simply rebuilt. ``SGLINT_CACHE_DIR`` moves the folder, ``SGLINT_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")


def cache_dir() -> Path | None:
    if os.environ.get("SGLINT_NO_CACHE"):
        return None
    base = os.environ.get("SGLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "sglint"
    )
    return Path(base)


def read(name: str) -> Any:
    """The object cached under ``name``, or None if there is none (or it is unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / name).open("rb") as handle:
            return pickle.load(handle)  # our own files, in the user's cache folder
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ValueError,
        ImportError,
        IndexError,
        TypeError,
    ):
        return None


def write(name: str, value: object) -> None:
    """Store ``value`` under ``name``; a read-only or full disk is not an error."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def prune(prefix: str) -> None:
    """Remove the cached files whose names start with ``prefix``."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        for path in folder.glob(f"{prefix}*"):
            path.unlink(missing_ok=True)
    except OSError:
        pass


def memo(name: str, build: Callable[[], _T], valid: Callable[[Any], bool]) -> _T:
    """The cached value under ``name`` if ``valid`` accepts it, else ``build()`` stored."""
    value = read(name)
    if value is not None and valid(value):
        return value  # type: ignore[no-any-return]
    value = build()
    write(name, value)
    return value
