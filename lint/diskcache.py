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

Answers kept by key go in a ``Store``, one kind of file with one set of checks (shape,
the method that made the answers, ``MAX_ENTRIES``, keys, values) and one way of saving
(merged with the file as it is then, written atomically). Three kinds use one:
``patterns-valid.json`` (the digests of patterns known to compile, under the ``regex``
version: ``lint.rules.regexes``), ``needles.json`` (each pattern's needles, under the
digest of the code that read them: ``lint.rules.prefilter``) and ``results-*.json``
(each file's findings, one store per run key and folder: ``lint.resultcache``). Parsed
YAML trees are plain entries, one file per text (``yaml-*.json``: ``lint.yamlload``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
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
        import tempfile  # only when something is written

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


def memo(name: str, build: Callable[[], object], load: Callable[[Any], _T | None]) -> _T:
    """``load`` of the data cached under ``name``, or of ``build()``'s data, stored, when
    there is none or ``load`` refuses it (returns None). ``load`` must check the shape
    fully: the data comes from a file anyone may edit."""
    value = read(name)
    found = None if value is None else load(value)
    if found is None:
        value = build()
        write(name, value)
        found = load(value)
        if found is None:
            raise ValueError(f"{name}: freshly built data fails its own check")
    return found


# -- stores: many small answers in one file ------------------------------------------------

#: The most entries one store keeps; past it, a save keeps only the run's new entries.
MAX_ENTRIES = 100_000

_DIGEST = re.compile(r"[0-9a-f]{32}")


def digest(text: str) -> str:
    """The key of a piece of text in a store: 32 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def source_digest(file: str) -> str:
    """32 hex digits of a module's source (its ``__file__``), "" when it cannot be read:
    what a store's answers depend on, since they are only as good as the code that made
    them."""
    try:
        with open(file, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()[:32]
    except OSError:
        return ""


def stamp(package: str, module: str | None = None) -> str:
    """The installed ``package``'s version, read from its ``.dist-info`` folder's name
    without importing it (``module``, when its import name is not the package's) or
    ``importlib.metadata`` (about 30 ms of every cold start); ``importlib.metadata``
    where that folder is not beside the package."""
    folder = _package_folder(module or package)
    if folder is not None:
        found = sorted(folder.parent.glob(f"{package}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(package) + 1 : -len(".dist-info")]
    from importlib.metadata import version

    return version(package)


def _package_folder(package: str) -> Path | None:
    """The installed ``package``'s folder, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    locations = (spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def is_digest(key: object) -> bool:
    return isinstance(key, str) and _DIGEST.fullmatch(key) is not None


class Store:
    """Answers worked out from text (a pattern's needles, whether it compiles, a file's
    findings), kept under one name in the cache folder as ``{"method": …, "entries":
    {key: value}}``. Every store is checked the same way when read: the file's header
    (``read``), then its shape, its ``method`` (what made the answers: the code's digest
    or a library's version; answers made otherwise are stale), at most ``MAX_ENTRIES``
    entries, every key accepted by ``key`` (a digest unless told) and every value by
    ``valid``. A file failing any check counts as empty, silently. ``save`` merges this
    run's new entries into the file as it is on disk then (another run may have added
    some) and writes it atomically, so runs at once lose at most each other's new
    entries, never read half a file. Nothing is read until first asked."""

    def __init__(
        self,
        name: str,
        method: str,
        valid: Callable[[Any], bool],
        key: Callable[[object], bool] = is_digest,
    ) -> None:
        self.name = name
        self.method = method
        self._valid = valid
        self._key = key
        self._entries: dict[str, Any] | None = None
        self._new: dict[str, Any] = {}

    def _load(self) -> dict[str, Any]:
        found = read(self.name)
        if (
            not isinstance(found, dict)
            or set(found) != {"method", "entries"}
            or not self.method
            or found["method"] != self.method
        ):
            return {}
        entries = found["entries"]
        if (
            not isinstance(entries, dict)
            or len(entries) > MAX_ENTRIES
            or not all(self._key(k) and self._valid(v) for k, v in entries.items())
        ):
            return {}
        return entries

    def entries(self) -> dict[str, Any]:
        """Every entry: the file's, read once, and this run's."""
        if self._entries is None:
            self._entries = {**self._load(), **self._new}
        return self._entries

    def get(self, key: str) -> Any:
        """The value under ``key``, or None."""
        return self.entries().get(key)

    def __contains__(self, key: object) -> bool:
        return key in self.entries()

    def put(self, key: str, value: object) -> None:
        """Keep ``value`` under ``key`` (stored by the next ``save``)."""
        self._new[key] = value
        if self._entries is not None:
            self._entries[key] = value

    def save(self) -> None:
        """Store this run's new entries beside those on disk now (see the class)."""
        if not self._new or not self.method:
            return
        entries = {**self._load(), **self._new}
        if len(entries) > MAX_ENTRIES:
            entries = dict(self._new)
        self._new = {}
        write(self.name, {"method": self.method, "entries": entries})

    def forget(self) -> None:
        """Read the file again when next asked, as a new run would."""
        self._entries = None
        self._new = {}
