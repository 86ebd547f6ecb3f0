"""``--format text``: ``path:line:col: level Rule message``, the line with the match
underlined, and a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.excerpts import Excerpt
from lint.finding import Finding, Severity, fixable
from lint.messages import plural
from lint.report.escape import printable
from lint.report.excerpt import in_paragraphs

if TYPE_CHECKING:
    from lint.runner import FileResult

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_finding(
    f: Finding,
    line_text: str | None,
    color: bool,
    excerpt: Excerpt | None = None,
    *,
    width: int | None = None,
    show_why: bool = False,
) -> str:
    """One finding: the head line, the line (or paragraph) with the match underlined, the
    fix, and with ``show_why`` the rule's why and source. With ``width``, the excerpt and
    the why fit in that many columns (the head line stays whole, for tools that read it)."""
    level = _paint(f.severity.label, _COLOURS[f.severity], color)
    rule = _paint(printable(f.rule), "1", color)
    head = f"{printable(f.path)}:{f.line}:{f.column}: {level} {rule} {printable(f.message)}"
    lines = [head]
    shown = _shown(f, line_text, excerpt)
    if shown is not None:
        # Control characters are shown escaped, never sent to the terminal
        # (lint.report.escape); the marks follow the escaped text.
        text, start, end = _escaped(*shown)
        if width is not None:
            text, start, end = _fit(text, start, end, width - len(_INDENT))
        marks = _paint("^" * max(1, _width(text[start:end])), _COLOURS[f.severity], color)
        lines += [f"{_INDENT}{text}", f"{_INDENT}{' ' * _width(text[:start])}{marks}"]
    if f.fix is not None:
        lines.append(_wrap(f"fix: {f.fix!r}", width))
    if show_why:
        for label, value in (("why", f.why), ("source", f.source), ("see", f.link)):
            if value:
                lines.append(_wrap(f"{label}: {value}", width))
    return "\n".join(lines)


_INDENT = "    "


def _shown(
    f: Finding, line_text: str | None, excerpt: Excerpt | None
) -> tuple[str, int, int] | None:
    """The text under the head line and the match's start and end in it."""
    if excerpt is not None:  # a line of markup: the paragraph as prose instead
        return excerpt.text.replace("\t", " "), excerpt.start, excerpt.end
    if line_text is None:
        return None
    start = f.column - 1
    span = f.end_column - f.column if f.end_line == f.line else len(line_text) - start
    shown = line_text
    if len(shown) > 200:  # keep very long lines readable: a window around the match
        left = max(0, f.column - 80)
        shown = ("…" if left else "") + shown[left : left + 160]
        start = start - left + (1 if left else 0)
    # Tabs as one space each, on the window only: work per finding stays bounded on a
    # line of megabytes (the whole line once per finding was quadratic).
    shown = shown.replace("\t", " ")
    return shown, start, min(start + span, len(shown))


def _fit(text: str, start: int, end: int, room: int) -> tuple[str, int, int]:
    """A window of ``text`` at most ``room`` columns wide round ``[start, end)``."""
    if _width(text) <= room:
        return text, start, end
    budget = max(10, room - 2)  # room for an ellipsis either side
    left = start if end - start >= budget else max(0, start - (budget - (end - start)) // 2)
    right = min(len(text), left + budget)
    if right == len(text):
        left = max(0, right - budget)
    shown = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    shift = (1 if left else 0) - left
    return shown, start + shift, min(end + shift, len(shown))


def _wrap(text: str, width: int | None) -> str:
    if width is None:
        return _INDENT + text
    import textwrap  # only for --show-why

    return textwrap.fill(
        text,
        width=max(20, width),
        initial_indent=_INDENT,
        subsequent_indent=_INDENT + "  ",
        break_on_hyphens=False,
    )


def terminal_width() -> int | None:
    """Columns to fit the text output in: the terminal's, or ``COLUMNS`` when set; None
    (no limit) when the output goes to a file or pipe."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if sys.stdout.isatty():
        import shutil  # only on a terminal

        return shutil.get_terminal_size().columns
    return None


def _escaped(text: str, start: int, end: int) -> tuple[str, int, int]:
    before, match, after = (printable(t) for t in (text[:start], text[start:end], text[end:]))
    return before + match + after, len(before), len(before) + len(match)


class TextReport:
    """The text format one file at a time: the CLI prints each file's findings as they
    arrive and keeps only counts, so memory stays flat however many files there are."""

    def __init__(
        self, color: bool = False, *, show_why: bool = False, width: int | None = None
    ) -> None:
        self.color = color
        self.show_why = show_why
        self.width = width
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
        if result.fixable is not None:  # counted with the document's fix guard
            self.safe += result.fixable[0]
            self.unsafe += max(0, result.fixable[1] - result.fixable[0])
        for f in result.findings:
            self.counts[f.severity] += 1
            if result.fixable is None and not in_paragraphs(f.path):
                # not counted with the guard; --fix does not edit Word drafts
                self.safe += fixable(f)
                self.unsafe += fixable(f, unsafe=True) and not fixable(f)
            blocks.append(self.finding(f, result))
        return "".join(block + "\n" for block in blocks)

    def finding(self, f: Finding, result: FileResult) -> str:
        excerpt = result.excerpts.get((f.start, f.end))
        line = result.lines.get(f.line)
        return render_finding(
            f, line, self.color, excerpt, width=self.width, show_why=self.show_why
        )

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
                f"Found {plural(total, 'problem')} ({_levels(self.counts)}) in "
                f"{self.files_with} of {plural(self.checked, 'file')}."
            )
        else:
            line = f"No problems in {plural(self.checked, 'file')}."
        hint = _fixable_hint(self.safe, self.unsafe)
        return line + ("\n" + hint if hint else "") + "\n"


Stream = TextReport  # the name the CLI looks for in a reporter that can stream


def render(
    results: Sequence[FileResult],
    color: bool = False,
    *,
    by_level: bool = False,
    show_why: bool = False,
    width: int | None = None,
) -> str:
    """The whole report; ``by_level`` puts errors first, then warnings, then suggestions
    (by file and line within a level)."""
    report = TextReport(color, show_why=show_why, width=width)
    if not by_level:
        return "".join(report.add(r) for r in results) + report.summary()
    for result in results:
        report.add(result)  # the counts
    ordered = sorted(
        ((f, r) for r in results for f in r.findings),
        key=lambda pair: (-pair[0].severity, pair[0].sort_key),
    )
    return "".join(report.finding(f, r) + "\n" for f, r in ordered) + report.summary()


def _levels(counts: Counter[Severity]) -> str:
    """Counts by level, most severe first: "1 error, 4 warnings"."""
    return ", ".join(
        plural(counts[s], s.label)
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
    checked = plural(checked_count, "file")
    if fixed:
        head = f"{'Would fix' if dry_run else 'Fixed'} {plural(fixed, 'problem')} in "
        head += plural(files_fixed, "file")
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
        return f"{plural(unsafe, 'problem')} fixable with --fix --unsafe-fixes."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"{safe} fixable with --fix{more}."


__all__ = ["fix_summary", "render"]
