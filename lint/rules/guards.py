"""Guards that silence a hit: Vale's ``exceptions`` and sglint's context keys."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.document import Block
from lint.errors import RuleError
from lint.rules import schema
from lint.rules.budget import bounded, remaining
from lint.rules.regexes import compile_pattern, flexible_spaces


@dataclass(frozen=True)
class Guards:
    """Conditions that silence a hit: Vale's ``exceptions`` and sglint's context keys.

    ``exceptions``: the match contains an exception (Vale), or lies inside a longer
    exception phrase in its unit (Vale 3.15's accepted phrases). ``not_after`` and
    ``not_before``: patterns that, found right before or after the match in the same
    unit, mean the term is negated, defined or named ("no such thing as a …").
    ``mentions: ignore``: a match wrapped in its own quote marks is a term being
    mentioned, not used ('the label "child prostitute" is wrong'). ``near``: the match
    counts only when one of these patterns is found within ``NEAR_CHARS`` of it in its
    unit (a child is being talked about); ``not_near``: it is silenced when one is (the
    people are adults).
    """

    exceptions: regex.Pattern[str] | None = None
    phrases: regex.Pattern[str] | None = None
    not_after: regex.Pattern[str] | None = None
    not_before: regex.Pattern[str] | None = None
    ignore_mentions: bool = False
    near: regex.Pattern[str] | None = None
    not_near: regex.Pattern[str] | None = None

    def silences(self, text: str, unit: Block, start: int, end: int, *, deadline: float) -> bool:
        if self.ignore_mentions and _MENTION.fullmatch(
            text, max(unit.start, start - 1), min(unit.end, end + 2)
        ):
            return True
        with bounded():
            if self.exceptions is not None and self.exceptions.search(
                text[start:end].strip(), timeout=remaining(deadline)
            ):
                return True
            if self.phrases is not None:
                window_start = max(unit.start, start - 120)
                window_end = min(unit.end, end + 120)
                for m in self.phrases.finditer(
                    text, window_start, window_end, timeout=remaining(deadline)
                ):
                    if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
                        return True
            if self.near is not None or self.not_near is not None:
                lo, hi = max(unit.start, start - NEAR_CHARS), min(unit.end, end + NEAR_CHARS)
                if self.near is not None and not self.near.search(
                    text, lo, hi, timeout=remaining(deadline)
                ):
                    return True
                if self.not_near is not None and self.not_near.search(
                    text, lo, hi, timeout=remaining(deadline)
                ):
                    return True
            if self.not_after is not None and self.not_after.search(
                text, max(unit.start, start - 160), start, timeout=remaining(deadline)
            ):
                return True
            return self.not_before is not None and bool(
                self.not_before.match(
                    text, end, min(unit.end, end + 160), timeout=remaining(deadline)
                )
            )


#: How far (in characters, either side, within the unit) ``near`` and ``not_near`` look.
NEAR_CHARS = 200

#: A term in its own quote marks, optionally with a comma or full stop inside the close.
_MENTION = patterns.compile(r"""["'“‘][^"'“”‘’]+[.,]?["'”’].?""")


def exceptions_regex(terms: Sequence[str]) -> str:
    """Vale's exception pattern: each term case-sensitive unless it starts ``(?i)``,
    longest first, between word boundaries."""
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(f"(?i:{e[4:]})" if e.startswith("(?i)") else f"(?-i:{e})" for e in ordered)
    return rf"(?m)\b(?:{body})\b"


def build_guards(
    data: Mapping[str, Any], *, ignorecase: bool, path: str, lines: Mapping[str, int]
) -> Guards:
    exceptions = [e for e in schema.option(data, schema.GUARD_KEYS, "exceptions") if e]
    ex_pattern = phrase_pattern = None
    if exceptions:
        ordered = sorted(exceptions, key=len, reverse=True)
        ex_pattern = compile_pattern(
            exceptions_regex(ordered), path=path, line=lines.get("exceptions", 0), key="exceptions"
        )
        flex = "|".join(flexible_spaces(e) for e in ordered if " " in e)
        if flex:
            phrase_pattern = compile_pattern(
                ("(?i)" if ignorecase else "") + rf"\b(?:{flex})\b",
                path=path,
                line=lines.get("exceptions", 0),
                key="exceptions",
            )
    not_after = not_before = None
    if data.get("not_after"):
        body = "|".join(flexible_spaces(p) for p in data["not_after"])
        not_after = compile_pattern(
            rf"(?i)(?:{body})\s*[\"'“‘]?\s*$",
            path=path,
            line=lines.get("not_after", 0),
            key="not_after",
        )
    if data.get("not_before"):
        body = "|".join(flexible_spaces(p) for p in data["not_before"])
        not_before = compile_pattern(
            rf"(?i)\s*[\"'”’]?\s*(?:{body})",
            path=path,
            line=lines.get("not_before", 0),
            key="not_before",
        )
    near = not_near = None
    for key in ("near", "not_near"):
        if data.get(key):
            body = "|".join(flexible_spaces(p) for p in data[key])
            found = compile_pattern(
                rf"(?i)\b(?:{body})\b", path=path, line=lines.get(key, 0), key=key
            )
            near, not_near = (found, not_near) if key == "near" else (near, found)
    mentions = schema.option(data, schema.GUARD_KEYS, "mentions")
    if mentions not in ("report", "ignore"):
        raise RuleError(
            f"'mentions' must be report or ignore, not {mentions!r}",
            path=path,
            line=lines.get("mentions", 0),
        )
    return Guards(
        ex_pattern, phrase_pattern, not_after, not_before, mentions == "ignore", near, not_near
    )
