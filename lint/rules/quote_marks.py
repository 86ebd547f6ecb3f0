"""quote-marks: quotation marks that do not pair up, reported at the mark itself.

``problems`` picks what the rule reports: ``unclosed`` (an opening mark never closed),
``unopened`` (a closing mark with no opening), ``continuation`` (a paragraph of
multi-paragraph speech that does not open with a mark) and ``mismatched`` (a pair of
two styles, such as “ closed by ").

``at_end`` is the most an ``unclosed`` quote still open where a text of several
paragraphs ends is reported at: an excerpt cut from a longer page often stops inside a
quotation whose close lies beyond the cut, so there sglint cannot tell a fault from a
cut (unset: the rule's level). ``continuation_level`` is the most a ``continuation`` is
reported at: a paragraph of speech that should reopen with a mark is a slip of style when
the quotation closes later, not speech that never ends (unset: the rule's level)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety, Severity
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source

PROBLEMS = ("unclosed", "unopened", "continuation", "mismatched")
KEYS: dict[str, schema.Option] = {
    "problems": schema.Option(
        schema.STR_LIST,
        "Which problems to report: unclosed, unopened, continuation, mismatched.",
        PROBLEMS,
    ),
    "at_end": schema.Option(
        schema.STR,
        "The most a quotation still open where a text of several paragraphs ends is"
        " reported at (suggestion, warning or error; unset: the rule's level).",
        "",
    ),
    "continuation_level": schema.Option(
        schema.STR,
        "The most a paragraph of multi-paragraph speech that does not open with a mark is"
        " reported at (suggestion, warning or error; unset: the rule's level).",
        "",
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class QuoteMarks:
    meta: RuleMeta
    problems: frozenset[str]
    at_end: Severity | None = None
    continuation: Severity | None = None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for problem in facts.quote_model.problems:
            if problem.kind not in self.problems:
                continue
            detail = problem.detail
            if problem.at_end and self.at_end is not None:
                detail += " before the text ends (if it was cut from a longer text, check there)"
            yield Hit(
                problem.start,
                problem.end,
                format_message(self.meta.message, detail),
                level=self._level(problem.kind, problem.at_end),
            )

    def _level(self, kind: str, at_end: bool) -> Severity | None:
        """The most this problem is reported at (None: the rule's level)."""
        if at_end and self.at_end is not None:
            return self.at_end
        return self.continuation if kind == "continuation" else None


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> QuoteMarks:
    chosen = schema.option(data, KEYS, "problems")
    for name in chosen:
        if name not in PROBLEMS:
            raise RuleError(
                f"'problems': unknown problem {name!r}; expected one of {', '.join(PROBLEMS)}",
                path=src.path,
                line=src.data.line_of("problems"),
            )
    level, continuation = (
        schema.level_cap(data, KEYS, key, path=src.path, line=src.data.line_of(key))
        for key in ("at_end", "continuation_level")
    )
    return QuoteMarks(meta, frozenset(chosen), level, continuation)
