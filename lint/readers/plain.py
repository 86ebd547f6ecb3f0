"""Plain text: paragraphs separated by blank lines; URLs are masked. A line that starts
with a bullet ("- ", "* ", "• ") or a number ("1. ", "2) ") starts a list item, which is
a block of its own: items without full stops are not run together into one sentence."""

from __future__ import annotations

import regex

from lint.document import Block, Document
from lint.readers.common import KEEP, compose, paragraphs, url_spans

_ITEM = regex.compile(r"(?m)^[ \t]*(?:[-*•+–]|\d{1,2}[.)])[ \t]+(?=\S)")


def read(path: str, source: str) -> Document:
    text = compose(source, url_spans(source), KEEP)
    blocks: list[Block] = []
    for s, e in paragraphs(text, 0, len(text)):
        blocks.extend(_split_items(text, s, e))
    return Document(path=path, source=source, text=text, fmt="text", blocks=tuple(blocks))


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
