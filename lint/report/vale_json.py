"""``--format vale-json`` (``--output JSON``): Vale's JSON output, for tools built on it
(vale-ls and editor plugins, the vale-action rdjsonl flow).

An object keyed by file path (files without alerts left out); each alert has Vale's
fields in Vale's order: ``Action {Name, Params}``, ``Span`` (first and last column of the
match on its line, 1-based, inclusive), ``Check``, ``Description``, ``Link``, ``Message``,
``Severity``, ``Match``, ``Line``. ``Action`` is ``replace`` with the fix when the finding
has one. Like Go's encoder, ``<``, ``>`` and ``&`` are escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.finding import Finding
from lint.report.vale_line import vale_path

if TYPE_CHECKING:
    from lint.runner import FileResult


def alert(f: Finding) -> dict[str, Any]:
    first_line = f.match.split("\n", 1)[0]
    last = f.end_column - 1 if f.end_line == f.line else f.column + len(first_line) - 1
    return {
        "Action": {"Name": "replace", "Params": [f.fix]}
        if f.fix is not None
        else {"Name": "", "Params": None},
        "Span": [f.column, max(f.column, last)],
        "Check": f.rule,
        "Description": f.why,
        "Link": f.link,
        "Message": f.message,
        "Severity": f.severity.label,
        "Match": f.match,
        "Line": f.line,
    }


def render(results: Sequence[FileResult], color: bool = False) -> str:
    out = {
        vale_path(r.path): [alert(f) for f in r.findings]
        for r in sorted(results, key=lambda r: vale_path(r.path))
        if r.findings
    }
    text = json.dumps(out, ensure_ascii=False, indent=2)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text + "\n"
