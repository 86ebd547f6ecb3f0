"""Applying fixes: pure edits on text, knowing nothing of rules.

A finding's fix replaces its source span. Fixes are applied from the end of the text
backwards so earlier offsets stay valid; a fix that overlaps one already taken is
skipped (deterministically: the earlier-starting, then longer, fix wins).
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.finding import Finding, FixSafety


def applicable(findings: Sequence[Finding], *, unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes may be applied, without overlaps, in text order."""
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start), f.rule)):
        if f.fix is None or f.fix_safety not in allowed:
            continue
        if f.start < last_end:
            continue
        chosen.append(f)
        last_end = max(last_end, f.end)
    return chosen


def apply_fixes(
    source: str, findings: Sequence[Finding], *, unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """The text with the applicable fixes made, and the findings that were fixed."""
    chosen = applicable(findings, unsafe=unsafe)
    out = source
    for f in reversed(chosen):
        out = out[: f.start] + (f.fix or "") + out[f.end :]
    return out, chosen
