"""Plain text: paragraphs separated by blank lines; URLs are masked."""

from __future__ import annotations

from lint.document import Block, Document
from lint.readers.common import KEEP, compose, finish_view, paragraphs, url_spans


def read(path: str, source: str) -> Document:
    view = compose(source, url_spans(source), KEEP)
    text, offsets, to_view = finish_view(view)
    blocks = tuple(
        Block("paragraph", to_view(s), to_view(e)) for s, e in paragraphs(view, 0, len(view))
    )
    return Document(path=path, source=source, text=text, fmt="text", blocks=blocks, offsets=offsets)
