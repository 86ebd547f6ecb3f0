"""speaker-naming: a quoted person named two ways in one document: two spellings of the
full name ("James Cleverly", "James Cleverley"), or two kinds of second reference ("Mr
Cleverly" and plain "Cleverly", "ACC Baldwin" and "Mr Baldwin"). A title ("the Home
Secretary") is an accepted second reference and does not count."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint import lexicon
from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers.people import Person
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.speakers import Identity, people_option, speaking

KEYS: dict[str, schema.Option] = {
    "people": schema.Option(schema.STR, "A People register: its names are the canonical ones."),
}
DEFAULT_FIX = FixSafety.UNSAFE
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class SpeakerNaming:
    meta: RuleMeta
    people: tuple[Person, ...]

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        cast = facts.cast(self.people)
        for identity in speaking(cast):
            # With a register the canonical name is known; without, the first one sets it.
            canonical = identity.person.name if identity.person else None
            first_name = canonical
            first_short: str | None = None
            for m in cast.mentions_of(identity):
                if m.form == "full":
                    if first_name is None:
                        first_name = m.name
                    elif m.name != first_name and m.name not in _aliases(identity):
                        start = m.start + max(0, m.text.rfind(m.name.split()[0]))
                        yield Hit(
                            start,
                            start + len(m.name),
                            format_message(self.meta.message, m.name, first_name),
                            fix=canonical,
                        )
                elif m.form in ("honorific", "surname"):
                    if first_short is None:
                        first_short = m.text
                    elif _kind(m.text) != _kind(first_short):
                        yield Hit(
                            m.start, m.end, format_message(self.meta.message, m.text, first_short)
                        )


def _aliases(identity: Identity) -> tuple[str, ...]:
    return identity.person.aliases if identity.person else ()


def _kind(short: str) -> str:
    """The honorific of a second reference ("Mr", "Dr"), "rank" for any police rank ("ACC",
    "Inspector": two ranks for one officer are People.Ranks' finding, not a second way of
    naming them), or "" for a bare surname."""
    words = short.split()
    if len(words) < 2:
        return ""
    return "rank" if words[0] in lexicon.parts("ranks", "rank_abbreviations") else words[0]


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> SpeakerNaming:
    return SpeakerNaming(meta, people_option(data, src.path, src.data.line_of("people")))
