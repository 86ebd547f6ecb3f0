"""sglint: an editorial consistency linter for safeguarding communications.

Public API::

    from lint import check_text, check_paths, Finding
    findings = check_text("They called her a child prostitute.", path="draft.txt")
"""

from lint.config import Config
from lint.finding import Finding, FixSafety, Severity
from lint.runner import FileResult, check_paths, check_text

__all__ = ["Config", "FileResult", "Finding", "FixSafety", "Severity", "check_paths", "check_text"]
__version__ = "0.1.0"
