"""named-child: a child under 18 named with their age in a report of criminal
proceedings ("Liam Carter, 15, was charged", "16-year-old Liam Carter").

A child defendant, victim or witness in a youth court is anonymous automatically, and
in other courts often by order; the copy rarely says which applies, so the finding is a
warning to check. Silent where the copy says a court lifted the restriction, marks the
name as a pseudonym or says the child has died, and where the named-victim rule already
reports the name (a victim of a sexual offence is anonymous whatever their age).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.rules.anonymity_common import (
    CONTEXT,
    DEFAULT_FIX,
    KEYS,
    AnonymityRule,
    Spans,
    build_rule,
)
from lint.rules.contract import Hit, RuleMeta, Source

__all__ = ["CONTEXT", "DEFAULT_FIX", "KEYS", "build"]


@dataclass(frozen=True)
class NamedChild(AnonymityRule):
    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        reading = self.reading(doc, facts)
        if not reading.proceedings or reading.lifted:
            return
        victims = Spans((v.start, v.end) for v in self.victim_names(reading))
        for start, end, age in self.named_children(reading):
            if victims.overlaps(start, end):
                continue  # named-victim reports the name, perhaps with its role word
            if self.excused(reading, start, end):
                continue
            yield self.hit(start, end, reading.text[start:end], age)


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> NamedChild:
    return build_rule(NamedChild, meta, data, src)
