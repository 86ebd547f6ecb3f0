"""Rule kinds: one module per kind, one explicit registry (kind name → module)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from lint.rules import (
    capitalization,
    conditional,
    consistency,
    existence,
    figures,
    metric,
    occurrence,
    organisations,
    people,
    readability,
    repetition,
    substitution,
)

if TYPE_CHECKING:
    from lint.rules.loader import RuleKind

REGISTRY: dict[str, RuleKind] = {
    "existence": cast("RuleKind", existence),
    "substitution": cast("RuleKind", substitution),
    "occurrence": cast("RuleKind", occurrence),
    "repetition": cast("RuleKind", repetition),
    "consistency": cast("RuleKind", consistency),
    "conditional": cast("RuleKind", conditional),
    "capitalization": cast("RuleKind", capitalization),
    "metric": cast("RuleKind", metric),
    "readability": cast("RuleKind", readability),
    "organisations": cast("RuleKind", organisations),
    "people": cast("RuleKind", people),
    "figures": cast("RuleKind", figures),
}
