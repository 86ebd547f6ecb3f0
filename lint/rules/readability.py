"""readability: a formula over the prose of each sentence, paragraph or document,
compared with a condition (Vale's ``metric`` spirit, per unit).

Keys:

- ``measure``: ``sentence``, ``paragraph`` or ``document`` (the default);
- ``min_words``: judge nothing shorter (default 100 for a document, else 0);
- ``formula``: arithmetic over the counts (``words``, ``sentences``, ``syllables`` …) and
  the standard formulas (``reading_ease``, ``grade``, ``reading_age`` …), see
  ``lint/readability.py``; by default ``words`` per sentence, ``sentences`` per paragraph;
- ``condition``: when to report, e.g. ``"> 25"``, or a range ``"> 25 and <= 40"``;
- Vale's legacy keys ``metrics`` (e.g. ``[Flesch-Kincaid, SMOG]``) and ``grade``: report
  when the average of those grades is above ``grade``.

The message may use ``%s`` (the formula's value) and ``{name}`` for any count or standard
formula of the same unit, e.g. ``{grade}``, or ``{band}`` (the reading ease in words).

Sentence and paragraph findings span the unit; a sentence that is mostly direct speech
is reported on its quoted part, so the engine's ``quoted`` key (report, suggest, ignore)
applies to it. A document finding sits at the first sentence that is not speech; there
``quoted: ignore`` leaves quoted sentences out of the figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.formula import COMPARE, CONDITION
from lint.messages import format_message
from lint.readability import (
    COUNTS,
    DEFAULT_SCOPES,
    FORMULAS,
    SYLLABLE_COUNTS,
    VALE_METRICS,
    Formula,
    Prose,
    Sentence,
    counts,
    ease_band,
    standard,
)
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.scopes import Selector
from lint.suggest import did_you_mean

KEYS: dict[str, schema.Option] = {
    "measure": schema.Option(
        schema.STR, "What is measured: sentence, paragraph or document.", "document"
    ),
    "formula": schema.Option(
        schema.STR, "Arithmetic over the counts and standard formulas (defaults per measure)."
    ),
    "condition": schema.Option(schema.STR, "When to report, e.g. '> 25' or '> 25 and <= 40'."),
    "metrics": schema.Option(
        schema.STR_LIST, "Vale's legacy form: the grades averaged (Flesch-Kincaid, SMOG ...)."
    ),
    "grade": schema.Option(
        schema.NUMBER, "Vale's legacy form: report when the average grade is above this."
    ),
    "min_words": schema.Option(
        schema.INT, "Units with fewer words are not judged (defaults per measure; Vale: 0)."
    ),
}
#: Below this many words, document-wide scores say more about the sample than the prose
#: (a one-line draft scores "difficult" on a single long word).
DEFAULT_MIN_WORDS = {"document": 100, "sentence": 0, "paragraph": 0}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT

MEASURES = ("sentence", "paragraph", "document")
DEFAULT_FORMULA = {"sentence": "words", "paragraph": "sentences"}
_PLACEHOLDER = patterns.compile(r"\{(\w+)\}")

Condition = tuple[tuple[Callable[[float, float], bool], float], ...]


@dataclass(frozen=True)
class Readability:
    meta: RuleMeta
    measure: str
    formula: Formula
    condition: Condition
    scopes: Selector
    placeholders: frozenset[str]
    needs_syllables: bool
    min_words: int = 0

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        text = facts.prose(self.scopes)
        if self.measure == "sentence":
            for sentence in text.sentences:
                # Mostly quoted: point at the speech, so the engine treats it as quoted.
                start, end = sentence.speech or (sentence.start, sentence.end)
                yield from self._judge([sentence], start, end)
        elif self.measure == "paragraph":
            for paragraph in text.paragraphs:
                yield from self._judge(paragraph.sentences, paragraph.start, paragraph.end)
        else:
            yield from self._document(text)

    def _document(self, text: Prose) -> Iterator[Hit]:
        if self.meta.quoted == "ignore":
            text = text.without_quotes()
        sentences = text.sentences
        if sentences:
            # At the first sentence that is not speech, so the engine does not take the
            # whole document's figures for a quote.
            start = next((s.start for s in sentences if not s.quoted), sentences[0].start)
            yield from self._judge(sentences, start, start, paragraphs=len(text.paragraphs))

    def _judge(
        self, sentences: Sequence[Sentence], start: int, end: int, *, paragraphs: int = 1
    ) -> Iterator[Hit]:
        values = counts(sentences, paragraphs=paragraphs, syllables=self.needs_syllables)
        if not values["words"] or values["words"] < self.min_words:
            return
        result = self.formula.evaluate(values)
        if not math.isfinite(result):
            return  # no value for these figures (lint.formula)
        if all(compare(result, threshold) for compare, threshold in self.condition):
            yield Hit(start, end, self._message(result, values))

    def _message(self, result: float, values: dict[str, float]) -> str:
        def named(m: regex.Match[str]) -> str:
            name = m.group(1)
            if name == "band":
                return ease_band(standard("reading_ease").evaluate(values))
            value = standard(name).evaluate(values) if name in FORMULAS else values[name]
            return _number(value)

        return format_message(_PLACEHOLDER.sub(named, self.meta.message), _number(result))


def _number(value: float) -> str:
    """Whole numbers as such, anything else to one decimal place."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Readability:
    line = src.data.line_of
    path = src.path
    legacy = "metrics" in data or "grade" in data
    measure = schema.choice(
        schema.option(data, KEYS, "measure"),
        MEASURES,
        key="measure",
        path=path,
        line=line("measure"),
    )
    if legacy:
        formula_text, condition_text = _vale_legacy(data, path=path, line=line)
        if measure != "document":
            raise RuleError(
                "'metrics' and 'grade' measure the whole document", path=path, line=line("measure")
            )
    else:
        formula_text = data.get("formula") or DEFAULT_FORMULA.get(measure, "")
        if not formula_text:
            raise RuleError(
                "a 'document' measure needs a 'formula'", path=path, line=src.data.line or 1
            )
        condition_text = schema.require(
            data, "condition", path=path, line=src.data.line, kind="readability"
        )
    formula = Formula(formula_text, path=path, line=line("formula") or src.data.line)
    scopes = Selector.parse(data["scope"]) if "scope" in data else Selector.parse(DEFAULT_SCOPES)
    placeholders = _placeholders(meta.message, path=path, line=line("message"))
    return Readability(
        meta,
        measure,
        formula,
        _condition(condition_text, path=path, line=line("condition") or line("grade")),
        scopes,
        placeholders,
        needs_syllables=formula.needs_syllables
        or bool(placeholders & SYLLABLE_COUNTS)
        or "band" in placeholders
        or any(standard(n).needs_syllables for n in placeholders if n in FORMULAS),
        # sglint waits for enough words to mean something (Vale's overlay: any length).
        min_words=data.get("min_words", DEFAULT_MIN_WORDS[measure]),
    )


