"""Vale-compat shims for rule kinds: matching as Vale does where it differs from sglint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex


@dataclass(frozen=True, slots=True)
class Shifted:
    """Vale compat: a match found in one unit's own text, reported in view offsets."""

    match: regex.Match[str]
    offset: int

    def start(self, group: int | str = 0, /) -> int:
        at = self.match.start(group)
        return at + self.offset if at >= 0 else at

    def end(self, group: int | str = 0, /) -> int:
        at = self.match.end(group)
        return at + self.offset if at >= 0 else at

    def span(self, group: int | str = 0, /) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int | str = 0, /) -> Any:
        return self.match.group(group)

    def groups(self) -> tuple[Any, ...]:
        return self.match.groups()
