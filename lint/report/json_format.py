"""``--format json``: one array of finding objects with a fixed set of keys."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.finding import Finding
from lint.report.excerpt import paragraph_excerpt

if TYPE_CHECKING:
    from lint.runner import FileResult


def finding_dict(f: Finding, excerpt: str | None = None) -> dict[str, Any]:
    """The fixed keys, plus ``excerpt`` (the paragraph) for a Word draft."""
    item = {
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
    if excerpt is not None:
        item["excerpt"] = excerpt
    return item


class Stream:
    """The same array one file at a time, so memory stays flat over large folders.
    Byte for byte what ``json.dumps(items, indent=2)`` writes."""

    def __init__(self, color: bool = False) -> None:
        self.written = 0

    def add(self, result: FileResult) -> str:
        out = []
        for f in result.findings:
            item = finding_dict(f, paragraph_excerpt(f, result.lines))
            out.append(("[\n" if not self.written else ",\n") + item_text(item))
            self.written += 1
        return "".join(out)

    def summary(self) -> str:
        return "\n]\n" if self.written else "[]\n"


#: JSON's string encoding as ``json.dumps(..., ensure_ascii=False)`` does it (in C).
_STRING = json.encoder.encode_basestring


def item_text(item: dict[str, Any]) -> str:
    """``json.dumps(item, ensure_ascii=False, indent=2)`` one level in, as the array
    holds it, for a finding's flat object (strings, integers, None). Written out here:
    with ``indent`` the ``json`` module encodes in Python, a third of a warm run."""
    lines = []
    for key, value in item.items():
        head = _HEADS.get(key)
        if head is None:
            head = _HEADS[key] = f"    {_STRING(key)}: "
        if isinstance(value, str):
            lines.append(head + _STRING(value))
        elif value is None:
            lines.append(head + "null")
        elif type(value) is int:
            lines.append(head + int.__repr__(value))
        else:  # anything else as json writes it, two levels in (no finding field is)
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            lines.append(head + text)
    return "  {\n" + ",\n".join(lines) + "\n  }"


#: Each key as it opens its line (a finding has a fixed few), encoded once per run.
_HEADS: dict[str, str] = {}


def render(results: Sequence[FileResult], color: bool = False) -> str:
    stream = Stream(color)
    return "".join(stream.add(r) for r in results) + stream.summary()
