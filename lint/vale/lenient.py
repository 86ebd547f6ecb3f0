r"""What Vale's loader forgives in a rule file, forgiven the same way before sglint's
strict schema sees it (so a published style loads as Vale loads it):

- ``swap`` written as a list of one-entry maps (``- foo: bar``) is one mapping; a key
  given twice keeps its last replacement, as Go's map decoding does;
- an empty ``action:`` (YAML null) is no action (mapstructure leaves the zero value);
- a key repeated in the file keeps its last value (see ``lint.yamlload``); the repeat is
  named in a notice, since it is usually a slip;
- Go's regex syntax where Python's ``regex`` differs: ``\x{2019}`` (a code point in
  braces) becomes ``\u2019`` in every pattern the rule holds (``go_pattern``).

Everything else is held to the schema, with a located error, as Vale's E201 is.
"""

from __future__ import annotations

from typing import Any

import regex

from lint.errors import RuleError
from lint.yamlload import LineDict

#: A ``\x{…}`` escape not itself escaped (an even run of backslashes before it).
_GO_HEX = regex.compile(r"(?<!\\)((?:\\\\)*)\\x\{([0-9A-Fa-f]{1,8})\}")
#: Keys whose values (or, for ``swap``, keys) are patterns.
PATTERN_KEYS = ("tokens", "raw", "exceptions", "first", "second", "token", "filters")


def go_pattern(pattern: str) -> str:
    r"""A Go (RE2) pattern in Python ``regex`` syntax: ``\x{201C}`` → ``\u201C``."""

    def code_point(m: regex.Match[str]) -> str:
        value = int(m.group(2), 16)
        return m.group(1) + (f"\\u{value:04x}" if value <= 0xFFFF else f"\\U{value:08x}")

    return _GO_HEX.sub(code_point, pattern) if "\\x{" in pattern else pattern


def _patterns(value: Any) -> Any:
    if isinstance(value, str):
        return go_pattern(value)
    if isinstance(value, list):
        return [go_pattern(v) if isinstance(v, str) else v for v in value]
    return value


class CannotRun(RuleError):
    """A Vale rule sglint cannot run as written (a kind's need it cannot meet, such as a
    dictionary or a part-of-speech tagger): the rule is skipped with a notice, the run
    goes on. ``reason`` is what the closing count groups it under."""

    def __init__(self, message: str, *, reason: str, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.reason = reason


def forgive(raw: LineDict, *, path: str, repeated: list[tuple[str, int]]) -> list[str]:
    """Rewrite ``raw`` in place as Vale reads it; the notices it deserves."""
    notices = [
        f"{path}:{line}: key '{key}' is given more than once; the last value is used (as Vale does)"
        for key, line in repeated
    ]
    if "action" in raw and raw["action"] is None:
        del raw["action"]
    swap = raw.get("swap")
    if isinstance(swap, list):
        merged = LineDict()
        merged.line = getattr(swap, "line", raw.line_of("swap"))
        merged.lines = {}
        for entry in swap:
            if not isinstance(entry, dict):
                raise RuleError(
                    "swap: a list entry must be a 'pattern: replacement' mapping",
                    path=path,
                    line=raw.line_of("swap"),
                )
            for key, value in entry.items():
                merged[str(key)] = value
                lines = getattr(entry, "lines", {})
                merged.lines[str(key)] = lines.get(key, raw.line_of("swap"))
        raw["swap"] = merged
    for key in PATTERN_KEYS:
        if key in raw:
            raw[key] = _patterns(raw[key])
    swap = raw.get("swap")
    if isinstance(swap, LineDict):
        translated = LineDict({go_pattern(str(k)): v for k, v in swap.items()})
        translated.line = swap.line
        translated.lines = {go_pattern(str(k)): n for k, n in getattr(swap, "lines", {}).items()}
        raw["swap"] = translated
    return notices
