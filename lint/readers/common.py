"""Pieces shared by the readers: masking, URLs, paragraphs, comment directives."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import regex

from lint.document import OPAQUE, Block, Directive, Document
from lint.errors import InputError

URL_RE = regex.compile(r"""(?:\bhttps?://|\bwww\.)[^\s<>"'”’)\]]+[^\s<>"'”’)\].,;:!?]""")
EMAIL_RE = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A blank line between paragraphs; a lone CR ends a line too (old Mac files).
PARAGRAPH_BREAK_RE = regex.compile(r"(?>\r\n?|\n)[ \t]*(?>\r\n?|\n)")

DIRECTIVE_RE = regex.compile(
    r"<!--\s*(?:sglint-(?P<action>disable-next-line|disable|enable)(?P<rules>[^>]*?)"
    r"|vale\s+(?P<vale>off|on)"
    # Vale compat: <!-- vale Style.Rule = NO --> / <!-- vale Style = YES -->
    r"|vale\s+(?P<vale_rules>[\w.-]+(?:\s*,\s*[\w.-]+)*)\s*=\s*(?P<vale_set>(?i:yes|no|on|off)))"
    r"\s*-->"
)


KEEP, BLANK, MASK = "keep", "blank", "mask"
_NOT_NEWLINE = regex.compile(r"[^\r\n]")

Span = tuple[int, int, str]


def render(segment: str, kind: str) -> str:
    """A segment as the view shows it: kept, blanked to spaces, or masked opaque."""
    if kind == KEEP:
        return segment
    return _NOT_NEWLINE.sub(" " if kind == BLANK else OPAQUE, segment)


_PRIORITY = {MASK: 2, KEEP: 1, BLANK: 0}


def compose(text: str, spans: list[Span], default: str) -> str:
    """The view of ``text``: each span rendered as its kind, the gaps as ``default``.

    Where spans overlap, masking wins over keeping, and keeping over blanking, so a URL
    inside a run of prose is masked. Line breaks always survive, so the view has the
    source's lines.
    """
    if not spans:
        return render(text, default)
    events: list[tuple[int, int, str]] = []  # (offset, +1 open / -1 close, kind)
    for start, end, kind in spans:
        if end > start:
            events.append((start, 1, kind))
            events.append((end, -1, kind))
    events.sort()
    active = {MASK: 0, KEEP: 0, BLANK: 0}
    out: list[str] = []
    pos = 0
    for offset, delta, kind in events:
        if offset > pos:
            current = max(
                (k for k, n in active.items() if n), key=_PRIORITY.__getitem__, default=default
            )
            out.append(render(text[pos:offset], current))
            pos = offset
        active[kind] += delta
    out.append(render(text[pos:], default))
    return "".join(out)


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """URLs and e-mail addresses in ``text[start:end]`` as spans to mask."""
    stop = len(text) if end is None else end
    return [
        (m.start(), m.end(), MASK)
        for rx in (URL_RE, EMAIL_RE)
        for m in rx.finditer(text, start, stop)
    ]


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of blank-line-separated paragraphs in ``text[start:end]``, trimmed."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in PARAGRAPH_BREAK_RE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def directives_in(comment: str, offset: int) -> list[Directive]:
    """Directives in an HTML comment found at source ``offset``."""
    out = []
    for m in DIRECTIVE_RE.finditer(comment):
        if m.group("vale"):
            action = "disable" if m.group("vale") == "off" else "enable"
            rules: tuple[str, ...] = ()
        elif m.group("vale_rules"):
            action = "disable" if m.group("vale_set").lower() in ("no", "off") else "enable"
            rules = tuple(r.strip() for r in m.group("vale_rules").split(","))
        else:
            action = m.group("action")
            rules = tuple(r for r in regex.split(r"[\s,]+", m.group("rules") or "") if r)
        out.append(Directive(action, rules, offset + m.start(), offset + m.end()))
    return out


def paragraph_document(
    path: str, fmt: str, paragraphs: Sequence[tuple[str, str]], notices: tuple[str, ...]
) -> Document:
    """A Document for a format without lines (Word, OpenDocument): one line per
    ``(scope, text)`` paragraph, so a position's line is the paragraph number and its
    column the character, and the excerpt is the paragraph. URLs and e-mail addresses
    are masked as in the other readers."""
    blocks: list[Block] = []
    pos = 0
    for scope, text in paragraphs:
        blocks.append(Block(scope, pos, pos + len(text)))
        pos += len(text) + 1
    source = "\n".join(text for _, text in paragraphs)
    return Document(
        path=path,
        source=source,
        text=compose(source, url_spans(source), KEEP),
        fmt=fmt,
        blocks=tuple(blocks),
        notices=notices,
    )


def package_parts(
    path: str, data: bytes, what: str, wanted: Sequence[str] = ()
) -> tuple[set[str], dict[str, bytes]]:
    """The entry names of a ZIP package (a Word or OpenDocument file) and the bytes of the
    ``wanted`` entries it has; one InputError naming ``what`` it should have been if it is
    not a ZIP package or cannot be read."""
    if not data.startswith(b"PK"):
        raise InputError(
            f"not {what}: the file is not a ZIP package; was another kind of file renamed?",
            path=path,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            return names, {name: package.read(name) for name in wanted if name in names}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise InputError(
            f"damaged file: not readable as {what} (the ZIP package is broken)", path=path
        ) from None
