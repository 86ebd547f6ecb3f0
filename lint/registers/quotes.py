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

from lint.registers import entry_values, load_entries, register_loader
from lint.validate import STR, Option


@dataclass(frozen=True)
class Statement:
    speaker: str
    text: str
    source: str
    line: int = 0  # where the entry starts in the register, for messages and tests


#: The keys of an approved statement, all required (lint/validate.py checks them).
KEYS: dict[str, Option] = {
    "speaker": Option(STR, "Who made the statement, by full name."),
    "text": Option(STR, "The statement, word for word."),
    "source": Option(STR, "Where it was published."),
}


@register_loader
def load_statements(path: Path) -> tuple[Statement, ...]:
    statements = []
    for entry in load_entries(path, "statements"):
        values = entry_values(entry, KEYS, path, required=KEYS)
        statements.append(
            Statement(
                values["speaker"].strip(),
                values["text"].strip(),
                values["source"].strip(),
                entry.line,
            )
        )
    return tuple(statements)
