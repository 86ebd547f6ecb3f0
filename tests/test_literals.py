"""One scan for every pattern rule's needles (lint/literals.py): the same findings as
each rule scanning on its own, found in fewer places."""

from __future__ import annotations

import pytest
from helpers import checked, corpus_runs

from lint.config import Config, all_rules
from lint.document import Block
from lint.engine import ActiveRule, check_document
from lint.facts import Facts
from lint.literals import NO_AUTOMATON_ENV, automaton_enabled, literals_for
from lint.readers import read_text
from lint.rules import matching


@pytest.mark.slow
def test_both_paths_find_the_same_on_the_precision_corpus_and_the_seeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert automaton_enabled(), "pyahocorasick is a dependency: the fast path must run"
    for paths, config in corpus_runs():
        fast = checked(paths, config)
        with monkeypatch.context() as patch:
            patch.setenv(NO_AUTOMATON_ENV, "1")
            assert not automaton_enabled()
            slow = checked(paths, config)
        assert sum(len(f) for _, f in fast) > 100  # the comparison compares something
        assert fast == slow


def test_find_reports_every_occurrence_of_every_needle() -> None:
    literals = literals_for([("gang", "gangs"), ("care",), None])
    assert literals is not None
    assert literals.find("care gangs, gangs and careers") == {
        "care": [0, 22],
        "gang": [5, 12],
        "gangs": [5, 12],
    }
    assert literals_for([None, ()]) is None
    assert literals_for([("care",)]) is literals_for([("care",)])  # built once


def test_no_automaton_when_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_AUTOMATON_ENV, "1")
    assert literals_for([("care",)]) is None


FILLER = "Nothing to see in this paragraph at all. " * 12  # longer than LOOKAHEAD
PARAGRAPHS = [
    "The review looked at care gangs in three towns.",
    FILLER,
    "Officers spoke to families about the work.",
    "A second mention of care gangs,\n\nrunning on.",
    "Care\ngangs across a line break, and vigilante gangs.",
    FILLER,
    FILLER,
]


def _rule(rule_id: str) -> ActiveRule:
    rule = next(r for r in all_rules(Config()) if r.meta.id == rule_id)
    return ActiveRule(rule, rule.meta.level)


def test_a_rule_searches_only_the_units_that_hold_its_needles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = read_text("x.txt", "\n\n".join(PARAGRAPHS))
    rules = [_rule("Safeguarding.Mistranslations")]
    searched: list[tuple[int, int]] = []
    real = matching.finditer

    def spy(pattern, text, start, end, deadline):  # type: ignore[no-untyped-def]
        searched.append((start, end))
        return real(pattern, text, start, end, deadline)

    monkeypatch.setattr(matching, "finditer", spy)
    fast = check_document(doc, rules).findings
    units = Facts(doc).units(rules[0].rule.meta.scope)
    assert len(units) >= 4 and searched
    held = [u for u in units if any(s <= u.start < e for s, e in searched)]
    assert len(held) == len(units) - 2  # the last two fillers are never read
    searched.clear()
    monkeypatch.setenv(NO_AUTOMATON_ENV, "1")
    slow = check_document(doc, rules).findings
    assert searched == [(units[0].start, units[-1].end)]  # one pass over every unit
    assert [f.match for f in fast] == [f.match for f in slow]
    assert len(fast) >= 3


def test_runs_read_past_their_last_unit_but_take_no_match_beyond_it() -> None:
    units = [Block("paragraph", s, s + 10) for s in range(0, 1000, 20)]
    spans = matching._runs(units, [5, 25, 200])
    assert spans == [
        (0, 30 + matching.LOOKAHEAD, 30),
        (200, 210 + matching.LOOKAHEAD, 210),
    ]
    assert matching._runs(units, [985]) == [(980, 990, 990)]  # not past the last unit
    assert matching._runs(units, [15]) == []  # between units: no unit holds it
