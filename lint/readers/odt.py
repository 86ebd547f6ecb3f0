"""OpenDocument text (.odt, LibreOffice and Google Docs' download): read as Word drafts are.

One line per paragraph that has text, so ``line`` is the paragraph number and ``column``
the character (see :mod:`lint.readers.docx`). What is read, in this order: the body
(paragraphs, headings by outline level, list items, table cells, sections), then text
boxes and frames, then headers and footers, then footnotes and endnotes; never comments
(``office:annotation``). Tracked changes are read as accepted: ODF keeps deleted text
apart from the body, and a notice says the document had changes. A soft line break reads
as a space. Parsed with odfpy.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from lint.document import Document
from lint.errors import InputError
from lint.readers.common import package_parts, paragraph_document

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
MIMETYPE = b"application/vnd.oasis.opendocument.text"

_TEXT_NODE = 3
#: Containers whose paragraphs are read in order, with the scope they give.
_CONTAINERS = {
    (TEXT_NS, "list"): "list",
    (TEXT_NS, "list-item"): "list",
    (TEXT_NS, "list-header"): "list",
    (TEXT_NS, "section"): None,
    (TEXT_NS, "index-body"): None,
    (TABLE_NS, "table"): "table.cell",
    (TABLE_NS, "table-row"): "table.cell",
    (TABLE_NS, "table-header-rows"): "table.header",
    (TABLE_NS, "table-rows"): None,
    (TABLE_NS, "table-cell"): None,
}
_SKIPPED = {(TEXT_NS, "tracked-changes"), (OFFICE_NS, "annotation"), (TEXT_NS, "note")}
_CHARS = {(TEXT_NS, "tab"): "\t", (TEXT_NS, "line-break"): " "}


def check_package(path: str, data: bytes) -> None:
    """One clear InputError if ``data`` is not an OpenDocument text odfpy can open."""
    names, parts = package_parts(
        path, data, "an OpenDocument text (.odt)", ("mimetype", "META-INF/manifest.xml")
    )
    mimetype = parts.get("mimetype", b"")
    if b"encryption-data" in parts.get("META-INF/manifest.xml", b""):
        raise InputError(
            "password-protected OpenDocument text: save a copy without a password", path=path
        )
    if mimetype.strip() != MIMETYPE or "content.xml" not in names:
        raise InputError(
            "not an OpenDocument text (.odt): the package is another kind of document",
            path=path,
        )


def read_bytes(path: str, data: bytes) -> Document:
    check_package(path, data)
    from odf.opendocument import load

    try:
        odf = load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises parser and key errors for damaged files
        raise InputError(f"damaged OpenDocument text: {exc}", path=path) from None
    body = odf.text
    frames: list[Any] = []
    notes: list[Any] = []
    paras = list(_story(body, "paragraph", frames, notes))
    seen = 0
    while seen < len(frames):  # a text box may hold text boxes
        frame = frames[seen]
        seen += 1
        paras.extend(_story(frame, "paragraph", frames, notes))
    for element in _headers_and_footers(odf.masterstyles):
        paras.extend(_story(element, "paragraph", frames, []))
    for note in notes:
        paras.extend(_story(note, "paragraph", frames, notes))
    tracked = any(_tag(child) == (TEXT_NS, "tracked-changes") for child in body.childNodes)
    notices: tuple[str, ...] = ()
    if tracked:
        notices = (f"{path}: tracked changes read as accepted (insertions in, deletions out)",)
    return paragraph_document(path, "odt", paras, notices)


def read(path: str, source: str) -> Document:
    """The registry's text entry point: an .odt is never text, so this is an error."""
    raise InputError("an OpenDocument text must be read from its bytes", path=path)


def _tag(element: Any) -> tuple[str, str] | None:
    return element.qname if element.nodeType == 1 else None


def _story(
    container: Any, scope: str, frames: list[Any], notes: list[Any]
) -> Iterator[tuple[str, str]]:
    for child in container.childNodes:
        tag = _tag(child)
        if tag in ((TEXT_NS, "p"), (TEXT_NS, "h")):
            text = _text(child, frames, notes)
            if text.strip():
                yield _scope(child, tag, scope), text
        elif tag in _CONTAINERS:
            yield from _story(child, _CONTAINERS[tag] or scope, frames, notes)
        elif tag == (DRAW_NS, "frame"):  # anchored to the page, not a paragraph
            frames.extend(c for c in child.childNodes if _tag(c) == (DRAW_NS, "text-box"))


def _scope(element: Any, tag: tuple[str, str], default: str) -> str:
    if tag == (TEXT_NS, "h"):
        level = element.getAttrNS(TEXT_NS, "outline-level") or "1"
        return f"heading.h{min(int(level), 6)}" if level.isdigit() else "heading.h1"
    return default


def _text(element: Any, frames: list[Any], notes: list[Any]) -> str:
    parts: list[str] = []
    for child in element.childNodes:
        if child.nodeType == _TEXT_NODE:
            parts.append(child.data)
            continue
        tag = _tag(child)
        if tag == (TEXT_NS, "s"):
            count = child.getAttrNS(TEXT_NS, "c") or "1"
            parts.append(" " * (int(count) if count.isdigit() else 1))
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        elif tag == (TEXT_NS, "note"):
            notes.extend(c for c in child.childNodes if _tag(c) == (TEXT_NS, "note-body"))
        elif tag == (DRAW_NS, "frame"):
            frames.extend(c for c in child.childNodes if _tag(c) == (DRAW_NS, "text-box"))
        elif tag not in _SKIPPED:
            parts.append(_text(child, frames, notes))
    return "".join(parts)


def _headers_and_footers(masterstyles: Any) -> Iterator[Any]:
    if masterstyles is None:
        return
    for page in masterstyles.childNodes:
        for child in page.childNodes:
            tag = _tag(child)
            if tag is not None and tag[0] == STYLE_NS and tag[1].startswith(("header", "footer")):
                yield child
