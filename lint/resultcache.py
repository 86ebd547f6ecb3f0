"""The results cache, as ruff keeps one: each file's findings, kept between runs.

An entry holds, per path, the SHA-256 of the file's bytes and what checking it gave
(findings, notices, the source lines the text format shows). Entries live in the cache
folder (``lint/diskcache.py``: ``~/.cache/sglint`` or ``SGLINT_CACHE_DIR``), one file
per folder of linted files and *run key*: sglint's version and code, every file of every
rule folder in use (rules, registers, the lexicon) by content hash, and every setting
that changes what is found (profile, packs, rule levels, ``--select``, ``--ignore``, the
built-in packs on or off). Change any of them and the run gets fresh entries; change a
file and its result is rebuilt. An entry is plain JSON, checked field by field on load:
a corrupt or doctored one is rebuilt, silently. Writes are atomic, so runs at once may
each lose the other's new results but never read half a file. ``--no-cache`` (or
``SGLINT_NO_CACHE=1``) turns it off. Files whose check hit a problem (a rule out of
time) or an error are not kept.

This module is light on purpose: a run where every file is unchanged reads the files,
hashes them and reports, without importing the engine or compiling a rule.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lint import diskcache
from lint.excerpts import Excerpt
from lint.finding import Finding, FixSafety, Severity

#: The entry layout; a new one makes every older entry stale.
FORMAT = 3

_SAFETIES = {s.value: s for s in FixSafety}


@dataclass
class Cached:
    """What checking one unchanged file gave last time."""

    findings: list[Finding]
    notices: tuple[str, ...]
    lines: dict[int, str]
    #: What --fix and --fix --unsafe-fixes would fix, when the run that stored it counted.
    fixable: tuple[int, int] | None = None
    #: (start, end) → the prose round a finding whose source line is markup.
    excerpts: dict[tuple[int, int], Excerpt] = field(default_factory=dict)


@dataclass
class ResultCache:
    """The results of one run key, one store per folder of files (as ruff keeps one per
    package): a run over a few files reads only their folders' stores. Looked up per
    file, stored once at the end."""

    key: str
    shards: dict[str, diskcache.Store] = field(default_factory=dict)

    def _shard(self, path: str) -> diskcache.Store:
        folder = os.path.dirname(os.path.abspath(path))
        name = f"results-{self.key}-{hashlib.sha256(folder.encode()).hexdigest()[:16]}.json"
        shard = self.shards.get(name)
        if shard is None:
            shard = self.shards[name] = diskcache.Store(
                name, f"results {FORMAT}", _is_entry, _is_path
            )
        return shard

    def get(self, path: str, sha256: str) -> Cached | None:
        """The cached result for ``path`` if its bytes (by ``digest``) are those checked
        last time."""
        entry = self._shard(path).get(path)
        if not isinstance(entry, dict) or entry.get("sha256") != sha256:
            return None
        return _decode(path, entry)

    def put(
        self,
        path: str,
        sha256: str,
        findings: Iterable[Finding],
        notices: Iterable[str],
        lines: Mapping[int, str],
        fixable: tuple[int, int] | None = None,
        excerpts: Mapping[tuple[int, int], Excerpt] | None = None,
    ) -> None:
        self._shard(path).put(
            path,
            {
                "sha256": sha256,
                "findings": [_encode(f) for f in findings],
                "notices": list(notices),
                "lines": {str(n): text for n, text in lines.items()},
                "fixable": None if fixable is None else list(fixable),
                "excerpts": [
                    [s, e, x.text, x.start, x.end] for (s, e), x in (excerpts or {}).items()
                ],
            },
        )

    def save(self) -> None:
        """Store this run's new results beside the ones on disk (atomically)."""
        for shard in self.shards.values():
            shard.save()


def _is_path(key: object) -> bool:
    return isinstance(key, str)


def _is_entry(entry: object) -> bool:
    """An entry's outer shape; its fields are checked when it is used (``_decode``)."""
    return isinstance(entry, dict)


def open_cache(settings: Mapping[str, object], folders: Iterable[Path]) -> ResultCache | None:
    """The cache for a run with these settings and rule folders (None when caching is
    off or a rule folder cannot be read)."""
    if diskcache.cache_dir() is None:
        return None
    key = run_key(settings, folders)
    return None if key is None else ResultCache(key)


def run_key(settings: Mapping[str, object], folders: Iterable[Path]) -> str | None:
    """A digest of everything besides a file's bytes that decides its findings."""
    from lint._version import __version__

    key = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    key.update(json.dumps(settings, sort_keys=True, default=str).encode())
    code = Path(__file__).resolve().parent
    try:
        for path in sorted(code.rglob("*.py")):  # sglint's own code, for development
            stat = path.stat()
            key.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        for folder in folders:
            key.update(f"\0folder\0{folder.resolve()}".encode())
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    rel = path.relative_to(folder).as_posix()
                    key.update(f"\0{rel}\0{digest(path.read_bytes())}".encode())
    except OSError:
        return None
    return key.hexdigest()[:32]


def digest(content: bytes) -> str:
    """The key of a file's bytes."""
    return hashlib.sha256(content).hexdigest()


def _encode(f: Finding) -> list[object]:
    return [
        f.rule,
        int(f.severity),
        f.message,
        f.match,
        f.start,
        f.end,
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.fix,
        f.fix_safety.value,
        f.why,
        f.source,
        f.link,
    ]


_ROW = (str, int, str, str, int, int, int, int, int, int, str, str, str, str, str)
#: The exact types of an encoded finding's fields, in order (``fix`` may be None).
_ROWS = frozenset({_ROW, (*_ROW[:10], type(None), *_ROW[11:])})


def _decode(path: str, entry: Mapping[str, object]) -> Cached | None:
    """An entry back as findings, or None if any part of it has the wrong shape."""
    rows, notices, lines = entry.get("findings"), entry.get("notices"), entry.get("lines")
    if not isinstance(rows, list) or not isinstance(notices, list) or not isinstance(lines, dict):
        return None
    findings = []
    try:
        for row in rows:
            if type(row) is not list or tuple(map(type, row)) not in _ROWS:
                return None
            (rule, level, message, match, *numbers, fix, safety, why, source, link) = row
            start, end, line, column, end_line, end_column = numbers
            findings.append(
                Finding(
                    path,
                    rule,
                    Severity(level),
                    message,
                    match,
                    start,
                    end,
                    line,
                    column,
                    end_line,
                    end_column,
                    fix,
                    _SAFETIES[safety],
                    why,
                    source,
                    link,
                )
            )
        shown = {int(n): text for n, text in lines.items() if isinstance(text, str)}
    except (ValueError, KeyError, TypeError):
        return None
    if len(shown) != len(lines) or not all(isinstance(n, str) for n in notices):
        return None
    fixable, rows = entry.get("fixable"), entry.get("excerpts", [])
    if fixable is not None and (
        type(fixable) is not list or list(map(type, fixable)) != [int, int]
    ):
        return None
    if type(rows) is not list or not all(
        type(row) is list and list(map(type, row)) == [int, int, str, int, int] for row in rows
    ):
        return None
    excerpts = {(row[0], row[1]): Excerpt(row[2], row[3], row[4]) for row in rows}
    counted = None if fixable is None else (fixable[0], fixable[1])
    return Cached(findings, tuple(notices), shown, counted, excerpts)