def _vale_legacy(data: dict[str, Any], *, path: str, line: Callable[[str], int]) -> tuple[str, str]:
    """Vale's ``readability``: the average of the named grades compared with ``grade``."""
    metrics = schema.require(data, "metrics", path=path, line=line("metrics"), kind="readability")
    grade = schema.require(data, "grade", path=path, line=line("grade"), kind="readability")
    names = []
    for metric in metrics:
        if metric not in VALE_METRICS:
            hint = did_you_mean(metric, VALE_METRICS)
            raise RuleError(
                f"unknown metric '{metric}' (choose from {', '.join(VALE_METRICS)}){hint}",
                path=path,
                line=line("metrics"),
            )
        names.append(VALE_METRICS[metric])
    return f"({' + '.join(names)}) / {len(names)}", f"> {grade}"


def _condition(text: str, *, path: str, line: int) -> Condition:
    parts = []
    for part in regex.split(r"\s+and\s+", text.strip()):
        m = CONDITION.match(part)
        if m is None:
            raise RuleError(
                f"'condition' must look like '> 25' or '> 25 and <= 40', not {text!r}",
                path=path,
                line=line,
            )
        parts.append((COMPARE[m.group(1)], float(m.group(2))))
    return tuple(parts)


def _placeholders(message: str, *, path: str, line: int) -> frozenset[str]:
    names = frozenset(_PLACEHOLDER.findall(message))
    for name in sorted(names):
        if name not in COUNTS and name not in FORMULAS and name != "band":
            raise RuleError(
                f"'message' names unknown figure '{{{name}}}'; use counts "
                f"({', '.join(COUNTS)}), formulas ({', '.join(FORMULAS)}) "
                "or band",
                path=path,
                line=line,
            )
    return names
