"""Registers: data about the world that rules check copy against (people, organisations,
approved statements). Each register is a YAML data file, validated with located errors;
one module per register."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex

from lint.errors import RuleError
from lint.suggest import did_you_mean
from lint.yamlload import LineDict, load_yaml

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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read register: {exc}", path=str(path)) from None
    data = load_yaml(text, str(path))
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


def check_keys(entry: LineDict, allowed: set[str], required: set[str], path: Path) -> None:
    for key in entry:
        if key not in allowed:
            hint = did_you_mean(key, sorted(allowed))
            raise RuleError(
                f"unknown key '{key}' in register entry{hint}",
                path=str(path),
                line=entry.line_of(key),
            )
    for key in required:
        if not entry.get(key):
            raise RuleError(f"register entry needs '{key}'", path=str(path), line=entry.line)


def str_list(entry: LineDict, key: str, path: Path) -> tuple[str, ...]:
    value: Any = entry.get(key, [])
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(
            f"'{key}' must be a string or a list of strings",
            path=str(path),
            line=entry.line_of(key),
        )
    return tuple(value)


def date_value(entry: LineDict, key: str, path: Path) -> dt.date | None:
    value = entry.get(key)
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(
            f"'{key}' must be a date like 2024-05-21", path=str(path), line=entry.line_of(key)
        ) from None


def normalise(form: str) -> str:
    """A name as compared for identity: curly apostrophes straight, spaces collapsed."""
    return _SPACES.sub(" ", form.replace("’", "'")).strip()


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


#: The bounds of a literal name: not inside a longer word (or after an apostrophe).
WORD_START, WORD_END = r"(?<![\w'’])", r"(?!\w)"
