"""The reviewed fixes snapshot (tests/fixes/fixes.snapshot): every change ``--fix`` and
``--fix --unsafe-fixes`` make on the seeds and the precision corpus, read by an editor
(tests/fixes/REVIEW.md). The suite fails when a change appears, goes or differs, so no
rule or fixer change alters what --fix writes without someone reading it.

The same runs show that a fix never brings a finding: wherever the fixed text differs
from the original, every finding there was already made, by the same rule, on the text
it replaced.
"""

from __future__ import annotations

import difflib

import pytest
from fix_snapshot import ROOT, SNAPSHOT, changes, corpus, fixed, render, rules

from lint.engine import check_document
from lint.finding import Finding
from lint.fixdoc import MEASURES

#: --fix over the seeds and the whole precision corpus: an integration test.
pytestmark = pytest.mark.slow


def test_snapshot_matches() -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8")
    actual = render()
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                "fixes.snapshot",
                "now",
                n=0,
            )
        )
        pytest.fail(
            "--fix changes differ from the reviewed snapshot; read every changed line as "
            "an editor, mend the rules if one is harmful, then run "
            f"python tests/fix_snapshot.py --update\n{diff}"
        )


def test_snapshot_is_not_empty_and_covers_both_modes() -> None:
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()[1:]
    modes = {line.split("\t", 1)[0] for line in lines}
    assert modes == {"safe", "unsafe"}
    assert len(lines) > 100
    # One line per change, as the renderer writes it for one file.
    seed = ROOT / "seeds" / "000_4eb367382f9f58e7.txt"
    assert sum(1 for _ in changes(seed, unsafe=False)) == sum(
        1 for line in lines if line.startswith("safe\tseeds/000_")
    )


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_a_fix_never_brings_a_finding(unsafe: bool) -> None:
    measures = {a.rule.meta.id for a in rules() if a.rule.meta.kind in MEASURES}
    brought: list[str] = []
    for path in corpus():
        doc, done = fixed(path, unsafe=unsafe)
        if not done.fixed:
            continue
        before = check_document(doc, rules()).findings
        after = done.outcome.findings
        matcher = difflib.SequenceMatcher(None, doc.source, done.doc.source, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            old = {f.rule for f in before if _overlaps(f, i1, i2)}
            for found in after:
                if found.rule in measures or found.rule in old:
                    continue
                if _overlaps(found, j1, j2):
                    brought.append(f"{path.name}: {found.rule} {found.match!r}")
    assert not brought, "\n".join(brought)


def _overlaps(f: Finding, start: int, end: int) -> bool:
    if f.start == f.end:
        return start <= f.start <= end
    return f.start < max(end, start + 1) and f.end > start
