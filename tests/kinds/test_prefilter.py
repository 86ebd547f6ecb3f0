"""The literal prefilter: a rule skips a document only when it cannot match there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lint import diskcache
from lint.config import Config, all_rules
from lint.facts import Facts
from lint.readers import read_text
from lint.rules import prefilter
from lint.rules.prefilter import Alternatives, needles_for, required_literals
from lint.rules.substitution import Substitution

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("care gangs?", {"care"}),
        ("behavior(ally|al|s)?", {"behavior"}),
        ("colou?r", {"color", "colour"}),  # a run of literals and optional letters
        (r"(?<=\b(?:a|the) )license(?! to)", {"license"}),
        (r"x{0,3}abc", {"abc"}),
        (r"abcd{0,2}", {"abc"}),
        (r"\p{Lu}abc", {"abc"}),  # a Unicode property is one character, not a literal
        (r"\p{Lu}\p{Ll}+", None),
        (r"\\p{Lu}abc", {"\\p{lu}abc"}),  # an escaped backslash, then literal text
        (r"[[:alpha:]]abc", None),  # regex-only syntax Python's parser would misread
        (r"(?:abcd){e<=1}", None),
        (r"(?V1)abc", None),
        ("a|b", None),
        ("(?:grooming|care) gangs", {"gangs"}),
        ("(?:paedophile|pedophile|paedo|pedo) (?:rings?|gangs?)", {"paedo", "pedo"}),
        ("((?:re-?|de)?)(organi|recogni)z(ed|e)", {"organize", "recognize"}),
        ("(apologi|authori)z(e|ing)", {"apologize", "apologizing", "authorize", "authorizing"}),
        ("organi[sz]ation", {"organisation", "organization"}),
        ("(?:re-?)?organi[sz]e", {"organise", "organize"}),  # the optional part dropped
        (r"\d{3}", None),
        ("[Nn]apac", {"napac"}),
        ("NAPAC", {"napac"}),
        ("(?-i:gray)", {"gray"}),
    ],
)
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (set(found) if found is not None else None) == literals


@pytest.mark.parametrize(
    ("pattern", "sets"),
    [
        ("care gangs?", [{"care"}, {"gang"}]),  # equals: in the pattern's order
        ("(?:grooming|care) gangs", [{"gangs"}, {"care", "grooming"}]),
        (r"child[- ]porn(?:ography)?\s+images?", [{"child"}, {"image"}, {"porn"}]),
        (r"\b(?:(engag(?:ing|ed?))\s+in\s+sex)\b", [{"engage", "engaging"}, {"sex"}]),
        ("(?:abc def)+ ghi", [{"abc"}, {"def"}, {"ghi"}]),  # a repeat needs its sequence
        ("(?:abc def)? ghi", [{"ghi"}]),  # an optional one does not
        ("abc|def ghi", [{"abc", "def"}]),  # one branch's sets are not the others'
        (r"\d+", None),
    ],
)
def test_every_set_a_match_needs(pattern: str, sets: list[set[str]] | None) -> None:
    found = prefilter.read_literal_sets(pattern)
    assert (None if found is None else [set(s) for s in found]) == sets
    assert prefilter.read_literals(pattern) == (None if found is None else found[0])


def test_needles_need_every_alternative() -> None:
    assert needles_for(["care gangs?", "vigilante gangs?"]) == ("care", "vigilante")
    assert needles_for(["(?:care|vigilante) gangs?"]) == ("gang",)
    assert needles_for(["care gangs?", r"\d+"]) is None


@pytest.mark.slow
def test_prefiltered_rules_find_exactly_what_unfiltered_ones_do() -> None:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests/precision/corpus").glob("*"))]
    rules = [r for r in all_rules(Config()) if getattr(r, "needles", None) is not None]
    assert rules
    for text in texts:
        doc = read_text("x.txt", text)
        for rule in rules:
            plain = replace(rule, needles=None)  # type: ignore[type-var]
            assert list(rule.check(doc, Facts(doc))) == list(plain.check(doc, Facts(doc))), (
                rule.meta.id
            )


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process read, as a new run would."""
    prefilter.NEEDLES.forget()
    prefilter.required_sets.cache_clear()


def test_needles_are_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    _fresh_process(monkeypatch)
    assert required_literals("behavior(ally|al|s)?") == {"behavior"}
    assert required_literals(r"\d+") is None
    prefilter.remember()
    _fresh_process(monkeypatch)

    def unread(pattern: str) -> tuple[frozenset[str], ...] | None:
        raise AssertionError(f"read again: {pattern}")

    monkeypatch.setattr(prefilter, "read_literal_sets", unread)
    assert required_literals("behavior(ally|al|s)?") == {"behavior"}
    assert required_literals(r"\d+") is None


