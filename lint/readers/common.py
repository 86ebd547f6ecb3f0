"""Pieces shared by the readers: masking, URLs, paragraphs, comment directives, and the
one place where the view is decoded and normalised for matching."""

from __future__ import annotations

import bisect
import html as html_lib
import io
from collections.abc import Callable, Sequence

import regex

from lint.document import OPAQUE, Block, Directive, Document, OffsetMap, Piece
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


# -- decoding and normalising the view ---------------------------------------------------

#: A character reference: named (``&nbsp;``), decimal (``&#160;``) or hex (``&#xA0;``).
ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")

#: Characters that hide inside a word without showing: soft hyphen, zero-width characters,
#: word joiners, bidirectional controls and marks. Matching ignores them.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
)
#: Spaces that are not U+0020: no-break, narrow no-break, thin, figure, ideographic...
#: Matching reads each as a plain space.
ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_NORMALISE = regex.compile(f"(?P<gone>[{INVISIBLE}]+)|[{ODD_SPACES}]")


def normalise(text: str) -> str:
    """``text`` as matching sees it: invisible characters dropped, odd spaces plain."""
    return _NORMALISE.sub(lambda m: "" if m.group("gone") else " ", text)


def decode_entity(raw: str) -> str:
    """The text a character reference stands for (itself if it is not one)."""
    return html_lib.unescape(raw)


def finish_view(
    view: str, entities: dict[int, tuple[int, str]] | None = None
) -> tuple[str, OffsetMap, Callable[[int], int]]:
    """The view rules match against, from a view as long as the source.

    Character references in ``entities`` (start → (end, decoded text)) are replaced by
    what they stand for, and the whole view is normalised for matching (``normalise``),
    so that ``care&nbsp;gangs``, ``care\u00a0gangs`` and ``care\u00adgangs`` read as
    ``care gangs``. Returns the view, the map from its offsets to the source's, and a
    function mapping source offsets to view offsets (for blocks). Every reader calls
    this once; rules never normalise.
    """
    edits: dict[int, tuple[int, str]] = {
        start: (end, normalise(decoded)) for start, (end, decoded) in (entities or {}).items()
    }
    for m in _NORMALISE.finditer(view):
        if m.start() not in edits:
            edits[m.start()] = (m.end(), "" if m.group("gone") else " ")
    if not edits:
        return view, OffsetMap(), _identity
    parts: list[str] = []
    pieces: list[Piece] = []
    src_pos = 0
    view_pos = 0
    shifts: list[tuple[int, int]] = []  # (source offset, view-minus-source delta after it)
    for start in sorted(edits):
        end, replacement = edits[start]
        if start < src_pos:
            continue
        chunk = view[src_pos:start]
        parts.append(chunk)
        if chunk:
            pieces.append(Piece(view_pos, src_pos, start, len(chunk)))
        view_pos += len(chunk)
        parts.append(replacement)
        pieces.append(Piece(view_pos, start, end, len(replacement)))
        view_pos += len(replacement)
        src_pos = end
        shifts.append((end, view_pos - src_pos))
    tail = view[src_pos:]
    parts.append(tail)
    if tail:
        pieces.append(Piece(view_pos, src_pos, len(view), len(tail)))
    starts = [s for s, _ in shifts]

    def to_view(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return offset if i < 0 else offset + shifts[i][1]

    return "".join(parts), OffsetMap(pieces), to_view


def _identity(offset: int) -> int:
    return offset


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
    text, offsets, to_view = finish_view(compose(source, url_spans(source), KEEP))
    return Document(
        path=path,
        source=source,
        text=text,
        fmt=fmt,
        blocks=tuple(Block(b.scope, to_view(b.start), to_view(b.end)) for b in blocks),
        notices=notices,
        offsets=offsets,
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
    import zipfile  # only Word and OpenDocument files are ZIP packages

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            return names, {name: package.read(name) for name in wanted if name in names}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise InputError(
            f"damaged file: not readable as {what} (the ZIP package is broken)", path=path
        ) from None
