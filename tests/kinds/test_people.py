"""The people rule kind against the built-in register, and without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule, matches, run

from lint.config import Config, all_rules
from lint.errors import RuleError
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text

RULES = {r.meta.id: r for r in all_rules(Config())}


def _people(check: str) -> Rule:
    return RULES[f"People.{check}"]


VARIANTS = make_rule(
    """
    extends: people
    check: variants
    message: "'%s' here, but '%s' elsewhere."
    """
)


def test_seed_004_cleverley_is_fixed_safely() -> None:
    text = "Home Secretary, James Cleverley MP marked the occasion. Mr Cleverly met officers."
    (finding,) = run(_people("Spelling"), text)
    assert (finding.match, finding.fix, finding.fix_safety.value) == (
        "Cleverley",
        "Cleverly",
        "safe",
    )


def test_near_miss_needs_the_first_name_or_an_honorific() -> None:
    assert matches(run(_people("Spelling"), "Mr Critchly said so.")) == ["Critchly"]
    assert run(_people("Spelling"), "Critchly Road was closed.") == []


def test_two_spellings_without_a_register() -> None:
    text = "James Cleverley MP visited Essex. Mr Cleverly met officers. Mr Cleverly left."
    (finding,) = run(VARIANTS, text)
    assert (finding.match, finding.fix) == ("Cleverley", "Cleverly")


@pytest.mark.parametrize(
    "text",
    [
        # Two first names: two people.
        "Gabrielle Shaw said the work mattered. Professor Amir Shah said it helped.",
        # A short name without a shared first name is not paired.
        "Ms Shaw said it mattered. Dr Shah added that it helped.",
        # Place and force names are not people.
        "Essex Police said it would act. Sussex Police said it agreed.",
        # Different surnames that are simply alike.
        "Kevin Baldwin said so. Mr Balding, a resident, said otherwise.",
    ],
)
def test_no_false_pairs(text: str) -> None:
    assert run(VARIANTS, text) == []


def test_short_names_pair_with_the_same_first_name() -> None:
    text = (
        "Gabrielle Shaw said it mattered. Gabrielle Shah added that survivors lead. Ms Shaw left."
    )
    assert matches(run(VARIANTS, text)) == ["Shah"]


def test_wrong_title_anywhere_and_near_the_name() -> None:
    found = run(_people("Titles"), "Minister for Victims and Protection Laura Farris said:")
    assert [(f.match, f.fix) for f in found] == [
        ("Minister for Victims and Protection", "Minister for Victims and Safeguarding")
    ]


def test_titles_follow_the_copy_date() -> None:
    then = "On 1 March 2023, Foreign Secretary James Cleverly visited Kyiv."
    now = "On 21 May 2024, Foreign Secretary James Cleverly visited Essex."
    assert run(_people("Titles"), then) == []
    assert [f.fix for f in run(_people("Titles"), now)] == ["Home Secretary"]


def test_references_are_off_in_news_and_ignore_quotes() -> None:
    text = 'Home Secretary James Cleverly visited Essex. Cleverly said: "Shaw is right."'
    assert matches(run(_people("References"), text)) == ["Cleverly"]
    assert run(_people("References"), text, profile="news") == []


def test_a_bare_title_before_the_name_but_not_in_a_headline() -> None:
    text = (
        "Home Secretary visits Essex\n\nThe Home Secretary praised officers on Monday.\n\n"
        "Home Secretary James Cleverly met staff."
    )
    assert [(f.match, f.line) for f in run(_people("References"), text)] == [("Home Secretary", 3)]


def test_people_needs_a_register_except_for_variants(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="needs 'register'"):
        load_rule_text(
            "extends: people\nmessage: x\ncheck: titles\n",
            rule_id="T.P",
            path=str(tmp_path / "P.yml"),
        )
    with pytest.raises(RuleError, match="'check' must be one of"):
        load_rule_text(
            "extends: people\nmessage: x\ncheck: spelling2\n",
            rule_id="T.P",
            path=str(tmp_path / "P.yml"),
        )


RANKS = """
extends: people
check: ranks
message: "'%s' here, but '%s' elsewhere."
ranks:
  Detective Sergeant: [DS]
  Detective Constable: [DC]
changes: [promot\\w*]
"""


def test_a_rank_and_its_abbreviation_agree_two_ranks_do_not() -> None:
    rule = make_rule(RANKS)
    assert run(rule, "Detective Sergeant Ana Malik spoke. DS Malik left.") == []
    found = run(rule, "Detective Sergeant Ana Malik spoke. DS Malik left. DC Malik stayed.")
    assert matches(found) == ["DC Malik"]


def test_a_promotion_in_the_copy_silences_the_person() -> None:
    text = "DC Ana Malik, since promoted, led the case. DS Malik said victims were heard."
    assert run(make_rule(RANKS), text) == []


def test_first_name_slips_in_one_persons_name() -> None:
    text = (
        "Joanne Pryce said the fund was full. Joanna Pryce said it would grow. Joanne Pryce left."
    )
    assert matches(run(VARIANTS, text)) == ["Joanna Pryce"]
    assert run(VARIANTS, "Jo Pryce said the fund was full. Joanne Pryce said it would grow.") == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", r"Test/Rule.yml:1: a rule of kind 'people' needs 'ranks'"),
        (
            "ranks:\n  Sergeant: {a: b}\n",
            r"Test/Rule.yml:4: 'ranks': 'Sergeant' must map to a list",
        ),
    ],
)
def test_bad_ranks_are_located_errors(extra: str, expected: str) -> None:
    with pytest.raises(RuleError, match=expected):
        make_rule("extends: people\ncheck: ranks\nmessage: x\n" + extra)


def test_two_people_of_one_family_are_not_a_slip() -> None:
    text = "Daniel Pryce said the fund was full. Daniela Pryce said it would grow."
    assert run(VARIANTS, text) == []
    text = "Joanne and Joanna Pryce ran the charity. Joanne Pryce said it would grow."
    assert run(VARIANTS, text) == []


def test_one_person_two_ages() -> None:
    rule = make_rule("extends: people\ncheck: ages\nmessage: \"'%s' here, but '%s' elsewhere.\"\n")
    text = "Mark Ellison, 44, was jailed. Ellison, 44, denied it. However Ellison, 45, left."
    assert matches(run(rule, text)) == ["Ellison, 45,"]
    assert run(rule, "Mohammed Khan, 44, and Ali Khan, 19, were charged.") == []
