"""Levels answer to first looks: how editors judged a rule's findings on copy it had
never seen (tests/precision/first_looks.yml, tests/precision_review.py calibrate)."""

from __future__ import annotations

import yaml
from precision_review import (
    CALIBRATION_FLOOR,
    CALIBRATION_MIN,
    ERROR_FLOOR,
    FIRST_LOOKS,
    LEVEL_FLOORS,
    PRECISION,
    calibrate,
    default_levels,
    first_look_reviewers,
    first_looks,
    level_floors,
    load_reviews,
    miscalibrated,
    snapshot_levels,
)


def test_first_looks_name_batches_and_reviewers_that_exist() -> None:
    reviewers = first_look_reviewers()
    assert reviewers, "first_looks.yml lists no reviewer"
    given = {review.reviewer for review in load_reviews().values()}
    for reviewer, batch in reviewers.items():
        assert (PRECISION / batch).is_file(), f"{FIRST_LOOKS.name}: no {batch}"
        assert reviewer in given, f"{FIRST_LOOKS.name}: {reviewer} gave no verdict"


def test_a_reviewer_is_a_first_look_for_one_batch_only() -> None:
    data = yaml.safe_load(FIRST_LOOKS.read_text(encoding="utf-8"))
    names = [who for entry in data for who in entry["reviewers"]]
    assert len(names) == len(set(names))


def test_first_look_verdicts_are_on_their_own_batch() -> None:
    """A first look judges its batch's texts; a verdict on any other text is not one."""
    reviewers = first_look_reviewers()
    for review in load_reviews().values():
        batch = reviewers.get(review.reviewer)
        if batch is None:
            continue
        listed = (PRECISION / batch).read_text(encoding="utf-8").split()
        assert review.file in listed, f"{review.reviewer} judged {review.file}, not in {batch}"


def test_no_rule_at_warning_or_error_that_editors_reject_on_unseen_copy() -> None:
    """A rule whose findings editors acted on less than one time in five on copy it had
    never seen, over enough findings to tell, is advice: it belongs at suggestion; an
    error that editors acted on less than half the time is at most a warning."""
    assert miscalibrated() == []


def test_the_table_sets_each_rule_s_default_level_beside_its_first_looks() -> None:
    table = calibrate()
    assert "| Quotes.NoSpeaker | suggestion | 25 | 1 |" in table
    counted = [r for r, c in first_looks().items() if sum(c.values()) >= CALIBRATION_MIN]
    assert len(counted) >= 5 and 0 < CALIBRATION_FLOOR < ERROR_FLOOR < 1


def test_a_level_floor_is_a_warning_kept_for_a_harm_the_law_forbids() -> None:
    """A floor keeps a rule visible; it never keeps a rule at error that editors reject."""
    floors = level_floors()
    assert floors and set(floors.values()) == {"warning"}
    known = default_levels()
    for rule in floors:
        assert rule in known, f"{LEVEL_FLOORS.name}: {rule} is not a rule that runs"


def test_a_first_look_on_a_finding_now_made_below_its_rule_s_level_is_set_aside() -> None:
    """A verdict speaks to the level its finding has now: one a context now lowers (an
    error term in a text about the words, now a warning) does not count against the
    rule's own level; one the rule no longer makes still counts."""
    levels = default_levels()
    now = snapshot_levels()
    every, at_level = first_looks(), first_looks(levels, now)
    lowered = [
        r
        for r in load_reviews().values()
        if r.reviewer in first_look_reviewers()
        and now.get((r.file, r.line, r.column, r.rule), levels.get(r.rule)) != levels.get(r.rule)
    ]
    assert lowered, "no first-look finding is made below its rule's level now"
    for rule in {r.rule for r in lowered}:
        assert sum(at_level[rule].values()) == sum(every[rule].values()) - sum(
            1 for r in lowered if r.rule == rule
        )
    # The criticism genre lowers Safeguarding.AbuseMaterial's mentions in a text against
    # the term (404, 421): set aside, they leave only the rejections of findings it still
    # makes at error (batch 11's Dáil record, 544).
    every_rejected = every["Safeguarding.AbuseMaterial"]["rejected"]
    assert at_level["Safeguarding.AbuseMaterial"]["rejected"] < every_rejected
