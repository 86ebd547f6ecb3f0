"""Scopes: Vale's selectors and the units (blocks, sentences, raw text) a rule runs on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lint.document import Block, Document


@dataclass(frozen=True)
class Selector:
    """Vale's scope selectors: a list means OR; ``a & b`` AND; ``~x`` NOT; dotted parts
    match a block if each part is among the block scope's parts, in any order."""

    alternatives: tuple[tuple[tuple[bool, frozenset[str]], ...], ...]
    names: tuple[str, ...]

    @classmethod
    def parse(cls, scopes: Sequence[str]) -> Selector:
        alternatives = []
        for scope in scopes:
            terms = []
            for term in scope.split("&"):
                term = term.strip()
                negated = term.startswith("~")
                terms.append((negated, frozenset(term.lstrip("~").split("."))))
            alternatives.append(tuple(terms))
        return cls(tuple(alternatives), tuple(scopes))

    @property
    def family(self) -> str:
        """Which units the rule runs on: raw, summary, sentence or blocks."""
        parts = {p for alt in self.alternatives for neg, ps in alt if not neg for p in ps}
        for family in ("raw", "summary", "sentence"):
            if family in parts:
                return family
        return "block"

    def matches(self, scope: str) -> bool:
        cached = _MATCH_CACHE.get((self.names, scope))
        if cached is None:
            cached = _MATCH_CACHE[(self.names, scope)] = self._matches(scope)
        return cached

    def _matches(self, scope: str) -> bool:
        parts = set(("text." + scope).split("."))
        for alt in self.alternatives:
            if all((not ps <= parts) if neg else ps <= parts for neg, ps in alt):
                return True
        return False


_MATCH_CACHE: dict[tuple[tuple[str, ...], str], bool] = {}

SUMMARY_SCOPES = ("paragraph", "list", "blockquote")


def units_of(doc: Document, sentences: Sequence[Block], selector: Selector) -> list[Block]:
    """The spans a rule with this selector runs on, in document order (``Facts.units``
    keeps them per document)."""
    family = selector.family
    if family == "raw":  # the engine gives such rules the raw view (Document.raw)
        return [Block("raw", 0, len(doc.text))]
    if family == "summary":
        return [b for b in doc.blocks if b.scope.split(".")[0] in SUMMARY_SCOPES]
    if family == "sentence":
        return [s for s in sentences if selector.matches(s.scope)]
    return [b for b in doc.blocks if selector.matches(b.scope)]
