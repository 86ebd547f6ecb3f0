"""Applying fixes: pure edits on text, knowing nothing of rules.

A finding's fix replaces its source span. Fixes are chosen in text order; a fix that
overlaps one already taken is left for the next pass (deterministically: the
earlier-starting, then longer, then rule-name-first fix wins). A *guard* may refuse a fix
outright; ``DocumentGuard`` refuses the edits a draft must never get: touching direct or
reported speech, a phone number, short code, reference, postcode, web or e-mail address
(``lint.protected``), across masked markup, code or URLs, or text the file's encoding
cannot hold.

A fix takes the apostrophe of the text it replaces: "the Children’s Society" becomes
"The Children’s Society", not a mix of curly and straight marks.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from lint import patterns
from lint.finding import Finding, fixable

if TYPE_CHECKING:
    from lint.facts import Facts

#: Why a fix may not be applied, or None when it may.
Guard = Callable[[Finding, str], str | None]

#: Characters a fix may not bring into a format's source, where they would be read as
#: markup rather than prose (an entity, a tag, emphasis, code, a link).
_MARKUP_CHARS = {"html": "<>&", "markdown": "<>&*_`[]\\"}

_WHITESPACE_RUN = patterns.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement of ``source[start:end]`` by ``text``, made for ``finding``."""

    start: int
    end: int
    text: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class Skip:
    """A fix that was refused, and why (for the user, not for the next pass)."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class Plan:
    edits: tuple[Edit, ...]  # in text order, without overlaps
    skipped: tuple[Skip, ...]  # refused by the guard

    @property
    def fixed(self) -> list[Finding]:
        return [e.finding for e in self.edits]


def replacement(source: str, finding: Finding) -> str:
    """The finding's fix fitted to its place in the source.

    Where the match runs over a line break ("care\\r\\ngangs") and the fix has as many
    gaps between words, the source's own white space is kept, so hard-wrapped lines
    and their line endings stay as they were. A line break inside the fix itself takes
    the line ending of the line it lands on.
    """
    fix = _apostrophes_like(source, finding.start, finding.end, finding.fix or "")
    matched = source[finding.start : finding.end]
    gaps = _WHITESPACE_RUN.findall(matched)
    if any("\n" in g for g in gaps) and len(_WHITESPACE_RUN.findall(fix)) == len(gaps):
        pieces = _WHITESPACE_RUN.split(fix)
        fix = "".join(p + g for p, g in zip(pieces, [*gaps, ""], strict=True))
    elif "\n" in fix and _line_ending_at(source, finding.end) == "\r\n":
        fix = regex.sub(r"(?<!\r)\n", "\r\n", fix)
    return fix


_APOSTROPHE = patterns.compile(r"(?<=\p{L})['’](?=\p{L})|(?<=\p{L}s)['’](?!\p{L})")


def _apostrophes_like(source: str, start: int, end: int, fix: str) -> str:
    """``fix`` with its apostrophes in the style of the text it replaces, or, where that
    has none, of the nearest apostrophe before it in the document."""
    if "'" not in fix and "’" not in fix:
        return fix
    seen = _APOSTROPHE.findall(source, start, end)
    if not seen:
        before = _APOSTROPHE.findall(source, max(0, start - 2000), start)
        seen = before[-1:]
    if not seen:
        return fix
    mark = seen[-1]
    other = "’" if mark == "'" else "'"
    return regex.sub(rf"(?<=\p{{L}}){other}(?=\p{{L}})|(?<=\p{{L}}s){other}(?!\p{{L}})", mark, fix)


def _line_ending_at(source: str, offset: int) -> str:
    newline = source.find("\n", offset)
    if newline > 0 and source[newline - 1] == "\r":
        return "\r\n"
    return "\n"


def plan_fixes(
    source: str,
    findings: Sequence[Finding],
    *,
    unsafe: bool = False,
    guard: Guard | None = None,
) -> Plan:
    """The edits to make in ``source``: applicable, allowed by the guard, not overlapping."""
    edits: list[Edit] = []
    skipped: list[Skip] = []
    candidates = [f for f in findings if fixable(f, unsafe=unsafe)]
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start), f.rule, f.fix or ""))
    for f in candidates:
        if source[f.start : f.end] != f.match:
            skipped.append(Skip(f, "the text has changed since it was checked"))
            continue
        text = replacement(source, f)
        if text == f.match:
            continue  # nothing to do; not a fix
        reason = guard(f, text) if guard else None
        if reason:
            skipped.append(Skip(f, reason))
            continue
        if edits and _conflicts(edits[-1], f.start, f.end):
            continue  # overlaps a fix already taken; the next pass decides again
        edits.append(Edit(f.start, f.end, text, f))
    return Plan(tuple(edits), tuple(skipped))


def count_fixable(facts: Facts, findings: Sequence[Finding]) -> tuple[int, int]:
    """How many of ``findings`` (the check of ``facts``'s document) ``--fix`` and ``--fix
    --unsafe-fixes`` would fix in their first pass, counted as ruff counts its "fixable"
    line: from the fixes the findings carry, without checking the fixed text again. A fix
    the planner would not make is not counted: refused by the document's guard (direct
    speech, a protected span, markup, the encoding), overlapping an edit taken before it,
    or changing nothing. Chains (a fix whose text another rule then fixes) and fixes the
    fix loop refuses because they would bring a new finding are not foreseen."""
    if not any(fixable(f, unsafe=True) for f in findings):
        return 0, 0
    guard = DocumentGuard(facts)
    source = facts.doc.source
    safe = 0
    if any(fixable(f) for f in findings):
        safe = len(plan_fixes(source, findings, guard=guard).edits)
    return safe, len(plan_fixes(source, findings, unsafe=True, guard=guard).edits)


def _conflicts(last: Edit, start: int, end: int) -> bool:
    if start < last.end:
        return True
    # Two insertions at one point: their order would be arbitrary, so take only one.
    return start == end == last.start == last.end


def splice(source: str, edits: Sequence[Edit]) -> str:
    """``source`` with the edits (in text order, not overlapping) made."""
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(source[pos : e.start])
        out.append(e.text)
        pos = e.end
    out.append(source[pos:])
    return "".join(out)


def apply_fixes(
    source: str,
    findings: Sequence[Finding],
    *,
    unsafe: bool = False,
    guard: Guard | None = None,
) -> tuple[str, list[Finding]]:
    """The text with the applicable fixes made (one pass), and the findings fixed."""
    plan = plan_fixes(source, findings, unsafe=unsafe, guard=guard)
    return splice(source, plan.edits), plan.fixed


class DocumentGuard:
    """Refuses any fix a draft must never get, whatever the rule says.

    - inside or across direct speech (``Facts.quotes``): a misquote is worse than a
      wrong term;
    - touching a protected span (``lint.protected``): reported speech, a phone number,
      short code, reference, postcode, web or e-mail address;
    - across anything the reader masked (markup, code, URLs, entities): the fix span's
      source must read exactly as its prose view;
    - bringing in characters that are markup in the file's format;
    - characters the file's encoding cannot hold (an emoji in a Windows-1252 file).
    """

    def __init__(self, facts: Facts) -> None:
        self.doc = doc = facts.doc
        spans = sorted(doc.source_span(q.start, q.end) for q in facts.quotes)
        self._quote_starts = [s for s, _ in spans]
        self._quote_ends = [e for _, e in spans]
        self._markup = _MARKUP_CHARS.get(doc.fmt, "")
        self._protected = [(*doc.source_span(p.start, p.end), p.what) for p in facts.protected]
        self._protected.sort()
        self._protected_starts = [s for s, _, _ in self._protected]
        # The furthest end of any span starting at or before each one: a backward scan
        # stops where no earlier span can reach the edit.
        self._reach = list(itertools.accumulate((e for _, e, _ in self._protected), max))

    def __call__(self, finding: Finding, text: str) -> str | None:
        if self._touches_quote(finding.start, finding.end):
            return "inside a direct quote"
        touched = self._touches_protected(finding.start, finding.end)
        if touched:
            return f"touches {touched}"
        if not self._is_prose(finding.start, finding.end):
            return "crosses markup, code or a link"
        markup = [c for c in text if c in self._markup]
        if markup:
            return f"the fix would add {markup[0]!r}, which is markup in {self.doc.fmt}"
        try:
            text.encode(self.doc.encoding)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            return f"{bad!r} cannot be written in the file's encoding ({self.doc.encoding})"
        return None

    def _touches_quote(self, start: int, end: int) -> bool:
        # The quote that starts last before ``end`` is the only one that can overlap,
        # since quote spans do not nest. An insertion (start == end) counts when strictly
        # inside the quote; a replacement when it shares any character with it.
        i = bisect.bisect_left(self._quote_starts, max(end, start + 1)) - 1
        if i < 0:
            return False
        q_start, q_end = self._quote_starts[i], self._quote_ends[i]
        if start == end:
            return q_start < start < q_end
        return start < q_end and end > q_start

    def _touches_protected(self, start: int, end: int) -> str | None:
        """What the first protected span sharing a character with ``start``..``end`` is
        (an insertion counts when strictly inside one)."""
        i = bisect.bisect_left(self._protected_starts, max(end, start + 1))
        for j in range(i - 1, -1, -1):
            if self._reach[j] <= start:
                break  # no span from here back reaches the edit
            p_start, p_end, what = self._protected[j]
            inside = p_start < start < p_end if start == end else start < p_end
            if inside and end > p_start:
                return what
        return None

    def _is_prose(self, start: int, end: int) -> bool:
        doc = self.doc
        view_start = start
        if not doc.offsets.is_identity:
            # The view offset whose source offset is ``start``: view → source is monotonic.
            view_start = bisect.bisect_left(
                range(len(doc.text) + 1), start, key=doc.offsets.to_source
            )
        view_end = view_start + (end - start)
        if doc.source_span(view_start, view_end) != (start, end):
            return False
        return doc.text[view_start:view_end] == doc.source[start:end]
