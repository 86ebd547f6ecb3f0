"""Reporters: one module per output format, each ``findings → str``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from lint.report import json_format, text, vale_json, vale_line

if TYPE_CHECKING:
    from lint.runner import FileResult

Reporter = Callable[[Sequence["FileResult"], bool], str]

#: Format name → reporter. An unknown --format is a usage error.
REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_format.render,
    "vale-line": vale_line.render,  # Vale compat: vale --output=line
    "vale-json": vale_json.render,  # Vale compat: vale --output=JSON
}
