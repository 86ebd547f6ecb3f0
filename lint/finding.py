"""Findings: the small immutable values every rule produces and every reporter reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Vale's three levels, ordered so that comparisons read naturally."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.strip().upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


LEVEL_NAMES = ("suggestion", "warning", "error")

#: What each level means: the test a rule's level must pass (README, ``sglint rules``).
LEVEL_MEANINGS = {
    "error": "publishing it would harm someone or the publisher's credibility: "
    "victim-blaming or minimising terms, mistranslations, a misspelt person or "
    "organisation, a wrong title, a misquoted approved statement, one claim with two "
    "figures, quote marks that open and never close",
    "warning": "a point of the chosen house style that an editor would fix before publication",
    "suggestion": "advice and measures: sentence length, reading scores, words to consider",
}


class FixSafety(enum.Enum):
    """How a fix may be applied (ruff's Applicability)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display"  # shown to the user, never applied


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, complete at birth.

    Offsets are code-point offsets into the decoded source text; line and column are
    1-based and computed from those offsets through the document's map, never by searching
    for the matched text again. ``end_line``/``end_column`` are exclusive.
    """

    path: str
    rule: str
    severity: Severity
    message: str
    match: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: str | None = None
    fix_safety: FixSafety = FixSafety.DISPLAY
    why: str = ""
    source: str = ""
    link: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)


def allowed_safety(*, unsafe: bool) -> frozenset[FixSafety]:
    return frozenset({FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE})


def fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Whether ``--fix`` (or ``--unsafe-fixes``) would try this finding's fix."""
    return finding.fix is not None and finding.fix_safety in allowed_safety(unsafe=unsafe)
