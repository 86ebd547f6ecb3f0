"""sglint's cache folder: derived *data* that is costly to build and safe to rebuild.

The folder may be shared with, or restored from, runs on other pull requests (CI caches),
so nothing in it is trusted and nothing in it is code: each entry is a JSON header line,

    {"sglint-cache": FORMAT, "sglint": <version>, "name": ..., "sha256": <payload hash>}

then the payload, one JSON document, checked on every read. A file that is missing,
unreadable, too large, of another format or sglint version, under another name or whose
payload does not match its hash is ignored and rebuilt, silently. There is no pickle and
no compiled program here: compiled regular expressions are always rebuilt from their
pattern strings.

Files are written atomically (a temporary file, then a rename), so runs at once never see
half a file. ``SGLINT_CACHE_DIR`` moves the folder, ``SGLINT_NO_CACHE=1`` turns it off.
Everything here can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")

#: The entry format; a new one makes every older entry stale.
FORMAT = 3
#: The largest entry read back (the CMUdict syllable table is about 3 MB).
MAX_BYTES = 32_000_000


def cache_dir() -> Path | None:
    if os.environ.get("SGLINT_NO_CACHE"):
        return None
    base = os.environ.get("SGLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "sglint"
    )
    return Path(base)


def _header(name: str, payload: bytes) -> dict[str, object]:
    from lint._version import __version__

    return {
        "sglint-cache": FORMAT,
        "sglint": __version__,
        "name": name,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }


def read(name: str) -> Any:
    """The data cached under ``name``, or None if there is none or it fails any check."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / name).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        header_bytes, _, payload = raw.partition(b"\n")
        if len(raw) > MAX_BYTES or len(header_bytes) > 1000:
            return None
        header = json.loads(header_bytes)
        if header != _header(name, payload):
            return None
        return json.loads(payload)
    except (OSError, ValueError, RecursionError):  # JSON and UTF-8 errors are ValueErrors
        return None


def write(name: str, value: object) -> None:
    """Store JSON data ``value`` under ``name``; a read-only or full disk is not an error."""
    folder = cache_dir()
    if folder is None:
        return
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps(_header(name, payload))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header.encode("utf-8") + b"\n" + payload)
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
    """The cached data under ``name`` if ``valid`` accepts it, else ``build()`` stored.
    ``valid`` must check the shape fully: the data comes from a file anyone may edit."""
    value = read(name)
    if value is not None and valid(value):
        return value  # type: ignore[no-any-return]
    value = build()
    write(name, value)
    return value
