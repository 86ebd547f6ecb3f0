"""``--annotate``: a copy of a Word draft with one Word comment per finding.

``draft.docx`` gives ``draft.sglint.docx`` beside it; the original is never written. Each
comment is anchored on exactly the matched words (runs are split at the match's edges,
keeping their formatting) and says what is wrong, the suggested wording, why, and the
source. The reviewer accepts or ignores them in Word. Only the comment markers are added:
the document's text is otherwise unchanged.

Word allows comments only in the body. A finding in a header, footer, footnote or text
box gets its comment on the document's first paragraph, quoting where it is.

Positions come from the finding's line (the paragraph number) and column (the character),
as the Word reader counted them (:func:`lint.readers.docx.paragraphs`).
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import InputError
from lint.finding import Finding
from lint.readers import ANNOTATED_SUFFIX, format_for
from lint.readers.docx import Paragraph, open_word, paragraphs, q, reread

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from lint.runner import FileResult

AUTHOR = "sglint"
INITIALS = "SG"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def annotated_path(path: str) -> str:
    """Where the annotated copy of ``path`` goes: ``draft.docx`` → ``draft.sglint.docx``."""
    p = Path(path)
    return str(p.with_name(p.stem + ANNOTATED_SUFFIX))


def comment_text(f: Finding) -> str:
    """The comment for one finding: message, suggested wording, why, source, rule."""
    lines = [f.message]
    if f.fix is not None and f.fix not in f.message:
        lines.append(f"Suggested wording: {f.fix}")
    elif f.fix is not None:
        lines.append(f"Suggested wording: “{f.fix}”")
    if f.why:
        lines.append(f"Why: {f.why}")
    if f.source:
        lines.append(f"Source: {f.source}")
    lines.append(f"Rule: {f.rule} ({f.severity.label})")
    return "\n".join(lines)


def annotate_result(result: FileResult) -> str | None:
    """Write the annotated copy for one checked file; what was done, or None if the file
    is not a Word document. Raises InputError if the copy cannot be written."""
    if format_for(result.path) != "docx":
        return None
    out = annotated_path(result.path)
    count = annotate(result.path, result.findings, out)
    noun = "comment" if count == 1 else "comments"
    return f"{result.path}: wrote {out} with {count} {noun}"


def annotate(path: str, findings: Sequence[Finding], out: str) -> int:
    """Write ``out``: the Word document at ``path`` with a comment per finding."""
    if os.path.abspath(out) == os.path.abspath(path):
        raise InputError("--annotate never writes over the original", path=path)
    with open(path, "rb") as f:
        data = f.read()
    word = open_word(path, data)
    paras, _ = paragraphs(word)
    body = [p for p in paras if p.story == "body"]
    for finding in findings:
        _comment(word, paras, body, finding)
    _save(word, out)
    return len(findings)


def _comment(word: WordDocument, paras: list[Paragraph], body: list[Paragraph], f: Finding) -> None:
    first = paras[f.line - 1]
    last = paras[f.end_line - 1] if f.end_line <= len(paras) else first
    text = comment_text(f)
    if first.story != "body" or last.story != "body":
        if not body:
            return
        text = f"In a {first.story}: “{first.text}”\n{text}"
        first, start, last, end = body[0], 0, body[0], len(body[0].text)
    else:
        start, end = f.column - 1, f.end_column - 1
        if last is not first and end == 0:  # ends at the start of the next paragraph
            last, end = first, len(first.text)
    _split(first, start)
    _split(last, end)
    runs = _runs_between(reread(first), start, reread(last), end)
    if not runs:
        return
    from docx.text.paragraph import Paragraph as WordParagraph
    from docx.text.run import Run

    anchor = [Run(r, WordParagraph(r.getparent(), word._body)) for r in (runs[0], runs[-1])]
    word.add_comment(anchor, text=text, author=AUTHOR, initials=INITIALS)


def _split(para: Paragraph, offset: int) -> None:
    """Make ``offset`` in the paragraph's text a run boundary (formatting kept)."""
    for piece in reread(para).pieces:
        if piece.start <= offset < piece.end:
            _split_run(piece.element, offset - piece.start)
            return


def _split_run(child: Any, at: int) -> None:
    """Split the run holding ``child`` (a w:t, tab or break) before character ``at`` of
    that child's text."""
    run = child.getparent()
    content = [c for c in run if c.tag != q("rPr")]
    index = content.index(child)
    if at == 0 and index == 0:
        return  # already a boundary
    second = copy.deepcopy(run)
    second_content = [c for c in second if c.tag != q("rPr")]
    if at == 0:
        keep_first, keep_second = content[:index], second_content[index:]
    else:
        text = child.text or ""
        child.text = text[:at]
        twin = second_content[index]
        twin.text = text[at:]
        for t in (child, twin):
            t.set(_XML_SPACE, "preserve")
        keep_first, keep_second = content[: index + 1], second_content[index:]
    for c in content:
        if c not in keep_first:
            run.remove(c)
    for c in second_content:
        if c not in keep_second:
            second.remove(c)
    run.addnext(second)


def _runs_between(first: Paragraph, start: int, last: Paragraph, end: int) -> list[Any]:
    """The w:r elements holding the text from ``start`` in ``first`` to ``end`` in
    ``last``, in order."""
    runs: list[Any] = []
    if first.element is last.element:
        pieces = [p for p in first.pieces if p.start >= start and p.end <= end]
    else:
        pieces = [p for p in first.pieces if p.start >= start]
        pieces += [p for p in last.pieces if p.end <= end]
    for piece in pieces:
        run = piece.element.getparent()
        if not runs or runs[-1] is not run:
            runs.append(run)
    return runs


def _save(word: WordDocument, out: str) -> None:
    folder = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(prefix=".sglint-", suffix=".docx", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            word.save(f)
        os.replace(tmp, out)
    except OSError as exc:
        os.unlink(tmp)
        raise InputError(f"cannot write the annotated copy ({exc.strerror})", path=out) from None
