"""Shared pieces of the hostile-input suite: a project on disk, and sglint run on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.cli import main
from security.hostile import BAD, SECRET


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def sglint(capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    """``sglint(cwd, *args)`` runs the command line in ``cwd`` and returns a Run."""

    def run(cwd: Path, *args: str) -> Run:
        before = os.getcwd()
        os.chdir(cwd)
        try:
            status = main(list(args))
        finally:
            os.chdir(before)
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    yield run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``tmp_path/project`` with a config and a drafts folder; ``tmp_path/outside``
    holds the runner's secret file, a draft that would fire rules if it were read."""
    root = tmp_path / "project"
    (root / "drafts").mkdir(parents=True)
    (root / ".sglint.yaml").write_text("profile: govuk\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{BAD}token = {SECRET} color\n", encoding="utf-8")
    return root
