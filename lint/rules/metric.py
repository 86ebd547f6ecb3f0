"""metric: a formula over document statistics compared with a condition (Vale's
``metric``), e.g. ``(words / sentences)`` with ``"> 25"``.

Variables (Vale's names): words, sentences, characters, syllables, complex_words,
long_words, polysyllabic_words, paragraphs, heading_h1 … heading_h6, list, blockquote,
pre. Syllable counts come from textstat (CMUdict, en_GB), loaded only when a formula
needs them."""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.base import SUMMARY_SCOPES, Hit, RuleMeta
from lint.rules.loader import Source

KEYS = {
    "formula": schema.STR,
    "condition": schema.STR,
}
DEFAULT_FIX = FixSafety.DISPLAY

WORD_RE = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
LONG_WORD_RE = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]{6,}")  # words over 6 characters
_CONDITION = patterns.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.Mod: operator.mod,
}
_MATH: dict[str, Callable[..., float]] = {
    "sqrt": math.sqrt,
    "log": math.log,
    "log10": math.log10,
    "abs": abs,
    "floor": math.floor,
    "ceil": math.ceil,
    "min": min,
    "max": max,
    "pow": math.pow,
}
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


class _Formula:
    """A safe arithmetic expression: numbers, variables, + - * / % **, math functions."""

    def __init__(self, source: str, *, path: str, line: int) -> None:
        text = regex.sub(r"heading\.h(\d)", r"heading_h\1", source)
        try:
            self.tree = ast.parse(text, mode="eval")
        except SyntaxError as exc:
            raise RuleError(
                f"'formula' is not a valid expression: {exc.msg}", path=path, line=line
            ) from None
        except (RecursionError, MemoryError):
            raise RuleError("'formula' is nested too deeply", path=path, line=line) from None
        self.names = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name):
                if node.id not in VARIABLES and node.id != "math":
                    raise RuleError(
                        f"'formula' uses unknown variable '{node.id}'", path=path, line=line
                    )
                self.names.add(node.id)
            elif not isinstance(
                node,
                (
                    ast.Expression,
                    ast.BinOp,
                    ast.UnaryOp,
                    ast.Constant,
                    ast.Call,
                    ast.Attribute,
                    ast.Load,
                    ast.operator,
                    ast.unaryop,
                ),
            ):
                raise RuleError(
                    f"'formula' may not contain {type(node).__name__}", path=path, line=line
                )

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The formula's value, or NaN where it has none for these figures (a logarithm
        of 0 on a draft without lists, an overflow, a complex root, a bad call)."""
        try:
            return float(self._eval(self.tree.body, values))
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            return math.nan

    def _eval(self, node: ast.AST, values: Mapping[str, float]) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            return float(values.get(node.id, 0.0))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            value = self._eval(node.operand, values)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left, right = self._eval(node.left, values), self._eval(node.right, values)
            try:
                return _BINARY[type(node.op)](left, right)
            except ZeroDivisionError:
                return 0.0
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _MATH:
                return float(_MATH[name](*(self._eval(a, values) for a in node.args)))
        raise ValueError(f"unsupported expression: {ast.dump(node)}")


def statistics(doc: Document, names: set[str]) -> dict[str, float]:
    """Vale's summary statistics over paragraphs, list items and block quotes."""
    summary = [b for b in doc.blocks if b.scope.split(".")[0] in SUMMARY_SCOPES]
    text = "".join(doc.text[b.start : b.end] + "\n" for b in summary)
    # Counting by substitution keeps the work in C: no string per word.
    without_words, word_count = WORD_RE.subn("", text)
    sentences = [s for s in doc.sentences if s.scope.split(".")[1] in SUMMARY_SCOPES]
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
    formula: _Formula
    compare: Callable[[float, float], bool]
    threshold: float

    def check(self, doc: Document) -> Iterator[Hit]:
        values = statistics(doc, self.formula.names)
        if not values["words"]:
            return
        result = self.formula.evaluate(values)
        if math.isfinite(result) and self.compare(result, self.threshold):
            start = doc.blocks[0].start if doc.blocks else 0
            yield Hit(start, start, format_message(self.meta.message, f"{result:.2f}"))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Metric:
    formula = schema.require(data, "formula", path=src.path, line=src.data.line, kind="metric")
    condition = schema.require(data, "condition", path=src.path, line=src.data.line, kind="metric")
    m = _CONDITION.match(condition)
    if m is None:
        raise RuleError(
            f"'condition' must look like '> 25', not {condition!r}",
            path=src.path,
            line=src.data.line_of("condition"),
        )
    return Metric(
        meta,
        _Formula(formula, path=src.path, line=src.data.line_of("formula")),
        _COMPARE[m.group(1)],
        float(m.group(2)),
    )
