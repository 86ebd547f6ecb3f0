"""The engine: run compiled rules over a Document and decide what is reported.

Decide, then present: rule selection, profiles, levels, inline switches, quoted speech
and limits are settled here, once, so reporters only format findings.

The engine owns positions, by one rule for every kind: a rule whose scope is ``raw`` is
given the raw view (``Document.raw``: the source, nothing masked), so its spans are
source offsets; every other rule is given the prose view, and its spans are mapped to
the source through the document's offset map. Kinds never choose.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lint.document import Document
from lint.facts import Facts
from lint.finding import Finding, FixSafety, Severity
from lint.rules.budget import RuleTimeout, time_budget
from lint.rules.contract import Hit, Rule


@dataclass(frozen=True)
class ActiveRule:
    """A rule with the level it runs at after configuration and profile."""

    rule: Rule
    level: Severity


@dataclass(frozen=True)
class RuleProblem:
    """A rule that could not finish on a document (a runaway pattern)."""

    path: str
    rule: str
    message: str


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)


def check_document(
    doc: Document, rules: Sequence[ActiveRule], facts: Facts | None = None
) -> Outcome:
    """Every rule's findings on ``doc``. The facts derived from it (sentences, quotes …)
    are built once, here, for all the rules; pass ``facts`` to share them further."""
    facts = Facts(doc) if facts is None else facts
    views = {False: (doc, facts)}  # raw? -> the document a rule is given, and its facts
    outcome = Outcome()
    switches = _Switches(doc)
    seen: set[tuple[int, int, str]] = set()
    for active in rules:
        meta = active.rule.meta
        count = 0
        raw = meta.scope.family == "raw"
        if raw not in views:
            raw_doc = doc.raw()
            views[raw] = raw_doc, Facts(raw_doc)
        given, given_facts = views[raw]
        try:
            hits = list(active.rule.check(given, given_facts))
        except RuleTimeout:
            outcome.problems.append(
                RuleProblem(
                    doc.path,
                    meta.id,
                    f"pattern ran longer than {time_budget(meta, doc):.3g}s and was stopped; "
                    "rule skipped for this file",
                )
            )
            continue
        for hit in hits:
            finding = _finding(doc, facts, active, hit, raw=raw)
            if finding is None or switches.disabled(meta.id, finding.start):
                continue
            key = (finding.start, finding.end, meta.id)
            if key in seen:
                continue
            seen.add(key)
            outcome.findings.append(finding)
            count += 1
            if meta.limit and count >= meta.limit:
                break
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome


def _finding(
    doc: Document, facts: Facts, active: ActiveRule, hit: Hit, *, raw: bool
) -> Finding | None:
    """The finding for a hit: ``raw`` hits are source spans, others view spans."""
    meta = active.rule.meta
    severity = active.level
    fix = hit.fix
    safety = hit.fix_safety or meta.fix
    if not raw and facts.quotes and facts.in_quote(hit.start, max(hit.end, hit.start + 1)):
        # A misquote is worse than a bad term: inside direct speech a rule is at most a
        # suggestion and never fixed, unless the rule says otherwise.
        if meta.quoted == "ignore":
            return None
        if meta.quoted == "suggest":
            severity = min(severity, Severity.SUGGESTION)
            fix, safety = None, FixSafety.DISPLAY
    start, end = (hit.start, hit.end) if raw else doc.source_span(hit.start, hit.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    if fix is None:
        safety = FixSafety.DISPLAY
    return Finding(
        path=doc.path,
        rule=meta.id,
        severity=severity,
        message=hit.message,
        match=doc.source[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        fix_safety=safety,
        why=hit.why or meta.why,
        source=meta.source,
        link=meta.link,
    )


class _Switches:
    """Inline ``sglint-disable`` / ``sglint-enable`` / ``sglint-disable-next-line``."""

    def __init__(self, doc: Document) -> None:
        self.events: list[tuple[int, str, tuple[str, ...]]] = []
        self.lines: list[tuple[int, int, tuple[str, ...]]] = []  # next-line ranges
        for d in doc.directives:
            if d.action == "disable-next-line":
                line, _ = doc.position(d.end)
                target = line + 1
                # The next line with text on it.
                while target < doc.line_count and not doc.line_text(target).strip():
                    target += 1
                start = doc.position_offset(target)
                end = doc.position_offset(target + 1)
                self.lines.append((start, end, d.rules))
            else:
                self.events.append((d.start, d.action, d.rules))
        self.starts = [e[0] for e in self.events]

    def disabled(self, rule_id: str, offset: int) -> bool:
        for start, end, rules in self.lines:
            if start <= offset < end and _names(rules, rule_id):
                return True
        if not self.events:
            return False
        off = False
        upto = bisect.bisect_right(self.starts, offset)
        for _, action, rules in self.events[:upto]:
            if _names(rules, rule_id):
                off = action == "disable"
        return off


def _names(rules: Iterable[str], rule_id: str) -> bool:
    rules = tuple(rules)
    if not rules:
        return True
    pack = rule_id.split(".", 1)[0]
    return any(r in (rule_id, pack) for r in rules)
