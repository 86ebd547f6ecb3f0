"""Vale's ignore settings applied to a read Document.

- ``TokenIgnores`` regexes: matched text is treated like inline code (never linted);
- ``BlockIgnores`` regexes: matched stretches are treated like code blocks;
- ``SkippedScopes``: block-level HTML tags whose blocks are not linted (the defaults,
  ``script, style, pre, figure, noscript, iframe``, are never prose in sglint anyway).

Patterns are searched in the file's source text, as Vale does before parsing; the
matched stretches are masked in the document's view and blocks left empty are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import regex

from lint.document import OPAQUE, Block, Document
from lint.rules import budget

#: HTML tag names in SkippedScopes → the sglint block scopes they stand for.
TAG_SCOPES = {
    **{f"h{n}": f"heading.h{n}" for n in range(1, 7)},
    "li": "list",
    "ul": "list",
    "ol": "list",
    "blockquote": "blockquote",
    "p": "paragraph",
    "table": "table",
    "th": "table.header",
    "td": "table.cell",
}
#: Vale's default SkippedScopes: none of them is prose in sglint's readers.
DEFAULT_SKIPPED = frozenset({"script", "style", "pre", "figure", "noscript", "iframe"})
#: Vale's default IgnoredScopes: inline code, already masked by sglint's readers.
DEFAULT_IGNORED = frozenset({"code", "tt", "kbd"})

_NOT_NEWLINE = regex.compile(r"[^\r\n]")


def _view_spans(doc: Document, patterns: Iterable[regex.Pattern[str]]) -> list[tuple[int, int]]:
    """View spans of every match; searched in the source where the view maps 1:1."""
    text = doc.source if doc.offsets.is_identity else doc.text
    return [
        (m.start(), m.end())
        for p in patterns
        for m in p.finditer(text, timeout=budget.left())
        if m.end() > m.start()
    ]


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _NOT_NEWLINE.sub(OPAQUE, text[start:end])
    return "".join(chars)


def _has_prose(text: str, block: Block) -> bool:
    return any(c.isalnum() for c in text[block.start : block.end])


def apply_ignores(
    doc: Document,
    *,
    token_ignores: Sequence[regex.Pattern[str]] = (),
    block_ignores: Sequence[regex.Pattern[str]] = (),
    skipped_scopes: Sequence[str] = (),
) -> Document:
    spans = _view_spans(doc, [*token_ignores, *block_ignores])
    skipped = [TAG_SCOPES[s] for s in skipped_scopes if s in TAG_SCOPES]
    if not spans and not skipped:
        return doc
    text = _mask(doc.text, spans) if spans else doc.text
    blocks = tuple(
        b
        for b in doc.blocks
        if _has_prose(text, b) and not any(b.scope.startswith(s) for s in skipped)
    )
    return replace(doc, text=text, blocks=blocks)


def unsupported_scopes(ignored: Iterable[str], skipped: Iterable[str]) -> list[str]:
    """Scope names from IgnoredScopes / SkippedScopes that sglint cannot honour."""
    return [s for s in ignored if s not in DEFAULT_IGNORED] + [
        s for s in skipped if s not in DEFAULT_SKIPPED and s not in TAG_SCOPES
    ]
