"""Excerpts: the prose round a finding as a reader of the draft sees it.

Most drafts show a finding on its source line. An HTML export from Google Docs or a CMS
has its whole body on one line of markup, so the text format would show tags; there the
excerpt is the finding's block (paragraph, heading, list item) as clean prose, white space
collapsed, with the match's place in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lint.document import OPAQUE, Block, Document

#: Characters of prose shown either side of a match in a long paragraph.
WINDOW = 100


@dataclass(frozen=True, slots=True)
class Excerpt:
    """Prose to show, and the match's 0-based start and end in it."""

    text: str
    start: int
    end: int


def prose_excerpt(doc: Document, start: int, end: int) -> Excerpt | None:
    """The block round source span ``[start, end)`` as prose, where its source line has
    markup on it (HTML); None where the source line reads as prose already."""
    if doc.fmt != "html":
        return None
    line, _ = doc.position(start)
    if doc.source.find("<", doc.position_offset(line), doc.position_offset(line + 1)) < 0:
        return None
    to_source = doc.offsets.to_source
    for block in doc.blocks:
        if to_source(block.start) <= start and end <= to_source(block.end, end=True):
            text, ((match_start, match_end),) = block_prose(doc, block, [(start, end)])
            return _window(text, match_start, match_end)
    return None


def block_prose(
    doc: Document, block: Block, spans: Sequence[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """A block's prose, white space collapsed and opaque runs as "…", and where each
    source span ``(start, end)`` lies in it."""
    to_source = doc.offsets.to_source
    out: list[str] = []
    starts = [-1] * len(spans)
    ends = [-1] * len(spans)
    for i in range(block.start, block.end):
        source = to_source(i)
        for n, (start, end) in enumerate(spans):
            if starts[n] < 0 and source >= start:
                starts[n] = len(out)
            if ends[n] < 0 and source >= end:
                ends[n] = len(out)
        char = doc.text[i]
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        elif char == OPAQUE:
            if not out or out[-1] != "…":
                out.append("…")
        else:
            out.append(char)
    size = len(out)
    placed = [
        (size if s < 0 else s, size if e < 0 else max(e, s))
        for s, e in zip(starts, ends, strict=True)
    ]
    return "".join(out), placed


def _window(text: str, match_start: int, match_end: int) -> Excerpt:
    """At most WINDOW characters of ``text`` either side of the match."""
    left = max(0, match_start - WINDOW)
    right = min(len(text), match_end + WINDOW)
    shown = ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")
    shift = (1 if left else 0) - left - (len(text[left:right]) - len(text[left:right].lstrip()))
    return Excerpt(shown, match_start + shift, match_end + shift)
