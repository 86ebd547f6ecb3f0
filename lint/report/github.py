"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=press/draft.md,line=3,col=5,endLine=3,endColumn=15,title=Pack.Rule::message

Levels map to ``error``, ``warning`` and ``notice``. Values are escaped as the runner
expects: data ``%`` ``\\r`` ``\\n``; property values also ``:`` and ``,``. Columns count
code points and the end column is exclusive, as in every sglint format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.finding import Finding, Severity
from lint.report.excerpt import paragraph_excerpt
from lint.report.paths import ci_root, relative_path

if TYPE_CHECKING:
    from lint.runner import FileResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, root: str, excerpt: str | None = None) -> str:
    properties = {
        "file": relative_path(f.path, root),
        "line": str(f.line),
        "col": str(f.column),
        "endLine": str(f.end_line),
        "endColumn": str(f.end_column),
        "title": f.rule,
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    # The annotation is all a reviewer sees in the pull request: say why, not only what.
    body = f"{f.message}\n\nWhy: {f.why}" if f.why else f.message
    if excerpt is not None:  # a Word draft: GitHub cannot show the paragraph itself
        body += f"\n\nParagraph {f.line}: {excerpt}"
    return f"::{COMMANDS[f.severity]} {props}::{escape_data(body)}"


def render(results: Sequence[FileResult], color: bool = False) -> str:
    root = ci_root()
    return "".join(
        command(f, root, paragraph_excerpt(f, r.lines)) + "\n" for r in results for f in r.findings
    )


__all__ = ["escape_data", "escape_property", "render"]
