"""OpenDocument text (lint/readers/odt.py): read on the same terms as Word drafts."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from odf import draw, office, style, table
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.text import (
    ChangedRegion,
    Deletion,
    H,
    Note,
    NoteBody,
    NoteCitation,
    P,
    S,
    Span,
    TrackedChanges,
)

from lint.cli import main
from lint.errors import InputError
from lint.readers import read_bytes
from lint.readers.odt import TEXT_NS


def read(path: Path):  # type: ignore[no-untyped-def]
    return read_bytes(str(path), path.read_bytes())


def save(document: OpenDocumentText, path: Path) -> Path:
    document.save(str(path))
    return path


def test_body_tables_text_boxes_headers_and_notes_in_order(tmp_path: Path) -> None:
    document = OpenDocumentText()
    layout = style.PageLayout(name="pm1")
    document.automaticstyles.addElement(layout)
    page = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(P(text="OFFICIAL"))
    page.addElement(header)
    document.masterstyles.addElement(page)

    document.text.addElement(H(outlinelevel=2, text="Background"))
    para = P(text="Police found child")
    para.addElement(S(c=2))
    para.addText("porn.")
    note = Note(noteclass="footnote", id="n1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="A note on child prostitution."))
    note.addElement(body)
    para.addElement(note)
    comment = office.Annotation()
    comment.addElement(P(text="Reviewer: check child pornography"))
    para.addElement(comment)
    frame = draw.Frame(width="5cm", height="2cm", anchortype="paragraph")
    box = draw.TextBox()
    box.addElement(P(text="Box: child prostitute."))
    frame.addElement(box)
    para.addElement(frame)
    document.text.addElement(para)
    grid = table.Table(name="T")
    row = table.TableRow()
    for text in ("Left cell.", "Right cell."):
        cell = table.TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    grid.addElement(row)
    document.text.addElement(grid)
    document.text.addElement(P(text=""))

    doc = read(save(document, tmp_path / "draft.odt"))
    assert doc.source.split("\n") == [
        "Background",
        "Police found child  porn.",  # text:s c=2 is two spaces; the citation is not read
        "Left cell.",
        "Right cell.",
        "Box: child prostitute.",
        "OFFICIAL",
        "A note on child prostitution.",
    ]
    assert [b.scope for b in doc.blocks][:4] == [
        "heading.h2",
        "paragraph",
        "table.cell",
        "table.cell",
    ]
    assert "Reviewer" not in doc.source and doc.notices == ()


def test_tracked_changes_read_as_accepted_and_said_so(tmp_path: Path) -> None:
    document = OpenDocumentText()
    changes = TrackedChanges()
    region = ChangedRegion(check_grammar=False)
    region.setAttrNS(TEXT_NS, "id", "ct1")
    deletion = Deletion()
    deletion.addElement(office.ChangeInfo())
    deletion.addElement(P(text="indecent images"))
    region.addElement(deletion)
    changes.addElement(region)
    document.text.addElement(changes)
    para = P(text="He had ")
    para.addElement(Span(text="child pornography"))
    para.addText(" at home.")
    document.text.addElement(para)
    doc = read(save(document, tmp_path / "draft.odt"))
    assert doc.source == "He had child pornography at home."
    (notice,) = doc.notices
    assert notice.endswith("tracked changes read as accepted (insertions in, deletions out)")


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Man jailed\n", "not an OpenDocument text (.odt): the file is not a ZIP package"),
        (b"PK\x03\x04broken", "damaged file: not readable as an OpenDocument text"),
        (
            _zip(
                {
                    "mimetype": b"application/vnd.oasis.opendocument.text",
                    "content.xml": b"\x00",
                    "META-INF/manifest.xml": b"<manifest:encryption-data/>",
                }
            ),
            "password-protected OpenDocument text",
        ),
    ],
    ids=["renamed-text", "damaged", "password"],
)
def test_files_that_are_not_odt_give_one_error_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    bad = tmp_path / "draft.odt"
    bad.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(message)):
        read(bad)
    assert main(["check", str(bad)]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert errors == [f"sglint: error: {bad}: {message}" + errors[0].split(message, 1)[1]]


def test_a_spreadsheet_renamed_odt_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.odt"
    OpenDocumentSpreadsheet().save(str(path))
    with pytest.raises(InputError, match="the package is another kind of document"):
        read(path)
