"""One press release drafted five ways (issue 20): Markdown, hand-written HTML, Google
Docs' HTML export, Word and OpenDocument. One run over the folder gives the same findings
for the same words in each, and the Google Docs, Word and OpenDocument excerpts are the
paragraph as prose."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from wordfiles import SAME_DRAFT_PARAGRAPHS, odt, same_draft_folder

from lint.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = same_draft_folder(tmp_path / "drafts")
    odt(folder / "draft.odt", SAME_DRAFT_PARAGRAPHS)  # as LibreOffice saves it
    return folder


def test_the_same_draft_gives_the_same_findings_in_every_format(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--format", "json", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1, err
    by_file: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for item in json.loads(out):
        words = re.sub(r"<[^>]*>", "", item["match"]).replace("&nbsp;", " ").replace("\xa0", " ")
        key = (item["rule"], words, item["severity"], item["message"])
        by_file[Path(item["path"]).name].append(key)
    assert sorted(by_file) == [
        "draft.docx",
        "draft.html",
        "draft.md",
        "draft.odt",
        "gdocs-export.html",
    ]
    expected = by_file["draft.md"]
    rules = {rule for rule, *_ in expected}
    # The words, without the markup a match in HTML spans ("child porn</strong>ography").
    # The draft's planted problems are all found, the word split by bold formatting too.
    assert {"Safeguarding.AbuseMaterial", "Safeguarding.ChildProstitution"} <= rules
    assert [m for r, m, *_ in expected if r == "Safeguarding.AbuseMaterial"] == [
        "child pornography",
        "child pornography",
    ]
    for name in ("draft.html", "gdocs-export.html", "draft.docx", "draft.odt"):
        assert by_file[name] == expected, name


def test_google_docs_and_word_excerpts_are_the_paragraph_as_prose(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--color", "never", "--select", "Safeguarding.AbuseMaterial", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    paragraph = (
        "A 34-year-old man from Leeds has been jailed after police found child pornography "
        "on his laptop."
    )
    underline = "    " + " " * paragraph.index("child") + "^" * len("child pornography")
    shown = {
        (Path(lines[i].split(":", 1)[0]).name, lines[i + 2])
        for i in range(len(lines) - 2)
        if lines[i + 1] == f"    {paragraph}"
    }
    assert shown == {
        ("draft.html", underline),
        ("gdocs-export.html", underline),  # not the line of markup it sits on
        ("draft.docx", underline),
        ("draft.odt", underline),
    }
