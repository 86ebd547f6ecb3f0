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


#: Container markers at the start of a line read as plain text: ``>``, ``-``, ``1.``.
_MARKERS = regex.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*", regex.M)


_LINE = regex.compile(r"[^\r\n]*")


def read(path: str, source: str) -> Document:
    norm = source.replace("\r\n", "\n")
    # markdown-it also ends a line at a lone CR (old Mac files): count lines as it does.
    line_starts = [0] + [m.end() for m in regex.finditer(r"[\r\n]", norm)]
    parser = _parser()
    max_nesting = parser.options["maxNesting"]
    tokens = parser.parse(norm)

    spans: list[Span] = []
    blocks: list[Block] = []
    directives: list[Directive] = []
    aligner = _Aligner(norm)
    containers: list[str] = []
    heading: str | None = None
    too_deep: list[tuple[int, int, str]] = []  # line ranges markdown-it did not parse

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(norm)

    for i, tok in enumerate(tokens):
        kind = tok.type
        if (
            tok.nesting == 1
            and tok.level >= max_nesting - 1
            and tok.map
            and i + 1 < len(tokens)
            and tokens[i + 1].nesting == -1
        ):
            # markdown-it stops at its nesting limit and drops the deeper lines (its
            # recursion would otherwise overflow the stack). Nothing may be lost
            # silently: those lines are read as plain text below.
            too_deep.append((tok.map[0], tok.map[1], "blockquote" if "quote" in kind else "list"))
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

    notices: tuple[str, ...] = ()
    for first, last, scope in too_deep:
        blocks.extend(_plain_lines(norm, line_offset(first), line_offset(last), scope, spans))
    if too_deep:
        notices = (
            f"{path}:{too_deep[0][0] + 1}: Markdown nested more than {max_nesting} levels "
            "deep; the deeper lines are read as plain text",
        )
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
        notices=notices,
    )


def _plain_lines(norm: str, start: int, end: int, scope: str, spans: list[Span]) -> list[Block]:
    """Read ``norm[start:end]`` as plain text without its container markers: one block
    per run of lines, a new one at each list marker or blank line."""
    blocks: list[Block] = []
    block: list[int] = []  # [start, end] of the block being built
    for line in _LINE.finditer(norm, start, end):
        if line.start() == line.end() and block:  # a blank line ends the block
            blocks.append(Block(scope, block[0], block[1]))
            block = []
        markers = _MARKERS.match(norm, line.start(), line.end())
        content_start = markers.end() if markers else line.start()
        content_end = line.end()
        while content_end > content_start and norm[content_end - 1].isspace():
            content_end -= 1
        if content_end <= content_start:
            continue
        spans.append((content_start, content_end, KEEP))
        spans.extend(url_spans(norm, content_start, content_end))
        new_item = markers is not None and regex.search(r"[-+*.)]", markers.group())
        if block and not new_item:
            block[1] = content_end
        else:
            if block:
                blocks.append(Block(scope, block[0], block[1]))
            block = [content_start, content_end]
    if block:
        blocks.append(Block(scope, block[0], block[1]))
    return blocks


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
