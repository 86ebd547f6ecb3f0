"""The reviewed fixes snapshot: every change ``--fix`` and ``--fix --unsafe-fixes`` make
on the seeds and the precision corpus, one per line, read by an editor.

Each line is ``mode  file:line  rule  before => after  | context``, where the context is
the words around the change on its line, as they stood in that pass. Regenerate after
changing rules or the fixer, then read every changed line before committing it (see
tests/fixes/REVIEW.md: a harmful change is fixed in the rules, never in the snapshot):

    python tests/fix_snapshot.py --update && git diff tests/fixes/fixes.snapshot
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from seed_snapshot import update_cli

from lint.config import Config, active_rules
from lint.document import Document
from lint.engine import ActiveRule
from lint.fix import splice
from lint.fixdoc import DocumentFix, fix_document
from lint.readers import read_bytes

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "fixes" / "fixes.snapshot"
CONTEXT = 40  # characters of context on each side


def corpus() -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    precision = sorted((ROOT / "tests" / "precision" / "corpus").glob("*.md"))
    return [*seeds, *precision]


@cache
def rules() -> tuple[ActiveRule, ...]:
    return tuple(active_rules(Config(root=ROOT)))


@cache
def fixed(path: Path, *, unsafe: bool) -> tuple[Document, DocumentFix]:
    """The file as read, and ``--fix`` (or ``--fix --unsafe-fixes``) run on it in memory."""
    doc = read_bytes(str(path), path.read_bytes())
    return doc, fix_document(doc, rules(), unsafe=unsafe)


def changes(path: Path, *, unsafe: bool) -> Iterator[str]:
    """The snapshot lines for one file in one mode (the file itself is never written)."""
    doc, done = fixed(path, unsafe=unsafe)
    name = path.relative_to(ROOT).as_posix()
    mode = "unsafe" if unsafe else "safe"
    source = doc.source
    for edits in done.passes_edits:
        for edit in edits:
            line = source.count("\n", 0, edit.start) + 1
            line_start = source.rfind("\n", 0, edit.start) + 1
            line_end = source.find("\n", edit.end)
            line_end = len(source) if line_end < 0 else line_end
            left = _flat(source[max(line_start, edit.start - CONTEXT) : edit.start])
            right = _flat(source[edit.end : min(line_end, edit.end + CONTEXT)])
            yield (
                f"{mode}\t{name}:{line}\t{edit.finding.rule}\t"
                f"{_flat(source[edit.start : edit.end])} => {_flat(edit.text)}"
                f"\t| …{left} ⟦…⟧ {right}…"
            )
        source = splice(source, edits)


def _flat(text: str) -> str:
    return " ".join(text.split())


def render() -> str:
    lines = ["# mode\tfile:line\trule\tbefore => after\t| context (see tests/fixes/REVIEW.md)"]
    for unsafe in (False, True):
        for path in corpus():
            lines.extend(changes(path, unsafe=unsafe))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    return update_cli(argv, SNAPSHOT, render, __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
