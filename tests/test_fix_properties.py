"""Property-based tests of --fix: random drafts with planted wrong terms come back with
exactly those terms corrected and every other byte as it was."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from fix_rules import active, builtin, substitution
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.facts import Facts
from lint.fixfile import MAX_PASSES, fix_document, fix_file
from lint.readers import read_text

RULES = active(
    *builtin("Safeguarding.Mistranslations"),
    substitution("Test.Napac", {"napac": "NAPAC"}, quoted="report"),
)

#: Wrong term as planted → as it must read after --fix.
PLANTED = [
    ("care gangs", "grooming gangs"),
    ("Care gangs", "Grooming gangs"),
    ("CARE GANGS", "GROOMING GANGS"),
    ("clearance investigations", "grooming investigations"),
    ("care\r\ngangs", "grooming\r\ngangs"),
    ("care\n  gangs", "grooming\n  gangs"),
    ("napac", "NAPAC"),
    ("Napac", "NAPAC"),
    # Direct speech is never changed, even by a rule that reports inside quotes.
    ('"care gangs"', '"care gangs"'),
    ("“Napac and care gangs”", "“Napac and care gangs”"),
]

# Filler cannot spell any planted term (no a, c, e, g, n, p, r, s) nor open a quote;
# separators never wrap a term in quote marks (that would mention it, not use it).
FILLER = st.text(alphabet="bdfhjklmoquvwxyz0123456789éøßÆ£", min_size=1, max_size=8)
SEPARATORS = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r\n", "\n\n", "\r\n\r\n", ", ", ". ", "; ", " — ", " (", ") "]
)


@st.composite
def drafts(draw: st.DrawFn) -> tuple[str, str]:
    """A draft with wrong terms planted between filler words, and the draft corrected."""
    before, after = [draw(st.sampled_from(["", "\n", "\r\n", " "]))] * 2
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            wrong, right = draw(st.sampled_from(PLANTED))
        else:
            wrong = right = draw(FILLER)
        sep = draw(SEPARATORS)
        before += wrong + sep
        after += right + sep
    if draw(st.booleans()):  # no trailing separator: a last line without a newline
        word = draw(FILLER)
        before += word
        after += word
    return before, after


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_only_the_planted_terms_change(draft: tuple[str, str]) -> None:
    before, after = draft
    done = fix_document(read_text("draft.txt", before), RULES)
    assert done.doc.source == after
    assert done.settled
    again = fix_document(done.doc, RULES)
    assert again.fixed == () and again.doc.source == after


ENCODINGS = [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"", "cp1252"),
]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(ENCODINGS))
def test_files_come_back_byte_for_byte(draft: tuple[str, str], encoding: tuple[bytes, str]) -> None:
    before, after = draft
    bom, codec = encoding
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_bytes(bom + before.encode(codec))
        outcome = fix_file(str(path), RULES)
        assert outcome.result.error is None
        assert path.read_bytes() == bom + after.encode(codec)
        assert sorted(p.name for p in Path(folder).iterdir()) == ["draft.txt"]


# -- arbitrary markup: what is protected stays, whatever the text -----------------------

PIECES = st.sampled_from(
    [
        "care gangs",
        "Care gangs",
        "napac",
        "care **gangs**",
        "care <i>gangs</i>",
        "care&nbsp;gangs",
        "`care gangs`",
        "care <!-- x --> gangs",
        "care",
        "gangs",
        " ",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        "`",
        "**",
        "_",
        "<b>",
        "</b>",
        "&amp;",
        "&nbsp;",
        "[",
        "](https://example.org/care-gangs)",
        "https://napac.example/care gangs",
        "# ",
        "> ",
        "    ",
        "word",
        ".",
    ]
)


def protected(doc: Document) -> set[int]:
    """Source offsets the fixer must never touch: direct speech, and every character the
    reader did not keep as prose (markup, code, URLs, entities, comments)."""
    out: set[int] = set()
    for q in Facts(doc).quotes:
        out.update(range(*doc.source_span(q.start, q.end)))
    for v, seen in enumerate(doc.text):
        start, end = doc.source_span(v, v + 1)
        if doc.source[start:end] != seen:
            out.update(range(start, end))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30), st.sampled_from(["text", "markdown", "html"]))
def test_no_fix_touches_quotes_or_markup(pieces: list[str], fmt: str) -> None:
    # Pass by pass, since each pass reads the text again: whatever the reader keeps out
    # of the prose in that text, no fix of that pass touches it.
    doc = read_text("draft", "".join(pieces), fmt)
    for _ in range(MAX_PASSES):
        done = fix_document(doc, RULES, unsafe=True, max_passes=1)
        guarded = protected(doc)
        for f in done.fixed:
            assert not guarded.intersection(range(f.start, f.end)), (f.match, doc.text)
        if not done.fixed:
            break
        doc = done.doc
