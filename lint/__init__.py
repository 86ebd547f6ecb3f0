"""sglint: an editorial consistency linter for safeguarding communications.

Public API::

    from lint import check_text, check_paths, Finding
    findings = check_text("They called her a child prostitute.", path="draft.txt")

Importing a small module (``lint.finding``, say) does not load the engine: the API
names that need it are imported on first use.
"""

from __future__ import annotations

import importlib

from lint._version import __version__
from lint.finding import Finding, FixSafety, Severity

#: typing is not imported for this alone (mypy reads the name): ``import lint.finding``
#: stays a handful of modules.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from lint.config import Config
    from lint.runner import FileResult, check_paths, check_text

#: Public names loaded on first use, and the module each comes from.
_LAZY = {
    "Config": "lint.config",
    "FileResult": "lint.runner",
    "check_paths": "lint.runner",
    "check_text": "lint.runner",
}

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


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
