"""The one validator: the type of every key in a rule, a configuration file or a
register entry, unknown keys with one "did you mean", and errors located at the key.

A key is an :class:`Option`: a checker (returns the value, normalised, or raises
``TypeError`` saying what it takes), one line of doc and a default. :func:`check_keys`
checks a mapping against its options; :func:`choice` checks one word against a list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from lint.errors import RuleError, SglintError, excerpt
from lint.suggest import did_you_mean

Checker = Callable[[Any], Any]  # returns the normalised value or raises TypeError


def _str(value: Any) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError("a string")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError("true or false")


#: Every number in a rule file lies within this (a count, a ratio, a grade, seconds).
NUMBER_LIMIT = 1_000_000


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= NUMBER_LIMIT:
        return value
    raise TypeError(f"a whole number no larger than {NUMBER_LIMIT:,}")


def _number(value: Any) -> float:
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and abs(value) <= NUMBER_LIMIT
    ):
        return float(value)
    raise TypeError(f"a finite number no larger than {NUMBER_LIMIT:,}")


def number_in(low: float, high: float) -> Checker:
    """A checker for a number from ``low`` to ``high`` (both included)."""

    def check(value: Any) -> float:
        try:
            number = _number(value)
        except TypeError:
            number = math.nan
        if not low <= number <= high:  # NaN fails too
            raise TypeError(f"a number from {low:g} to {high:g}")
        return number

    return check


def whole_in(low: int, high: int) -> Checker:
    """A checker for a whole number from ``low`` to ``high`` (both included)."""

    def check(value: Any) -> int:
        try:
            number = _int(value)
        except TypeError:
            number = low - 1
        if not low <= number <= high:
            raise TypeError(f"a whole number from {low:,} to {high:,}")
        return number

    return check


def _str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
    ):
        return [str(v) for v in value]
    raise TypeError("a string or a list of strings")


def _str_map(value: Any) -> dict[str, str]:
    if isinstance(value, dict) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value.values()
    ):
        return {str(k): str(v) for k, v in value.items()}
    raise TypeError("a mapping of strings to strings")


def _map(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return dict(value)
    raise TypeError("a mapping")


def _list_or_map(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return value
    raise TypeError("a list or a mapping")


def level_map(what: str) -> Checker:
    """A checker for a mapping of ``what`` to levels (checked later, by :func:`choice`).
    YAML reads a bare ``off`` as false: that means off too."""

    def check(value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise TypeError(f"a mapping of {what} to levels")
        out = {}
        for k, v in value.items():
            if v is False:
                out[str(k)] = "off"
            elif isinstance(v, str):
                out[str(k)] = v
            else:
                raise TypeError(f"a mapping of {what} to levels ('{k}' has {describe(v)})")
        return out

    return check


def _list(value: Any) -> list[str]:
    """A list of strings, never one string (which may be a comma-separated slip)."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError("a list of strings")


def _list_of_any(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise TypeError("a list")


def _names(value: Any) -> list[str]:
    """A list of non-empty strings (names, words)."""
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    raise TypeError("a list of non-empty strings")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise TypeError("a date like 2024-05-21") from None


def _any(value: Any) -> Any:
    return value


#: Checkers: each returns the value, normalised, or raises TypeError saying what it takes.
STR, BOOL, INT, NUMBER, STR_LIST, STR_MAP, MAP, LIST_OR_MAP, LIST, LIST_OF_ANY, NAMES, DATE, ANY = (
    _str,
    _bool,
    _int,
    _number,
    _str_list,
    _str_map,
    _map,
    _list_or_map,
    _list,
    _list_of_any,
    _names,
    _date,
    _any,
)


@dataclass(frozen=True)
class Option:
    """One key a rule kind accepts: what it takes (its checker), one line saying what it
    does, and its default (``None``: no default; absent means not given). The reference
    (docs/kinds.md) is generated from these."""

    check: Checker
    doc: str
    default: Any = None


def option(data: Mapping[str, Any], keys: Mapping[str, Option], key: str) -> Any:
    """The value a rule gives for ``key``, else the key's default."""
    return data[key] if key in data else keys[key].default


@runtime_checkable
class Located(Protocol):
    """A mapping read from a file that knows each key's line (``yamlload.LineDict``)."""

    def line_of(self, key: str) -> int: ...


def check_keys(
    data: Mapping[str, Any],
    keys: Mapping[str, Option],
    *,
    path: str,
    where: str = "",
    prefix: str = "",
    required: Iterable[str] = (),
    empty_is_default: bool = False,
    error: type[SglintError] = RuleError,
) -> dict[str, Any]:
    """Every key of ``data`` known and of its type; the normalised values of the keys
    given. ``where`` ends the unknown-key message (" in register entry"), ``prefix``
    starts every message ("[tool.sglint] "); ``required`` keys must be given, not empty;
    with ``empty_is_default`` a key left empty takes its default (registers)."""

    out: dict[str, Any] = {}
    for key in data:
        spec = keys.get(key)
        if spec is None:
            hint = did_you_mean(str(key), keys)
            raise error(
                f"{prefix}unknown key '{key}'{where}{hint}", path=path, line=line_of(data, key)
            )
        if data[key] is None and empty_is_default:
            out[key] = spec.default
        else:
            out[key] = _checked(data, key, spec.check, path, prefix, error)
    for key in required:
        if out.get(key) in (None, "", [], {}, ()):
            at = getattr(data, "line", 0) or None
            raise error(f"{prefix}missing '{key}'{where}", path=path, line=at)
    return out


def value(
    data: Mapping[str, Any],
    key: str,
    check: Checker,
    *,
    path: str,
    default: Any = None,
    prefix: str = "",
    error: type[SglintError] = RuleError,
) -> Any:
    """``data[key]`` checked by ``check`` (``default`` when the key is absent or empty),
    or a located "'key' must be …, not …"."""
    if data.get(key) is None:
        return default
    return _checked(data, key, check, path, prefix, error)


def _checked(
    data: Mapping[str, Any],
    key: str,
    check: Checker,
    path: str,
    prefix: str,
    error: type[SglintError],
) -> Any:
    try:
        return check(data[key])
    except TypeError as exc:
        raise error(
            f"{prefix}'{key}' must be {exc}, not {describe(data[key])}",
            path=path,
            line=line_of(data, key),
        ) from None


def line_of(data: Mapping[str, Any], key: str) -> int | None:
    """The line of ``key`` when ``data`` knows it."""
    return (data.line_of(key) if isinstance(data, Located) else 0) or None


def describe(value: Any) -> str:
    """What a value is, for "must be X, not Y" (quoting at most a short excerpt)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {excerpt(repr(value))}"


def choice(
    value: str,
    options: tuple[str, ...],
    *,
    key: str,
    path: str,
    line: int | None,
    prefix: str = "",
    error: type[SglintError] = RuleError,
) -> str:
    """``value`` (case and spaces aside) if it is one of ``options``; else a located error
    with the closest option."""
    lowered = value.strip().lower()
    if lowered not in options:
        hint = did_you_mean(lowered, options)
        raise error(
            f"{prefix}'{key}' must be one of {', '.join(options)}, not {value!r}{hint}",
            path=path,
            line=line,
        )
    return lowered
