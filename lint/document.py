"""The Document: prose as the reader sees it, mapped back to the original file.

Readers turn a file into a *view*: the decoded source in which everything that is not
prose (markup, code, URLs, comments, front matter) is masked. Markup delimiters become
spaces; opaque content (code, URLs, images) becomes ``OPAQUE`` so that no phrase can match
across it. The view keeps the source's length wherever it can, and ``OffsetMap`` maps the
few places where it cannot (HTML entities) back to source offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: Stands in for opaque non-prose content: not a word character, not white space.
OPAQUE = "\ue000"


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose: a paragraph, heading, list item, block quote or table cell.

    ``scope`` is a dotted Vale-style scope such as ``paragraph``, ``heading.h2``, ``list``,
    ``blockquote`` or ``table.cell``; ``start``/``end`` are view offsets.
    """

    scope: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline switch from a comment, e.g. ``<!-- sglint-disable Pack.Rule -->``.

    ``action`` is ``disable``, ``enable`` or ``disable-next-line``; an empty ``rules``
    tuple means every rule. ``start``/``end`` are source offsets of the comment.
    """

    action: str
    rules: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of the view and the source stretch it stands for."""

    view_start: int
    source_start: int
    source_end: int
    length: int  # length in the view

    @property
    def identity(self) -> bool:
        return self.source_end - self.source_start == self.length


class OffsetMap:
    """Maps view offsets to source offsets; the identity where no piece says otherwise."""

    def __init__(self, pieces: Sequence[Piece] = ()) -> None:
        self._pieces = [p for p in pieces if not p.identity or p.view_start != p.source_start]
        self._starts = [p.view_start for p in self._pieces]

    @property
    def is_identity(self) -> bool:
        return not self._pieces

    def to_source(self, offset: int, *, end: bool = False) -> int:
        if not self._pieces:
            return offset
        # An end offset at a piece boundary belongs to the piece before it.
        i = (
            bisect.bisect_left(self._starts, offset) - 1
            if end
            else bisect.bisect_right(self._starts, offset) - 1
        )
        if i < 0:
            return offset
        piece = self._pieces[i]
        delta = offset - piece.view_start
        if piece.identity:
            return piece.source_start + delta
        if delta <= 0:
            return piece.source_start
        if delta >= piece.length:
            return piece.source_end + (delta - piece.length)
        return piece.source_end if end else piece.source_start


class SpanIndex:
    """Sorted spans that do not nest (blocks, sentences, quotes), and which one wholly
    contains a given span."""

    def __init__(self, spans: Sequence[Block]) -> None:
        self.spans = tuple(spans)
        self._starts = [s.start for s in spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def containing(self, start: int, end: int) -> Block | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        span = self.spans[i]
        return span if end <= span.end else None


@dataclass(frozen=True)
class Document:
    """A decoded file ready for the rules: a plain value. Rules only read it; what is
    derived from it for the rules (sentences, quotes, speakers …) is ``lint.facts``'."""

    path: str
    source: str
    text: str
    fmt: str  # "text", "markdown" or "html"
    blocks: tuple[Block, ...]
    directives: tuple[Directive, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)
    encoding: str = "utf-8"
    notices: tuple[str, ...] = ()
    # Indexes fixed at birth from the fields above (not caches: they never change).
    _line_starts: list[int] = field(init=False, repr=False, compare=False)
    _block_index: SpanIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_line_starts", _line_starts(self.source))
        object.__setattr__(self, "_block_index", SpanIndex(self.blocks))

    # -- positions -------------------------------------------------------------------

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column in code points) of a source offset."""
        line = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line + 1, source_offset - self._line_starts[line] + 1

    def position_offset(self, line: int) -> int:
        """Source offset where a 1-based line starts (the end of the file past the last)."""
        starts = self._line_starts
        return starts[line - 1] if 1 <= line <= len(starts) else len(self.source)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_text(self, line: int) -> str:
        """The source line (1-based) without its line ending."""
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of a view span."""
        return self.offsets.to_source(start), self.offsets.to_source(end, end=True)

    # -- scopes ----------------------------------------------------------------------

    def block_at(self, start: int, end: int) -> Block | None:
        """The block wholly containing the view span, if any."""
        return self._block_index.containing(start, end)

    def raw(self) -> Document:
        """The raw view: the source itself as plain text in one ``raw`` block, nothing
        masked, so that its view offsets are source offsets (for ``scope: raw`` rules)."""
        return replace(
            self,
            text=self.source,
            fmt="text",
            blocks=(Block("raw", 0, len(self.source)),),
            offsets=OffsetMap(),
        )

    def block_texts(self) -> Iterator[tuple[Block, str]]:
        for block in self.blocks:
            yield block, self.text[block.start : block.end]


def _line_starts(source: str) -> list[int]:
    if "\r" not in source.replace("\r\n", ""):
        starts = [0]
        find = source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    # A lone CR (old Mac files) ends a line too, as editors show it.
    return [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
