"""Markdown prose as Vale reads it (lint/vale/markdown.py), from Vale's documented
behaviour: inline markup gone and words joined, inline code a same-length placeholder,
``$$`` math skipped, image alt text its own ``alt`` block, ``sentence`` = paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from vale.test_vale_parity import run_line, styled

SPACES = """extends: existence
message: "Use one space."
nonword: true
level: error
tokens: ['[a-z][.?!,]? {2,}[a-z]']
"""
PHRASE = """extends: existence
message: "Avoid '%s'."
level: warning
ignorecase: true
tokens: [very good, the code, x = y]
"""


def test_inline_markup_is_gone_and_words_join_with_exact_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Spaces": SPACES, "Phrase": PHRASE})
    lines, _ = run_line(
        tmp_path,
        "Some **bold** text and a [link](http://x.y) here, _very_ good.\n\n"
        "Two  spaces.\n\nSee the `code` block.\n\n$$\nx = y\n$$\n",
        capsys,
    )
    # No 'double space' from blanked markup; 'very good' matches across the emphasis
    # and is reported where it starts in the source (column 52, inside '_very_'): Vale,
    # which searches the source for the match text, falls back to column 1 there.
    # Inline code is a placeholder ('the code' does not match) and $$ math is skipped.
    assert lines == [
        "1:52:T.Phrase:Avoid 'very good'.",
        "3:3:T.Spaces:Use one space.",
    ]


ALT = """extends: existence
message: "Alt text: '%s'."
scope: alt
level: warning
ignorecase: true
tokens: [image of]
"""
PARAGRAPH = """extends: existence
message: "Paragraph: '%s'."
scope: paragraph
level: warning
ignorecase: true
tokens: [image of, see]
"""
LONG = """extends: occurrence
message: "Try to keep sentences short (< %s words)."
scope: sentence
level: suggestion
max: 5
token: \\b(\\w+)\\b
"""


def test_alt_text_is_a_block_of_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    styled(tmp_path, {"Alt": ALT, "Par": PARAGRAPH})
    lines, _ = run_line(
        tmp_path, "See ![An image of a dog](dog.png) here.\n\n![Image of a cat](cat.png)\n", capsys
    )
    assert lines == [
        "1:1:T.Par:Paragraph: 'See'.",
        "1:10:T.Alt:Alt text: 'image of'.",
        "3:3:T.Alt:Alt text: 'Image of'.",
    ]


def test_sentence_scope_is_paragraph_text_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Long": LONG})
    lines, _ = run_line(
        tmp_path,
        "# A heading with far more than five words in it\n\n"
        "- A list item with far more than five words\n\n"
        "| A table cell with far more than five words |\n| --- |\n| x |\n\n"
        "A paragraph sentence with far more than five words. Short one.\n",
        capsys,
    )
    assert lines == ["9:1:T.Long:Try to keep sentences short (< 9 words)."]
