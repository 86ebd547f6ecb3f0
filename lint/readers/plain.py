"""Plain text: paragraphs separated by blank lines; URLs are masked."""

from __future__ import annotations

from lint.document import Block, Document
from lint.readers.common import KEEP, compose, paragraphs, url_spans


def read(path: str, source: str) -> Document:
    text = compose(source, url_spans(source), KEEP)
    blocks = tuple(Block("paragraph", s, e) for s, e in paragraphs(text, 0, len(text)))
    return Document(path=path, source=source, text=text, fmt="text", blocks=blocks)
