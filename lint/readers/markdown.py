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
from lint.readers.common import (
    BLANK,
    ENTITY_RE,
    KEEP,
    MASK,
    Span,
    compose,
    decode_entity,
    directives_in,
    finish_view,
    url_spans,
)

_OPAQUE_BLOCKS = {"fence", "code_block", "html_block", "front_matter", "math_block"}
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


class _Aligner:
    """Finds inline token text in the (LF-normalised) source, moving only forward.

    markdown-it gives a text token's content decoded: character references as the
    characters they stand for, backslash escapes without the backslash, and a line's
    leading white space stripped. ``find`` matches that content against the source one
    character at a time (linear in the text; no pattern built per token) and records the
    references it passed in ``entities``, so the view can be decoded at exact positions.
    """

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.cursor = 0
        self.entities: dict[int, tuple[int, str]] = {}  # norm start -> (end, decoded)

    def find(self, content: str, limit: int) -> tuple[int, int] | None:
        if not content:
            return None
        # markdown-it's tokens follow each other closely in the source: only a window
        # past the cursor is searched, so that text that is not there costs little.
        window = min(limit, self.cursor + _WINDOW)
        i = self.norm.find(content, self.cursor, min(limit, window + len(content)))
        if i >= 0 and not self._entity_before(content, i):
            return i, i + len(content)
        # The content may start at a reference or an escape; try each place the first
        # character can start, nearest first, a bounded number of times.
        first = content[0]
        pos = self.cursor
        for _ in range(_MAX_TRIES):
            pos = self._next_start(first, pos, window)
            if pos < 0:
                return None
            end = self._match(content, pos, limit)
            if end is not None:
                return pos, end
            pos += 1
        return None

    def skip_to(self, literal: str, limit: int) -> tuple[int, int] | None:
        i = self.norm.find(literal, self.cursor, limit)
        if i < 0:
            return None
        return i, i + len(literal)

    def _entity_before(self, content: str, i: int) -> bool:
        """Whether a reference between the cursor and ``i`` stands for the content's start
        (then the literal text found further on is a later occurrence)."""
        amp = self.norm.find("&", self.cursor, i)
        return amp >= 0 and self._match(content, amp, i + len(content)) is not None

    def _next_start(self, first: str, pos: int, limit: int) -> int:
        """The next offset from ``pos`` where text starting with ``first`` may begin."""
        found = [
            i
            for i in (
                self.norm.find(first, pos, limit),
                self.norm.find("&", pos, limit),
                self.norm.find("\\", pos, limit),
            )
            if i >= 0
        ]
        if first.isspace():
            m = _SPACE.search(self.norm, pos, limit)
            if m:
                found.append(m.start())
        return min(found, default=-1)

    def _match(self, content: str, pos: int, limit: int) -> int | None:
        """The end of ``content`` read from the source at ``pos``, or None."""
        norm = self.norm
        found: dict[int, tuple[int, str]] = {}
        j = 0
        while j < len(content):
            if pos >= limit:
                return None
            ch = content[j]
            here = norm[pos]
            if here == "&":  # a reference first: "&amp;" stands for "&", not for "&amp;"
                m = ENTITY_RE.match(norm, pos, limit)
                if m:
                    decoded = decode_entity(m.group())
                    if decoded != m.group() and content.startswith(decoded, j):
                        found[pos] = (m.end(), decoded)
                        pos = m.end()
                        j += len(decoded)
                        continue
            if here == ch:
                pos += 1
                j += 1
                continue
            if here == "\\" and pos + 1 < limit and norm[pos + 1] == ch and ch in _ASCII_PUNCT:
                pos += 2
                j += 1
                continue
            if ch.isspace() and here.isspace():
                while j < len(content) and content[j].isspace():
                    j += 1
                while pos < limit and norm[pos].isspace():
                    pos += 1
                continue
            return None
        self.entities.update(found)
        return pos


#: How many starting places ``_Aligner.find`` tries before giving up on a token, and
#: how far past the cursor a token's text may start (link targets, tags, code between).
_MAX_TRIES = 64
_WINDOW = 4_096
_SPACE = regex.compile(r"\s")


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
    unaligned: list[int] = []  # lines whose inline text could not be found in the source

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
            marks = (len(spans), len(directives), aligner.cursor)
            prose = _align_inline(tok.children or [], aligner, end, spans, directives)
            if prose == _UNALIGNED:
                # Never drop prose silently: read the lines as plain text, and say so.
                del spans[marks[0] :], directives[marks[1] :]
                aligner.cursor = marks[2]
                for key in [k for k in aligner.entities if start <= k < end]:
                    del aligner.entities[key]
                blocks.extend(_plain_lines(norm, start, end, scope, spans))
                unaligned.append(tok.map[0] + 1)
            elif prose:
                blocks.append(Block(scope, prose[0], prose[1]))

    notices: list[str] = []
    for first, last, scope in too_deep:
        blocks.extend(_plain_lines(norm, line_offset(first), line_offset(last), scope, spans))
    if too_deep:
        notices.append(
            f"{path}:{too_deep[0][0] + 1}: Markdown nested more than {max_nesting} levels "
            "deep; the deeper lines are read as plain text"
        )
    if unaligned:
        more = f" (and {len(unaligned) - 1} more)" if len(unaligned) > 1 else ""
        notices.append(
            f"{path}:{unaligned[0]}: warning: could not match Markdown text to the source"
            f"{more}; linted as plain text, positions may be less exact"
        )
    view_norm = compose(norm, spans, BLANK)
    entities = aligner.entities
    if len(norm) == len(source):
        view = view_norm
    else:
        view, to_source = _restore_crlf(source, view_norm)
        blocks = [Block(b.scope, to_source(b.start), to_source(b.end)) for b in blocks]
        directives = [
            Directive(d.action, d.rules, to_source(d.start), to_source(d.end)) for d in directives
        ]
        entities = {to_source(k): (to_source(e), d) for k, (e, d) in entities.items()}
    # Only references inside prose are decoded: the rest of the view is blanked or masked.
    entities = {k: v for k, v in entities.items() if view[k] == "&"}
    text, offsets, to_view = finish_view(view, entities)
    return Document(
        path=path,
        source=source,
        text=text,
        fmt="markdown",
        blocks=tuple(
            sorted(
                (Block(b.scope, to_view(b.start), to_view(b.end)) for b in blocks),
                key=lambda b: b.start,
            )
        ),
        directives=tuple(sorted(directives, key=lambda d: d.start)),
        offsets=offsets,
        notices=tuple(notices),
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


#: What ``_align_inline`` returns for text it could not find in the source.
_UNALIGNED = (-1, -1)


def _align_inline(
    children: list[Any],
    aligner: _Aligner,
    limit: int,
    spans: list[Span],
    directives: list[Directive],
) -> tuple[int, int] | None:
    """Mark the prose of one inline token; return the extent of its prose, if any, or
    ``_UNALIGNED`` when some of its text could not be found in the source."""
    first: int | None = None
    last = 0
    skip_link_text = False
    for child in children:
        kind = child.type
        if kind == "text" and not skip_link_text:
            found = aligner.find(child.content, limit)
            if found is None:
                if child.content.strip():
                    return _UNALIGNED
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
