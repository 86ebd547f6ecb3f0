"""lint/runner.py load_rules: the rule set loaded without the garbage collector walking it,
then frozen once, with the collector as it was."""

from __future__ import annotations

from pathlib import Path

from helpers import fresh_python

PROBE = """
import gc, sys
from lint.config import Config
from lint.runner import check_paths
assert gc.get_freeze_count() == 0
results = list(check_paths(sys.argv[1:], Config()))
frozen = gc.get_freeze_count()
list(check_paths(sys.argv[1:2], Config()))  # a second run: nothing more frozen
print(gc.isenabled(), frozen > 100_000, gc.get_freeze_count() == frozen)
print([len(r.findings) for r in results])
"""


def test_the_rule_set_is_frozen_once_and_the_collector_left_on(tmp_path: Path) -> None:
    drafts = [tmp_path / "a.txt", tmp_path / "b.txt"]
    drafts[0].write_text("The police investigate care gangs. The child prostitute was 14.\n")
    drafts[1].write_text("The police investigate grooming gangs.\n")
    done = fresh_python(PROBE, *map(str, drafts))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True True", "[2, 0]"]
