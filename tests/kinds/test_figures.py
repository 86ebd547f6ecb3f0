"""The ``figures`` kind: collect counted figures across a document, then judge them."""

from __future__ import annotations

import pytest
from helpers import make_rule, matches, run

from lint.errors import RuleError
from lint.facts import Facts
from lint.readers import read_text
from lint.rules.figures import Bound, Fact, Figures, collect, judge

RULE = """
extends: figures
message: "'%s' here, but '%s' earlier."
nouns: [arrests, victims, contacts, charges, officers]
why: test
source: test
"""


def figures(yaml_text: str = RULE) -> Figures:
    rule = make_rule(yaml_text)
    assert isinstance(rule, Figures)
    return rule


def facts(text: str) -> list[Fact]:
    rule = figures()
    doc = read_text("t.txt", text, "text")
    return collect(doc, Facts(doc), rule.meta, rule.pattern, rule.guards)


def test_collects_value_noun_and_bound() -> None:
    (fact,) = facts("It made more than 4,000 arrests.")
    assert (fact.noun, fact.value, fact.bound, fact.text) == (
        "arrests",
        4000.0,
        Bound.ABOVE,
        "more than 4,000 arrests",
    )


def test_collects_across_modifiers_and_multipliers() -> None:
    got = [
        (f.noun, f.value)
        for f in facts("It trained 400 specialist police officers and logged 1.2 million contacts.")
    ]
    assert got == [("officers", 400.0), ("contacts", 1_200_000.0)]


def test_a_pair_of_nouns_is_not_a_count_of_either() -> None:
    assert facts("It made 600 arrests or suspect interviews.") == []
    assert facts("It made 600 arrests and charges.") == []
    assert [f.text for f in facts("It made 600 arrests and then stopped.")] == ["600 arrests"]


def test_money_percentages_and_references_are_not_counts() -> None:
    assert facts("It cost £550 arrests. 92% arrests. Ref 2024/550 arrests.") == []


def test_reports_the_later_different_figure() -> None:
    found = run(figures(), "The team made 550 arrests. Officers said 505 arrests followed.")
    assert matches(found) == ["505 arrests"]
    assert found[0].message == "'505 arrests' here, but '550 arrests' earlier."


def test_judges_against_the_first_statement_only() -> None:
    text = "It made 550 arrests. Then 550 arrests again. Later 505 arrests. Then 550 arrests."
    assert matches(run(figures(), text)) == ["505 arrests"]


def test_figures_far_apart_are_different_claims() -> None:
    text = "The team secured 424 charges. In one case it secured 46 charges."
    assert run(figures(), text) == []


def test_ratio_is_configurable() -> None:
    text = "The team secured 424 charges. In one case it secured 46 charges."
    assert matches(run(figures(RULE + "ratio: 10\n"), text)) == ["46 charges"]


def test_bounds_that_point_opposite_ways_conflict() -> None:
    text = "It received over 76,000 contacts. The nearly 76,000 contacts were logged."
    assert matches(run(figures(), text)) == ["nearly 76,000 contacts"]


def test_synonymous_bounds_agree() -> None:
    text = "It made over 550 arrests. It made more than 550 arrests. About 550 arrests."
    assert run(figures(), text) == []


def test_judge_is_pure() -> None:
    a = Fact("arrests", 550, Bound.EXACT, 0, 1, "550 arrests")
    b = Fact("arrests", 505, Bound.EXACT, 5, 6, "505 arrests", sentence=1)
    c = Fact("victims", 505, Bound.EXACT, 9, 10, "505 victims", sentence=2)
    assert [(x.fact, x.earlier) for x in judge([a, b, c], 2.0)] == [(b, a)]


@pytest.mark.parametrize("extra", ["ratio: 0.5\n", "modifiers: -1\n"])
def test_bad_settings_are_located_errors(extra: str) -> None:
    with pytest.raises(RuleError) as err:
        make_rule(RULE + extra)
    assert err.value.line == len(RULE.splitlines()) + 1  # the line just added


def test_a_series_in_one_sentence_is_not_a_conflict() -> None:
    text = "It made 550 arrests in 2023, 300 arrests in 2022 and 250 arrests in 2021."
    assert run(figures(), text) == []


def test_figures_for_different_years_are_different_claims() -> None:
    text = "It made 550 arrests in 2023. It made 400 arrests in 2022. Then 505 arrests."
    assert matches(run(figures(), text)) == ["505 arrests"]


def test_figures_in_words_count_when_the_later_one_points_back() -> None:
    rule = figures(RULE.replace("nouns: [", "nouns: [men, "))
    text = "Seven men were charged. The six men appear in court today."
    assert matches(run(rule, text)) == ["six men"]
    (fact,) = [f for f in facts("The twenty-one victims were seen.")]
    assert (fact.value, fact.in_words, fact.definite) == (21.0, True, True)


def test_figures_in_words_without_a_definite_are_new_claims() -> None:
    rule = figures(RULE.replace("nouns: [", "nouns: [men, "))
    assert run(rule, "Seven men were charged. Six men were convicted.") == []


def test_an_exact_figure_inside_a_bound_is_the_same_claim() -> None:
    assert run(figures(), "Nearly 500 victims were found. Police knew of 480 victims.") == []
    assert run(figures(), "More than 550 arrests. In all, 560 arrests were made.") == []
    found = run(figures(), "Nearly 500 victims were found. Police knew of 520 victims.")
    assert matches(found) == ["520 victims"]


EVENTS = """
extends: figures
message: "'%s' here, but '%s' earlier."
events: [set up, launched]
why: test
source: test
"""


