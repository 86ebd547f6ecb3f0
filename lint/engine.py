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
import weakref
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from lint import dialect, timing
from lint.context import Context, build_context, context_needles
from lint.document import Document
from lint.facts import Facts
from lint.finding import Finding, FixSafety, Severity
from lint.literals import gathered, literals_of
from lint.redirects import notice, redirects
from lint.rules.budget import RuleTimeout, time_budget, within
from lint.rules.contract import ContextUse, Hit, Rule
from lint.suggest import did_you_mean


@dataclass(frozen=True)
class ActiveRule:
    """A rule with the level it runs at after configuration and profile."""

    rule: Rule
    level: Severity
    profile: str = ""  # the run's profile, for the rule's profile_exceptions
    dialect: str = "auto"  # the run's dialect setting (lint/dialect.py)


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
    plan = _plan(rules)
    names = plan.names
    facts.literals = literals = literals_of(plan.needles)
    views = {False: (doc, facts)}  # raw? -> the document a rule is given, and its facts
    outcome = Outcome()
    switches = _Switches(doc)
    context = timing.timed("stage", "context", lambda: build_context(doc, facts, names))
    seen: set[tuple[int, int, str]] = set()
    for active, raw in zip(rules, plan.raw, strict=True):
        meta = active.rule.meta
        count = 0
        if raw not in views:
            raw_doc = doc.raw()
            views[raw] = raw_doc, Facts(raw_doc)
            views[raw][1].literals = literals
        given, given_facts = views[raw]
        try:
            with within(time_budget(meta, doc)), timing.measure("rule", meta.id):
                hits = list(active.rule.check(given, given_facts))
        except (RuleTimeout, TimeoutError):
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
            finding = _finding(doc, facts, active, hit, context, raw=raw)
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
    # US copy: the UK-convention rules' findings are one suggestion (lint/dialect.py).
    if plan.uk_rules:
        outcome.findings = dialect.settle(doc.text, outcome.findings, plan.uk_rules)
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome


@dataclass(frozen=True)
class _Plan:
    """What ``check_document`` reads from the rule set alone, once for every document
    checked with it (not once per document)."""

    # The rules, weakly: a plan keeps no rule set alive after its run, and while every
    # one lives, the ids that key the plan are theirs.
    rules: tuple[weakref.ref[ActiveRule], ...]
    names: tuple[str, ...]  # the registers' proper names, for the context
    needles: frozenset[str]  # every pattern rule's and the context's (lint.literals)
    raw: tuple[bool, ...]  # by rule: given the raw view
    uk_rules: frozenset[str]  # the UK-convention rules US copy settles (none: no settling)


_PLAN: list[tuple[tuple[int, ...], _Plan]] = []  # the last rule set's plan, by its rules' ids


def _plan(rules: Sequence[ActiveRule]) -> _Plan:
    """The plan for ``rules``: the last one made when the rules are the same objects."""
    key = tuple(map(id, rules))
    if _PLAN and _PLAN[0][0] == key and all(ref() is not None for ref in _PLAN[0][1].rules):
        return _PLAN[0][1]
    # Every pattern rule's needles, found in one pass (lint.literals).
    # With the registers' names for the context (lint.context.Registered).
    names = registered_names(rules)
    sets = [*(n for a in rules for n in _needles(a.rule)), context_needles(names)]
    uk_rules = frozenset(a.rule.meta.id for a in rules if a.rule.meta.dialect == "en-gb")
    if not all(a.dialect == "auto" for a in rules if a.rule.meta.id in uk_rules):
        uk_rules = frozenset()
    plan = _Plan(
        tuple(map(weakref.ref, rules)),
        names,
        gathered(sets),
        tuple(a.rule.meta.scope.family == "raw" for a in rules),
        uk_rules,
    )
    _PLAN[:] = [(key, plan)]
    return plan


