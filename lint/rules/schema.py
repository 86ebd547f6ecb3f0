"""Validation of rule files: types, unknown keys ("did you mean …"), located errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lint.errors import RuleError
from lint.finding import FixSafety
from lint.rules.budget import DEFAULT_TIMEOUT
from lint.suggest import did_you_mean
from lint.yamlload import LineDict

Checker = Callable[[Any], Any]  # returns the normalised value or raises TypeError


def _str(value: Any) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError("a string")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError("true or false")


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError("a whole number")


def _number(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise TypeError("a number")


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


def _level_map(value: Any) -> dict[str, str]:
    """Profile → level. YAML reads a bare ``off`` as false: that means off too."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if v is False:
                out[str(k)] = "off"
            elif isinstance(v, str):
                out[str(k)] = v
            else:
                raise TypeError(f"a mapping of profiles to levels ('{k}' has {_describe(v)})")
        return out
    raise TypeError("a mapping of profiles to levels")


def _map(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return dict(value)
    raise TypeError("a mapping")


def _list_or_map(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return value
    raise TypeError("a list or a mapping")


STR, BOOL, INT, NUMBER, STR_LIST, STR_MAP, MAP, LIST_OR_MAP = (
    _str,
    _bool,
    _int,
    _number,
    _str_list,
    _str_map,
    _map,
    _list_or_map,
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


#: Keys of the guards that silence a hit (lint.rules.guards.build_guards): Vale's
#: ``exceptions`` and sglint's context keys. Kinds that use build_guards accept them all.
GUARD_KEYS: dict[str, Option] = {
    "exceptions": Option(
        _str_list, "Words or phrases that excuse a match that contains or lies inside them.", ()
    ),
    "not_after": Option(
        _str_list, "Patterns that, right before the match, mean the term is negated or named.", ()
    ),
    "not_before": Option(
        _str_list, "Patterns that, right after the match, mean the term is defined or named.", ()
    ),
    "near": Option(
        _str_list, "Patterns of which one must be in the unit for the match to count.", ()
    ),
    "not_near": Option(_str_list, "Patterns that, anywhere in the unit, silence the match.", ()),
    "mentions": Option(
        _str, "ignore: a match in its own quote marks is a term mentioned, not used.", "report"
    ),
}

#: Keys every rule accepts (Vale's header plus sglint's additions).
COMMON_KEYS: dict[str, Option] = {
    "extends": Option(STR, "The rule's kind."),
    "message": Option(STR, "The finding's message; %s takes the match (Vale's template)."),
    "description": Option(STR, "A longer description of the rule.", ""),
    "level": Option(STR, "suggestion, warning or error.", "warning"),
    "limit": Option(INT, "Report at most this many findings per file (0: no limit).", 0),
    "link": Option(STR, "A page explaining the rule.", ""),
    "scope": Option(
        STR_LIST, "Where the rule looks: Vale's scopes (raw: the source itself).", ["text"]
    ),
    "action": Option(MAP, "Vale's action block (kept for Vale styles).", {}),
    # sglint additions
    "why": Option(STR, "Why the rule matters, shown with each finding.", ""),
    "source": Option(STR, "The authority the rule rests on.", ""),
    "examples": Option(MAP, "bad and good examples; the test suite runs them."),
    "profiles": Option(_level_map, "Profile -> level or off (govuk, news, practice ...).", {}),
    "fix": Option(STR, "Fix safety: safe, unsafe or display (each kind has a default)."),
    "quoted": Option(STR, "Inside direct speech: report, suggest or ignore.", "suggest"),
    "timeout": Option(NUMBER, "Seconds the rule may spend matching per file.", DEFAULT_TIMEOUT),
    "vocab": Option(BOOL, "Vale: whether the project's vocabulary applies.", True),
}


def validate(
    data: LineDict, kind_keys: Mapping[str, Option], *, path: str, kind: str
) -> dict[str, Any]:
    """Check every key's name and type; return the normalised values."""
    allowed = {**COMMON_KEYS, **kind_keys}
    out: dict[str, Any] = {}
    for key, value in data.items():
        line = data.line_of(key)
        spec = allowed.get(key)
        if spec is None:
            hint = did_you_mean(key, allowed)
            raise RuleError(
                f"unknown key '{key}' for a rule of kind '{kind}'{hint}", path=path, line=line
            )
        try:
            out[key] = spec.check(value)
        except TypeError as exc:
            raise RuleError(
                f"'{key}' must be {exc}, not {_describe(value)}", path=path, line=line
            ) from None
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def require(data: Mapping[str, Any], key: str, *, path: str, line: int, kind: str) -> Any:
    if key not in data or data[key] in (None, "", [], {}):
        raise RuleError(f"a rule of kind '{kind}' needs '{key}'", path=path, line=line)
    return data[key]


def fix_safety(value: Any, *, key: str, path: str, line: int) -> FixSafety:
    """A ``fix:`` value: safe, unsafe or display (located error otherwise)."""
    return FixSafety(
        choice(str(value), tuple(s.value for s in FixSafety), key=key, path=path, line=line)
    )


def choice(value: str, options: tuple[str, ...], *, key: str, path: str, line: int) -> str:
    lowered = value.strip().lower()
    if lowered not in options:
        hint = did_you_mean(lowered, options)
        raise RuleError(
            f"'{key}' must be one of {', '.join(options)}, not {value!r}{hint}",
            path=path,
            line=line,
        )
    return lowered
