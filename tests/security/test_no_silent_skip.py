"""Item 4 of issue 18: entities, invisible characters and odd spaces never hide a term,
and a paragraph the reader cannot align is still linted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.readers import read_text
from lint.runner import check_text

RULE = "Safeguarding.Mistranslations"


def mistranslations(text: str, path: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.match) for f in check_text(text, path=path) if f.rule == RULE]


@pytest.mark.parametrize("space", ["&nbsp;", "&#160;", "&#xA0;", "&thinsp;", "&ensp;"])
@pytest.mark.parametrize("path", ["draft.md", "draft.html"])
def test_a_whitespace_entity_does_not_hide_the_paragraph(space: str, path: str) -> None:
    text = f"Intro line.\n\nThey investigate care{space}gangs &amp; more.\n"
    assert mistranslations(text, path) == [(3, 18, f"care{space}gangs")]


@pytest.mark.parametrize(
    "hidden",
    ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u202e", "\u2066", "\ufeff"],
)
@pytest.mark.parametrize("path", ["draft.txt", "draft.md", "draft.html"])
def test_invisible_characters_inside_a_term_are_ignored(hidden: str, path: str) -> None:
    text = f"<p>They investigate ca{hidden}re ga{hidden}ngs.</p>\n"
    if not path.endswith(".html"):
        text = text[3:-5] + "\n"
    found = mistranslations(text, path)
    column = 21 if path.endswith(".html") else 18
    assert found == [(1, column, f"ca{hidden}re ga{hidden}ngs")]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
def test_odd_spaces_read_as_spaces(space: str) -> None:
    assert mistranslations(f"They investigate care{space}gangs.\n", "draft.txt") == [
        (1, 18, f"care{space}gangs")
    ]


def test_entities_decode_with_exact_positions_in_markdown() -> None:
    text = "A &amp; B &copy; &#8217;s care&nbsp;gangs\r\n\r\n**care**&nbsp;gangs \\*x\\*\n"
    doc = read_text("draft.md", text)
    assert doc.text.startswith("A & B © ’s care gangs")
    start = doc.text.index("care gangs")
    assert doc.source_span(start, start + len("care gangs")) == (
        text.index("care&nbsp;"),
        text.index("gangs") + 5,
    )
    assert mistranslations(text, "draft.md") == [
        (1, 27, "care&nbsp;gangs"),
        (3, 3, "care**&nbsp;gangs"),
    ]


def test_a_paragraph_the_reader_cannot_align_is_linted_with_a_warning() -> None:
    text = "Fine.\n\nThey investigate care gangs \x00 here.\n"
    doc = read_text("draft.md", text)
    assert doc.notices == (
        "draft.md:3: warning: could not match Markdown text to the source; linted as plain "
        "text, positions may be less exact",
    )
    assert mistranslations(text, "draft.md") == [(3, 18, "care gangs")]


def test_nbsp_draft_fails_the_run(tmp_path: Path, sglint: Any) -> None:
    (tmp_path / "cms.md").write_text("They investigate care&nbsp;gangs.\n", encoding="utf-8")
    done = sglint(tmp_path, "check", "cms.md")
    assert done.status == 1
    assert "cms.md:1:18" in done.out


_PIECES = [
    "care",
    "gangs",
    " ",
    "\n",
    "\n\n",
    "&amp;",
    "&nbsp;",
    "&#160;",
    "&thinsp;",
    "&copy;",
    "&bogus;",
    "\\*",
    "*",
    "_",
    "`",
    "# ",
    "- ",
    "> ",
    "\u00ad",
    "\u200b",
    "\u00a0",
    "[a](b)",
    "<b>",
    "&",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["x.md", "x.html", "x.txt"])
)
def test_every_letter_of_the_view_points_at_itself_in_the_source(
    pieces: list[str], path: str
) -> None:
    """Whatever mix of references, escapes, markup and invisible characters: reading
    never fails, and each letter rules see maps to the same letter in the source (or to
    the reference that stands for it)."""
    source = "".join(pieces)
    doc = read_text(path, source)
    for i, c in enumerate(doc.text):
        if c.isalpha():
            start, end = doc.source_span(i, i + 1)
            assert source[start:end] == c or source[start:end].startswith("&"), (i, c)
