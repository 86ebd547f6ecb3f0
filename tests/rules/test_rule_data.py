"""The swap lists are data, tested like code (after codespell's test_dictionary.py):
no entry that swaps a word for itself, no A→B→A loops within or across packs, no key
listed twice, and generated lists that say what they mean. (That a fix does not fire
again is checked on every rule's fix examples: lint/examples.py.)"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from helpers import split_between

from lint.config import Config, all_rules
from lint.engine import ActiveRule, check_document
from lint.finding import Severity
from lint.readers import read_text
from lint.rules.contract import Rule
from lint.rules.substitution import Entry, Substitution
from lint.yamlload import load_yaml

RULES = all_rules(Config())
ROOT = Path(__file__).resolve().parents[2]
#: The packs this suite owns; the cross-pack checks below cover every pack.
OWN_PACKS = ("Numbers", "Spelling", "Acronyms", "Consistency", "Style")
SUBSTITUTIONS = [r for r in RULES if isinstance(r, Substitution)]


def entries(rule: Substitution) -> Iterator[tuple[str, Entry]]:
    for entry in rule.entries:
        yield entry.key.pattern, entry


def literal_options(entry: Entry) -> list[str]:
    """Replacement options that are plain text (not "$1" templates)."""
    return [o for o in entry.replacement.split("|") if o and "$" not in o]


@pytest.mark.parametrize("rule", SUBSTITUTIONS, ids=lambda r: r.meta.id)
def test_no_self_substitution(rule: Substitution) -> None:
    for key, entry in entries(rule):
        for option in literal_options(entry):
            assert not entry.key.fullmatch(option), (
                f"{rule.meta.id}: {key!r} would replace {option!r} with itself"
            )


def test_no_loops_across_packs() -> None:
    """A→B in one entry and B→A in another (in any pack) would fix back and forth."""
    flat = [(r.meta.id, e) for r in SUBSTITUTIONS for _, e in entries(r)]
    for (id_a, a), (id_b, b) in itertools.permutations(flat, 2):
        for to_b in literal_options(a):
            if not b.key.fullmatch(to_b):
                continue
            for back in literal_options(b):
                assert not a.key.fullmatch(back), (
                    f"loop: {id_a} {a.key.pattern!r} -> {to_b!r}, "
                    f"{id_b} {b.key.pattern!r} -> {back!r}"
                )


def test_no_key_in_two_rules() -> None:
    seen: dict[str, Substitution] = {}
    for rule in SUBSTITUTIONS:
        for key, _ in entries(rule):
            norm = key.removeprefix("(?i)").casefold()
            other = seen.get(norm)
            assert other is None or split_between(rule, other), (
                f"{key!r} is in both {other.meta.id if other else ''} and {rule.meta.id}"
            )
            seen[norm] = rule


def _own(rule: Rule) -> bool:
    return rule.meta.pack in OWN_PACKS


@pytest.mark.parametrize("rule", [r for r in RULES if _own(r)], ids=lambda r: r.meta.id)
def test_source_cites_domain_ids(rule: Rule) -> None:
    ids = ("GOVUK-AZ", "domain.md", "GDS-25", "CS17", "CS24", "HMIC23", "IPSO")
    assert any(i in rule.meta.source for i in ids), rule.meta.source


# -- generated lists -----------------------------------------------------------------

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _value(words: str) -> int:
    """Independent reading of an English number word, for checking the generated list."""
    parts = regex.split(r"[- ]", words)
    total = 0
    for part in parts:
        if part in _UNITS:
            total += _UNITS.index(part) + 1
        elif part in _TEENS.split():
            total += _TEENS.split().index(part) + 10
        else:
            total += (_TENS.index(part) + 2) * 10
    return total


def test_number_words_cover_two_to_ninety_nine() -> None:
    raw = load_yaml((ROOT / "rules/Numbers/Words.yml").read_text("utf-8"), "Words.yml")
    swap = raw["swap"]
    values = sorted(int(v) for v in swap.values())
    assert values == list(range(2, 100))
    for key, value in swap.items():
        spelled = key.replace("[- ]", "-")
        assert _value(spelled) == int(value), (key, value)
        assert _value(spelled.replace("-", " ")) == int(value)


@pytest.mark.parametrize(
    ("us", "uk"),
    [
        ("organized", "organised"),
        ("organizations", "organisations"),
        ("reorganizing", "reorganising"),
        ("recognizes", "recognises"),
        ("mobilization", "mobilisation"),
        ("re-traumatization", "re-traumatisation"),
        ("prioritize", "prioritise"),
        ("analyzed", "analysed"),
        ("paralyzes", "paralyses"),
        ("behavioral", "behavioural"),
        ("favorite", "favourite"),
        ("counselor", "counsellor"),
        ("enrollment", "enrolment"),
        ("pedophiles", "paedophiles"),
        ("defense", "defence"),
        ("programs", "programmes"),
    ],
)
def test_us_families_expand_in_full(us: str, uk: str) -> None:
    """The -ize/-yze and -or families are patterns: every form must expand whole."""
    rule = next(r for r in RULES if r.meta.id == "Spelling.American")
    doc = read_text("t.txt", f"We saw {us} today.", "text")
    (finding,) = check_document(doc, [ActiveRule(rule, Severity.WARNING)]).findings
    assert (finding.match, finding.fix) == (us, uk)


@pytest.mark.parametrize(
    "word",
    [
        "size",
        "seized",
        "citizens",
        "prize",
        "honorary",
        "humorous",
        "laboratory",
        "colorado",
        "programming",
        "licensed",
        "fulfilled",
        "enrolled",
        "Gray",
    ],
)
def test_us_list_leaves_uk_words_alone(word: str) -> None:
    rule = next(r for r in RULES if r.meta.id == "Spelling.American")
    doc = read_text("t.txt", f"We saw {word} today.", "text")
    assert not check_document(doc, [ActiveRule(rule, Severity.WARNING)]).findings
