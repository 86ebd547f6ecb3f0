"""named-victim: a name or name-like reference given to a victim, complainant, survivor
or child witness of a sexual offence ("victim Amy Jones", "Amy, 14, was abused",
"raped Amy", "Amy's abuser"; "She was 14 when she was raped" after a first name).

Silent where the copy states that person's waiver, marks their name as a pseudonym or
says they have died (each said of one person covers that person only; a waiver or a
pseudonym note that names no one covers the report), and for public figures (the People
register) and campaigners who have waived anonymity (the register and the team's
``campaigners:``). The message says how the name was read, so an editor can judge it: a
name found through "she" needs a look at who "she" is; a quoted survivor needs the
waiver stated in the copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.rules.anonymity_common import CONTEXT, DEFAULT_FIX, KEYS, AnonymityRule, build_rule
from lint.rules.contract import Hit, RuleMeta, Source

__all__ = ["CONTEXT", "DEFAULT_FIX", "KEYS", "build"]


@dataclass(frozen=True)
class NamedVictim(AnonymityRule):
    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        reading = self.reading(doc, facts)
        if not reading.sexual:
            return
        speakers: set[str] | None = None
        joined = ""
        for found in self.victim_names(reading):
            if self.excused(reading, found.start, found.end):
                continue  # their waiver, pseudonym or death is stated
            if speakers is None:
                speakers = {s.label for s in facts.cast().speakers.values()}
                joined = "\n".join(speakers)  # one string to look a name up in
            quoted = found.name in joined or any(
                found.name[i:j] in speakers  # a speaker's label inside the name
                for i in range(len(found.name))
                for j in range(i, len(found.name) + 1)
            )
            note = self.note(found.how) + (self.note("quoted") if quoted else "")
            yield self.hit(found.start, found.end, found.name, note)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> NamedVictim:
    return build_rule(NamedVictim, meta, data, src)
