"""Reporters: one module per output format, each ``findings → str``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from lint.report import github, json_format, junit, sarif, text, vale_json, vale_line

if TYPE_CHECKING:
    from lint.runner import FileResult

Reporter = Callable[[Sequence["FileResult"], bool], str]

#: Format name → reporter. An unknown --format is a usage error.
REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "vale-line": vale_line.render,  # Vale compat: vale --output=line
    "vale-json": vale_json.render,  # Vale compat: vale --output=JSON
}