def _needles(rule: object) -> tuple[tuple[str, ...] | None, ...]:
    """A rule's needles (``lint.rules.matching.scan``), and those of the alternatives
    it chooses among (``lint.rules.prefilter.Alternatives``, further ones included), so
    the one automaton says which are present."""
    choice = getattr(rule, "choice", None)
    return getattr(rule, "needles", None), getattr(choice, "every", None)


def registered_names(rules: Sequence[ActiveRule]) -> tuple[str, ...]:
    """Proper names the rules' registers hold (organisations, people), for the context."""
    names: list[str] = []
    for active in rules:
        names.extend(getattr(active.rule, "proper_names", ()))
    return tuple(dict.fromkeys(names))


def _finding(
    doc: Document, facts: Facts, active: ActiveRule, hit: Hit, context: Context, *, raw: bool
) -> Finding | None:
    """The finding for a hit: ``raw`` hits are source spans, others view spans."""
    meta = active.rule.meta
    severity = active.level
    accepted = meta.profile_exceptions.get(active.profile, frozenset()) | (
        meta.genre_exceptions.get(facts.genre, frozenset())
        if meta.genre_exceptions
        else frozenset()
    )
    if accepted and not raw and doc.text[hit.start : hit.end].strip() in accepted:
        return None
    fix = hit.fix
    safety = hit.fix_safety or meta.fix
    by_genre = meta.genres.get(facts.genre) if meta.genres else None
    if by_genre == "off":
        return None
    if by_genre is not None:  # the rule's level in this genre of document (lint/genre.py)
        capped = Severity.parse(by_genre)
        if capped < severity:
            # Lowered for this kind of text (a news desk's "sex abuse", a term in a text
            # against it): the fix is shown, never applied by --fix.
            severity, safety = capped, FixSafety.DISPLAY
    if hit.level is not None:  # the rule's own cap for this hit
        severity = min(severity, hit.level)
    if not raw and not meta.vale_compat:
        # The context every rule respects (lint.context): speech, titles, mentions,
        # names, numbers and lead-ins cap a finding or drop it, and are never fixed.
        own = meta.context is ContextUse.OWN
        effect = context.effect(
            hit.start, hit.end, own, meta.level, meta.quoted, doc.text[hit.start : hit.end]
        )
        if effect is not None:
            if effect.drop:
                return None
            if effect.cap is not None:
                severity = min(severity, effect.cap)
            fix, safety = None, FixSafety.DISPLAY
    elif (
        not raw
        and meta.quoted != "report"
        and facts.in_quote(hit.start, max(hit.end, hit.start + 1))
    ):
        # Vale compat: only a rule's own ``quoted`` setting applies.
        if meta.quoted == "ignore":
            return None
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


def unknown_switches(doc: Document, known: Collection[str]) -> list[str]:
    """A notice, located, for each rule or pack an inline comment names that ``known``
    (every rule id and pack, on or off) does not: a misspelt name switches nothing."""
    out: list[str] = []
    if not doc.directives:
        return out
    replaced = redirects()
    for d in doc.directives:
        for name in d.rules:
            if name in replaced:
                line, _ = doc.position(d.start)
                out.append(f"{doc.path}:{line}: inline comment: " + notice(name, ""))
            elif name not in known:
                line, _ = doc.position(d.start)
                hint = did_you_mean(name, sorted(known))
                out.append(
                    f"{doc.path}:{line}: inline comment names unknown rule or pack "
                    f"'{name}', which switches nothing{hint}"
                )
    return out


def _names(rules: Iterable[str], rule_id: str) -> bool:
    rules = tuple(rules)
    if not rules:
        return True
    replaced = redirects()
    if any(r in replaced for r in rules):  # a replaced id switches what replaced it
        rules = tuple(t for r in rules for t in (replaced[r].to if r in replaced else (r,)))
    pack = rule_id.split(".", 1)[0]
    return any(r in (rule_id, pack) for r in rules)
