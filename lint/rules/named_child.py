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
from functools import cached_property
from typing import Any

import regex

from lint import patterns
from lint.document import Document
from lint.facts import Facts
from lint.rules.anonymity_common import DEFAULT_FIX, KEYS, NAME, AnonymityRule, build_rule
from lint.rules.contract import Hit, RuleMeta, Source

__all__ = ["DEFAULT_FIX", "KEYS", "build"]

_ADULT = 18


@dataclass(frozen=True)
class NamedChild(AnonymityRule):
    @cached_property
    def _own(self) -> tuple[regex.Pattern[str], ...]:
        nouns = (
            r"(?:(?:boy|girl|schoolboy|schoolgirl|teenager|youth|defendant|pupil|student)[ \t]+)?"
        )
        return (
            patterns.compile(
                rf"(?P<name>{NAME})\s*(?:,\s*(?:aged\s+)?|\(\s*(?:aged\s+)?)(?P<age>\d{{1,2}})\s*[,)]"
            ),
            patterns.compile(rf"\b(?P<age>\d{{1,2}})-year-old[ \t]+{nouns}(?P<name>{NAME})"),
        )

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        reading = self.reading(doc, facts)
        if not reading.proceedings or reading.lifted or reading.pseudonym:
            return
        victims = {(v.start, v.end) for v in self.victim_names(reading)}
        for pattern in self._own:
            for m in pattern.finditer(reading.text):
                start, end = m.span("name")
                if int(m.group("age")) >= _ADULT or (start, end) in victims:
                    continue
                if not self.is_name(reading, start, end):
                    continue
                if self.deceased_near(reading, start, end):
                    continue
                yield self.hit(start, end, m.group("name"), m.group("age"))


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> NamedChild:
    return build_rule(NamedChild, meta, data, src)