@pytest.mark.parametrize(
    "stored",
    [
        {"method": "0" * 32, "entries": {"a" * 32: [["colo"]]}},  # read by other code: stale
        {"entries": {"a" * 32: [["colo"]]}},
        [],
        "x",
        {"method": "", "entries": {"a" * 32: [["Behavior"]]}},  # not lower case
        {"method": "", "entries": {"a" * 32: [["ab"]]}},  # too short to be a needle
        {"method": "", "entries": {"a" * 32: []}},
        {"method": "", "entries": {"a" * 32: [[]]}},
        {"method": "", "entries": {"a" * 32: ["colo"]}},  # a set, not a list of sets
        {"method": "", "entries": {"not a digest": None}},
    ],
)
def test_a_stale_or_malformed_needles_file_is_read_again(
    stored: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    if isinstance(stored, dict) and stored.get("method") == "":
        stored = {**stored, "method": prefilter._method()}
    diskcache.write("needles.json", stored)
    _fresh_process(monkeypatch)
    assert prefilter.NEEDLES.entries() == {}
    assert required_literals("colou?r") == {"color", "colour"}


def _substitutions() -> list[Substitution]:
    return [r for r in all_rules(Config()) if isinstance(r, Substitution)]


def test_a_document_runs_only_the_entries_whose_needles_it_holds() -> None:
    rule = next(r for r in _substitutions() if r.meta.id == "Safeguarding.ChildProstitution")
    assert rule.choice is not None and len(rule.choice.alternatives) > 4
    rule = replace(rule, choice=replace(rule.choice, _made=[]))  # as at a run's start
    assert rule.choice is not None
    doc = read_text("x.txt", "Officers said the child prostitute was 14.\n")
    chosen = rule.choice.chosen(Facts(doc))
    assert 0 < len(chosen) < len(rule.entries)
    assert len(rule.choice.pattern(chosen).pattern) < len(rule.pattern.pattern)
    needles = rule.choice.needles_of(chosen)
    assert needles is not None and rule.needles is not None
    assert set(needles) < set(rule.needles)
    hits = list(rule.check(doc, Facts(doc)))
    assert [doc.text[h.start : h.end] for h in hits] == ["child prostitute"]
    assert hits == list(replace(rule, choice=None).check(doc, Facts(doc)))


def test_an_entry_whose_further_needles_are_absent_compiles_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rule = next(r for r in _substitutions() if r.meta.id == "Safeguarding.AbuseMaterial")
    assert rule.choice is not None and rule.choice.further
    rule = replace(rule, choice=replace(rule.choice, _made=[]))
    assert rule.choice is not None
    compiled: list[str] = []
    monkeypatch.setattr(prefilter.patterns, "compile", lambda p, f=0: compiled.append(p))
    # "child" is some entries' first needle; "porn", which each of them needs too, is absent.
    doc = read_text("x.txt", "The child was in the film, with photos of her.\n")
    assert any(n is not None and "child" in n for n in rule.choice.needles)
    assert rule.choice.chosen(Facts(doc)) == ()
    assert list(rule.check(doc, Facts(doc))) == []
    assert compiled == []
    # Compiling works again: a pattern first needed now is compiled for real, whatever
    # ran before this test (the stub would otherwise hand the rule None).
    monkeypatch.undo()
    doc = read_text("x.txt", "The child porn images were found.\n")
    assert rule.choice.chosen(Facts(doc))
    assert [doc.text[h.start : h.end] for h in rule.check(doc, Facts(doc))]


def test_the_automaton_holds_every_alternatives_further_needles() -> None:
    from lint.engine import check_document
    from lint.project import open_project

    rules = open_project(Config()).rules_for("x.txt")
    doc = read_text("x.txt", "The child was a victim, the court heard.\n")
    facts = Facts(doc)
    check_document(doc, rules, facts)
    assert facts.literals is not None
    for active in rules:
        choice = getattr(active.rule, "choice", None)
        if choice is not None:
            assert facts.literals.needles.issuperset(choice.every), active.rule.meta.id


@pytest.mark.parametrize(
    "alternatives",
    [
        [r"((?:\w)\1)", "(abc)"],  # a back-reference to another entry's group
        ["((?i)abc)", "(def)"],  # a global flag that would apply to every entry
        ["(abc)"],  # one entry: nothing to leave out
    ],
)
def test_no_choice_where_leaving_entries_out_could_change_a_match(
    alternatives: list[str],
) -> None:
    needles = [frozenset({"abc"})] * len(alternatives)
    assert Alternatives.of(r"(?mi)\b(?:", alternatives, r")\b", needles) is None
    assert Alternatives.of("(?:", ["(abc)", "(def)"], ")", [None, None]) is None


def test_an_alternative_without_needles_is_always_chosen() -> None:
    choice = Alternatives.of(
        "(?:", ["abc", r"\d+", "xyz"], ")", [frozenset({"abc"}), None, frozenset({"xyz"})]
    )
    assert choice is not None
    doc = read_text("x.txt", "It was abc.\n")
    assert choice.chosen(Facts(doc)) == (0, 1)
    assert choice.pattern((0, 1)).pattern == r"(?:abc|\d+)"
    assert choice.needles_of((0, 1)) is None and choice.needles_of((0, 2)) == ("abc", "xyz")


@pytest.mark.slow
def test_chosen_entries_find_exactly_what_the_whole_pattern_does() -> None:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests/precision/corpus").glob("*"))]
    rules = [r for r in _substitutions() if r.choice is not None]
    assert len(rules) > 10
    for text in texts:
        doc = read_text("x.txt", text)
        for rule in rules:
            whole = replace(rule, choice=None)
            assert list(rule.check(doc, Facts(doc))) == list(whole.check(doc, Facts(doc))), (
                rule.meta.id
            )


def test_a_run_compiles_a_few_choices_then_reuses_a_wider_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prefilter, "_MOST_CHOICES", 1)
    needles = [frozenset({"abc"}), frozenset({"def"}), frozenset({"ghi"})]
    choice = Alternatives.of("(?:", ["abc", "def", "ghi"], ")", needles)
    assert choice is not None

    def chosen(text: str) -> tuple[int, ...]:
        assert choice is not None
        return choice.chosen(Facts(read_text("x.txt", text + "\n")))

    assert chosen("abc and def") == (0, 1)  # the one choice this run may compile
    assert chosen("abc") == (0, 1)  # a choice made before that holds it
    assert chosen("ghi") == (0, 1, 2)  # none does: the whole pattern
    assert chosen("nothing") == ()
