"""The text format for people (issue 20): --show-why, --sort-by level, output that fits
the terminal, and `sglint rule Pack.Rule`."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main

DRAFT = Path(__file__).parent / "data" / "same-draft" / "draft.md"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def heads(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(str(DRAFT))]


def test_show_why_prints_why_and_source_under_each_finding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, plain, _ = run(capsys, "check", "--color", "never", str(DRAFT))
    assert code == 1 and "    why: " not in plain
    code, out, _ = run(capsys, "check", "--color", "never", "--show-why", str(DRAFT))
    assert heads(out) == heads(plain)
    block = out.split("Safeguarding.ChildProstitution", 1)[1]
    assert "\n    why: A child cannot consent to sex" in block
    assert "\n    source: Terminology Guidelines for the Protection of Children" in block
    assert out.count("    why: ") == len(heads(out))


def test_sort_by_level_puts_errors_first(capsys: pytest.CaptureFixture[str]) -> None:
    # As a GOV.UK team runs it, where the draft's "NSPCC" is a warning too.
    govuk = ("check", "--profile", "govuk", "--color", "never")
    code, out, _ = run(capsys, *govuk, "--sort-by", "level", str(DRAFT))
    levels = [line.split(": ", 2)[1].split()[0] for line in heads(out)]
    assert code == 1 and levels == sorted(levels, key=["error", "warning", "suggestion"].index)
    assert levels[0] == "error" and levels[-1] == "warning"
    _, by_file, _ = run(capsys, *govuk, str(DRAFT))
    assert sorted(heads(out)) == sorted(heads(by_file))
    assert out.splitlines()[-2:] == by_file.splitlines()[-2:]  # the same summary


def test_text_output_fits_the_terminal_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(capsys, "check", "--color", "never", "--show-why", str(DRAFT))
    body = [line for line in out.splitlines() if line.startswith("    ")]
    assert body and max(len(line) for line in body) <= 60
    # The underline still sits under the match in the shortened line.
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if "Safeguarding.VictimBlaming" in line:
            shown, marks = lines[i + 1], lines[i + 2]
            start = marks.index("^")
            assert shown[start : start + marks.count("^")] == "putting herself at risk"


def test_rule_explains_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "Safeguarding.ChildProstitution")
    assert code == 0
    assert out.startswith("Safeguarding.ChildProstitution  [")
    assert "  why: A child cannot consent to sex" in out and "  source: " in out
    assert "  flags: " in out and "  allows: " in out
    code, _, err = run(capsys, "rule", "Safeguarding.ChildProstitute")
    assert code == 2
    assert err == (
        "sglint: error: no rule 'Safeguarding.ChildProstitute'; "
        "did you mean 'Safeguarding.ChildProstitution'?\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json", "--sort-by", "level"],
        ["--format", "sarif", "--show-why"],
        ["--annotate", "--fix"],
    ],
)
def test_options_that_do_not_go_together_are_usage_errors(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, "check", *args, str(DRAFT))
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith("sglint: error: ")
