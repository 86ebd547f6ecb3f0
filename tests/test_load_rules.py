"""lint/runner.py load_rules: the rule set loaded without the garbage collector walking it,
then frozen once, with the collector on as it was but its youngest generation collected
less often."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, fresh_python

PROBE = """
import gc, sys
from lint.config import Config
from lint.runner import YOUNGEST, check_paths
assert gc.get_freeze_count() == 0
young, *older = gc.get_threshold()
results = list(check_paths(sys.argv[1:], Config()))
frozen = gc.get_freeze_count()
list(check_paths(sys.argv[1:2], Config()))  # a second run: nothing more frozen
print(gc.isenabled(), frozen > 100_000, gc.get_freeze_count() == frozen)
print(young < gc.get_threshold()[0] == YOUNGEST, gc.get_threshold()[1:] == tuple(older))
print([len(r.findings) for r in results])
"""


def test_the_rule_set_is_frozen_once_and_the_collector_left_on_collecting_less_often(
    tmp_path: Path,
) -> None:
    drafts = [tmp_path / "a.txt", tmp_path / "b.txt"]
    drafts[0].write_text("The police investigate care gangs. The child prostitute was 14.\n")
    drafts[1].write_text("The police investigate grooming gangs.\n")
    done = fresh_python(PROBE, *map(str, drafts))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True True", "True True", "[2, 0]"]


READS = """
import sys
from lint.config import Config
from lint.rules import prefilter, words
from lint.runner import check_paths
read = []
for module, name in ((prefilter, "read_literal_sets"), (words, "read_words")):
    real = getattr(module, name)
    setattr(module, name, lambda pattern, real=real: read.append(pattern) or real(pattern))
list(check_paths(sys.argv[1:], Config()))
print(len(read))
"""


def test_what_a_run_reads_of_its_patterns_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Needles read while checking (a rule that reads its alternatives' needles when a
    document first needs them, the context's) are stored when the run ends, as those
    read while loading are: a second run reads no pattern's needles or words again."""
    seed = str(ROOT / "seeds" / "004_3781ed2e3d7d1181.txt")
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    first = fresh_python(READS, seed)
    assert first.returncode == 0, first.stderr
    assert int(first.stdout) > 0
    again = fresh_python(READS, seed)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["0"]
