"""Building Word drafts for tests with python-docx, and reading comments back.

Each draft is written by the library Word documents are read with, plus raw XML for what
it cannot write (tracked changes, text boxes, footnotes), shaped as Word writes them.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from lint.readers.docx import q

W_NS = nsdecls("w")
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

SAME_DRAFT = Path(__file__).parent / "data" / "same-draft"

Runs = Sequence[str | tuple[str, str]]  # plain text, or (text, "bold" / "italic")


def add_runs(paragraph: Any, runs: Runs) -> None:
    for run in runs:
        text, fmt = (run, "") if isinstance(run, str) else run
        r = paragraph.add_run(text)
        r.bold = fmt == "bold" or None
        r.italic = fmt == "italic" or None


def draft(path: Path, paragraphs: Sequence[tuple[str | None, Runs]]) -> Path:
    """A .docx of (style, runs) paragraphs; style None is Normal."""
    word = docx.Document()
    for style, runs in paragraphs:
        add_runs(word.add_paragraph(style=style), runs)
    path.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(path))
    return path


def tracked_paragraph(inserted: str, deleted: str, before: str, after: str) -> Any:
    """A w:p with a tracked insertion and a tracked deletion between two plain runs."""
    return parse_xml(
        f"<w:p {W_NS}><w:r><w:t xml:space='preserve'>{before}</w:t></w:r>"
        f"<w:del w:id='91' w:author='Editor' w:date='2026-01-01T00:00:00Z'>"
        f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
        f"<w:ins w:id='92' w:author='Editor' w:date='2026-01-01T00:00:00Z'>"
        f"<w:r><w:t>{inserted}</w:t></w:r></w:ins>"
        f"<w:r><w:t xml:space='preserve'>{after}</w:t></w:r></w:p>"
    )


def text_box_paragraph(anchor: str, box: str) -> Any:
    """A w:p whose run draws a text box, with the VML copy Word writes as a fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{box}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f"<w:p {W_NS} {MC_NS}><w:r><w:t xml:space='preserve'>{anchor}</w:t></w:r>"
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx xmlns:wps="
        f"'http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>{content}"
        "</wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox xmlns:v='urn:schemas-microsoft-com:vml'>"
        f"{content}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )


def add_footnote(word: Any, text: str) -> None:
    """A footnotes part with Word's two separator notes and one real note."""
    xml = (
        f"<w:footnotes {W_NS}>"
        "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p>"
        "</w:footnote>"
        "<w:footnote w:type='continuationSeparator' w:id='0'><w:p><w:r>"
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"<w:footnote w:id='1'><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode(), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)


def anchored_comments(path: Path) -> list[tuple[str, str]]:
    """(anchored text, comment text) of every comment, in document order."""
    word = docx.Document(str(path))
    texts = {c.comment_id: c.text for c in word.comments}
    anchored: dict[int, list[str]] = {}
    open_ids: list[int] = []
    order: list[int] = []
    for element in word.element.body.iter():
        if element.tag == q("commentRangeStart"):
            cid = int(element.get(q("id")))
            open_ids.append(cid)
            order.append(cid)
            anchored[cid] = []
        elif element.tag == q("commentRangeEnd"):
            open_ids.remove(int(element.get(q("id"))))
        elif element.tag == q("t"):
            for cid in open_ids:
                anchored[cid].append(element.text or "")
    return [("".join(anchored[cid]), texts[cid]) for cid in order]


#: tests/data/same-draft as (style, runs), with "child porn" in bold mid-word (as Google
#: Docs' export has it; the Markdown bolds the whole phrase).
SAME_DRAFT_PARAGRAPHS: list[tuple[str | None, Runs]] = [
    ("Heading 1", ["Man jailed for child pornography offences"]),
    (
        None,
        [
            "A 34-year-old man from Leeds has been jailed after police found ",
            ("child porn", "bold"),
            "ography on his laptop.",
        ],
    ),
    (None, [""]),
    (
        None,
        [
            "The court heard the girl had sex with him when she was 14 and that she "
            "was putting herself at risk."
        ],
    ),
    ("List Bullet", ["The victim was described in court as a child prostitute."]),
    (
        "List Bullet",
        ["Officers worked with the ", "NSPCC", " throughout the historic investigation."],
    ),
    (
        None,
        [
            "Detective Inspector Jane Smith said: “We will not tolerate the sexual "
            "abuse of children.”"
        ],
    ),
]


def same_draft_folder(folder: Path) -> Path:
    """tests/data/same-draft (Markdown, HTML, a Google Docs export) plus its Word copy."""
    shutil.copytree(SAME_DRAFT, folder)
    draft(folder / "draft.docx", SAME_DRAFT_PARAGRAPHS)
    return folder


def odt(path: Path, paragraphs: Sequence[tuple[str | None, Runs]]) -> Path:
    """An OpenDocument text of (kind, runs) paragraphs, written with odfpy: kind None is
    a paragraph, "Heading 1" a heading, "List Bullet" a list item; bold runs are spans."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P, Span

    document = OpenDocumentText()
    for kind, runs in paragraphs:
        element = H(outlinelevel=1) if kind == "Heading 1" else P()
        for run in runs:
            text, fmt = (run, "") if isinstance(run, str) else run
            element.addElement(Span(text=text)) if fmt else element.addText(text)
        if kind == "List Bullet":
            item = ListItem()
            item.addElement(element)
            listing = List()
            listing.addElement(item)
            document.text.addElement(listing)
        else:
            document.text.addElement(element)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
