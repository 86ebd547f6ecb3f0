"""``sglint stats``: per-file readability figures, text and JSON, and the README's copy."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint.cli import main
from lint.readers import read_text
from lint.stats import file_stats

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Taskforce arrests hundreds\n\n"
    "The taskforce started in April 2023. It works with all 43 police forces.\n\n"
    'The Home Secretary said: "We must do everything in our power to protect children '
    'from abuse and to pursue the perpetrators until they are behind bars."\n\n'
    "Officers were trained in the specialist skills needed to work on child sexual "
    "abuse cases across England and Wales.\n"
)


def test_file_stats_lists_the_longest_sentences_with_their_lines() -> None:
    stats = file_stats(read_text("draft.txt", TEXT), longest=2)
    assert stats.figures.sentences == 4
    assert [(s.line, s.column, s.words) for s in stats.longest] == [(5, 1, 26), (7, 1, 19)]
    assert stats.longest[0].text.startswith("The Home Secretary said:")


def test_quotes_can_be_left_out() -> None:
    doc = read_text("draft.txt", TEXT)
    assert file_stats(doc, quotes=False).figures.sentences == 3


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    assert main(["stats", "--format", "json", str(draft)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["textstat"] == "0.7.8"
    assert report["quotes"] == "included"
    (entry,) = report["files"]
    assert entry["path"] == str(draft)
    assert entry["words"] == 58
    assert entry["sentences"] == 4
    assert entry["reading_age_is_estimate"] is True
    assert entry["reading_age"] == pytest.approx(entry["grade"] + 5, abs=0.01)
    assert entry["longest_sentences"][0] == {
        "line": 5,
        "column": 1,
        "words": 26,
        "text": entry["longest_sentences"][0]["text"],
    }


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# Title\n\n" + TEXT, encoding="utf-8")
    assert main(["stats", str(tmp_path), "--exclude-quotes"]) == 0
    out = capsys.readouterr().out
    header, row = out.splitlines()[:2]
    assert header.split() == [
        "file", "words", "sentences", "words/sentence", "reading", "ease", "grade", "reading",
        "age*",
    ]  # fmt: skip
    assert row.startswith(str(draft))
    assert "Reading age is an estimate" in out
    assert "Quoted speech excluded." in out
    assert f"{draft}:9:1: 19 words" in out


def test_unreadable_file_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.strip().endswith("missing.txt: no such file or folder")


def test_readme_shows_current_stats_output(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        assert main(["stats", "seeds/"]) == 0
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    shown = "\n".join(f"    {line}".rstrip() for line in out.splitlines())
    assert "    $ sglint stats seeds/\n" + shown + "\n" in readme


def test_a_file_without_prose_has_no_ratios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("# Only a heading\n\n```\ncode.\n```\n", encoding="utf-8")
    assert main(["stats", "--format", "json", str(empty)]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert (entry["words"], entry["reading_ease"], entry["reading_ease_band"]) == (0, None, None)
    assert main(["stats", str(empty)]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[1:] == ["0", "0", "-", "-", "-", "-"]


def test_longest_must_not_be_negative(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--longest", "-1", "."]) == 2
    assert "--longest must be 0 or more" in capsys.readouterr().err
