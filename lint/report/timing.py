"""``--timing``: where a run's CPU time went, per rule, document fact and stage, most first.

Text: one line per row, ``seconds  share  ms/file  calls  kind  name``, then the total;
JSON: ``{"files", "total", "rows": [{"kind", "name", "seconds", "share", "calls"}]}``.
Times are exclusive (``lint.timing``): the rows add up to the total.
"""

from __future__ import annotations

import json

from lint.timing import KINDS, Timings

#: One row: kind, name, CPU seconds, calls.
Row = tuple[str, str, float, int]


def ordered(timings: Timings) -> list[Row]:
    """Every row, the costliest first (then by kind and name, for a stable order)."""
    table = [
        (kind, name, seconds, int(calls)) for (kind, name), (seconds, calls) in timings.rows.items()
    ]
    return sorted(table, key=lambda row: (-row[2], KINDS.index(row[0]), row[1]))


def render(timings: Timings, files: int, fmt: str, top: int | None = None) -> str:
    """The report over ``files`` files checked; ``top``: only the costliest rows."""
    table = ordered(timings)
    total = sum(row[2] for row in table)
    shown = table[:top] if top is not None else table
    if fmt == "json":
        report = {
            "files": files,
            "total": round(total, 6),
            "rows": [
                {
                    "kind": kind,
                    "name": name,
                    "seconds": round(seconds, 6),
                    "share": round(seconds / total, 6) if total else 0.0,
                    "calls": calls,
                }
                for kind, name, seconds, calls in shown
            ],
        }
        return json.dumps(report, indent=2) + "\n"
    per_file = 1000 / files if files else 0.0
    lines = [
        f"CPU time over {files} file(s), each second counted once (a fact is charged to "
        "itself, not to the rule that first asked for it)",
        f"{'seconds':>9}  {'share':>6}  {'ms/file':>8}  {'calls':>7}  kind   name",
    ]
    for kind, name, seconds, calls in shown:
        share = seconds / total if total else 0.0
        lines.append(
            f"{seconds:>9.3f}  {share:>6.1%}  {seconds * per_file:>8.2f}  "
            f"{calls:>7}  {kind:<5}  {name}"
        )
    lines.append(
        f"{total:>9.3f}  {1 if total else 0:>6.1%}  {total * per_file:>8.2f}  {'':>7}  total"
    )
    return "\n".join(lines) + "\n"
