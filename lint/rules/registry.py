"""The registry: rule kind name → kind module, one explicit line per kind.

Each module satisfies ``RuleKind`` (checked by mypy: a module missing ``KEYS``,
``DEFAULT_FIX`` or ``build`` fails the type check). Adding a kind is one module, one line
here and one examples file.
"""

from __future__ import annotations

from lint.rules import (
    age_moments,
    approved_quote,
    capitalization,
    claim_figures,
    conditional,
    consistency,
    existence,
    figures,
    jigsaw,
    legislation,
    metric,
    named_child,
    named_victim,
    occurrence,
    organisations,
    people,
    quote_insertion,
    quote_marks,
    quote_repeats,
    quote_speaker,
    quote_style,
    readability,
    relationship,
    repetition,
    speaker_introduction,
    speaker_naming,
    substitution,
    typos,
    unmarked_speech,
)
from lint.rules.contract import RuleKind

REGISTRY: dict[str, RuleKind] = {
    "existence": existence,
    "substitution": substitution,
    "occurrence": occurrence,
    "repetition": repetition,
    "typos": typos,
    "consistency": consistency,
    "conditional": conditional,
    "capitalization": capitalization,
    "metric": metric,
    "readability": readability,
    "organisations": organisations,
    "people": people,
    "legislation": legislation,
    "figures": figures,
    "claim-figures": claim_figures,
    "age-moments": age_moments,
    "quote-marks": quote_marks,
    "quote-style": quote_style,
    "unmarked-speech": unmarked_speech,
    "quote-speaker": quote_speaker,
    "speaker-introduction": speaker_introduction,
    "speaker-naming": speaker_naming,
    "quote-insertion": quote_insertion,
    "approved-quote": approved_quote,
    "quote-repeats": quote_repeats,
    "named-victim": named_victim,
    "relationship": relationship,
    "jigsaw": jigsaw,
    "named-child": named_child,
}
