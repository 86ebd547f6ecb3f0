"""Direct speech spans: the part of the quote model that every rule can ask about.

A quotation opens with a double quote mark (straight or curly) that is not inside a word
and closes at the matching mark in the same block. Single marks are left to the fuller
quote model, because they double as apostrophes (``children's``, ``'90s``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from lint.document import Block

if TYPE_CHECKING:
    from lint.document import Document

_OPEN = regex.compile(r"(?<![\p{L}\p{N}])[\"“]")
_CLOSE_FOR = {'"': '["”]', "“": '["”]'}


def find_quote_spans(doc: Document) -> Iterator[Block]:
    text = doc.text
    for block in doc.blocks:
        pos = block.start
        while True:
            opening = _OPEN.search(text, pos, block.end)
            if opening is None:
                break
            closer = regex.compile(_CLOSE_FOR[opening.group()]).search(
                text, opening.end(), block.end
            )
            # UK multi-paragraph speech: an unclosed quote runs to the end of its block.
            end = closer.end() if closer else block.end
            yield Block("quote", opening.start(), end)
            pos = end
