"""Fixing a document in memory: plan, apply, check again, until nothing changes.

After each pass the text is read and checked again, because one fix can settle or
reveal another (a chain: "16 year-old girl" → "16-year-old girl" → "girl aged 16"). The
loop stops when a pass has nothing to do, when a pass would bring back a text already
seen (two rules undoing each other), or after ``MAX_PASSES``.

A fix never brings a finding that nothing will fix: if the text an edit writes is
reported by a rule that did not report the text it replaced, and that new finding is not
itself fixed in the same run, the edit is refused (and said so), so a ``--fix`` run never
leaves the draft with a problem it did not have.

``count_fixes`` runs the same loop without writing, so the "N fixable" line of a check
counts exactly what ``--fix`` will change, chains included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lint.document import Document
from lint.engine import ActiveRule, Outcome, check_document
from lint.facts import Facts
from lint.finding import Finding
from lint.fix import DocumentGuard, Edit, Skip, fixable, plan_fixes, replacement, splice
from lint.readers import read_text

#: Kinds that measure a sentence, paragraph or document rather than judge words: a fix
#: that lengthens a sentence is not taken to have brought their finding.
MEASURES = frozenset({"readability", "metric", "occurrence"})

#: How a document read again after a pass is made ready for the rules (Vale mode masks
#: its TokenIgnores and BlockIgnores again); the identity by default.
Prepare = Callable[[Document], Document]

#: Passes before giving up on fixes that keep producing new fixes (ruff stops at 100).
MAX_PASSES = 10


@dataclass(frozen=True)
class DocumentFix:
    """The outcome of fixing one document in memory."""

    doc: Document  # the fixed document
    outcome: Outcome  # what the rules still find in it
    fixed: tuple[Finding, ...]  # every finding fixed, pass by pass
    skipped: tuple[Skip, ...]  # fixes refused in the final text, with the reason
    passes: int
    settled: bool  # False: stopped by the cap or a loop with fixes still to make
    #: The edits made, one tuple per pass (offsets into the text that pass started from).
    passes_edits: tuple[tuple[Edit, ...], ...] = ()


def fix_document(
    doc: Document,
    rules: Sequence[ActiveRule],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    prepare: Prepare | None = None,
) -> DocumentFix:
    fixed: list[Finding] = []
    edits: list[tuple[Edit, ...]] = []
    seen = {doc.source}
    passes = 0
    measures = {a.rule.meta.id for a in rules if a.rule.meta.kind in MEASURES}
    facts = Facts(doc)
    outcome = check_document(doc, rules, facts)
    while True:
        refused: dict[tuple[str, int, int], str] = {}
        while True:  # plan the pass, dropping any edit that would bring a new finding
            guard = _Refusing(DocumentGuard(facts), refused)
            plan = plan_fixes(doc.source, outcome.findings, unsafe=unsafe, guard=guard)
            if not plan.edits or passes == max_passes:
                break
            text = splice(doc.source, plan.edits)
            new_doc = reread(doc, text)
            if prepare is not None:
                new_doc = prepare(new_doc)
            new_facts = Facts(new_doc)
            new_outcome = check_document(new_doc, rules, new_facts)
            harm = _new_findings(
                plan.edits, outcome.findings, new_facts, new_outcome.findings, unsafe, measures
            )
            if not harm:
                break
            refused.update(harm)
        if not plan.edits or passes == max_passes or text in seen:
            break  # done, capped, or rules undoing each other
        seen.add(text)
        fixed.extend(plan.fixed)
        edits.append(plan.edits)
        passes += 1
        doc, facts, outcome = new_doc, new_facts, new_outcome
    return DocumentFix(
        doc, outcome, tuple(fixed), plan.skipped, passes, not plan.edits, tuple(edits)
    )


def count_fixes(
    doc: Document,
    rules: Sequence[ActiveRule],
    findings: Sequence[Finding],
    prepare: Prepare | None = None,
) -> tuple[int, int]:
    """How many problems ``--fix`` and ``--fix --unsafe-fixes`` would fix in ``doc``
    (whose findings are ``findings``), chains included."""
    if not any(fixable(f, unsafe=True) for f in findings):
        return 0, 0
    safe = 0
    if any(fixable(f) for f in findings):
        safe = len(fix_document(doc, rules, prepare=prepare).fixed)
    return safe, len(fix_document(doc, rules, unsafe=True, prepare=prepare).fixed)


def reread(doc: Document, text: str) -> Document:
    """The document for ``text``, read as ``doc`` was (same format, encoding, notices)."""
    new = read_text(doc.path, text, doc.fmt)
    return replace(new, encoding=doc.encoding, notices=doc.notices)


class _Refusing:
    """The document's guard, plus the edits this pass found would bring new findings."""

    def __init__(self, guard: DocumentGuard, refused: dict[tuple[str, int, int], str]) -> None:
        self.guard = guard
        self.refused = refused

    def __call__(self, finding: Finding, text: str) -> str | None:
        return self.refused.get((finding.rule, finding.start, finding.end)) or self.guard(
            finding, text
        )


def _new_findings(
    edits: Sequence[Edit],
    before: Sequence[Finding],
    facts: Facts,
    after: Sequence[Finding],
    unsafe: bool,
    measures: set[str],
) -> dict[tuple[str, int, int], str]:
    """The edits whose written text a rule reports that did not report the text they
    replaced, where that new finding will not be fixed in turn; with the reason."""
    doc = facts.doc
    guard = DocumentGuard(facts)
    harm: dict[tuple[str, int, int], str] = {}
    shift = 0
    for edit in edits:
        start = edit.start + shift
        end = start + len(edit.text)
        shift += len(edit.text) - (edit.end - edit.start)
        old_rules = {f.rule for f in before if _overlaps(f, edit.start, edit.end)}
        for found in after:
            if (
                found.rule in measures
                or found.rule in old_rules
                or not _overlaps(found, start, end)
            ):
                continue
            if (
                fixable(found, unsafe=unsafe)
                and guard(found, replacement(doc.source, found)) is None
            ):
                continue  # a chain: the next pass fixes it (and is checked in turn)
            key = (edit.finding.rule, edit.finding.start, edit.finding.end)
            harm[key] = f"the fix would bring a new {found.rule} finding ({found.match!r})"
            break
    return harm


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    if finding.start == finding.end:
        return start <= finding.start <= end
    return finding.start < max(end, start + 1) and finding.end > start
