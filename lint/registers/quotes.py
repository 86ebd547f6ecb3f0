"""The approved-quotes register: statements a team has signed off, keyed by speaker and
source, so the same person's different statements (Gabrielle Shaw's GOV.UK and Hydrant
versions) are each a statement of their own, never a misquote of the other.

Format (``rules/Quotes/_approved.yml`` or a team's own file)::

    statements:
      - speaker: James Cleverly
        source: GOV.UK press release, 21 May 2024
        text: |
          Where a child is being abused, we must do everything in our power ...

          This despicable crime can have a lasting impact ...

Paragraphs are separated by a blank line, as in the copy they come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint.errors import RuleError
from lint.registers import check_keys, load_entries, register_loader, with_team


@dataclass(frozen=True)
class Statement:
    speaker: str
    text: str
    source: str
    line: int = 0  # where the entry starts in the register, for messages and tests


_KEYS = {"speaker", "text", "source"}


@with_team("statements")
@register_loader
def load_statements(path: Path) -> tuple[Statement, ...]:
    statements = []
    for entry in load_entries(path, "statements"):
        check_keys(entry, _KEYS, _KEYS, path)
        for key in _KEYS:
            if not isinstance(entry[key], str):
                raise RuleError(
                    f"'{key}' must be a string", path=str(path), line=entry.line_of(key)
                )
        statements.append(
            Statement(
                entry["speaker"].strip(), entry["text"].strip(), entry["source"].strip(), entry.line
            )
        )
    return tuple(statements)
