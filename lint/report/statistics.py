"""``--statistics``: how many findings each rule made, most first, as ruff prints them.

Text: one line per rule, ``count  rule  [*] level`` (``[*]`` when ``--fix`` can fix
every one of them, ``[-]`` when some); JSON: a list of ``{"rule", "count", "level",
"fixable"}``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.finding import Severity, fixable

if TYPE_CHECKING:
    from lint.runner import FileResult


def rows(results: Sequence[FileResult]) -> list[dict[str, object]]:
    counts: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
    levels: dict[str, Severity] = {}
    for result in results:
        for f in result.findings:
            counts[f.rule] += 1
            fixes[f.rule] += fixable(f)
            levels[f.rule] = max(levels.get(f.rule, f.severity), f.severity)
    ordered = sorted(counts, key=lambda rule: (-counts[rule], rule))
    return [
        {
            "rule": rule,
            "count": counts[rule],
            "level": levels[rule].label,
            "fixable": fixes[rule],
        }
        for rule in ordered
    ]


def render(results: Sequence[FileResult], fmt: str) -> str:
    table = rows(results)
    if fmt == "json":
        return json.dumps(table, indent=2) + "\n"
    if not table:
        return ""
    width = len(str(table[0]["count"]))
    rule_width = max(len(str(row["rule"])) for row in table)
    lines = []
    for row in table:
        count, fixes = row["count"], row["fixable"]
        mark = "[*]" if fixes == count else "[-]" if fixes else "   "
        lines.append(f"{count:>{width}}  {row['rule']:<{rule_width}}  {mark} {row['level']}")
    return "\n".join(lines) + "\n"
