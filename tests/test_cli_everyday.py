"""The everyday options users bring from ruff: --quiet, --statistics, --output-file,
- with --stdin-filename, NO_COLOR / FORCE_COLOR, a closed pipe, --help."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import EXIT_CLOSED_PIPE, _parser, main
from lint.report.progress import MIN_FILES

COPY = "Police investigate care gangs.\nA child prostitute was found.\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(COPY, "utf-8")
    (tmp_path / "c.md").write_text("Police investigate care gangs.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_quiet_prints_findings_without_the_summary(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["check", "c.md"], capsys)
    assert "Found 1 problem" in out
    quiet = _run(["check", "-q", "c.md"], capsys)
    assert quiet[0] == code == 1
    assert quiet[1] == out[: out.index("Found 1 problem")]


def test_statistics_counts_per_rule_most_first(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["check", "--statistics", "."], capsys)
    assert code == 1
    assert out.splitlines() == [
        "3  Safeguarding.Mistranslations    [*] error",
        "2  Safeguarding.ChildProstitution      error",
    ]
    _, out, _ = _run(["check", "--statistics", "--format", "json", "."], capsys)
    assert json.loads(out) == [
        {"rule": "Safeguarding.Mistranslations", "count": 3, "level": "error", "fixable": 3},
        {"rule": "Safeguarding.ChildProstitution", "count": 2, "level": "error", "fixable": 0},
    ]
    code, _, err = _run(["check", "--statistics", "--format", "sarif", "."], capsys)
    assert code == 2 and "--statistics prints text or json" in err


def test_output_file_holds_what_stdout_would(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["check", "--format", "json", "."], capsys)
    assert _run(["check", "--format", "json", "-o", "report.json", "."], capsys) == (code, "", "")
    assert (drafts / "report.json").read_text("utf-8") == out
    code, _, err = _run(["check", "--output-file", "missing/r.json", "."], capsys)
    assert code == 2 and err.startswith("sglint: error: --output-file: cannot write missing/")


def test_standard_input_with_a_filename(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (drafts / "press").mkdir()
    (drafts / "press" / ".sglint.yaml").write_text(
        "rules:\n  Safeguarding.ChildProstitution: off\nexclude: [old.md]\n", "utf-8"
    )

    def stdin_run(args: list[str]) -> tuple[int, list[dict[str, object]]]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(COPY.encode())))
        code, out, _ = _run(["check", "--format", "json", *args], capsys)
        return code, json.loads(out)

    # the name gives the nearest config (one rule off there) and the name in the report
    code, found = stdin_run(["-", "--stdin-filename", "press/new.md"])
    assert code == 1
    assert [(f["path"], f["rule"]) for f in found] == [
        ("press/new.md", "Safeguarding.Mistranslations")
    ]
    assert [f["rule"] for f in stdin_run(["-"])[1]] == [
        "Safeguarding.Mistranslations",
        "Safeguarding.ChildProstitution",
    ]
    # --force-exclude (the hook's) applies the config's exclude to the name
    assert stdin_run(["-", "--stdin-filename", "press/old.md", "--force-exclude"]) == (0, [])
    code, _, err = _run(["check", "-", "a.md"], capsys)
    assert code == 2 and "must be the only path" in err


@pytest.mark.parametrize(
    ("env", "choice", "painted"),
    [
        ({}, "auto", False),  # not a terminal
        ({"FORCE_COLOR": "1"}, "auto", True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", False),
        ({"NO_COLOR": ""}, "always", True),  # an empty NO_COLOR means unset
        ({"NO_COLOR": "1"}, "always", True),  # the command line wins
        ({"FORCE_COLOR": "1"}, "never", False),
    ],
)
def test_no_color_and_force_color(
    drafts: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    choice: str,
    painted: bool,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _, out, _ = _run(["check", "--color", choice, "c.md"], capsys)
    assert ("\x1b[" in out) is painted


def test_a_closed_pipe_ends_quietly(drafts: Path) -> None:
    for i in range(200):
        (drafts / f"d{i}.md").write_text(COPY, "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "-j", "1", "."],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"a.md:1:20: error")
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_CLOSED_PIPE
    assert err == ""


@pytest.mark.parametrize("command", [[], ["check"], ["stats"], ["rules"]])
def test_help_is_for_users_with_examples(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "examples:\n  sglint " in out
    assert "argument parsing" not in out  # not the module's docstring
    examples = [
        re.split(r" {2,}", line.split("|")[-1].strip())[0]
        for line in out.split("examples:")[1].splitlines()
        if "sglint " in line and "COMMAND" not in line
    ]
    assert examples
    for example in examples:  # every example parses: its options exist
        words = shlex.split(example)
        assert words[0] == "sglint"
        _parser().parse_args(words[1:])


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_for_long_runs(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(MIN_FILES):
        (drafts / f"clean{i:02}.md").write_text("The police investigate.\n", "utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "-j", "1", "."]) == 1
    err = terminal.getvalue()
    assert "\r\x1b[Ksglint: checked 1 of 53 files" in err
    assert err.endswith("\r\x1b[K")  # the line is gone at the end
    out = capsys.readouterr().out
    assert "sglint: checked" not in out
    assert out.count("a.md:1:20: error") == 1
    # --quiet, or a folder too small to wait for, shows no progress
    terminal.seek(0), terminal.truncate()
    assert main(["check", "-q", "-j", "1", "."]) == 1
    assert main(["check", "-j", "1", "a.md", "b.md"]) == 1
    assert terminal.getvalue() == ""
