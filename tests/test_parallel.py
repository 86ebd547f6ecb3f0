"""Folders are checked across processes with the same output as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main


@pytest.mark.slow
def test_parallel_output_equals_serial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    for i in range(12):  # enough files for a pool
        seed = seeds[i % len(seeds)]
        (tmp_path / f"d{i:02d}.txt").write_bytes(seed.read_bytes())
    assert main(["check", "--format", "json", "-j", "1", str(tmp_path)]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "--format", "json", "-j", "2", str(tmp_path)]) == 1
    assert capsys.readouterr().out == serial
