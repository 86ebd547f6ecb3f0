"""Word (.docx): the text a reader of the document sees, one paragraph per line.

A .docx file is a ZIP package of XML; there are no lines to point at. The reader builds a
source text with one line per paragraph that has text, so every format's ``line`` is the
paragraph number and ``column`` the character in that paragraph (1-based), and the
excerpt a reporter shows is the paragraph's text.

What is read, in this order (the documented choice; paragraph numbers count in it):

1. the body: paragraphs, headings (from the Word style, following "based on"), list
   items, table cells (nested tables too) and content controls, in document order;
2. text boxes, after the body (Word keeps them outside the body's paragraph count);
3. headers and footers, then footnotes and endnotes: text that is published with the
   document;
4. never comments: they are reviewers' notes, not the text (and ``--annotate`` writes its
   own findings there).

Empty paragraphs (blank lines used for spacing) are not counted. Tracked changes are read
as if accepted (insertions kept, deletions dropped) and a notice says so. Field codes are
skipped and their results read. A line break inside a paragraph (Shift+Enter) reads as a
space, so that the paragraph stays one line.

:func:`paragraphs` is shared with :mod:`lint.annotate`, which writes comments back onto
the same runs the positions point at.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lint.document import Document
from lint.errors import InputError
from lint.readers.common import package_parts, paragraph_document

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: Package parts read after the body, in this order.
_EXTRA_PARTS = ("header", "footer", "footnotes", "endnotes")
_STORY_NAMES = {
    "header": "header",
    "footer": "footer",
    "footnotes": "footnote",
    "endnotes": "endnote",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def q(tag: str) -> str:
    """A WordprocessingML tag in Clark notation: ``q("p")`` is ``{…/main}p``."""
    return f"{{{W}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = q("p"), q("r"), q("t"), q("tbl"), q("tr"), q("tc")
_TXBX = q("txbxContent")
_FALLBACK = f"{{{MC}}}Fallback"
_CHOICE = f"{{{MC}}}Choice"
_ALTERNATE = f"{{{MC}}}AlternateContent"
#: Containers inside a paragraph whose runs are part of its text.
_INLINE_CONTAINERS = {
    q(t) for t in ("hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo", "ins", "moveTo")
}
#: Tracked deletions: read as accepted, so their text is dropped.
_DELETED = {q("del"), q("moveFrom")}
_TRACKED = {q("ins"), q("moveTo"), *_DELETED}
#: Run children that read as one character.
_RUN_CHARS = {
    q("tab"): "\t",
    q("ptab"): "\t",
    q("br"): " ",
    q("cr"): " ",
    q("noBreakHyphen"): "\u2011",
}


@dataclass
class Piece:
    """A stretch of a paragraph's text and the run child it came from: a whole ``w:t``,
    or a tab or break read as one character."""

    start: int
    end: int
    element: Any


@dataclass
class Paragraph:
    """One counted paragraph: its ``w:p`` element, scope, text and where the text lives.

    ``story`` says where it is: ``body``, ``text box``, ``header``, ``footer``,
    ``footnote`` or ``endnote``.
    """

    element: Any
    scope: str
    text: str
    pieces: list[Piece] = field(default_factory=list)
    story: str = "body"


@dataclass
class _Walk:
    styles: dict[str, tuple[str, str | None]]  # style id -> (name, based-on id)
    tracked: bool = False
    text_boxes: list[Any] = field(default_factory=list)


def check_package(path: str, data: bytes) -> None:
    """One clear InputError if ``data`` is not a Word document python-docx can open."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise InputError(
                "password-protected Word document: sglint cannot read encrypted files; "
                "save a copy without a password (File > Info > Protect Document)",
                path=path,
            )
        raise InputError(
            "legacy Word 97-2003 document (.doc): save it as a Word Document (.docx) "
            "and check that copy",
            path=path,
        )
    if data.startswith(b"{\\rtf"):
        raise InputError(
            "an RTF document, not a .docx: save it as a Word Document (.docx)", path=path
        )
    names, _ = package_parts(path, data, "a Word document (.docx)")
    if "word/document.xml" not in names:
        raise InputError(
            "not a Word document (.docx): the ZIP package has no word/document.xml", path=path
        )


def open_word(path: str, data: bytes) -> WordDocument:
    """The python-docx document, or one InputError saying why it cannot be opened."""
    check_package(path, data)
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise InputError(f"damaged Word document: {exc}", path=path) from None


def paragraphs(word: WordDocument) -> tuple[list[Paragraph], bool]:
    """The counted paragraphs in reading order, and whether tracked changes were found."""
    walk = _Walk(_style_table(word))
    out: list[Paragraph] = []
    body = word.element.body
    out.extend(_story(body, walk))
    seen = 0
    while seen < len(walk.text_boxes):  # text boxes may hold text boxes
        box = walk.text_boxes[seen]
        seen += 1
        out.extend(_in_story(_story(box, walk), "text box"))
    for kind, element in _extra_parts(word):
        for story in _stories_of(element):
            out.extend(_in_story(_story(story, walk), kind))
    return out, walk.tracked


def reread(para: Paragraph) -> Paragraph:
    """The same paragraph read again, after its runs were split."""
    again = _paragraph(para.element, _Walk({}), para.scope)
    again.story = para.story
    return again


def _in_story(paras: Iterator[Paragraph], story: str) -> Iterator[Paragraph]:
    for para in paras:
        para.story = story
        yield para


def read_bytes(path: str, data: bytes) -> Document:
    paras, tracked = paragraphs(open_word(path, data))
    notices: tuple[str, ...] = ()
    if tracked:
        notices = (f"{path}: tracked changes read as accepted (insertions in, deletions out)",)
    return paragraph_document(path, "docx", [(p.scope, p.text) for p in paras], notices)


