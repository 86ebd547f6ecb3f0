"""Guards that silence a hit: Vale's ``exceptions`` and sglint's context keys."""

from __future__ import annotations

import bisect
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
    people are adults). ``party``: the match counts only when one of these patterns is in
    its *clause* (its sentence, cut at semicolons and colons) before the match or inside
    it, so the framing is said of that party ("the girls, aged 13 to 15, were sold
    into …"), or when a ``party_pronouns`` word in the clause before the match points
    back to one named in the sentence before ("One victim was 15. She was forced …"),
    or further back through a pronoun in each sentence between.
    """

    exceptions: regex.Pattern[str] | None = None
    phrases: regex.Pattern[str] | None = None
    not_after: regex.Pattern[str] | None = None
    not_before: regex.Pattern[str] | None = None
    ignore_mentions: bool = False
    near: regex.Pattern[str] | None = None
    not_near: regex.Pattern[str] | None = None
    party: regex.Pattern[str] | None = None
    party_pronouns: regex.Pattern[str] | None = None

    def silences(
        self,
        text: str,
        unit: Block,
        start: int,
        end: int,
        *,
        deadline: float,
        sentences: Sequence[Block] = (),
    ) -> bool:
        """Whether a guard silences the match ``start:end`` in ``unit``; ``sentences``
        (the document's, in order) are what ``party`` reads clauses from."""
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
            if self.party is not None and not self._about_party(
                text, unit, start, end, sentences, deadline
            ):
                return True
            return self.not_before is not None and bool(
                self.not_before.match(
                    text, end, min(unit.end, end + 160), timeout=remaining(deadline)
                )
            )

    def _about_party(
        self,
        text: str,
        unit: Block,
        start: int,
        end: int,
        sentences: Sequence[Block],
        deadline: float,
    ) -> bool:
        """Whether the match's clause names a party up to the match's end (its subject,
        or an object inside the match), or has a pronoun before the match that refers
        back to one named in the sentence before (or, through a pronoun in each
        sentence between, up to ``PRONOUN_CHAIN`` sentences before)."""
        assert self.party is not None
        index = bisect.bisect_right(sentences, start, key=lambda s: s.start) - 1
        here = sentences[index] if index >= 0 and start < sentences[index].end else unit
        lo = max([here.start, *(m.end() for m in _CLAUSE_END.finditer(text, here.start, start))])
        timeout = remaining(deadline)
        if self.party.search(text, lo, end, timeout=timeout):
            return True
        if self.party_pronouns is None or index < 1 or here is unit:
            return False
        if not self.party_pronouns.search(text, lo, start, timeout=timeout):
            return False
        for before in reversed(sentences[max(0, index - PRONOUN_CHAIN) : index]):
            if self.party.search(text, before.start, before.end, timeout=timeout):
                return True
            if not self.party_pronouns.search(text, before.start, before.end, timeout=timeout):
                return False  # the chain of pronouns is broken
        return False


#: How many sentences back a chain of pronouns may lead to a ``party``.
PRONOUN_CHAIN = 3

#: Where a clause ends inside a sentence, for ``party``.
_CLAUSE_END = patterns.compile(r"[;:](?=\s)")

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

    def context(key: str, template: str) -> regex.Pattern[str] | None:
        """``not_after`` / ``not_before``: the listed phrases as one pattern, or None."""
        if not data.get(key):
            return None
        body = "|".join(flexible_spaces(p) for p in data[key])
        return compile_pattern(
            template.format(body=body), path=path, line=lines.get(key, 0), key=key
        )

    not_after = context("not_after", "(?i)(?:{body})\\s*[\"'“‘]?\\s*$")
    not_before = context("not_before", "(?i)\\s*[\"'”’]?\\s*(?:{body})")
    found: dict[str, regex.Pattern[str]] = {}
    for key in ("near", "not_near", "party", "party_pronouns"):
        if data.get(key):
            body = "|".join(flexible_spaces(p) for p in data[key])
            found[key] = compile_pattern(
                rf"(?i)\b(?:{body})\b", path=path, line=lines.get(key, 0), key=key
            )
    if "party_pronouns" in found and "party" not in found:
        raise RuleError(
            "'party_pronouns' needs 'party'", path=path, line=lines.get("party_pronouns", 0)
        )
    mentions = schema.option(data, schema.GUARD_KEYS, "mentions")
    if mentions not in ("report", "ignore"):
        raise RuleError(
            f"'mentions' must be report or ignore, not {mentions!r}",
            path=path,
            line=lines.get("mentions", 0),
        )
    return Guards(
        ex_pattern,
        phrase_pattern,
        not_after,
        not_before,
        mentions == "ignore",
        found.get("near"),
        found.get("not_near"),
        found.get("party"),
        found.get("party_pronouns"),
    )
