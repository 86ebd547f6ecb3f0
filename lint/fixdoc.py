"""Fixing a document in memory: plan, apply, check again, until nothing changes.

After each pass the text is read and checked again, because one fix can settle or
reveal another (a chain: "16 year-old girl" → "16-year-old girl" → "girl aged 16"). The
loop stops when a pass has nothing to do, when a pass would bring back a text already
seen (two rules undoing each other), or after ``MAX_PASSES``.

A fix never brings a finding that nothing will fix: if the text an edit writes is
reported by a rule that did not report the text it replaced, and that new finding is not
itself fixed in the same run, the edit is refused (and said so), so a ``--fix`` run never
leaves the draft with a problem it did not have.

The "N fixable" line of a check does not run this loop: it counts the findings' own
fixes, as ruff does (``lint.fix.count_fixable``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from lint.document import Document
from lint.engine import ActiveRule, Outcome, check_document
from lint.facts import Facts
from lint.finding import Finding, fixable
from lint.fix import DocumentGuard, Edit, Skip, plan_fixes, replacement, splice
from lint.readers import AsIs, Reading

#: Kinds that measure a sentence, paragraph or document rather than judge words: a fix
#: that lengthens a sentence is not taken to have brought their finding.
MEASURES = frozenset({"readability", "metric", "occurrence"})

#: Reading a file by its extension, with nothing more (sglint's own projects).
AS_IS = AsIs()

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


Key = tuple[str, int, int]  # a finding's rule, start and end in its pass's text
#: Why a fix is refused for a finding an editor kept (not a notice: the editor decided).
KEPT_AS_WRITTEN = "kept as written by an editor (the ledger of reviewed findings)"
#: Whether an editor kept a finding (given its source line) as written: no fix for it.
Keep = Callable[[Finding, str], bool]


@dataclass
class _Pass:
    """One pass's starting point, and what it decided."""

    doc: Document
    facts: Facts
    outcome: Outcome
    refused: dict[Key, str] = field(default_factory=dict)  # edits this pass may not make
    #: Findings the previous pass's edits brought, which this pass must fix, and the
    #: previous pass's edit that brought each.
    brought: dict[Key, Key] = field(default_factory=dict)


def fix_document(
    doc: Document,
    rules: Sequence[ActiveRule],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    reading: Reading = AS_IS,
    keep: Keep | None = None,
) -> DocumentFix:
    """Fix ``doc`` in memory, pass by pass; after each pass the text is read again as
    ``reading`` reads it (a Vale project masks its ignores again).

    An edit may bring a finding only when the next pass fixes it (a chain); if that fix
    is then refused, the run goes back a pass and refuses the edit that brought it.
    ``keep``: whether a finding (with its source line) was kept as written by an editor
    (lint.ledger); its fix is refused."""
    measures = {a.rule.meta.id for a in rules if a.rule.meta.kind in MEASURES}
    facts = Facts(doc)
    passes = [_Pass(doc, facts, check_document(doc, rules, facts))]
    done: list[tuple[Edit, ...]] = []  # the edits of each pass taken so far
    while True:
        cur = passes[-1]
        capped = len(done) == max_passes
        while True:  # plan the pass, dropping any edit that would bring a new finding
            guard = _Refusing(DocumentGuard(cur.facts), cur.refused, keep, cur.doc)
            plan = plan_fixes(cur.doc.source, cur.outcome.findings, unsafe=unsafe, guard=guard)
            if not plan.edits or capped:
                break
            text = splice(cur.doc.source, plan.edits)
            new_doc = reading.reread(cur.doc, text)
            new_facts = Facts(new_doc)
            new_outcome = check_document(new_doc, rules, new_facts)
            harm, brought = _new_findings(
                plan.edits, cur.outcome.findings, new_facts, new_outcome.findings, unsafe, measures
            )
            if not harm:
                break
            cur.refused.update(harm)
        # A brought finding is settled when an edit of this pass covers it.
        stuck = [
            k for k in cur.brought if not any(e.start <= k[1] and k[2] <= e.end for e in plan.edits)
        ]
        if stuck and len(passes) > 1 and not capped:
            # A chain broke: the finding an earlier edit brought is not fixed. Go back
            # and refuse that edit.
            passes.pop()
            done.pop()
            rule = stuck[0][0]
            passes[-1].refused[cur.brought[stuck[0]]] = (
                f"the fix would bring a {rule} finding that cannot be fixed in turn"
            )
            continue
        if not plan.edits or capped or any(text == p.doc.source for p in passes):
            break  # done, capped, or rules undoing each other
        done.append(plan.edits)
        passes.append(_Pass(new_doc, new_facts, new_outcome, brought=brought))
    last = passes[-1]
    return DocumentFix(
        last.doc,
        last.outcome,
        tuple(e.finding for edits in done for e in edits),
        plan.skipped,
        len(done),
        not plan.edits,
        tuple(done),
    )


class _Refusing:
    """The document's guard, plus the edits this pass found would bring new findings."""

    def __init__(
        self,
        guard: DocumentGuard,
        refused: dict[Key, str],
        keep: Keep | None = None,
        doc: Document | None = None,
    ) -> None:
        self.guard = guard
        self.refused = refused
        self.keep = keep
        self.doc = doc

    def __call__(self, finding: Finding, text: str) -> str | None:
        doc = self.doc
        if (
            self.keep is not None
            and doc is not None
            and self.keep(finding, doc.line_text(finding.line))
        ):
            return KEPT_AS_WRITTEN
        return self.refused.get(_key(finding)) or self.guard(finding, text)


def _new_findings(
    edits: Sequence[Edit],
    before: Sequence[Finding],
    facts: Facts,
    after: Sequence[Finding],
    unsafe: bool,
    measures: set[str],
) -> tuple[dict[Key, str], dict[Key, Key]]:
    """For the edits of a pass: those whose written text a rule reports that did not
    report the text they replaced, where the new finding cannot be fixed in turn (with
    the reason); and the new findings that can, with the edit that brought each."""
    doc = facts.doc
    guard = DocumentGuard(facts)
    old = _Index([f for f in before if f.rule not in measures])
    new = _Index([f for f in after if f.rule not in measures])
    harm: dict[Key, str] = {}
    brought: dict[Key, Key] = {}
    shift = 0
    for edit in edits:
        start = edit.start + shift
        end = start + len(edit.text)
        shift += len(edit.text) - (edit.end - edit.start)
        old_rules = {f.rule for f in old.overlapping(edit.start, edit.end)}
        parent = _key(edit.finding)
        for found in new.overlapping(start, end):
            if found.rule in old_rules:
                continue
            if fixable(found, unsafe=unsafe) and not guard(found, replacement(doc.source, found)):
                brought[_key(found)] = parent  # a chain: the next pass must fix it
                continue
            harm[parent] = f"the fix would bring a new {found.rule} finding ({found.match!r})"
            break
    return harm, brought


class _Index:
    """Findings by position, to find those overlapping a span without a full scan."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = sorted(findings, key=lambda f: f.start)
        self.starts = [f.start for f in self.findings]
        self.longest = max((f.end - f.start for f in self.findings), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[Finding]:
        i = bisect.bisect_right(self.starts, max(end, start + 1))
        lo = bisect.bisect_left(self.starts, start - self.longest)
        for f in self.findings[lo:i]:
            if _overlaps(f, start, end):
                yield f


def _key(finding: Finding) -> Key:
    return (finding.rule, finding.start, finding.end)


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    if finding.start == finding.end:
        return start <= finding.start <= end
    return finding.start < max(end, start + 1) and finding.end > start