def read(path: str, source: str) -> Document:
    """The registry's text entry point: a .docx is never text, so this is an error."""
    raise InputError("a Word document must be read from its bytes", path=path)


# -- walking the XML ---------------------------------------------------------------------


def _style_table(word: WordDocument) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for style in word.styles.element.iterchildren(q("style")):
        sid = style.get(q("styleId"))
        if sid is None:
            continue
        name_el = style.find(q("name"))
        based = style.find(q("basedOn"))
        name = name_el.get(q("val")) if name_el is not None else sid
        table[sid] = (name or sid, based.get(q("val")) if based is not None else None)
    return table


def _style_scope(style_id: str | None, walk: _Walk) -> str | None:
    """The scope a paragraph style stands for, following "based on" a few steps."""
    for _ in range(8):
        if style_id is None:
            return None
        name, based = walk.styles.get(style_id, (style_id, None))
        lowered = name.lower()
        if lowered == "title":
            return "heading.h1"
        if lowered == "subtitle":
            return "heading.h2"
        if lowered.startswith("heading "):
            level = lowered.removeprefix("heading ").strip()
            return f"heading.h{min(int(level), 6)}" if level.isdigit() else "heading.h6"
        if lowered.startswith("list"):
            return "list"
        if lowered in ("quote", "intense quote", "block text"):
            return "blockquote"
        style_id = based
    return None


def _scope(p: Any, walk: _Walk, default: str) -> str:
    ppr = p.find(q("pPr"))
    style_id = None
    if ppr is not None:
        pstyle = ppr.find(q("pStyle"))
        style_id = pstyle.get(q("val")) if pstyle is not None else None
        level = ppr.find(q("outlineLvl"))
        if level is not None and (val := level.get(q("val"), "")).isdigit() and int(val) < 6:
            return f"heading.h{int(val) + 1}"
    by_style = _style_scope(style_id, walk)
    if by_style is not None and (by_style != "list" or default == "paragraph"):
        return by_style
    if default == "paragraph" and ppr is not None and ppr.find(q("numPr")) is not None:
        return "list"
    return default


def _story(container: Any, walk: _Walk, scope: str = "paragraph") -> Iterator[Paragraph]:
    """Counted paragraphs of a body, cell, text box, header or note, in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            para = _paragraph(child, walk, _scope(child, walk, scope))
            if para.text.strip():
                yield para
        elif tag == _TBL:
            for row in child.iterchildren(_TR):
                for cell in row.iterchildren(_TC):
                    yield from _story(cell, walk, "table.cell")
        elif tag in (q("sdt"), q("customXml")):
            content = child.find(q("sdtContent")) if tag == q("sdt") else child
            if content is not None:
                yield from _story(content, walk, scope)
        elif tag in _TRACKED:
            walk.tracked = True
            if tag not in _DELETED:
                yield from _story(child, walk, scope)


def _paragraph(p: Any, walk: _Walk, scope: str) -> Paragraph:
    para = Paragraph(p, scope, "")
    parts: list[str] = []
    pos = 0

    def visit(element: Any) -> None:
        nonlocal pos
        for child in element.iterchildren():
            tag = child.tag
            if tag == _R:
                for part in child.iterchildren():
                    if part.tag == _T:
                        value = part.text or ""
                        if value:
                            para.pieces.append(Piece(pos, pos + len(value), part))
                            parts.append(value)
                            pos += len(value)
                    elif part.tag in _RUN_CHARS:
                        para.pieces.append(Piece(pos, pos + 1, part))
                        parts.append(_RUN_CHARS[part.tag])
                        pos += 1
                    else:
                        _find_text_boxes(part, p, walk)
            elif tag in _DELETED:
                walk.tracked = True
            elif tag in _INLINE_CONTAINERS:
                walk.tracked = walk.tracked or tag in _TRACKED
                visit(child)
            elif tag == q("sdt"):
                content = child.find(q("sdtContent"))
                if content is not None:
                    visit(content)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    visit(choice)
            elif tag == q("pPr"):
                rpr = child.find(q("rPr"))
                if rpr is not None and any(rpr.find(t) is not None for t in _TRACKED):
                    walk.tracked = True

    visit(p)
    para.text = "".join(parts)
    return para


def _find_text_boxes(element: Any, p: Any, walk: _Walk) -> None:
    """Queue the text boxes drawn in a run (the modern copy, not the VML fallback)."""
    for box in element.iter(_TXBX):
        ancestor = box.getparent()
        fallback = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag == _FALLBACK:
                fallback = True
                break
            if ancestor.tag == _TXBX:  # a box inside a box: found when that box is read
                fallback = True
                break
            ancestor = ancestor.getparent()
        if not fallback:
            walk.text_boxes.append(box)


def _extra_parts(word: WordDocument) -> list[tuple[str, Any]]:
    """(story, root element) of the header, footer and note parts, in a stable order."""
    from lxml import etree

    found: list[tuple[int, str, Any]] = []
    for rel in word.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.removeprefix(_RELS)
        if kind not in _EXTRA_PARTS:
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is None:
            element = etree.fromstring(part.blob)
        found.append((_EXTRA_PARTS.index(kind), str(part.partname), element))
    found.sort(key=lambda t: t[:2])
    return [(_STORY_NAMES[_EXTRA_PARTS[i]], element) for i, _, element in found]


def _stories_of(element: Any) -> Iterator[Any]:
    """A header or footer is one story; a notes part holds one story per note."""
    if element.tag in (q("footnotes"), q("endnotes")):
        for note in element:
            if note.get(q("type")) in (None, "normal"):
                yield note
    else:
        yield element
