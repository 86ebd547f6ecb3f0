"""Markdown prose as Vale reads it, made from sglint's Markdown view.

sglint's reader blanks markup to spaces and keeps the source's length, so that every
view offset is a source offset. Vale instead renders Markdown to HTML and lints the
text of its elements, so:

- inline markup (``**``, ``_``, link brackets and URLs, heading and list markers) is
  gone and the words either side are joined as written: ``**very** good`` reads
  ``very good``, not ``  very   good`` (which a "double space" rule would report);
  here every blanked markup character is deleted from the view, and an ``OffsetMap``
  keeps each remaining character's source offset, so positions stay exact;
- inline code stays in its block as a same-length placeholder (sglint's ``OPAQUE``),
  so words either side are never joined across it and counts skip it;
- ``$$`` display math is no prose: its block is dropped;
- an image's alt text is a block of its own (scope ``alt``), cut out of the paragraph
  it sits in.

Only a view that is still the identity (no HTML entities decoded) is rewritten; any
other is left as it is.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lint.document import OPAQUE, Block, Document, OffsetMap, Piece

_IMAGE = regex.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MATH = regex.compile(r"\A\s*\$\$.*\$\$\s*\Z", regex.DOTALL)


def _alt_blocks(doc: Document, text: list[str]) -> list[Block]:
    """The blocks with each image's alt text restored and cut out as an ``alt`` block."""
    out: list[Block] = []
    images = [
        m
        for m in _IMAGE.finditer(doc.source)
        if m.group(1).strip() and all(c == OPAQUE for c in doc.text[m.start() : m.end()])
    ]
    for m in images:
        alt_start, alt_end = m.span(1)
        text[alt_start:alt_end] = doc.source[alt_start:alt_end]
        out.append(Block("alt", alt_start, alt_end))
    for block in doc.blocks:
        start = block.start
        for m in (m for m in images if block.start <= m.start() and m.end() <= block.end):
            if start < m.start():
                out.append(Block(block.scope, start, m.start()))
            start = m.end()
        if start < block.end:
            out.append(Block(block.scope, start, block.end))
    return sorted(out, key=lambda b: b.start)


def _is_math(doc: Document, block: Block) -> bool:
    return _MATH.match(doc.source[block.start : block.end]) is not None


def vale_view(doc: Document) -> Document:
    if doc.fmt != "markdown" or not doc.offsets.is_identity:
        return doc
    text = list(doc.text)
    blocks = []
    for block in _alt_blocks(doc, text):
        if _is_math(doc, block):
            text[block.start : block.end] = (
                c if c in "\r\n" else OPAQUE for c in text[block.start : block.end]
            )
        elif any(c.isalnum() for c in text[block.start : block.end]):
            blocks.append(block)
    source = doc.source
    # new_at[i]: the new view offset of old offset i (kept characters only move left).
    new_at = [0] * (len(text) + 1)
    kept: list[str] = []
    pieces: list[Piece] = []
    run_start = 0  # source offset where the current kept (or deleted) run began
    deleting = False
    for i, c in enumerate(text):
        new_at[i] = len(kept)
        drop = c == " " and not source[i].isspace()
        if drop != deleting:
            if i > run_start:
                length = 0 if deleting else i - run_start
                pieces.append(Piece(len(kept) - length, run_start, i, length))
            run_start, deleting = i, drop
        if not drop:
            kept.append(c)
    new_at[len(text)] = len(kept)
    if len(text) > run_start:
        length = 0 if deleting else len(text) - run_start
        pieces.append(Piece(len(kept) - length, run_start, len(text), length))
    moved = [Block(b.scope, new_at[b.start], new_at[b.end]) for b in blocks]
    return replace(doc, text="".join(kept), blocks=tuple(moved), offsets=OffsetMap(pieces))
