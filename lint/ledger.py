"""The ledger of reviewed findings: what editors decided about findings, in a file the
team commits (``.sglint-reviewed.json`` beside the configuration, or in the folder a run
starts from when there is none).

Each entry is keyed by the rule, the file (relative to the ledger's folder), the matched
text and its context (the words either side of it on its line), never by line numbers:
so a finding stays quiet after edits elsewhere in the draft, and comes back as soon as
its own words or the words round it change. An entry says what the editor did:

- ``kept``: the words are right as written (``sglint check --review``, or every current
  finding with ``sglint baseline``); ``sglint check`` no longer reports the finding;
- ``changed``: the editor changed the copy (``--review``); the entry only counts towards
  ``sglint stats --acceptance``, which shows per rule how often its findings were kept
  or changed, so a team sees which rules earn their place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import ConfigError
from lint.finding import Finding

LEDGER_NAME = ".sglint-reviewed.json"
FORMAT = 1
KEPT, CHANGED = "kept", "changed"
STATUSES = (KEPT, CHANGED)
BASELINE, REVIEW = "baseline", "review"
#: Words of context taken either side of a match.
CONTEXT_WORDS = 6

Key = tuple[str, str, str, str]  # rule, path, match, context


@dataclass(frozen=True)
class Entry:
    rule: str
    path: str  # relative to the ledger's folder, with forward slashes
    match: str
    context: str
    status: str = KEPT
    how: str = BASELINE  # baseline or review
    date: str = ""

    @property
    def key(self) -> Key:
        return self.rule, self.path, self.match, self.context


def context(finding: Finding, line_text: str | None) -> str:
    """The words either side of a finding's match on its line, spaces collapsed: the
    match itself stands as ``[…]`` (it is keyed on its own)."""
    if line_text is None:
        return ""
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line_text)
    # A window, not the whole line: a line of megabytes with thousands of findings must
    # not be split once per finding (CONTEXT_WORDS words fit in it many times over).
    window = CONTEXT_WORDS * 64
    before = line_text[max(0, start - window) : start].split()[-CONTEXT_WORDS:]
    after = line_text[end : end + window].split()[:CONTEXT_WORDS]
    return " ".join([*before, "[…]", *after])


@dataclass
class Ledger:
    """One ledger file and its entries."""

    path: Path
    entries: dict[Key, Entry] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def relative(self, path: str) -> str:
        return Path(os.path.relpath(os.path.abspath(path), self.folder)).as_posix()

    def key(self, finding: Finding, line_text: str | None) -> Key:
        match = " ".join(finding.match.split())
        return finding.rule, self.relative(finding.path), match, context(finding, line_text)

    def kept(self, finding: Finding, line_text: str | None) -> bool:
        entry = self.entries.get(self.key(finding, line_text))
        return entry is not None and entry.status == KEPT

    def record(
        self, finding: Finding, line_text: str | None, status: str, how: str, today: str
    ) -> Entry:
        rule, path, match, ctx = self.key(finding, line_text)
        entry = Entry(rule, path, match, ctx, status, how, today)
        self.entries[entry.key] = entry
        return entry

    def save(self) -> None:
        """Write the ledger: sorted, one entry per line, so a diff shows each decision."""
        rows = [
            json.dumps(
                {
                    "rule": e.rule,
                    "path": e.path,
                    "match": e.match,
                    "context": e.context,
                    "status": e.status,
                    "how": e.how,
                    "date": e.date,
                },
                ensure_ascii=False,
            )
            for e in sorted(self.entries.values(), key=lambda e: (e.path, e.rule, e.key))
        ]
        body = ",\n    ".join(rows)
        text = f'{{\n  "format": {FORMAT},\n  "findings": [\n    {body}\n  ]\n}}\n'
        if not rows:
            text = f'{{\n  "format": {FORMAT},\n  "findings": []\n}}\n'
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(self.path)


def load(path: Path) -> Ledger:
    """The ledger at ``path`` (empty when there is none yet). A file that is not a
    ledger is one located error."""
    ledger = Ledger(path)
    if not path.exists():
        return ledger
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(
            f"not a ledger of reviewed findings: {exc}", path=str(path), line=line
        ) from None
    rows = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(rows, list) or data.get("format") != FORMAT:
        raise ConfigError(
            f"not a ledger of reviewed findings (format {FORMAT} with a 'findings' list)",
            path=str(path),
        )
    for number, row in enumerate(rows, 1):
        entry = _entry(row)
        if entry is None:
            raise ConfigError(
                f"finding {number} needs rule, path, match, context (strings) and a "
                f"status ({' or '.join(STATUSES)})",
                path=str(path),
            )
        ledger.entries[entry.key] = entry
    return ledger


def _entry(row: object) -> Entry | None:
    if not isinstance(row, dict):
        return None
    rule, path, match, ctx = (row.get(k) for k in ("rule", "path", "match", "context"))
    if not (
        isinstance(rule, str)
        and isinstance(path, str)
        and isinstance(match, str)
        and isinstance(ctx, str)
        and row.get("status") in STATUSES
    ):
        return None
    how = row.get("how", BASELINE)
    date = row.get("date", "")
    return Entry(
        rule,
        path,
        match,
        ctx,
        status=str(row["status"]),
        how=str(how) if how in (BASELINE, REVIEW) else BASELINE,
        date=str(date) if isinstance(date, str) else "",
    )


class Ledgers:
    """The ledger of each configuration's folder, loaded on first use."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Ledger] = {}

    def for_folder(self, folder: Path) -> Ledger:
        folder = folder.resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = load(folder / LEDGER_NAME)
        return self._by_folder[folder]

    def __iter__(self) -> Iterator[Ledger]:
        return iter(self._by_folder.values())


def unreviewed(
    ledger: Ledger, findings: Iterable[Finding], lines: Mapping[int, str]
) -> list[Finding]:
    """The findings no ``kept`` entry covers."""
    if not any(e.status == KEPT for e in ledger.entries.values()):
        return list(findings)
    return [f for f in findings if not ledger.kept(f, lines.get(f.line))]


def acceptance(entries: Iterable[Entry]) -> list[dict[str, object]]:
    """Per rule: findings kept as written and changed in review, findings accepted by a
    baseline, and the share of reviewed findings that led to a change."""
    counts: dict[str, Counter[str]] = {}
    for e in entries:
        bucket = counts.setdefault(e.rule, Counter())
        bucket["baseline" if e.how == BASELINE else e.status] += 1
    rows = []
    for rule in sorted(counts):
        c = counts[rule]
        reviewed = c[KEPT] + c[CHANGED]
        rows.append(
            {
                "rule": rule,
                "kept": c[KEPT],
                "changed": c[CHANGED],
                "baseline": c["baseline"],
                "changed_share": round(c[CHANGED] / reviewed, 3) if reviewed else None,
            }
        )
    return rows


def today() -> str:
    return dt.date.today().isoformat()
