"""``--format vale-line`` (``--output line``): Vale's line output, one alert a line:
``path:line:column:Style.Rule:message``. Paths use ``/`` on every platform (Vale's
``--normalize``) and are printed as they were reached from the paths given (``--relative``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.report.escape import printable

if TYPE_CHECKING:
    from lint.runner import FileResult


def vale_path(path: str) -> str:
    return path.replace("\\", "/")


def render(results: Sequence[FileResult], color: bool = False) -> str:
    lines = [
        printable(f"{vale_path(f.path)}:{f.line}:{f.column}:{f.rule}:{f.message}")
        for result in sorted(results, key=lambda r: vale_path(r.path))
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines)
