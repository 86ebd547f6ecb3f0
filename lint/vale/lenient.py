"""What Vale's loader forgives in a rule file, forgiven the same way before sglint's
strict schema sees it (so a published style loads as Vale loads it):

- ``swap`` written as a list of one-entry maps (``- foo: bar``) is one mapping; a key
  given twice keeps its last replacement, as Go's map decoding does;
- an empty ``action:`` (YAML null) is no action (mapstructure leaves the zero value);
- a key repeated in the file keeps its last value (see ``lint.yamlload``); the repeat is
  named in a notice, since it is usually a slip.

Everything else is held to the schema, with a located error, as Vale's E201 is.
"""

from __future__ import annotations

from lint.errors import RuleError
from lint.yamlload import LineDict


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
    return notices
