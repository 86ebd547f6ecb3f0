"""The claim-figures kind reads a document's claims once for all its rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run

from lint import claims
from lint.readers import read_text
from lint.rules.claim_figures import ClaimFigures
from lint.rules.loader import load_rule_text

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Six men were jailed on Friday.\n\nThe seven men were jailed for a total of 80 years.\n"


def _rule(name: str) -> ClaimFigures:
    path = ROOT / "rules" / "Numbers" / f"{name}.yml"
    rule = load_rule_text(
        path.read_text(encoding="utf-8"), rule_id=f"Numbers.{name}", path=str(path)
    )
    assert isinstance(rule, ClaimFigures)
    return rule


def test_rules_naming_one_lexicon_share_its_words() -> None:
    assert _rule("OneClaim").words is _rule("OneClaimLikely").words


def test_claims_are_read_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = [_rule("OneClaim"), _rule("OneClaimLikely")]
    calls: list[int] = []
    real = claims.read_claims

    def counted(*args: object, **kwargs: object) -> list[claims.Claim]:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(claims, "read_claims", counted)
    found = run(rules, TEXT, profile="standard")
    assert [f.rule for f in found if f.rule.startswith("Numbers.")] == ["Numbers.OneClaim"]
    assert len(calls) == 1


def test_figures_in_words_and_time_phrases_are_read_by_their_first_word() -> None:
    """Number phrases are looked up only at a token that starts one, and time phrases
    by their first word: the same claims, periods and places as a scan of every one."""
    rule = _rule("OneClaim")
    text = (
        "In the last year, a dozen officers were trained. In 2024, half a dozen staff and "
        "40 officers were trained in Leeds. Every year a score of cases, the year before a hundred."
    )
    doc = read_text("a.txt", text, "text")
    found = claims.read_claims(doc, rule.words, [(0, len(text), False)])
    assert [(c.value, c.text, c.period, c.place) for c in found] == [
        (12.0, "a dozen officers were trained", "last year", "leeds"),
        (6.0, "half a dozen staff", "last year", "leeds"),
        (
            40.0,
            "40 officers were trained",
            "2024 earlier:the year before every year last year",
            "leeds",
        ),
    ]
    grouped = claims._by_first_word(frozenset({"last year", "each year", "last week"}))
    assert {first: sorted(found) for first, found in grouped.items()} == {
        "last": [("last week", 2), ("last year", 2)],
        "each": [("each year", 2)],
    }
