"""``--format github``: workflow commands the Actions runner turns into annotations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from findings import finding

from lint.cli import main
from lint.finding import Severity
from lint.report import github
from lint.runner import FileResult

COMMAND = re.compile(r"^::(?P<level>\w+) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape(value: str, prop: bool) -> str:
    # The runner's decoding, in reverse order of the encoding (%25 last).
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if prop:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for code, char in [*pairs, ("%25", "%")]:
        value = value.replace(code, char)
    return value


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Read one command back as the runner does: split on the first ``::``, then ``,``."""
    m = COMMAND.match(line)
    assert m, line
    props = dict(item.split("=", 1) for item in m["props"].split(","))
    return (
        m["level"],
        {k: _unescape(v, True) for k, v in props.items()},
        _unescape(m["data"], False),
    )


@pytest.fixture(autouse=True)
def _no_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def test_one_command_with_position_and_title() -> None:
    out = github.render([FileResult("press/draft.md", [finding(why="")])])
    assert out == (
        "::error file=press/draft.md,line=3,col=5,endLine=3,endColumn=15,"
        "title=Safeguarding.Mistranslations::Use 'grooming gangs' instead of 'care gangs'.\n"
    )


def test_special_characters_are_escaped_and_round_trip() -> None:
    path = "drafts/100% final, v2: embargoed.md"
    message = "Say 'grooming gangs', not: 'care gangs' (100% of cases)\r\nsecond line"
    why = "Why: commas, colons; 50%."
    out = github.render([FileResult(path, [finding(path, message=message, why=why)])])
    line = out.rstrip("\n")
    assert "\n" not in line and "\r" not in line
    assert "file=drafts/100%25 final%2C v2%3A embargoed.md," in line
    assert line.endswith(
        "::Say 'grooming gangs', not: 'care gangs' (100%25 of cases)%0D%0Asecond line"
        "%0A%0AWhy: Why: commas, colons; 50%25."
    )
    level, props, data = parse(line)
    assert level == "error"
    assert props["file"] == path
    assert props["title"] == "Safeguarding.Mistranslations"
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == (
        "3",
        "5",
        "3",
        "15",
    )
    assert data == f"{message}\n\nWhy: {why}"


def test_escaping_order_keeps_literal_percent_codes() -> None:
    # A literal "%0A" in the text must not come out as a newline.
    assert github.escape_data("50%0A") == "50%250A"
    assert github.escape_property("a%2Cb") == "a%252Cb"
    assert _unescape(github.escape_property("x,y:z%0A\n"), True) == "x,y:z%0A\n"


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.SUGGESTION, "notice")],
)
def test_levels(severity: Severity, command: str) -> None:
    out = github.render([FileResult("a.txt", [finding("a.txt", severity=severity)])])
    assert out.startswith(f"::{command} ")


def test_paths_are_relative_to_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "docs" / "a.md"
    outside = tmp_path.parent / "elsewhere.md"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path / "..")
    out = github.render(
        [FileResult(str(inside), [finding(str(inside))]), FileResult("x", [finding(str(outside))])]
    )
    files = [parse(line)[1]["file"] for line in out.splitlines()]
    assert files == ["docs/a.md", outside.as_posix()]


def test_cli_prints_one_annotation_per_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("They investigate care gangs.\nAnd vigilante gangs.\n")
    Path("b.md").write_text("Nothing wrong here.\n")
    assert main(["check", "--format", "github", "--select", "Safeguarding", "a.txt", "b.md"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [parse(line)[1]["line"] for line in lines] == ["1", "2"]
    assert all(line.startswith("::error file=a.txt,") for line in lines)


def test_no_findings_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert github.render([FileResult("a.txt", [])]) == ""
