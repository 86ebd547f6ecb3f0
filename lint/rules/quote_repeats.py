"""quote-repeats: one quote given two wordings in one document. A press release that
quotes a statement in its summary and again in full, or a story that repeats the key
line of a quote lower down, must give the speaker's words the same way both times; two
wordings mean at least one is a misquote. A later quote is compared, word for word and
ignoring case and punctuation, with each earlier quote of the same speaker (or of a
speaker the copy does not name); it is reported when its closest passage of the earlier
quote is a near copy (``threshold``) that differs by a few changes (``max_changes``).
A quote that is a part of the other, or parts of it joined by an ellipsis or a square-
bracketed insertion, is the same quote cut, not a second wording. Headings are titles,
written to be short, and are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers.people import Person
from lint.registers.quotes import Statement
from lint.rules import schema
from lint.rules.approved_quote import (
    Words,
    change_runs,
    compare,
    threshold_option,
    word_diff,
)
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.speakers import Speaker, people_option

DEFAULT_FIX = FixSafety.DISPLAY
#: It reads quotes and their speakers itself: the document's context does not apply.
CONTEXT = ContextUse.OWN
KEYS: dict[str, schema.Option] = {
    "people": schema.Option(
        schema.STR, "A People register, to recognise speakers by every form of their name."
    ),
    "threshold": schema.Option(
        schema.NUMBER,
        "Word-level similarity (0-100) from which a later quote is a wording of an earlier one.",
        75.0,
    ),
    "min_words": schema.Option(
        schema.INT, "Quotes shorter than this many words are not compared.", 8
    ),
    "max_changes": schema.Option(
        schema.INT, "More separate changes than this make it another quote, not a rewording.", 3
    ),
}
#: A capitalised word after the first in a speaker's label: a name ("Mark Lee of the CPS").
_NAME_IN_LABEL = patterns.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+|^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+")
#: Where a quote was cut: an ellipsis or an editor's words in square brackets.
_CUT = patterns.compile(r"\.{3}|…|\[[^\]\n]*\]")


def _pieces(text: str) -> list[Words]:
    """A quote's stretches between cuts, each to be found whole in the other quote."""
    return [w for w in (Words.of(p) for p in _CUT.split(text)) if w.norm]


def _contains(outer: Words, pieces: Sequence[Words]) -> bool:
    """Whether every piece is a run of ``outer``'s words, in order."""
    said = f" {' '.join(outer.norm)} "
    at = 0
    for piece in pieces:
        found = said.find(f" {' '.join(piece.norm)} ", at)
        if found < 0:
            return False
        at = found + 1
    return True


def _same_speaker(one: Speaker | None, other: Speaker | None) -> bool:
    """Whether two quotes' speakers can be one person: the same person (or surname: "Jane
    Hill" … "DI Hill"), or one left unnamed ("she", "the judge"); never two named people."""
    if one is None or other is None:
        return True
    if one.identity is not None and other.identity is not None:
        return one.identity.key == other.identity.key or (
            bool(one.identity.surname) and one.identity.surname == other.identity.surname
        )
    named = one if one.identity is not None else other
    unnamed = other if named is one else one
    if named.identity is None:
        return True  # neither has a name: "the judge" … "she"
    # An unnamed speaker with a capitalised name of their own ("Mark Lee of the CPS") is
    # someone else, unless the name is the named speaker's.
    return named.identity.surname in unnamed.label or not _NAME_IN_LABEL.search(unnamed.label)


@dataclass(frozen=True)
class QuoteRepeats:
    meta: RuleMeta
    people: tuple[Person, ...]
    threshold: float
    min_words: int
    max_changes: int

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        text = doc.text
        quotes = [
            q
            for q in facts.quote_model.quotes
            if q.speech
            and q.form != "unmarked"
            and not getattr(doc.block_at(q.start, q.end), "scope", "").startswith("heading")
        ]
        if len(quotes) < 2:
            return
        cast = facts.cast(self.people)
        seen: list[tuple[int, Words, list[Words], Speaker | None]] = []
        for q in quotes:
            said = q.text(text)
            words, pieces = Words.of(said), _pieces(said)
            speaker = cast.speaker(q)
            if len(words.norm) >= self.min_words:
                for line, earlier, earlier_pieces, by in seen:
                    if not _same_speaker(speaker, by):
                        continue
                    if _contains(earlier, pieces) or _contains(words, earlier_pieces):
                        break  # the same words, one of them cut
                    statement = Statement("", earlier.text, f"line {line}")
                    best = compare(words, statement, earlier)
                    if (
                        best.score >= self.threshold
                        and sum(r[0] == "change" for r in change_runs(best)) <= self.max_changes
                    ):
                        start, end = q.lead(text)
                        yield Hit(
                            start,
                            end,
                            format_message(self.meta.message, line, word_diff(best)),
                            why=f'The quote at line {line}: "{" ".join(earlier.text.split())}"',
                        )
                        break
            at_line = doc.position(doc.source_span(q.start, q.end)[0])[0]
            seen.append((at_line, words, pieces, speaker))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> QuoteRepeats:
    return QuoteRepeats(
        meta,
        people_option(data, src.path, src.data.line_of("people")),
        threshold_option(data, KEYS, src),
        schema.option(data, KEYS, "min_words"),
        schema.option(data, KEYS, "max_changes"),
    )
