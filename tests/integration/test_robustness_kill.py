"""A killed ``--fix`` run leaves the file whole: the original or the fully fixed text.

Runs ``sglint check --fix`` on a large file in a subprocess and kills it with SIGKILL,
at random moments and at the moment its temporary file appears (mid-write), a bounded
number of times. SIGKILL cannot be caught, so a killed writer's hidden temporary file
may stay; the next run that fixes the file removes it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_robustness import _press_copy

from lint.config import Config, active_rules
from lint.fixfile import TEMP_SUFFIX, fix_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")

FIX = [sys.executable, "-m", "lint", "check", "--fix", "--select", "Safeguarding"]


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def _start(path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*FIX, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


def test_a_killed_fix_run_leaves_the_original_or_the_fixed_file(tmp_path: Path) -> None:
    original = _press_copy(150_000).encode("utf-8")
    assert original.count(b"care gangs") > 10
    path = tmp_path / "release.txt"
    path.write_bytes(original)
    started = time.perf_counter()
    done = subprocess.run([*FIX, str(path)], capture_output=True, check=False, timeout=120)
    duration = time.perf_counter() - started
    assert done.returncode in (0, 1), done.stderr
    fixed = path.read_bytes()
    assert fixed != original and b"care gangs" not in fixed

    rng = random.Random(9)
    outcomes = {"original": 0, "fixed": 0, "temp left": 0}
    for attempt in range(6):
        path.write_bytes(original)
        proc = _start(path)
        if attempt % 2:  # at a random moment of the run
            time.sleep(rng.uniform(0.2, 1.1) * duration)
        else:  # while the new content is being written
            deadline = time.monotonic() + 4 * duration + 5
            while proc.poll() is None and not temp_files(tmp_path):
                assert time.monotonic() < deadline, "the run neither wrote nor ended"
        _kill(proc)
        now = path.read_bytes()
        assert now in (original, fixed), f"half-written file after kill {attempt}"
        outcomes["original" if now == original else "fixed"] += 1
        outcomes["temp left"] += bool(temp_files(tmp_path))
        assert len(temp_files(tmp_path)) <= 1
        if temp_files(tmp_path):  # the next run cleans up after the killed one
            subprocess.run([*FIX, str(path)], capture_output=True, check=False, timeout=120)
            assert temp_files(tmp_path) == []
            assert path.read_bytes() == fixed
    assert outcomes["original"] > 0, outcomes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.txt"]


def test_a_temp_file_of_a_dead_run_is_removed_and_a_live_one_kept(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Police said care gangs were active.\n")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f".draft.txt.{dead.stdout.strip()}.abcd1234{TEMP_SUFFIX}"
    live = tmp_path / f".draft.txt.{os.getppid()}.wxyz5678{TEMP_SUFFIX}"
    other = tmp_path / f".draft.txt.1.md.{dead.stdout.strip()}.abcd1234{TEMP_SUFFIX}"
    for temp in (stale, live, other):
        temp.write_text("half")
    rules = active_rules(Config(select=("Safeguarding",)))
    assert fix_file(str(path), rules).written
    assert path.read_text() == "Police said grooming gangs were active.\n"
    assert not stale.exists()
    assert live.exists()  # its writer may still be writing
    assert other.exists()  # another file's
