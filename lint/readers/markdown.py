"""Markdown through markdown-it-py (CommonMark + tables + front matter).

markdown-it gives line ranges for blocks but no columns for inline text, so each inline
``text`` token is aligned with the source from a forward-only cursor. Only aligned text is
prose; everything else in the file is markup (blanked) or opaque content (masked).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

import regex
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from lint.document import Block, Directive, Document
from lint.readers.common import BLANK, KEEP, MASK, Span, compose, directives_in, url_spans

_OPAQUE_BLOCKS = {"fence", "code_block", "html_block", "front_matter", "math_block"}
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


class _Aligner:
    """Finds inline token text in the (LF-normalised) source, moving only forward."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.cursor = 0

    def find(self, content: str, limit: int) -> tuple[int, int] | None:
        if not content:
            return None
        i = self.norm.find(content, self.cursor, limit)
        if i >= 0:
            return i, i + len(content)
        m = _loose_pattern(content).search(self.norm, self.cursor, limit)
        return (m.start(), m.end()) if m else None

    def skip_to(self, literal: str, limit: int) -> tuple[int, int] | None:
        i = self.norm.find(literal, self.cursor, limit)
        if i < 0:
            return None
        return i, i + len(literal)


def _loose_pattern(content: str) -> regex.Pattern[str]:
    """A pattern for token text as it may stand in the source: escaped, as entities,
    or with a line's leading white space that markdown-it strips."""
    parts = []
    for c in content:
        if c in _ASCII_PUNCT:
            parts.append(r"\\?" + regex.escape(c))
        elif c.isspace():
            parts.append(r"\s+")
        elif ord(c) > 127:
            parts.append(f"(?:{regex.escape(c)}|&[#\\w]+;)")
        else:
            parts.append(regex.escape(c))
        if c in "&<>\"'":
            parts[-1] = f"(?:{parts[-1]}|&[#\\w]+;)"
    return regex.compile("".join(parts))


def read(path: str, source: str) -> Document:
    norm = source.replace("\r\n", "\n")
    line_starts = [0] + [m.end() for m in regex.finditer(r"\n", norm)]
    tokens = _parser().parse(norm)

    spans: list[Span] = []
    blocks: list[Block] = []
    directives: list[Directive] = []
    aligner = _Aligner(norm)
    containers: list[str] = []
    heading: str | None = None

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(norm)

    for tok in tokens:
        kind = tok.type
        if kind in ("blockquote_open", "list_item_open", "th_open", "td_open"):
            containers.append(
                {"blockquote_open": "blockquote", "list_item_open": "list"}.get(
                    kind, "table.header" if kind == "th_open" else "table.cell"
                )
            )
        elif kind in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            if containers:
                containers.pop()
        elif kind == "heading_open":
            heading = f"heading.{tok.tag}"
        elif kind == "heading_close":
            heading = None
        elif kind in _OPAQUE_BLOCKS and tok.map:
            start, end = line_offset(tok.map[0]), line_offset(tok.map[1])
            spans.append((start, end, MASK))
            if kind == "html_block":
                directives.extend(directives_in(norm[start:end], start))
        elif kind == "inline" and tok.map:
            start, end = line_offset(tok.map[0]), line_offset(tok.map[1])
            aligner.cursor = max(aligner.cursor, start)
            scope = heading or (containers[-1] if containers else "paragraph")
            prose = _align_inline(tok.children or [], aligner, end, spans, directives)
            if prose:
                blocks.append(Block(scope, prose[0], prose[1]))

    view_norm = compose(norm, spans, BLANK)
    if len(norm) == len(source):
        view, to_source = view_norm, None
    else:
        view, to_source = _restore_crlf(source, view_norm)
    if to_source is not None:
        blocks = [Block(b.scope, to_source(b.start), to_source(b.end)) for b in blocks]
        directives = [
            Directive(d.action, d.rules, to_source(d.start), to_source(d.end)) for d in directives
        ]
    return Document(
        path=path,
        source=source,
        text=view,
        fmt="markdown",
        blocks=tuple(sorted(blocks, key=lambda b: b.start)),
        directives=tuple(sorted(directives, key=lambda d: d.start)),
    )


def _align_inline(
    children: list[Any],
    aligner: _Aligner,
    limit: int,
    spans: list[Span],
    directives: list[Directive],
) -> tuple[int, int] | None:
    """Mark the prose of one inline token; return the extent of its prose, if any."""
    first: int | None = None
    last = 0
    skip_link_text = False
    for child in children:
        kind = child.type
        if kind == "text" and not skip_link_text:
            found = aligner.find(child.content, limit)
            if found is None:
                continue
            start, end = found
            spans.append((start, end, KEEP))
            spans.extend(url_spans(aligner.norm, start, end))
            aligner.cursor = end
            first = start if first is None else first
            last = end
        elif kind == "text" and skip_link_text:
            found = aligner.find(child.content, limit)
            if found:
                spans.append((found[0], found[1], MASK))
                aligner.cursor = found[1]
        elif kind == "code_inline":
            opening = aligner.skip_to(child.markup, limit)
            if opening is None:
                continue
            closing = aligner.norm.find(child.markup, opening[1] + len(child.content), limit)
            end = closing + len(child.markup) if closing >= 0 else opening[1]
            spans.append((opening[0], end, MASK))
            aligner.cursor = end
        elif kind == "html_inline":
            found = aligner.skip_to(child.content, limit)
            if found:
                spans.append((found[0], found[1], MASK))
                directives.extend(directives_in(child.content, found[0]))
                aligner.cursor = found[1]
        elif kind == "image":
            found = aligner.skip_to("![", limit)
            if found:
                close = aligner.norm.find(")", found[1], limit)
                end = close + 1 if close >= 0 else found[1]
                spans.append((found[0], end, MASK))
                aligner.cursor = end
        elif kind == "link_open" and child.markup in ("autolink", "linkify"):
            skip_link_text = True
        elif kind == "link_close":
            skip_link_text = False
    return None if first is None else (first, last)


def _restore_crlf(source: str, view_norm: str) -> tuple[str, Any]:
    """Put back the carriage returns that parsing dropped; map normalised offsets."""
    # Normalised offsets of the "\n"s that were "\r\n": each earlier CR shifts one left.
    crlf_newlines = [m.start() - i for i, m in enumerate(regex.finditer(r"\r\n", source))]
    view = view_norm
    if crlf_newlines:
        parts = []
        pos = 0
        for nl in crlf_newlines:
            parts.append(view_norm[pos:nl])
            parts.append("\r")
            pos = nl
        parts.append(view_norm[pos:])
        view = "".join(parts)

    def to_source(offset: int) -> int:
        return offset + bisect.bisect_left(crlf_newlines, offset)

    return view, to_source
