"""Levels answer to first looks: how editors judged a rule's findings on copy it had
never seen (tests/precision/first_looks.yml, tests/precision_review.py calibrate)."""

from __future__ import annotations

import yaml
from precision_review import (
    CALIBRATION_FLOOR,
    CALIBRATION_MIN,
    FIRST_LOOKS,
    PRECISION,
    calibrate,
    first_look_reviewers,
    first_looks,
    load_reviews,
    miscalibrated,
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
    never seen, over enough findings to tell, is advice: it belongs at suggestion."""
    assert miscalibrated() == []


def test_the_table_sets_each_rule_s_default_level_beside_its_first_looks() -> None:
    table = calibrate()
    assert "| Quotes.NoSpeaker | suggestion | 25 | 1 |" in table
    counted = [r for r, c in first_looks().items() if sum(c.values()) >= CALIBRATION_MIN]
    assert len(counted) >= 5 and 0 < CALIBRATION_FLOOR < 1
