"""sglint: an editorial consistency linter for safeguarding communications.

Public API::

    from lint import check_text, check_paths, Finding
    findings = check_text("They called her a child prostitute.", path="draft.txt")
"""

from lint._version import __version__
from lint.config import Config
from lint.finding import Finding, FixSafety, Severity
from lint.runner import FileResult, check_paths, check_text

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "FixSafety",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
]
