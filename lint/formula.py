"""Safe arithmetic over named counts: the formulas of ``metric`` and ``readability``
rules and of ``sglint stats``, and the conditions they are compared with."""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping

import regex

from lint import patterns
from lint.errors import RuleError

CONDITION = patterns.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")
COMPARE: dict[str, Callable[[float, float], bool]] = {
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

#: Function names a formula may call.
MATH_NAMES = frozenset({*_MATH, "math"})


class Expression:
    """A safe arithmetic expression: numbers, variables, + - * / % **, math functions."""

    def __init__(self, source: str, *, variables: frozenset[str], path: str, line: int) -> None:
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
                if node.id in MATH_NAMES:
                    continue  # a function (``sqrt(x)``, ``math.sqrt(x)``), not a count
                if node.id not in variables:
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
