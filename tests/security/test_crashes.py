"""Item 5 of issue 18: crashes are bugs, and they say so (exit 3, one line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint import runner
from lint.cli import REPORT_HINT


def test_a_megabyte_of_amp_entities_is_read(tmp_path: Path) -> None:
    """It segfaulted: the reader compiled a regex with one group per character."""
    draft = tmp_path / "amp.md"
    draft.write_text("&amp;" * 200_000 + "\n\nThey investigate care&nbsp;gangs.\n")
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--select", "Safeguarding", str(draft)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "amp.md:3:18" in done.stdout


def _team(project: Path, rule: str, name: str = "Rule") -> None:
    (project / "team" / "Team").mkdir(parents=True, exist_ok=True)
    (project / "team" / "Team" / f"{name}.yml").write_text(rule, encoding="utf-8")
    (project / ".sglint.yaml").write_text("builtin: false\npaths: [team]\n", encoding="utf-8")


@pytest.mark.parametrize(
    "formula",
    [
        "math.log(list)",
        "math.sqrt(0 - words)",
        "10 ** 1000",
        "math.min()",
        "(0 - 1) ** 0.5",
        "words / list",
    ],
)
def test_metric_formulas_without_a_value_do_not_crash(
    project: Path, sglint: Any, formula: str
) -> None:
    _team(project, f"extends: metric\nmessage: '%s'\nformula: '{formula}'\ncondition: '> 1'\n")
    (project / "drafts" / "a.txt").write_text("A draft without lists.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert (done.status, done.err) == (0, "")


def test_named_groups_in_swap_keys(project: Path, sglint: Any) -> None:
    _team(
        project,
        "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nlevel: error\nignorecase: true\n"
        "swap:\n  '(?P<x>care) gangs': grooming gangs\n  '(?P<x>rape) gangs': $1 gangs\n"
        "  '(?<y>foo)': bar\n",
    )
    (project / "drafts" / "a.txt").write_text("Care gangs and foo.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 1 and done.err == ""
    assert "Use 'grooming gangs', not 'Care gangs'." in done.out
    assert "Use 'bar', not 'foo'." in done.out


def _boom(*args: object, **kwargs: object) -> object:
    raise ValueError("boom")


def test_an_unexpected_exception_exits_3_naming_the_file(
    tmp_path: Path, sglint: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "draft.txt").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.setattr(runner, "read_file", _boom)
    done = sglint(tmp_path, "check", "draft.txt")
    assert done.status == 3
    assert done.err == f"sglint: internal error: draft.txt: ValueError: boom ({REPORT_HINT})\n"
    done = sglint(tmp_path, "--debug", "check", "draft.txt")
    assert done.status == 3
    assert done.err.startswith("sglint: internal error: draft.txt: ValueError: boom")
    assert (
        "Traceback (most recent call last)" in done.err and 'raise ValueError("boom")' in done.err
    )


def test_a_crash_in_a_worker_process_names_its_file(
    tmp_path: Path, sglint: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(10):
        (tmp_path / f"d{n}.txt").write_text("Fine.\n", encoding="utf-8")
    real = runner.read_file

    def boom_on_d7(path: str) -> Any:
        if path.endswith("d7.txt"):
            raise KeyError("boom")
        return real(path)

    monkeypatch.setattr(runner, "read_file", boom_on_d7)
    done = sglint(tmp_path, "check", "--jobs", "2", ".")
    assert done.status == 3
    assert done.err.splitlines()[-1] == (
        f"sglint: internal error: d7.txt: KeyError: 'boom' ({REPORT_HINT})"
    )


def test_a_crash_outside_any_file_exits_3(
    tmp_path: Path, sglint: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint import cli

    monkeypatch.setattr(cli, "NearestConfig", _boom)  # each file's configuration
    done = sglint(tmp_path, "check", ".")
    assert (done.status, done.err) == (
        3,
        f"sglint: internal error: ValueError: boom ({REPORT_HINT})\n",
    )
