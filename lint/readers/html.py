"""HTML: only the visible text is prose, with entities decoded and positions kept.

Uses the standard library's HTMLParser with ``convert_charrefs=False`` so that text and
entity references arrive as separate events with exact source positions.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from lint.document import Block, Directive, Document
from lint.readers.common import (
    BLANK,
    KEEP,
    MASK,
    Span,
    compose,
    decode_entity,
    directives_in,
    finish_view,
    url_spans,
)

_INVISIBLE = {"script", "style", "template", "noscript", "svg", "math", "head", "iframe", "object"}
_OPAQUE_TEXT = {"code", "pre", "kbd", "samp", "tt", "var"}
_BLOCK_SCOPES = {
    "p": "paragraph",
    "div": "paragraph",
    "section": "paragraph",
    "article": "paragraph",
    "main": "paragraph",
    "body": "paragraph",
    "header": "paragraph",
    "footer": "paragraph",
    "aside": "paragraph",
    "nav": "paragraph",
    "figure": "paragraph",
    "address": "paragraph",
    "h1": "heading.h1",
    "h2": "heading.h2",
    "h3": "heading.h3",
    "h4": "heading.h4",
    "h5": "heading.h5",
    "h6": "heading.h6",
    "title": "heading.title",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "blockquote": "blockquote",
    "td": "table.cell",
    "th": "table.header",
    "caption": "table.caption",
    "figcaption": "figure.caption",
    "tr": "paragraph",
    "table": "paragraph",
    "ul": "paragraph",
    "ol": "paragraph",
    "dl": "paragraph",
    "br": "",
    "hr": "",
    "form": "paragraph",
}
#: Inline formatting: a browser joins the text on either side, so its tags take no room
#: in the view. Google Docs and CMS editors put a <span> round every run, often mid-word
#: ("child porn</span><span class=c3>ography"); blanking those tags split the word.
_INLINE = {
    "span",
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "strike",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "big",
    "mark",
    "font",
    "abbr",
    "cite",
    "dfn",
}
_VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}


class _Walker(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        i = source.find("\n")
        while i >= 0:
            self.line_starts.append(i + 1)
            i = source.find("\n", i + 1)
        self.stack: list[str] = []
        # How often each tag is on the stack: a stray end tag is then ignored in O(1),
        # not by searching a stack that unclosed tags made long (tag soup was quadratic).
        self.open: Counter[str] = Counter()
        self.keep: list[Span] = []  # prose, and entity spans (decoded separately)
        self.entities: dict[int, tuple[int, str]] = {}  # start -> (end, decoded text)
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.block_start: int | None = None
        self.block_end = 0
        self.scope_stack: list[str] = ["paragraph"]
        self.hidden = 0
        self.code = 0
        self.title = False  # <title> is shown (in the tab and search results) though in <head>

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close_block(self) -> None:
        if self.block_start is not None:
            self.blocks.append(Block(self.scope_stack[-1], self.block_start, self.block_end))
        self.block_start = None

    def _push(self, tag: str) -> None:
        self.stack.append(tag)
        self.open[tag] += 1

    def _inline(self, tag: str) -> None:
        """An inline formatting tag in visible prose takes no room in the view."""
        if tag not in _INLINE or not self.visible or self.code:
            return
        start = self._here()
        end = self.source.find(">", start) + 1
        if end > start and "\n" not in self.source[start:end]:  # the view keeps its lines
            self.entities[start] = (end, "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inline(tag)
        if tag in _BLOCK_SCOPES:
            self._close_block()
            if _BLOCK_SCOPES[tag] and tag not in _VOID:
                self.scope_stack.append(_BLOCK_SCOPES[tag])
                self._push(tag)
        elif tag not in _VOID:
            self._push(tag)
        if tag in _INVISIBLE and tag not in _VOID:
            self.hidden += 1
        if tag in _OPAQUE_TEXT:
            self.code += 1
        if tag == "title":
            self.title = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_SCOPES:
            self._close_block()

    def handle_endtag(self, tag: str) -> None:
        self._inline(tag)
        if not self.open[tag]:
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top == "title":
                self.title = False
            if top in _BLOCK_SCOPES:
                self._close_block()
                if len(self.scope_stack) > 1:
                    self.scope_stack.pop()
            if top in _INVISIBLE:
                self.hidden = max(0, self.hidden - 1)
            if top in _OPAQUE_TEXT:
                self.code = max(0, self.code - 1)
            if top == tag:
                break

    @property
    def visible(self) -> bool:
        return not self.hidden or self.title

    def _text(self, start: int, end: int) -> None:
        if not self.visible or end <= start:
            return
        if self.code:
            self.keep.append((start, end, MASK))
            return
        self.keep.append((start, end, KEEP))
        if self.block_start is None:
            self.block_start = start
        self.block_end = end

    def handle_data(self, data: str) -> None:
        start = self._here()
        end = start + len(data)
        stripped = data.strip()
        if not stripped:
            return
        lead = len(data) - len(data.lstrip())
        trail = len(data) - len(data.rstrip())
        self._text(start + lead, end - trail)
        if self.visible and not self.code:
            self.keep.extend(url_spans(self.source, start, end))

    def _reference(self, raw: str) -> None:
        start = self._here()
        end = self.source.find(";", start, start + len(raw) + 3)
        end = end + 1 if end >= 0 else start + len(raw) + 1
        decoded = decode_entity(self.source[start:end])
        if not self.visible:
            return
        self.entities[start] = (end, decoded)
        self._text(start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self._here()
        self.directives.extend(directives_in(f"<!--{data}-->", start))


def read(path: str, source: str) -> Document:
    walker = _Walker(source)
    fed, unclosed = _closable(source)
    walker.feed(fed)
    walker.close()
    walker._close_block()
    if unclosed < len(source):  # a comment that never ends: hidden to the end, as browsers do
        walker.keep.append((unclosed, len(source), MASK))
    view_equal = compose(source, walker.keep, BLANK)
    text, offsets, to_view = finish_view(view_equal, walker.entities)
    blocks = tuple(
        Block(b.scope, to_view(b.start), to_view(b.end))
        for b in sorted(walker.blocks, key=lambda b: b.start)
    )
    return Document(
        path=path,
        source=source,
        text=text,
        fmt="html",
        blocks=blocks,
        directives=tuple(walker.directives),
        offsets=offsets,
    )


def _closable(source: str) -> tuple[str, int]:
    """What to give HTMLParser, and where an unclosed comment starts (else the length).

    The standard library's parser looks for the end of an unfinished construct again at
    every ``<``, so a flood of ``<!--`` or ``<a`` with no end was quadratic (400 KB took
    minutes). A comment opened after the last ``-->`` runs to the end of the file: it is
    cut off here and masked. Past the last ``>`` no tag can close: those ``<`` are given
    to the parser as another character of the same length (positions stay), so they are
    read as the text they are.
    """
    unclosed = len(source)
    last_close = source.rfind("-->")
    opened = source.find("<!--", last_close + 3 if last_close >= 0 else 0)
    if opened >= 0:
        unclosed = opened
    fed = source[:unclosed]
    # The same for the other constructs with a closer of their own: tags close at ">",
    # marked sections (<![CDATA[ … ]]>) at "]".
    for closer, opener in ((">", "<"), ("]", "<![")):
        last = fed.rfind(closer)
        if opener in fed[last + 1 :]:
            fed = fed[: last + 1] + fed[last + 1 :].replace(opener, "\ufffd" + opener[1:])
    return fed, unclosed
