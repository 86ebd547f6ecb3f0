"""``sglint stats``: readability figures per file, as a table or as JSON.

The figures are measured as the Readability rules measure them (``lint/readability.py``):
sglint's sentences, prose blocks only, syllables from textstat. The UK reading age is an
estimate (Flesch-Kincaid grade plus 5) and every output says so.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import metadata

from lint.config import Config
from lint.document import Document
from lint.errors import SglintError
from lint.facts import Facts
from lint.files import iter_files, read_file
from lint.readability import Figures, figures
from lint.readers import read_bytes

READING_AGE_NOTE = "reading age is an estimate: Flesch-Kincaid grade + 5"
FORMATS = ("text", "json")


@dataclass(frozen=True)
class LongSentence:
    line: int
    column: int
    words: int
    text: str


@dataclass(frozen=True)
class FileStats:
    path: str
    figures: Figures
    longest: tuple[LongSentence, ...]


def file_stats(doc: Document, *, quotes: bool = True, longest: int = 3) -> FileStats:
    """The figures of one document and its ``longest`` sentences (longest first)."""
    text = Facts(doc).prose()
    if not quotes:
        text = text.without_quotes()
    ranked = sorted(text.sentences, key=lambda s: (-len(s.words), s.start))[:longest]
    long_sentences = []
    for sentence in ranked:
        start, end = doc.source_span(sentence.start, sentence.end)
        line, column = doc.position(start)
        long_sentences.append(
            LongSentence(line, column, len(sentence.words), " ".join(doc.source[start:end].split()))
        )
    return FileStats(doc.path, figures(text), tuple(long_sentences))


def collect(
    paths: Sequence[str], config: Config, *, quotes: bool = True, longest: int = 3
) -> tuple[list[FileStats], list[SglintError]]:
    """Figures for every document under ``paths``, and the files that could not be read."""
    stats: list[FileStats] = []
    errors: list[SglintError] = []
    for path, _ in iter_files(paths, config):
        try:
            doc = read_bytes(path, read_file(path))
        except SglintError as exc:
            errors.append(exc)
            continue
        stats.append(file_stats(doc, quotes=quotes, longest=longest))
    return stats, errors


def render_json(stats: Sequence[FileStats], *, quotes: bool) -> str:
    files = []
    for item in stats:
        fig = item.figures
        measured = fig.words > 0  # no prose: ratios are undefined, not zero

        def ratio(value: float, measured: bool = measured) -> float | None:
            return round(value, 2) if measured else None

        files.append(
            {
                "path": item.path,
                "words": fig.words,
                "sentences": fig.sentences,
                "paragraphs": fig.paragraphs,
                "syllables": fig.syllables,
                "average_sentence_length": ratio(fig.average_sentence_length),
                "reading_ease": ratio(fig.reading_ease),
                "reading_ease_band": fig.band if measured else None,
                "grade": ratio(fig.grade),
                "reading_age": ratio(fig.reading_age),
                "reading_age_is_estimate": True,
                "longest_sentences": [asdict(s) for s in item.longest],
            }
        )
    report = {
        "textstat": metadata.version("textstat"),
        "quotes": "included" if quotes else "excluded",
        "note": READING_AGE_NOTE,
        "files": files,
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


_HEADERS = ("file", "words", "sentences", "words/sentence", "reading ease", "grade", "reading age*")


def _row(item: FileStats) -> tuple[str, ...]:
    fig = item.figures
    if not fig.words:
        return (item.path, "0", "0", "-", "-", "-", "-")
    return (
        item.path,
        f"{fig.words:,}",
        f"{fig.sentences:,}",
        f"{fig.average_sentence_length:.1f}",
        f"{fig.reading_ease:.1f} {fig.band}",
        f"{fig.grade:.1f}",
        f"{fig.reading_age:.0f}",
    )


def render_text(stats: Sequence[FileStats], *, quotes: bool, width: int = 100) -> str:
    rows = [_row(item) for item in stats]
    widths = [max(len(row[i]) for row in (_HEADERS, *rows)) for i in range(len(_HEADERS))]

    def line(cells: Sequence[str]) -> str:
        # The file and the reading ease (a number and a word) read left to right.
        return "  ".join(
            cell.ljust(w) if i in (0, 4) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(_HEADERS), *(line(row) for row in rows), ""]
    out.append(f"* {READING_AGE_NOTE[0].upper()}{READING_AGE_NOTE[1:]}.")
    out.append(
        "  Quoted speech "
        + ("included (--exclude-quotes leaves it out)." if quotes else "excluded.")
    )
    if any(item.longest for item in stats):
        out += ["", "Longest sentences:"]
        room = width - 4
        for item in stats:
            for sentence in item.longest:
                text = sentence.text
                shown = text if len(text) <= room else text[: room - 1].rstrip() + "…"
                out.append(
                    f"  {item.path}:{sentence.line}:{sentence.column}: {sentence.words} words"
                )
                out.append(f"    {shown}")
    return "\n".join(out) + "\n"


def render(stats: Sequence[FileStats], fmt: str, *, quotes: bool) -> str:
    if fmt == "json":
        return render_json(stats, quotes=quotes)
    return render_text(stats, quotes=quotes)
