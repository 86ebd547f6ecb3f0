"""Compiled patterns, cached on disk across runs.

The ``regex`` package parses and compiles a pattern in pure Python; with a few hundred
rule patterns that is most of a single-file run's start-up. The expensive part ends in
one call, ``_regex.compile(...)``, whose arguments are plain data. We record them the
first time a pattern is compiled and keep them in a cache file keyed by the ``regex``,
Python and sglint versions, so later runs rebuild the same pattern object directly.

Any surprise (an unknown internal layout, an unreadable or corrupt cache) falls back to
``regex.compile``: the cache can make a run faster, never wrong. It lives in sglint's
cache folder (``lint.diskcache``: atomic writes, ``SGLINT_CACHE_DIR``, ``SGLINT_NO_CACHE``).
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path
from typing import Any

import regex

from lint import diskcache

# The private module whose compile() takes the prepared program (None if the layout
# of this regex release differs: then the cache is simply off).
_NATIVE: Any = getattr(getattr(regex, "_main", None), "_regex", None)

_Key = tuple[str, int]
#: A bound on the file: patterns of rules long since edited are never evicted otherwise.
_MAX_ENTRIES = 20_000
_memory: dict[_Key, tuple[Any, ...]] = {}
_loaded = False
_dirty = False


def cache_file() -> Path | None:
    folder = diskcache.cache_dir()
    if folder is None or _NATIVE is None:
        return None
    from lint._version import __version__

    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return folder / _name(__version__, py)


def _name(version: str, py: str) -> str:
    return f"patterns-{version}-regex{regex.__version__}-py{py}.pickle"


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile``, served from the disk cache when the pattern was seen before."""
    key = (pattern, flags)
    _load()
    args = _memory.get(key)
    if args is not None:
        try:
            compiled: regex.Pattern[str] = _NATIVE.compile(*args)
            return compiled
        except Exception:
            _memory.pop(key, None)
    return _compile_and_record(key)


def _compile_and_record(key: _Key) -> regex.Pattern[str]:
    global _dirty
    if _NATIVE is None or cache_file() is None:
        return regex.compile(key[0], key[1])
    captured: list[tuple[Any, ...]] = []
    real = _NATIVE.compile

    def capture(*args: Any) -> Any:
        captured.append(args)
        return real(*args)

    _NATIVE.compile = capture
    try:
        compiled = regex.compile(key[0], key[1], cache_pattern=False)
    finally:
        _NATIVE.compile = real
    if len(captured) == 1 and len(_memory) < _MAX_ENTRIES:
        _memory[key] = captured[0]
        _dirty = True
    return compiled


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    path = cache_file()
    if path is None:
        return
    atexit.register(save)
    data = diskcache.read(path.name)
    if isinstance(data, dict):
        _memory.update(data)


def pickle_as_cached() -> None:
    """Pickle compiled patterns as (pattern, flags) rebuilt through this cache, so a
    cached rule set unpickles without compiling anything afresh."""
    import copyreg

    copyreg.pickle(type(regex.compile("")), _reduce)


def _reduce(pattern: regex.Pattern[str]) -> tuple[Any, tuple[str, int]]:
    return compile, (pattern.pattern, pattern.flags)


def save() -> None:
    """Write the cache if it grew."""
    global _dirty
    path = cache_file()
    if not _dirty or path is None:
        return
    diskcache.write(path.name, _memory)
    _dirty = False
