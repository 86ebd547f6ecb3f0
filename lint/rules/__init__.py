"""Rule kinds: one module per kind, one explicit registry (kind name → module)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from lint.rules import (
    approved_quote,
    capitalization,
    conditional,
    consistency,
    existence,
    figures,
    legislation,
    metric,
    occurrence,
    organisations,
    people,
    quote_insertion,
    quote_marks,
    quote_speaker,
    quote_style,
    readability,
    repetition,
    speaker_introduction,
    speaker_naming,
    substitution,
    unmarked_speech,
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
    "legislation": cast("RuleKind", legislation),
    "figures": cast("RuleKind", figures),
    "quote-marks": cast("RuleKind", quote_marks),
    "quote-style": cast("RuleKind", quote_style),
    "unmarked-speech": cast("RuleKind", unmarked_speech),
    "quote-speaker": cast("RuleKind", quote_speaker),
    "speaker-introduction": cast("RuleKind", speaker_introduction),
    "speaker-naming": cast("RuleKind", speaker_naming),
    "quote-insertion": cast("RuleKind", quote_insertion),
    "approved-quote": cast("RuleKind", approved_quote),
}
