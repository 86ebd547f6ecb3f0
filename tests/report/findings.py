"""Findings built by hand for reporter tests, where the text and path are the point."""

from __future__ import annotations

from lint.finding import Finding, FixSafety, Severity


def finding(
    path: str = "press/draft.md",
    *,
    rule: str = "Safeguarding.Mistranslations",
    severity: Severity = Severity.ERROR,
    message: str = "Use 'grooming gangs' instead of 'care gangs'.",
    match: str = "care gangs",
    line: int = 3,
    column: int = 5,
    fix: str | None = "grooming gangs",
    why: str = "Machine translation turned 'grooming' into 'care'.",
    source: str = "domain.md §1",
    link: str = "",
) -> Finding:
    return Finding(
        path=path,
        rule=rule,
        severity=severity,
        message=message,
        match=match,
        start=40,
        end=40 + len(match),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(match),
        fix=fix,
        fix_safety=FixSafety.SAFE if fix is not None else FixSafety.DISPLAY,
        why=why,
        source=source,
        link=link,
    )
