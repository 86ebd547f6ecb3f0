"""People.Ranks (lint/rules/people_ranks.py): the quick test of the whole text (two places
where a rank's form stands) skips no document the rule reports on."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import Config
from lint.config import active_rules
from lint.facts import Facts
from lint.readers import read_text
from lint.rules import people_ranks

TESTS = Path(__file__).resolve().parent
OURS = (
    "Detective\nSergeant Lauren Malik led the case. DC Malik said so.",
    "detective sergeant Liam Ford spoke. Later DC Ford added more.",
    "Jane Roe, a detective constable, said so. PC Roe agreed.",
    "DETECTIVE SERGEANT Ann Hale spoke. Det Con Hale left.",
    "DS Amy Shaw and PC Dan Shaw spoke. DC Shaw agreed.",
    "PC Lee spoke. Nothing else.",
)


def test_the_two_places_test_skips_no_document_the_rule_reports_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (rule,) = [a.rule for a in active_rules(Config()) if a.rule.meta.id == "People.Ranks"]
    files = [*sorted((TESTS.parent / "seeds").glob("*.txt"))]
    corpus = (TESTS / "precision" / "corpus").rglob("*")
    files += sorted(p for p in corpus if p.suffix in (".txt", ".md", ".html"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    texts += [(f"ours{i}.txt", t) for i, t in enumerate(OURS)]
    docs = [read_text(name, text) for name, text in texts]
    tested = [people_ranks._two_places(rule.ranks, d.text, d.text.lower()) for d in docs]
    fast = [list(people_ranks.check(rule, d, Facts(d))) for d in docs]
    monkeypatch.setattr(people_ranks, "_two_places", lambda *_: True)
    plain = [list(people_ranks.check(rule, d, Facts(d))) for d in docs]
    assert fast == plain
    assert sum(map(len, plain)) >= 4 and not all(tested)  # it reports, and it skips
