"""metric: a formula over document statistics compared with a condition (Vale's
``metric``), e.g. ``(words / sentences)`` with ``"> 25"``.

Variables (Vale's names): words, sentences, characters, syllables, complex_words,
long_words, polysyllabic_words, paragraphs, heading_h1 … heading_h6, list, blockquote,
pre. Syllable counts come from textstat (CMUdict, en_GB), loaded only when a formula
needs them."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lint import patterns
from lint.document import Block, Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.formula import COMPARE, CONDITION, Expression
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.scopes import SUMMARY_SCOPES

KEYS: dict[str, schema.Option] = {
    "formula": schema.Option(
        schema.STR, "Arithmetic over document statistics (words, sentences, syllables ...)."
    ),
    "condition": schema.Option(schema.STR, "When to report, e.g. '> 25'."),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT

WORD_RE = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
LONG_WORD_RE = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]{6,}")  # words over 6 characters
SYLLABLE_VARIABLES = frozenset({"syllables", "complex_words", "polysyllabic_words"})
VARIABLES = frozenset(
    {
        "words",
        "sentences",
        "characters",
        "long_words",
        "paragraphs",
        "list",
        "blockquote",
        "pre",
        *(f"heading_h{i}" for i in range(1, 7)),
        *SYLLABLE_VARIABLES,
    }
)


def statistics(doc: Document, sentences: Sequence[Block], names: set[str]) -> dict[str, float]:
    """Vale's summary statistics over paragraphs, list items and block quotes."""
    summary = [b for b in doc.blocks if b.scope.split(".")[0] in SUMMARY_SCOPES]
    text = "".join(doc.text[b.start : b.end] + "\n" for b in summary)
    # Counting by substitution keeps the work in C: no string per word.
    without_words, word_count = WORD_RE.subn("", text)
    sentences = [s for s in sentences if s.scope.split(".")[1] in SUMMARY_SCOPES]
    values: dict[str, float] = {
        "words": word_count,
        "sentences": len(sentences),
        "characters": len(text) - len(without_words),
        "long_words": LONG_WORD_RE.subn("", text)[1],
        "paragraphs": sum(1 for b in doc.blocks if b.scope == "paragraph"),
        "list": sum(1 for b in doc.blocks if b.scope == "list"),
        "blockquote": sum(1 for b in doc.blocks if b.scope == "blockquote"),
    }
    for level in range(1, 7):
        values[f"heading_h{level}"] = sum(1 for b in doc.blocks if b.scope == f"heading.h{level}")
    if names & SYLLABLE_VARIABLES:
        from lint.syllables import syllable_count

        counts = [syllable_count(w) for w in WORD_RE.findall(text)]
        values["syllables"] = sum(counts)
        values["polysyllabic_words"] = sum(1 for c in counts if c >= 3)
        values["complex_words"] = values["polysyllabic_words"]
    return values


@dataclass(frozen=True)
class Metric:
    meta: RuleMeta
    formula: Expression
    compare: Callable[[float, float], bool]
    threshold: float

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        values = statistics(doc, facts.sentences, self.formula.names)
        if not values["words"]:
            return
        result = self.formula.evaluate(values)
        if math.isfinite(result) and self.compare(result, self.threshold):
            start = doc.blocks[0].start if doc.blocks else 0
            yield Hit(start, start, format_message(self.meta.message, f"{result:.2f}"))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Metric:
    formula = schema.require(data, "formula", path=src.path, line=src.data.line, kind="metric")
    condition = schema.require(data, "condition", path=src.path, line=src.data.line, kind="metric")
    m = CONDITION.match(condition)
    if m is None:
        raise RuleError(
            f"'condition' must look like '> 25', not {condition!r}",
            path=src.path,
            line=src.data.line_of("condition"),
        )
    return Metric(
        meta,
        Expression(formula, variables=VARIABLES, path=src.path, line=src.data.line_of("formula")),
        COMPARE[m.group(1)],
        float(m.group(2)),
    )
