"""quote-speaker: direct speech with no identifiable speaker. Speech is attributed by
"X said" or "said X" around it, "according to X", an introduction paragraph ("X said:"),
"he/she said" after a named person, or a paragraph that follows attributed speech; a
quoted term or title ('so-called "grooming gangs"') is not speech and is not reported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers.people import Person
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.speakers import people_option

KEYS: dict[str, schema.Option] = {
    "people": schema.Option(
        schema.STR, "A People register, to recognise speakers by every form of their name."
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class QuoteSpeaker:
    meta: RuleMeta
    people: tuple[Person, ...]

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        cast = facts.cast(self.people)
        model = facts.quote_model
        # A quote whose opening mark is never closed has no known extent, so nor has its
        # attribution: the marks are the fault (Quotes.Unbalanced), one finding for it.
        broken = {p.start for p in model.problems if p.kind == "unclosed"}
        for q in model.quotes:
            block = doc.block_at(q.start, q.start + 1)
            if block is not None and block.scope.startswith("heading"):
                continue  # a crosshead quoting the speech below it, which names the speaker
            if q.start in broken:
                continue
            if q.speech and cast.speaker(q) is None:
                start, end = q.lead(doc.text)
                who = q.attribution.who if q.attribution else ""
                yield Hit(start, end, format_message(self.meta.message, who))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> QuoteSpeaker:
    return QuoteSpeaker(meta, people_option(data, src.path, src.data.line_of("people")))
