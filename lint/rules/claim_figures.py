"""claim-figures: one claim given two figures, found by the claim model (``lint/claims.py``).

The model reads every figure of a document as a claim (subject, predicate, unit, value)
with the words of a ``lexicon`` file (``_claims.yml``: number words, bounds, units,
predicates, subject and event nouns, the words that set a figure apart), and compares
claims across the whole document: headline and body, quote and prose. ``matches`` says
which conflicts a rule reports: ``clear`` (same subject and predicate, or a figure that
points back: "the eight men") or ``likely`` (a weaker match: a bare "over five years"
against the headline's length), so each can have its own level.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint import claims
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers import register_file
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.yamlload import LineDict, load_yaml, read_data_file

KEYS: dict[str, schema.Option] = {
    "lexicon": schema.Option(
        schema.STR, "The claim model's words: a file beside the rule ('_claims.yml')."
    ),
    "matches": schema.Option(
        schema.STR,
        "clear (same subject and predicate, or a figure that points back) or likely "
        "(a weaker match): which conflicts this rule reports.",
        "clear",
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: The document's context (names, titles, mentions …) applies to its findings.
CONTEXT = ContextUse.RESPECT
MATCHES = ("clear", "likely")
#: The lexicon's keys: mappings and lists of words.
_MAPPINGS = ("units", "tens", "phrases", "scales", "time_units")
#: Mappings of words to words, and single words.
_WORD_MAPPINGS = ("nominal",)
_WORDS = ("term_event", "nominal_subject")
_LISTS = (
    "above",
    "below",
    "about",
    "predicates",
    "subjects",
    "generic_heads",
    "person_heads",
    "broader",
    "complements",
    "changes",
    "events",
    "term_verbs",
    "sum_verbs",
    "total_term_verbs",
    "totals",
    "other",
    "other_back",
    "occasions",
    "victims_before",
    "past_back",
    "past",
    "parts",
    "parts_after",
    "definite",
    "then",
    "times",
    "frame_words",
    "earlier_times",
    "length_words",
    "bare_length_words",
    "length_heads",
    "standing_heads",
    "object_links",
    "other_after",
    "auxiliaries",
    "function_words",
    "subset_words",
    "relative_words",
    "added",
    "share_verbs",
    "irregular_plurals",
    "place_words",
    "not_names",
)


@dataclass(frozen=True)
class ClaimFigures:
    meta: RuleMeta
    words: claims.Words
    clear: bool

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        found = facts.shared(("claims", id(self.words)), lambda: self._conflicts(doc, facts))
        for conflict in found:
            if conflict.strong != self.clear:
                continue
            yield Hit(
                conflict.claim.start,
                conflict.claim.end,
                format_message(self.meta.message, conflict.claim.text, conflict.earlier.text),
            )

    def _conflicts(self, doc: Document, facts: Facts) -> list[claims.Conflict]:
        # Table cells list figures side by side; they restate no claim.
        sentences = [
            (s.start, s.end, "heading" in s.scope)
            for s in facts.sentences
            if "table" not in s.scope
        ]
        read = claims.read_claims(doc, self.words, sentences)
        return list(claims.conflicts(read, self.words))


def _lexicon(path: str, name: str, line: int) -> claims.Words:
    file = register_file(path, name, line=line, key="lexicon")
    text = read_data_file(file, "claim lexicon", RuleError)
    # Both rules of the kind name one lexicon: one Words object for both, so the
    # document's claims (memoised by it in Facts) are read once, not once per rule.
    known = _LEXICONS.get((str(file), text))
    if known is not None:
        return known
    words = _LEXICONS[(str(file), text)] = _validated(file, text)
    return words


_LEXICONS: dict[tuple[str, str], claims.Words] = {}


def _validated(file: Path, text: str) -> claims.Words:
    data = load_yaml(text, str(file))
    if not isinstance(data, LineDict):
        raise RuleError("a claim lexicon must be a mapping", path=str(file), line=1)
    for key in _MAPPINGS:
        value = data.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()
        ):
            raise RuleError(
                f"'{key}' must be a mapping of words to numbers",
                path=str(file),
                line=data.line_of(key),
            )
    for key in _WORD_MAPPINGS:
        value = data.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise RuleError(
                f"'{key}' must be a mapping of words to words",
                path=str(file),
                line=data.line_of(key),
            )
    for key in _WORDS:
        if not isinstance(data.get(key), str) or not data[key]:
            raise RuleError(f"'{key}' must be a word", path=str(file), line=data.line_of(key))
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise RuleError(
                f"'{key}' must be a list of words", path=str(file), line=data.line_of(key)
            )
    return claims.words_from(data)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> ClaimFigures:
    name = schema.require(data, "lexicon", path=src.path, line=src.data.line, kind="claim-figures")
    matches = schema.choice(
        data.get("matches", "clear"),
        MATCHES,
        key="matches",
        path=src.path,
        line=src.data.line_of("matches"),
    )
    return ClaimFigures(
        meta, _lexicon(src.path, name, src.data.line_of("lexicon")), matches == "clear"
    )
