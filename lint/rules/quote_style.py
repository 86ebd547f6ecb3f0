"""quote-style: one style of quotation marks per document. The first quote sets the
document's style; a quote opened with the other glyphs (straight or curly) is reported,
and so is speech in single marks where the document's speech uses double (or the other
way round); news style's partial quotes (a few words inside the writer's sentence, "said
he ‘knew about it’") may take single marks beside whole speech in double, so only whole
speech is held to one weight. Headings are left out: a headline's marks are often the
page template's. Quotes inside quotes and single-quoted terms are left alone: nesting
and 'unusual terms' in singles are correct style."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.quotes import Quote, whole_speech
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source

KEYS: dict[str, schema.Option] = {}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class QuoteStyle:
    meta: RuleMeta

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        # A headline and the deck under it (a standfirst with no full stop) are set apart
        # (often by another hand, or the page's template; news sets their quotes in
        # single marks): their marks neither set the document's style nor are held to it.
        lead = facts.standfirst_end
        if doc.text[:lead].rstrip()[-1:] in (".", "!", "?"):
            lead = 0  # a full sentence: the body's first paragraph, not a deck
        marked = [
            q
            for q in facts.quote_model.quotes
            if q.opening is not None and not _in_heading(doc, q) and q.start >= lead
        ]
        glyphs: Quote | None = None
        weight: Quote | None = None
        for q in marked:
            assert q.opening is not None
            glyphs = glyphs or q
            assert glyphs.opening is not None
            whole = q.speech and whole_speech(doc, q)
            if whole:
                weight = weight or q
            if q.opening.style != glyphs.opening.style:
                yield self._hit(q, _describe(q, "style"), _describe(glyphs, "style"))
            elif (
                whole
                and weight is not None
                and weight.opening is not None
                and (q.opening.weight != weight.opening.weight)
            ):
                yield self._hit(q, _describe(q, "weight"), _describe(weight, "weight"))

    def _hit(self, q: Quote, here: str, before: str) -> Hit:
        assert q.opening is not None
        start = q.opening.offset
        return Hit(start, start + 1, format_message(self.meta.message, here, before))


def _in_heading(doc: Document, q: Quote) -> bool:
    block = doc.block_at(q.start, q.start + 1)
    return block is not None and block.scope.startswith("heading")


def _describe(q: Quote, aspect: str) -> str:
    assert q.opening is not None
    if aspect == "style":
        return f"{q.opening.style} marks ({q.opening.char})"
    return f"{q.opening.weight} marks ({q.opening.char})"


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> QuoteStyle:
    return QuoteStyle(meta)
