"""Word drafts: reading .docx (lint/readers/docx.py) and --annotate (lint/annotate.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from wordfiles import (
    add_footnote,
    anchored_comments,
    draft,
    text_box_paragraph,
    tracked_paragraph,
)

from lint.annotate import annotate, annotated_path, comment_text
from lint.cli import main
from lint.config import Config, active_rules
from lint.engine import check_document
from lint.errors import InputError
from lint.readers import read_bytes
from lint.readers.docx import paragraphs

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file header of .doc and encrypted files
SELECT = "Safeguarding.AbuseMaterial,Safeguarding.ChildProstitution"


def read(path: Path):  # type: ignore[no-untyped-def]
    return read_bytes(str(path), path.read_bytes())


def lint(path: Path) -> list:  # type: ignore[type-arg]
    config = Config(select=SELECT.split(","))
    return check_document(read(path), active_rules(config)).findings


def sglint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--color", "never", "--select", SELECT, *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- reading --------------------------------------------------------------------------


def test_paragraphs_headings_lists_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    word = docx.Document()
    word.add_paragraph("Man jailed", style="Title")
    word.add_paragraph("Background", style="Heading 2")
    word.add_paragraph("")  # spacing: not counted
    word.add_paragraph("First point.", style="List Bullet")
    word.add_paragraph("Quoted.", style="Quote")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left cell."
    table.cell(0, 1).text = "Right cell."
    word.add_paragraph("After the table.")
    word.sections[0].header.paragraphs[0].text = "OFFICIAL"
    word.save(str(path))

    doc = read(path)
    assert doc.source.split("\n") == [
        "Man jailed",
        "Background",
        "First point.",
        "Quoted.",
        "Left cell.",
        "Right cell.",
        "After the table.",
        "OFFICIAL",
    ]
    assert [b.scope for b in doc.blocks] == [
        "heading.h1",
        "heading.h2",
        "list",
        "blockquote",
        "table.cell",
        "table.cell",
        "paragraph",
        "paragraph",
    ]
    assert doc.fmt == "docx" and doc.notices == ()


def test_a_match_split_across_formatted_runs_is_one_finding_at_paragraph_and_character(
    tmp_path: Path,
) -> None:
    path = draft(
        tmp_path / "draft.docx",
        [
            ("Heading 1", ["Sentencing"]),
            (None, ["Police found ", ("child porn", "bold"), "ography on his laptop."]),
        ],
    )
    (finding,) = lint(path)
    assert finding.match == "child pornography"
    assert (finding.line, finding.column) == (2, 14)  # paragraph 2, character 14
    assert (finding.end_line, finding.end_column) == (2, 31)


def test_tracked_changes_read_as_accepted_and_said_so(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Opening."])])
    word = docx.Document(str(path))
    word.element.body.insert(
        1, tracked_paragraph("child pornography", "indecent images", "He had ", " at home.")
    )
    word.save(str(path))
    doc = read(path)
    assert doc.source == "Opening.\nHe had child pornography at home."
    (notice,) = doc.notices
    assert notice.startswith(f"{path}: tracked changes read as accepted")
    assert [f.match for f in lint(path)] == ["child pornography"]


def test_text_boxes_after_the_body_once_and_footnotes_after_the_headers(
    tmp_path: Path,
) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Body text."])])
    word = docx.Document(str(path))
    word.element.body.insert(1, text_box_paragraph("Anchor.", "Box: child prostitute."))
    word.sections[0].footer.paragraphs[0].text = "Footer text."
    add_footnote(word, "Note on child pornography.")
    word.save(str(path))
    assert read(path).source.split("\n") == [
        "Body text.",
        "Anchor.",
        "Box: child prostitute.",  # the VML fallback copy is not read twice
        "Footer text.",
        "Note on child pornography.",
    ]
    assert [(f.line, f.match) for f in lint(path)] == [
        (3, "child prostitute"),
        (5, "child pornography"),
    ]


def test_comments_in_the_draft_are_not_read(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Clean text."])])
    word = docx.Document(str(path))
    word.add_comment(word.paragraphs[0].runs[0], text="Change to child pornography?")
    word.save(str(path))
    assert read(path).source == "Clean text."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Man jailed for child pornography\n", "not a Word document (.docx): the file is not"),
        (
            OLE + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"),
            "password-protected Word document",
        ),
        (OLE + b"\0" * 500, "legacy Word 97-2003 document"),
        (b"{\\rtf1\\ansi Man jailed}", "an RTF document"),
        (b"PK\x03\x04broken", "damaged file: not readable as a Word document"),
    ],
    ids=["renamed-text", "password", "legacy-doc", "rtf", "damaged-zip"],
)
def test_files_that_are_not_word_documents_give_one_error_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    bad = tmp_path / "draft.docx"
    bad.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(message)):
        read(bad)
    code, _, err = sglint(capsys, str(bad))
    assert code == 2
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith("sglint:")]
    assert [line for line in err.splitlines() if "error" in line] == [
        line for line in err.splitlines() if line.startswith(f"sglint: error: {bad}: {message}")
    ]
    assert len([line for line in err.splitlines() if "error" in line]) == 1


def test_a_zip_that_is_not_a_word_package(tmp_path: Path) -> None:
    import zipfile

    bad = tmp_path / "draft.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("content.xml", "<x/>")
    with pytest.raises(InputError, match=r"has no word/document\.xml"):
        read(bad)


def test_a_legacy_doc_in_a_folder_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    code, _, err = sglint(capsys, str(tmp_path))
    assert code == 2 and "old.doc: legacy Word 97-2003 document" in err


def test_folders_lint_word_drafts_and_every_format_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft(tmp_path / "draft.docx", [(None, ["Police found child pornography at home."])])
    monkeypatch.chdir(tmp_path)
    code, out, _ = sglint(capsys, ".")
    assert code == 1 and "draft.docx:1:14: error Safeguarding.AbuseMaterial" in out
    assert "    Police found child pornography at home.\n" in out  # the paragraph as excerpt
    assert "in 1 of 1 file." in out
    code, out, _ = sglint(capsys, "--format", "github", ".")
    assert out.startswith("::error file=draft.docx,line=1,col=14,")
    assert "Paragraph 1: Police found child pornography at home." in out
    code, out, _ = sglint(capsys, "--format", "sarif", ".")
    (result,) = json.loads(out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft.docx"
    assert location["region"]["startLine"] == 1
    assert location["contextRegion"]["snippet"]["text"] == "Police found child pornography at home."
    code, out, _ = sglint(capsys, "--format", "json", ".")
    (item,) = json.loads(out)
    assert (item["path"], item["line"], item["column"]) == ("draft.docx", 1, 14)
    assert item["excerpt"] == "Police found child pornography at home."


def test_fix_on_a_word_draft_says_it_is_not_supported_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Police found child pornography."])])
    before = path.read_bytes()
    code, _, err = sglint(capsys, "--fix", "--unsafe-fixes", str(path))
    assert code == 2
    assert f"sglint: error: {path}: --fix cannot edit a Word or OpenDocument file" in err
    assert path.read_bytes() == before


# -- annotating -------------------------------------------------------------------------


def test_annotate_writes_a_copy_with_one_comment_per_finding_on_the_matched_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(
        tmp_path / "draft.docx",
        [
            ("Heading 1", ["Man jailed over child pornography"]),
            (
                None,
                [
                    "Police found ",
                    ("child porn", "bold"),
                    "ography. The victim, a child prostitute, was 14.",
                ],
            ),
            (None, ["A child prostitute and child pornography in one paragraph."]),
        ],
    )
    original = path.read_bytes()
    text_before = read(path).source
    code, _, err = sglint(capsys, "--annotate", str(path))
    out = Path(annotated_path(str(path)))
    assert code == 1 and out.name == "draft.sglint.docx"
    assert f"sglint: {path}: wrote {out} with 5 comments" in err
    assert path.read_bytes() == original  # never the original

    findings = lint(path)
    comments = anchored_comments(out)
    assert len(comments) == len(findings) == 5
    assert [anchor for anchor, _ in comments] == [f.match for f in findings]
    assert [text for _, text in comments] == [comment_text(f) for f in findings]
    assert "Suggested wording" in comments[0][1] and "Why: " in comments[0][1]
    assert read(out).source == text_before  # only comment markers were added
    # The bold half of the split match kept its formatting.
    runs = docx.Document(str(out)).paragraphs[1].runs
    assert [(r.text, bool(r.bold)) for r in runs if r.text][:3] == [
        ("Police found ", False),
        ("child porn", True),
        ("ography", False),
    ]


def test_annotating_twice_and_linting_the_folder_skips_the_copy_and_word_owner_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Police found child pornography."])])
    sglint(capsys, "--annotate", str(path))
    sglint(capsys, "--annotate", str(tmp_path))
    (tmp_path / "~$draft.docx").write_bytes(b"\x0bJo Bloggs" + b"\x00" * 150)  # Word has it open
    code, out, _ = sglint(capsys, str(tmp_path))
    assert code == 1 and "in 1 of 1 file." in out
    assert len(anchored_comments(Path(annotated_path(str(path))))) == 1


def test_a_finding_outside_the_body_is_commented_on_the_first_paragraph(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx", [(None, ["Clean opening."]), (None, ["More."])])
    word = docx.Document(str(path))
    word.sections[0].header.paragraphs[0].text = "Header: child pornography case"
    word.save(str(path))
    findings = lint(path)
    out = tmp_path / "out.docx"
    assert annotate(str(path), findings, str(out)) == 1
    ((anchor, text),) = anchored_comments(out)
    assert anchor == "Clean opening."
    assert text.startswith("In a header: “Header: child pornography case”\n")


def test_annotate_on_a_markdown_file_says_it_writes_word_copies_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = tmp_path / "draft.md"
    md.write_text("Police found child pornography.\n")
    code, _, err = sglint(capsys, "--annotate", str(md))
    assert code == 1 and "--annotate writes .docx copies only" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


def test_paragraph_numbers_are_shared_by_reader_and_annotator(tmp_path: Path) -> None:
    path = draft(tmp_path / "d.docx", [(None, ["One."]), (None, [""]), (None, ["Two."])])
    word = docx.Document(str(path))
    assert [p.text for p in paragraphs(word)[0]] == read(path).source.split("\n")


def test_overlapping_findings_each_get_their_own_exact_anchor(tmp_path: Path) -> None:
    from lint.finding import Finding, Severity

    runs = ["Police found ", ("child porn", "bold"), "ography."]
    path = draft(tmp_path / "d.docx", [(None, runs)])

    def at(start: int, end: int) -> Finding:
        text = "Police found child pornography."
        return Finding(
            path=str(path),
            rule="Test.Rule",
            severity=Severity.WARNING,
            message=f"about {text[start:end]!r}",
            match=text[start:end],
            start=start,
            end=end,
            line=1,
            column=start + 1,
            end_line=1,
            end_column=end + 1,
        )

    findings = [at(7, 18), at(13, 30), at(19, 23)]
    out = tmp_path / "out.docx"
    assert annotate(str(path), findings, str(out)) == 3
    assert [anchor for anchor, _ in anchored_comments(out)] == [
        "found child",
        "child pornography",
        "porn",
    ]
    assert read(out).source == "Police found child pornography."
