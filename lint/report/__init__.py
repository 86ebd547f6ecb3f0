"""Reporters: one module per output format, each with ``render(results, color) -> str``."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from lint.runner import FileResult

Reporter = Callable[[Sequence["FileResult"], bool], str]

#: Format name → the module that renders it; a module loads only when its format is
#: asked for. An unknown --format is a usage error.
REPORTERS: dict[str, str] = {
    "text": "lint.report.text",
    "json": "lint.report.json_format",
    "github": "lint.report.github",
    "sarif": "lint.report.sarif",
    "junit": "lint.report.junit",
    "html": "lint.report.html",  # one self-contained page for people, not tools
    "vale-line": "lint.report.vale_line",  # Vale compat: vale --output=line
    "vale-json": "lint.report.vale_json",  # Vale compat: vale --output=JSON
}


class Streamer(Protocol):
    """A reporter that writes one file at a time: ``add`` per result, then ``summary``."""

    def add(self, result: FileResult) -> str: ...
    def summary(self) -> str: ...


def streamer(name: str, color: bool, **options: Any) -> Streamer | None:
    """The format's streaming writer, if it has one (text and json do); ``options`` are
    the format's own (the text format's ``show_why`` and ``width``)."""
    stream = getattr(importlib.import_module(REPORTERS[name]), "Stream", None)
    return None if stream is None else cast(Streamer, stream(color, **options))


def reporter(name: str) -> Reporter:
    render: Reporter = importlib.import_module(REPORTERS[name]).render
    return render
