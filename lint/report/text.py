"""``--format text``: ``path:line:col: level Rule message``, the line with the match
underlined, and a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.finding import Finding, Severity
from lint.fix import fixable

if TYPE_CHECKING:
    from lint.runner import FileResult

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_finding(f: Finding, line_text: str | None, color: bool) -> str:
    level = _paint(f.severity.label, _COLOURS[f.severity], color)
    head = f"{f.path}:{f.line}:{f.column}: {level} {_paint(f.rule, '1', color)} {f.message}"
    if line_text is None:
        return head
    shown = line_text
    if len(shown) > 200:  # keep very long lines readable: a window around the match
        left = max(0, f.column - 80)
        shown = ("…" if left else "") + shown[left : left + 160]
        offset = _width(shown[: (f.column - 1 - left) + (1 if left else 0)])
    else:
        offset = _width(shown[: f.column - 1])
    # Tabs as one space each, on the window only: work per finding stays bounded on a
    # line of megabytes (the whole line once per finding was quadratic).
    shown = shown.replace("\t", " ")
    span = f.end_column - f.column if f.end_line == f.line else len(shown) - (f.column - 1)
    span = min(span, len(shown))
    marks = "^" * max(1, _width(line_text[f.column - 1 : f.column - 1 + span]))
    out = f"{head}\n    {shown}\n    {' ' * offset}{_paint(marks, _COLOURS[f.severity], color)}"
    if f.fix is not None:
        out += f"\n    fix: {f.fix!r}"
    return out


def render(results: Sequence[FileResult], color: bool = False) -> str:
    blocks: list[str] = []
    counts: Counter[Severity] = Counter()
    files_with = 0
    for result in results:
        if result.findings:
            files_with += 1
        for f in result.findings:
            counts[f.severity] += 1
            blocks.append(render_finding(f, result.lines.get(f.line), color))
    total = sum(counts.values())
    checked = len(results)
    if total:
        parts = [
            f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
            if counts[s]
        ]
        summary = (
            f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
            f"in {files_with} of {checked} file{'s' if checked != 1 else ''}."
        )
    else:
        summary = f"No problems in {checked} file{'s' if checked != 1 else ''}."
    if any(r.fixed is not None for r in results):
        summary = fix_summary(results)
    elif hint := _fixable_hint(results):
        summary += "\n" + hint
    blocks.append(summary)
    return "\n".join(blocks) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _levels(findings: Sequence[Finding]) -> str:
    """The findings counted by level, most severe first: "1 error, 4 warnings"."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        _plural(counts[s], s.label)
        for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        if counts[s]
    )


def fix_summary(results: Sequence[FileResult], *, dry_run: bool = False) -> str:
    """What --fix did (or --diff would do): how many problems fixed and how many remain."""
    fixed = sum(len(r.fixed or ()) for r in results)
    files_fixed = sum(1 for r in results if r.fixed)
    remaining = [f for r in results for f in r.findings]
    checked = _plural(len(results), "file")
    if fixed:
        head = f"{'Would fix' if dry_run else 'Fixed'} {_plural(fixed, 'problem')} in "
        head += _plural(files_fixed, "file")
    else:
        head = "Nothing to fix"
    if not remaining:
        return f"{head}; no problems {'would ' if dry_run else ''}remain in {checked}."
    remain = "would remain" if dry_run else "remains" if len(remaining) == 1 else "remain"
    files_with = sum(1 for r in results if r.findings)
    return f"{head}; {len(remaining)} {remain} ({_levels(remaining)}) in {files_with} of {checked}."


def _fixable_hint(results: Sequence[FileResult]) -> str:
    """Ruff's nudge: how many findings the fix options would correct."""
    findings = [f for r in results for f in r.findings]
    safe = sum(1 for f in findings if fixable(f))
    unsafe = sum(1 for f in findings if fixable(f, unsafe=True)) - safe
    if not safe and not unsafe:
        return ""
    if not safe:
        return f"{_plural(unsafe, 'problem')} fixable with --fix --unsafe-fixes."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"{safe} fixable with --fix{more}."


__all__ = ["fix_summary", "render"]
