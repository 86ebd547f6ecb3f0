"""``--format text``: ``path:line:col: level Rule message``, the line with the match
underlined, and a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.excerpts import Excerpt
from lint.finding import Finding, Severity
from lint.fix import fixable
from lint.report.excerpt import in_paragraphs

if TYPE_CHECKING:
    from lint.runner import FileResult

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_finding(
    f: Finding, line_text: str | None, color: bool, excerpt: Excerpt | None = None
) -> str:
    level = _paint(f.severity.label, _COLOURS[f.severity], color)
    head = f"{f.path}:{f.line}:{f.column}: {level} {_paint(f.rule, '1', color)} {f.message}"
    if excerpt is not None:  # a line of markup: the paragraph as prose instead
        shown = excerpt.text.replace("\t", " ")
        marks = "^" * max(1, _width(shown[excerpt.start : excerpt.end]))
        out = f"{head}\n    {shown}\n    {' ' * _width(shown[: excerpt.start])}"
        out += _paint(marks, _COLOURS[f.severity], color)
        return out + (f"\n    fix: {f.fix!r}" if f.fix is not None else "")
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


class TextReport:
    """The text format one file at a time: the CLI prints each file's findings as they
    arrive and keeps only counts, so memory stays flat however many files there are."""

    def __init__(self, color: bool = False) -> None:
        self.color = color
        self.counts: Counter[Severity] = Counter()
        self.checked = 0
        self.files_with = 0
        self.fixing = False
        self.fixed = 0
        self.files_fixed = 0
        self.safe = 0
        self.unsafe = 0

    def add(self, result: FileResult) -> str:
        """The lines for one file's findings ("" if none)."""
        self.checked += 1
        self.files_with += bool(result.findings)
        if result.fixed is not None:
            self.fixing = True
            self.fixed += len(result.fixed)
            self.files_fixed += bool(result.fixed)
        blocks = []
        for f in result.findings:
            self.counts[f.severity] += 1
            if not in_paragraphs(f.path):  # --fix does not edit Word drafts
                self.safe += fixable(f)
                self.unsafe += fixable(f, unsafe=True) and not fixable(f)
            excerpt = result.excerpts.get((f.start, f.end))
            blocks.append(render_finding(f, result.lines.get(f.line), self.color, excerpt))
        return "".join(block + "\n" for block in blocks)

    def summary(self) -> str:
        if self.fixing:
            return (
                _fix_summary(
                    self.fixed, self.files_fixed, self.counts, self.files_with, self.checked
                )
                + "\n"
            )
        total = sum(self.counts.values())
        if total:
            line = (
                f"Found {_plural(total, 'problem')} ({_levels(self.counts)}) in "
                f"{self.files_with} of {_plural(self.checked, 'file')}."
            )
        else:
            line = f"No problems in {_plural(self.checked, 'file')}."
        hint = _fixable_hint(self.safe, self.unsafe)
        return line + ("\n" + hint if hint else "") + "\n"


Stream = TextReport  # the name the CLI looks for in a reporter that can stream


def render(results: Sequence[FileResult], color: bool = False) -> str:
    report = TextReport(color)
    return "".join(report.add(r) for r in results) + report.summary()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _levels(counts: Counter[Severity]) -> str:
    """Counts by level, most severe first: "1 error, 4 warnings"."""
    return ", ".join(
        _plural(counts[s], s.label)
        for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        if counts[s]
    )


def fix_summary(results: Sequence[FileResult], *, dry_run: bool = False) -> str:
    """What --fix did (or --diff would do): how many problems fixed and how many remain."""
    return _fix_summary(
        sum(len(r.fixed or ()) for r in results),
        sum(1 for r in results if r.fixed),
        Counter(f.severity for r in results for f in r.findings),
        sum(1 for r in results if r.findings),
        len(results),
        dry_run=dry_run,
    )


def _fix_summary(
    fixed: int,
    files_fixed: int,
    remaining: Counter[Severity],
    files_with: int,
    checked_count: int,
    *,
    dry_run: bool = False,
) -> str:
    checked = _plural(checked_count, "file")
    if fixed:
        head = f"{'Would fix' if dry_run else 'Fixed'} {_plural(fixed, 'problem')} in "
        head += _plural(files_fixed, "file")
    else:
        head = "Nothing to fix"
    left = sum(remaining.values())
    if not left:
        return f"{head}; no problems {'would ' if dry_run else ''}remain in {checked}."
    remain = "would remain" if dry_run else "remains" if left == 1 else "remain"
    return f"{head}; {left} {remain} ({_levels(remaining)}) in {files_with} of {checked}."


def _fixable_hint(safe: int, unsafe: int) -> str:
    """Ruff's nudge: how many findings the fix options would correct."""
    if not safe and not unsafe:
        return ""
    if not safe:
        return f"{_plural(unsafe, 'problem')} fixable with --fix --unsafe-fixes."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"{safe} fixable with --fix{more}."


__all__ = ["fix_summary", "render"]
