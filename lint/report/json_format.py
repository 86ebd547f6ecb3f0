"""``--format json``: one array of finding objects with a fixed set of keys."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.finding import Finding

if TYPE_CHECKING:
    from lint.runner import FileResult


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "match": f.match,
        "fix": f.fix,
    }


def render(results: Sequence[FileResult], color: bool = False) -> str:
    items = [finding_dict(f) for r in results for f in r.findings]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
