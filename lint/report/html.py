"""``--format html``: one self-contained page for the people who approve a release.

A summary by level and pack, then each file's text with the findings highlighted in
place, and under it each finding with its message, suggested wording, why and source.
Checkboxes filter by level and pack; a link can carry a filter
(``report.html#hide=warning,suggestion,Numbers``). Styles and script are inside the page:
nothing is fetched when it is viewed.

The text shown is the draft as its reader sees it: a text or Markdown file as written, a
Word document one paragraph per line, an HTML page as its prose (the markup left out).
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

from lint import __version__
from lint.document import Document
from lint.errors import SglintError
from lint.excerpts import block_prose
from lint.finding import Finding, Severity
from lint.messages import plural
from lint.readers import read_bytes
from lint.report.excerpt import in_paragraphs

if TYPE_CHECKING:
    from lint.runner import FileResult

LEVELS = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)

#: (start, end, finding numbers) of each stretch of shown text.
Segment = tuple[int, int, tuple[int, ...]]


def _asset(name: str) -> str:
    """A stylesheet or script shipped beside this module, to be inlined."""
    return resources.files("lint.report").joinpath(name).read_text(encoding="utf-8")


def render(results: Sequence[FileResult], color: bool = False) -> str:
    findings = [f for r in results for f in r.findings]
    numbered = {id(f): n for n, f in enumerate(findings, 1)}
    parts = [
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        "<meta name='generator' content='sglint " + html.escape(__version__) + "'>",
        "<title>sglint report</title><style>" + _asset("html_report.css") + "</style>",
        "</head><body>",
        "<h1>sglint report</h1>",
        _summary(results, findings),
        _filters(findings),
    ]
    for result in results:
        parts.append(_file(result, numbered))
    parts.append("<script>" + _asset("html_report.js") + "</script></body></html>\n")
    return "".join(parts)


def _pack(f: Finding) -> str:
    return f.rule.split(".", 1)[0]


def _summary(results: Sequence[FileResult], findings: Sequence[Finding]) -> str:
    files_with = sum(1 for r in results if r.findings)
    levels = Counter(f.severity for f in findings)
    lede = (
        f"{plural(len(findings), 'finding')} in {files_with} of "
        f"{plural(len(results), 'file')}"
        + (
            ": " + ", ".join(plural(levels[s], s.label) for s in LEVELS if levels[s])
            if findings
            else ""
        )
        + ". <output id='shown'></output>"
    )
    if not findings:
        return f"<p class='lede'>{lede}</p>"
    by_pack: dict[str, Counter[Severity]] = {}
    for f in findings:
        by_pack.setdefault(_pack(f), Counter())[f.severity] += 1
    head = "".join(f"<th>{s.label}</th>" for s in LEVELS)
    rows = "".join(
        f"<tr><td>{html.escape(pack)}</td>"
        + "".join(f"<td>{counts[s] or ''}</td>" for s in LEVELS)
        + f"<td>{sum(counts.values())}</td></tr>"
        for pack, counts in sorted(by_pack.items())
    )
    total = "".join(f"<td>{levels[s] or ''}</td>" for s in LEVELS)
    return (
        f"<p class='lede'>{lede}</p><table id='summary'><thead><tr><th>pack</th>{head}"
        f"<th>total</th></tr></thead><tbody>{rows}</tbody><tfoot><tr><td>all</td>{total}"
        f"<td>{len(findings)}</td></tr></tfoot></table>"
    )


def _filters(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    levels = {f.severity for f in findings}
    packs = sorted({_pack(f) for f in findings})

    def box(value: str) -> str:
        value = html.escape(value)
        return f"<label><input type='checkbox' value='{value}' checked> {value}</label>"

    return (
        "<fieldset id='filters'><legend>Show</legend><div>Levels: "
        + "".join(box(s.label) for s in LEVELS if s in levels)
        + "</div><div>Packs: "
        + "".join(box(p) for p in packs)
        + "</div></fieldset>"
    )


def _file(result: FileResult, numbered: dict[int, int]) -> str:
    title = f"<h2>{html.escape(result.path)}</h2>"
    if result.error is not None:
        error = html.escape(str(result.error))
        return f"<section class='file'>{title}<p class='error-line'>{error}</p></section>"
    if not result.findings:
        return f"<section class='file'>{title}<p class='where'>No findings.</p></section>"
    numbers = [numbered[id(f)] for f in result.findings]
    text, words = _highlighted(result, numbers)
    items = "".join(
        _item(f, n, found) for f, n, found in zip(result.findings, numbers, words, strict=True)
    )
    return f"<section class='file'>{title}{text}<ol class='findings'>{items}</ol></section>"


def _item(f: Finding, n: int, found: str) -> str:
    where = (
        f"paragraph {f.line}, character {f.column}"
        if in_paragraphs(f.path)
        else f"line {f.line}, column {f.column}"
    )
    rows = [("Found", f"“{html.escape(found)}”")]
    if f.fix is not None:
        rows.append(("Suggested wording", f"<span class='fix'>“{html.escape(f.fix)}”</span>"))
    if f.why:
        rows.append(("Why", html.escape(f.why)))
    if f.source:
        rows.append(("Source", html.escape(f.source)))
    if f.link:
        link = html.escape(f.link)
        rows.append(("More", f"<a href='{link}'>{link}</a>"))
    details = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f"<li class='finding' id='f{n}' value='{n}' data-n='{n}' "
        f"data-level='{f.severity.label}' data-pack='{html.escape(_pack(f))}'>"
        f"<span class='level {f.severity.label}'>{f.severity.label}</span> "
        f"{html.escape(f.message)} <span class='rule'>{html.escape(f.rule)}</span> "
        f"<span class='where'>{where}</span><dl>{details}</dl></li>"
    )


def _highlighted(result: FileResult, numbers: list[int]) -> tuple[str, list[str]]:
    """The file's text with each finding's words in a <mark>, and each finding's words as
    shown (for HTML, without the markup a match spans); no text if the file cannot be
    read again."""
    try:
        with open(result.path, "rb") as f:
            doc = read_bytes(result.path, f.read())
    except (OSError, SglintError):
        return "", [f.match for f in result.findings]
    text, spans = _shown_text(doc, [(f.start, f.end) for f in result.findings])
    words = [text[s:e] for s, e in spans]
    levels = {n: f.severity.label for f, n in zip(result.findings, numbers, strict=True)}
    messages = {n: f.message for f, n in zip(result.findings, numbers, strict=True)}
    marked = [(s, e, n) for (s, e), n in zip(spans, numbers, strict=True)]
    out: list[str] = []
    for start, end, active in _segments(len(text), marked):
        chunk = html.escape(text[start:end])
        if not active:
            out.append(chunk)
            continue
        ids = " ".join(str(n) for n in active)
        data = " ".join(f"data-level{n}='{levels[n]}'" for n in active)
        title = html.escape("\n".join(messages[n] for n in active), quote=True)
        mark = f"<mark data-ids='{ids}' {data} title='{title}'>{chunk}</mark>"
        out.append(f"<a href='#f{active[0]}'>{mark}</a>")
    return f"<div class='text'>{''.join(out)}</div>", words


def _shown_text(doc: Document, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The text to show and where each source span is in it: the source itself, or for
    HTML the prose of each block, a blank line between blocks."""
    if doc.fmt != "html":
        return doc.source, spans
    parts: list[str] = []
    placed: list[tuple[int, int] | None] = [None] * len(spans)
    pos = 0
    to_source = doc.offsets.to_source
    for block in doc.blocks:
        first, last = to_source(block.start), to_source(block.end, end=True)
        inside = [n for n, (s, e) in enumerate(spans) if first <= s and e <= last]
        prose, where = block_prose(doc, block, [spans[n] for n in inside])
        for n, (s, e) in zip(inside, where, strict=True):
            placed[n] = (pos + s, pos + e)
        parts.append(prose)
        pos += len(prose) + 2
    return "\n\n".join(parts), [p or (0, 0) for p in placed]


def _segments(size: int, marked: list[tuple[int, int, int]]) -> list[Segment]:
    """Cut ``[0, size)`` at every finding's edges; each piece with the findings over it."""
    edges = sorted({0, size, *(s for s, _, _ in marked), *(max(e, s + 1) for s, e, _ in marked)})
    out: list[Segment] = []
    for start, end in itertools.pairwise(edges):
        if start >= size:
            break
        active = tuple(n for s, e, n in marked if s <= start and max(e, s + 1) >= end)
        out.append((start, min(end, size), active))
    return out
