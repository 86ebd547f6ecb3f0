"""quote-insertion: editorial words inside a quote belong in square brackets, not round
ones: "[There is] joined-upness", "[sic]". A round bracket inside speech is reported when
it opens a paragraph or sentence of the quote, or when it holds an editorial marker
(``markers``: sic, emphasis added ...); a speaker's own aside in round brackets, mid-
sentence, is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source

KEYS: dict[str, schema.Option] = {
    "markers": schema.Option(
        schema.STR_LIST, "Words that mark an editorial insertion wherever it stands ('sic').", ()
    ),
}
DEFAULT_FIX = FixSafety.UNSAFE
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN

_BRACKETED = patterns.compile(r"\(([^()\n]{1,60})\)")
_SENTENCE_START = patterns.compile(r"(?:^|[.!?…][\"'”’]?\s+|[\"'“‘]\s*)$")


@dataclass(frozen=True)
class QuoteInsertion:
    meta: RuleMeta
    markers: regex.Pattern[str] | None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        text = doc.text
        for q in facts.quote_model.quotes:
            if not q.speech or q.form == "unmarked":
                continue
            for start, end in q.parts:
                for m in _BRACKETED.finditer(text, start, end):
                    opens = _SENTENCE_START.search(text[start : m.start()]) is not None
                    marked = self.markers is not None and self.markers.fullmatch(m.group(1).strip())
                    whole = not text[start:end].replace(m.group(), "").strip(" .,;:")
                    if (opens or marked) and not whole:
                        yield Hit(
                            m.start(),
                            m.end(),
                            format_message(self.meta.message, m.group()),
                            fix=f"[{m.group(1)}]",
                        )


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> QuoteInsertion:
    markers = schema.option(data, KEYS, "markers")
    pattern = None
    if markers:
        body = "|".join(r"\s+".join(regex.escape(w) for w in m.split()) for m in markers)
        pattern = regex.compile(rf"(?i)(?:{body})")
    return QuoteInsertion(meta, pattern)
