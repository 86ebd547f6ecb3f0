"""speaker-introduction: a quoted person's first mention must give their full name and
role ("Home Secretary James Cleverly", "Gabrielle Shaw, Chief Executive of NAPAC");
later mentions may use the surname, honorific or title. Reported at the first mention."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.names import Mention
from lint.registers.people import Person
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.speakers import (
    JUDICIAL_TITLES,
    Cast,
    Identity,
    first_mention,
    has_role,
    people_option,
    speaking,
)

KEYS: dict[str, schema.Option] = {
    "people": schema.Option(
        schema.STR, "A People register, to recognise speakers by every form of their name."
    ),
}
DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class SpeakerIntroduction:
    meta: RuleMeta
    people: tuple[Person, ...]

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        cast = facts.cast(self.people)
        first_quote: dict[int, int] = {}  # identity -> where it first speaks
        for start, speaker in sorted(cast.speakers.items()):
            if speaker.identity is not None:
                first_quote.setdefault(speaker.identity.key, start)
        for identity in speaking(cast):
            mention = first_mention(cast, identity)
            if mention is None:
                continue
            # A title first ("The Home Secretary has announced …") is GOV.UK's own
            # practice when the full name and role follow before the person speaks.
            full = next((m for m in cast.mentions_of(identity) if m.form == "full"), None)
            if full is not None and full.start < first_quote.get(identity.key, len(doc.text)):
                mention = full
            if mention.form != "full" and not _peer(mention.prefix):
                problem = "no full name"
            elif not any(
                has_role(doc, facts.sentences, m, identity)
                for m in _introductions(doc, cast, identity, mention, first_quote)
            ):
                problem = "no role"
            else:
                continue
            yield Hit(
                mention.start,
                mention.end,
                format_message(self.meta.message, identity.label, problem),
            )


#: A peer's title and surname is their name in full ("Baroness Casey", "Lord Laming").
PEERAGE = frozenset({"Baroness", "Baron", "Lord", "Lady", "Viscount", "Earl"})


def _peer(prefix: str) -> bool:
    """A peer's or a judge's style: with the surname, the name in full."""
    return prefix in PEERAGE or prefix in JUDICIAL_TITLES


def _introductions(
    doc: Document, cast: Cast, identity: Identity, first: Mention, first_quote: dict[int, int]
) -> list[Mention]:
    """The mentions that may give the person's role: the first, and any other full
    mention up to the end of the paragraph where they first speak (news copy names the
    role in the attribution: "…,” said Fay Roe, chief executive of the trust.")."""
    speaks = first_quote.get(identity.key)
    block = doc.block_at(speaks, speaks + 1) if speaks is not None else None
    until = block.end if block is not None else first.end
    return [first] + [
        m
        for m in cast.mentions_of(identity)
        if m is not first and m.form == "full" and m.start < until
    ]


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> SpeakerIntroduction:
    return SpeakerIntroduction(meta, people_option(data, src.path, src.data.line_of("people")))
