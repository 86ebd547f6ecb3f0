"""Item 7 of issue 18: paths and matched text are escaped for every format."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from lint.report.escape import printable, xml_text

HOSTILE_NAME = "a\n::error file=x.txt::pwned\r.txt"


def _hostile_file(folder: Path, text: str = "They investigate care gangs.\n") -> Path:
    path = folder / HOSTILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def _no_injected_lines(output: str) -> None:
    for line in output.splitlines():
        assert not line.lstrip().startswith("::error file=x.txt"), line


@pytest.mark.parametrize("fmt", ["github", "text", "vale-line", "json", "sarif", "junit"])
def test_a_newline_in_a_path_cannot_start_a_workflow_command(
    tmp_path: Path, sglint: Any, fmt: str
) -> None:
    _hostile_file(tmp_path)
    done = sglint(tmp_path, "check", "--format", fmt, ".")
    assert done.status == 1
    _no_injected_lines(done.out)
    _no_injected_lines(done.err)
    if fmt == "github":
        (line,) = done.out.splitlines()
        assert line.startswith("::error file=a%0A%3A%3Aerror file=x.txt%3A%3Apwned%0D.txt,")
    if fmt == "text":
        assert done.out.startswith("a\\n::error file=x.txt::pwned\\r.txt:1:18: error ")


def test_errors_and_notices_name_a_hostile_path_on_one_line(tmp_path: Path, sglint: Any) -> None:
    _hostile_file(tmp_path).write_bytes(b"\x00\x01binary")
    done = sglint(tmp_path, "check", HOSTILE_NAME)
    assert done.status == 2
    assert len(done.err.splitlines()) == 1
    assert done.err.startswith("sglint: error: a\\n::error file=x.txt::pwned\\r.txt")


def test_terminal_escapes_in_a_draft_never_reach_the_terminal(tmp_path: Path, sglint: Any) -> None:
    (tmp_path / "d.txt").write_text(
        "\x1b]0;owned\x07They investigate \x1b[2J care gangs.\x9b31m\n", encoding="utf-8"
    )
    done = sglint(tmp_path, "check", "--color", "never", "d.txt")
    assert done.status == 1
    assert "\x1b" not in done.out and "\x07" not in done.out and "\x9b" not in done.out
    assert "\\x1b]0;owned\\x07They investigate \\x1b[2J care gangs.\\x9b31m" in done.out
    # The caret still sits under the match, counted on the escaped line.
    lines = done.out.splitlines()
    shown, marks = lines[1], lines[2]
    assert shown[marks.index("^") : marks.index("^") + len(marks.strip())] == "care gangs"
    done = sglint(tmp_path, "check", "--color", "always", "d.txt")
    assert set(re.findall(r"\x1b(.)", done.out)) == {"["}  # only sglint's own colours
    assert re.findall(r"\x1b\[[0-9;]*[^0-9;m]", done.out) == []


def test_junit_is_valid_xml_whatever_the_draft_holds(tmp_path: Path, sglint: Any) -> None:
    (tmp_path / "d\x0c.txt").write_text("They investigate care\x0cgangs.\x00\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("They investigate care\x0cgangs.\n", encoding="utf-8")
    done = sglint(tmp_path, "check", "--format", "junit", "e.txt")
    assert done.status == 1
    root = ET.fromstring(done.out)
    (failure,) = root.iter("failure")
    assert "care" in (failure.text or "")


def test_json_and_sarif_stay_parsable(tmp_path: Path, sglint: Any) -> None:
    (tmp_path / "e.txt").write_text("\x1b[2JThey investigate care\x0cgangs.\n", encoding="utf-8")
    for fmt in ("json", "sarif", "vale-json"):
        done = sglint(tmp_path, "check", "--format", fmt, "e.txt")
        json.loads(done.out)


def test_the_escapes() -> None:
    assert printable("a\tb\nc\x1b[0m\u202ed\x85") == "a\tb\\nc\\x1b[0m\\u202ed\\x85"
    assert xml_text("a\x00b\x0cc\ud800d\ufffee") == "abcde"
