"""Registers: data about the world that rules check copy against (people, organisations,
approved statements). Each register is a YAML data file, validated with located errors;
one module per register."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import regex

from lint.errors import RuleError
from lint.validate import DATE, Option, check_keys
from lint.yamlload import LineDict, load_yaml, read_data_file

_T = TypeVar("_T")
_SPACES = regex.compile(r"\s+")


def register_loader(load: Callable[[Path], _T]) -> Callable[[Path], _T]:
    """Load each register file once per run: several rules name the same register, and
    sharing one loaded object lets them share what is built from it (e.g. the cast of
    speakers). Keyed by the file's identity and modification, so an edit is seen."""
    cache: dict[tuple[str, int, int], _T] = {}

    @functools.wraps(load)
    def cached(path: Path) -> _T:
        try:
            stat = path.stat()
            key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            return load(path)  # let the loader report the problem
        if key not in cache:
            cache[key] = load(path)
        return cache[key]

    return cached


def register_file(rule_path: str, value: str, *, line: int, key: str = "register") -> Path:
    """The register a rule names with ``key``: relative to the rule file's folder, and
    inside the folder of packs that holds the rule. A rule may name another pack's
    register (``../People/_people.yml``), never a file elsewhere on the machine."""
    rule = Path(rule_path)
    root = rule.resolve().parent.parent
    path = (rule.parent / value).resolve()  # symbolic links followed: where it really is
    if not path.is_relative_to(root):
        raise RuleError(
            f"'{key}': register {value!r} lies outside the rule folder {str(root)!r}; refused",
            path=rule_path,
            line=line,
        )
    if not path.is_file():
        raise RuleError(f"'{key}': register file not found: {value}", path=rule_path, line=line)
    return path


def load_entries(path: Path, top_key: str) -> list[LineDict]:
    """The list under ``top_key`` in a register file, each entry a located mapping."""
    data = load_yaml(read_data_file(path, "register", RuleError), str(path))
    if not isinstance(data, LineDict) or not isinstance(data.get(top_key), list):
        raise RuleError(
            f"a register must be a mapping with a '{top_key}' list",
            path=str(path),
            line=getattr(data, "line", 1),
        )
    entries: list[LineDict] = []
    for entry in data[top_key]:
        if not isinstance(entry, LineDict):
            raise RuleError(
                f"each '{top_key}' entry must be a mapping",
                path=str(path),
                line=data.line_of(top_key),
            )
        entries.append(entry)
    return entries


#: Ends the unknown-key message of a register entry.
ENTRY = " in register entry"


def entry_values(
    entry: LineDict, keys: Mapping[str, Option], path: Path, required: Iterable[str] = ()
) -> dict[str, Any]:
    """A register entry checked by the one validator (lint/validate.py): every key known
    and of its type, ``required`` keys given; an absent or empty key takes its default."""
    given = check_keys(
        entry, keys, path=str(path), where=ENTRY, required=required, empty_is_default=True
    )
    return {key: given.get(key, spec.default) for key, spec in keys.items()}


def normalise(form: str) -> str:
    """A name as compared for identity: curly apostrophes straight, spaces collapsed."""
    return _SPACES.sub(" ", form.replace("’", "'")).strip()


@functools.lru_cache(maxsize=4096)
def literal_pattern(form: str, *, bounded: bool = True) -> str:
    """A regex for a literal name from a register: escaped, apostrophes either way,
    spaces flexible (a line break), bounded so it never matches inside a longer word
    (``bounded=False`` leaves the bounds to a caller that shares them across forms)."""
    parts = []
    for c in normalise(form):
        if c == "'":
            parts.append("['’]")
        elif c == " ":
            parts.append(r"\s+")
        else:
            parts.append(regex.escape(c))
    body = "".join(parts)
    return rf"{WORD_START}{body}{WORD_END}" if bounded else body


@dataclass(frozen=True)
class RegisterInfo:
    """What ``sglint registers`` shows of one register file."""

    path: Path
    kind: str  # the top-level list key: organisations, people, legislation, ...
    entries: int
    as_of: dt.date | None  # the file's own "as_of", if it has one
    checked: tuple[dt.date, dt.date] | None  # oldest and newest "checked" dates
    unchecked: int  # entries with no "checked" date
    notes: int  # entries (or their roles) with a "note" or an approximate date


def describe(path: Path) -> RegisterInfo | None:
    """The register in ``path``, or None if it is not one (no top-level list)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8-sig"), str(path))
    except (OSError, UnicodeDecodeError):
        return None
    if not isinstance(data, LineDict):
        return None
    kind = next((str(k) for k, v in data.items() if isinstance(v, list)), None)
    if kind is None:
        return None
    entries = [e for e in data[kind] if isinstance(e, LineDict)]
    dates = [d for e in entries if (d := _as_date(e.get("checked"))) is not None]
    notes = sum(
        1
        for e in entries
        if e.get("note")
        or any(isinstance(r, LineDict) and r.get("approximate") for r in e.get("roles") or [])
    )
    return RegisterInfo(
        path=path,
        kind=kind,
        entries=len(entries),
        as_of=_as_date(data.get("as_of")),
        checked=(min(dates), max(dates)) if dates else None,
        unchecked=len(entries) - len(dates),
        notes=notes,
    )


def _as_date(value: Any) -> dt.date | None:
    try:
        return None if value is None else DATE(value)
    except TypeError:
        return None


#: The bounds of a literal name: not inside a longer word (or after an apostrophe).
WORD_START, WORD_END = r"(?<![\w'’])", r"(?!\w)"
