"""Plain text: paragraphs separated by blank lines; URLs are masked. A line that starts
with a bullet ("- ", "* ", "• ") or a number ("1. ", "2) ") starts a list item, which is
a block of its own: items without full stops are not run together into one sentence."""

from __future__ import annotations

import regex

from lint.document import Block, Document
from lint.readers.common import KEEP, compose, finish_view, paragraphs, url_spans

_ITEM = regex.compile(r"(?m)^[ \t]*(?:[-*•+–]|\d{1,2}[.)])[ \t]+(?=\S)")


def read(path: str, source: str) -> Document:
    view = compose(source, url_spans(source), KEEP)
    text, offsets, to_view = finish_view(view)
    blocks: list[Block] = []
    for s, e in paragraphs(view, 0, len(view)):
        blocks.extend(
            Block(b.scope, to_view(b.start), to_view(b.end)) for b in _split_items(view, s, e)
        )
    return Document(
        path=path, source=source, text=text, fmt="text", blocks=tuple(blocks), offsets=offsets
    )


def _split_items(text: str, start: int, end: int) -> list[Block]:
    """The paragraph, or its lead-in and each list item as blocks of their own."""
    items = [m.start() for m in _ITEM.finditer(text, start, end)]
    if not items:
        return [Block("paragraph", start, end)]
    out = []
    if items[0] > start:
        lead_end = items[0]
        while lead_end > start and text[lead_end - 1].isspace():
            lead_end -= 1
        out.append(Block("paragraph", start, lead_end))
    for i, item in enumerate(items):
        item_end = items[i + 1] if i + 1 < len(items) else end
        while item_end > item and text[item_end - 1].isspace():
            item_end -= 1
        out.append(Block("list", item, item_end))
    return out
