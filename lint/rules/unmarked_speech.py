"""unmarked-speech: paragraphs of direct speech after "X said:" with no quotation marks
(the press-release form copied without its marks). Block quotes are marked by their
layout and are not reported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source

KEYS: dict[str, schema.Option] = {}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class UnmarkedSpeech:
    meta: RuleMeta

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for q in facts.quote_model.quotes:
            if q.form != "unmarked":
                continue
            who = q.attribution.who if q.attribution else ""
            start, end = q.lead(doc.text)
            yield Hit(start, end, format_message(self.meta.message, who))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> UnmarkedSpeech:
    return UnmarkedSpeech(meta)
