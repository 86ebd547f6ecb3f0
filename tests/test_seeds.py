"""The regression corpus: findings on the five seeds match the reviewed snapshot."""

from __future__ import annotations

from helpers import assert_matches_snapshot
from seed_snapshot import SHARED_SEEDS, SNAPSHOT, render, seed_files


def test_seeds_are_verbatim_copies() -> None:
    names = [p.name for p in seed_files()]
    assert len(names) == 5
    if SHARED_SEEDS.is_dir():
        for path in seed_files():
            assert path.read_bytes() == (SHARED_SEEDS / path.name).read_bytes()


def test_findings_match_snapshot() -> None:
    assert_matches_snapshot(
        SNAPSHOT, render(), what="seeds/", update="python tests/seed_snapshot.py --update"
    )