def test_one_event_with_two_dates() -> None:
    rule = figures(EVENTS)
    text = "The unit was set up in March 2019. Since it was set up in 2020, it has grown."
    assert matches(run(rule, text)) == ["set up in 2020"]
    same = "The unit was set up in March 2019. It was set up in 2019 with 12 officers."
    assert run(rule, same) == []


def test_events_of_different_subjects_are_different_events() -> None:
    text = "The helpline was launched in 2010. The app was launched in 2021."
    assert run(figures(EVENTS), text) == []


def test_a_bodys_start_is_its_launch() -> None:
    starts = EVENTS.replace("[set up, launched]", "[set up|launched, began|started]")
    rule = figures(starts + BODIES)
    text = "The hub, which launched in 2023, is busy. Since the hub began in 2022, it has grown."
    assert matches(run(rule, text)) == ["began in 2022"]
    # A course of events, not a body: its start is its own event.
    other = "The hub launched in 2023. The abuse began in 2022 and the trial started in 2024."
    assert run(rule, other) == []
    # Without 'bodies', starting and launching are two events.
    assert run(figures(starts), text) == []


BODIES = "bodies: [hub, service]\nbody_starts: [started]\n"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (BODIES, "'body_starts' names 'started', which is not one of 'events'"),
        ("bodies: [hub]\n", "'bodies' goes with 'events' and 'body_starts'"),
    ],
)
def test_bad_bodies_are_located_errors(extra: str, message: str) -> None:
    with pytest.raises(RuleError, match=message) as err:
        make_rule(EVENTS + extra)
    assert err.value.line > len(EVENTS.splitlines())


def test_nouns_and_events_are_exclusive() -> None:
    with pytest.raises(
        RuleError,
        match=r"Test/Rule.yml:5: a figures rule counts 'nouns', 'sums', dated 'events' or prison",
    ):
        make_rule(EVENTS.replace("events:", "nouns: [arrests]\nevents:"))


SUMS = """
extends: figures
message: "'%s' here, but '%s' earlier."
sums: [fine|fined, fund]
why: test
source: test
"""


def test_sums_of_money_by_noun_and_its_forms() -> None:
    rule = figures(SUMS)
    doc = read_text("t.txt", "He was fined £2,500. The £2,000 fine was paid.", "text")
    (first, second) = collect(doc, Facts(doc), rule.meta, rule.pattern, rule.guards, rule.sums)
    assert (first.noun, first.value, second.noun, second.value) == ("fine", 2500, "fine", 2000)
    assert matches(run(rule, "He was fined £2,500. The £2,000 fine was paid.")) == ["£2,000 fine"]
    text = "A £4.5m fund opened. The £4 million fund closes in May."
    assert matches(run(rule, text)) == ["£4 million fund"]


def test_a_second_sum_without_a_reference_back_is_another_sum() -> None:
    text = "A £500 fund opened in 2022. A £600 fund opened in 2023."
    assert run(figures(SUMS), text) == []


def test_compare_splits_numerals_and_words_between_rules() -> None:
    base = RULE.replace("nouns: [", "nouns: [men, ")
    text = "Seven men were charged. The six men appear today. It made 550 arrests. The 505 arrests."
    assert matches(run(figures(base + "compare: words\n"), text)) == ["six men"]
    assert matches(run(figures(base + "compare: numerals\n"), text)) == ["505 arrests"]
    assert len(run(figures(base), text)) == 2


def test_nouns_may_come_from_a_word_family() -> None:
    rule = figures(
        RULE.replace(
            "nouns: [arrests, victims, contacts, charges, officers]",
            "words:\n  counted: [arrests]\nnouns: ['{counted}']",
        )
    )
    assert matches(run(rule, "It made 550 arrests. The 505 arrests followed.")) == ["505 arrests"]


def test_two_bounds_that_overlap_are_the_same_claim() -> None:
    text = "Almost 19,000 victims were found. Over 18,700 victims were supported."
    assert run(figures(), text) == []


TERMS = """
extends: figures
message: "'%s' here, but '%s' earlier."
terms: [sentence|jail term]
term_verbs: [jailed for, sentenced to]
ratio: 1000
why: test
source: test
"""


def test_a_term_that_points_back_is_compared_with_every_earlier_term() -> None:
    rule = figures(TERMS)
    two = "Paul was jailed for 14 years. His son was jailed for eight years."
    assert run(rule, f"{two} His eight-year sentence starts now.") == []
    assert matches(run(rule, f"{two} His nine-year sentence starts now.")) == [
        "His nine-year sentence"
    ]


def test_terms_count_months() -> None:
    rule = figures(TERMS)
    text = "He was jailed for six years and six months. The six-year sentence is long."
    assert matches(run(rule, text)) == ["The six-year sentence"]


def test_terms_need_their_verbs() -> None:
    with pytest.raises(RuleError, match="term_verbs"):
        make_rule(TERMS.replace("term_verbs: [jailed for, sentenced to]\n", ""))


PERCENT = """
extends: figures
message: "'%s' here, but '%s' earlier."
nouns: [rise, fall]
percent: true
ratio: 10
why: test
source: test
"""


def test_percentages_point_back_with_a_definite_article() -> None:
    rule = figures(PERCENT)
    assert matches(run(rule, "There was a 23% rise. The 32% rise was large.")) == ["32% rise"]
    assert run(rule, "There was a 23% rise. A 32% rise followed.") == []
    assert run(rule, "There was a 23 per cent rise. The 23 per cent rise was large.") == []


def test_swapped_digits_conflict_at_any_ratio() -> None:
    rule = figures()
    assert matches(run(rule, "Police made 13 arrests. The 31 arrests were in May.")) == [
        "31 arrests"
    ]
    assert run(rule, "Police made 13 arrests. The 40 arrests were in May.") == []
