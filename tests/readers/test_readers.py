"""Readers: prose is found, non-prose is masked, and positions map to the original file."""

from __future__ import annotations

import codecs

import pytest
from helpers import prose_of, span_of

from lint.document import OPAQUE
from lint.errors import InputError
from lint.readers import decode, read_bytes, read_text

MD = """---
title: care gangs in front matter
---
# Care gangs heading

Para with `care gangs` code and [care gangs](http://care-gangs.example) link.
Second line *care* __gangs__ end.

```
care gangs in fence
```

    indented care gangs code

- item care gangs
  > quoted care gangs

| head | col |
|------|-----|
| care gangs | d |

See https://example.com/care-gangs now. <!-- a comment about care gangs -->
Escaped \\*stars\\* and &amp; entity care gangs.
![care gangs alt](img.png) after image.
"""


def test_markdown_masks_non_prose() -> None:
    doc = read_text("x.md", MD)
    # The view keeps every offset up to the one character reference, "&amp;", which it
    # decodes to "&"; past it the view is 4 shorter and the offset map says where.
    amp = MD.index("&amp;")
    assert doc.text[: amp + 1] == doc.text[:amp] + "&" and len(doc.text) == len(MD) - 4
    assert doc.source_span(amp, amp + 1) == (amp, amp + 5)
    view = doc.text[: amp + 1] + "    " + doc.text[amp + 1 :]  # realigned with the source
    for hidden in (
        "front matter",
        "in fence",
        "indented care",
        "http://",
        "a comment",
        "img.png",
        "care gangs alt",
    ):
        i = MD.index(hidden)
        assert view[i : i + len(hidden)] != hidden, hidden
    assert view[MD.index("`care gangs`")] == OPAQUE  # code spans are opaque, not blank
    for shown in (
        "Care gangs heading",
        "item care gangs",
        "quoted care gangs",
        "Second line",
        "entity care gangs",
        "after image",
    ):
        i = MD.index(shown)
        assert view[i : i + len(shown)] == shown, shown


def test_markdown_scopes() -> None:
    doc = read_text("x.md", MD)
    scopes = {prose_of(doc, b): b.scope for b in doc.blocks}
    assert scopes["Care gangs heading"] == "heading.h1"
    assert scopes["item care gangs"] == "list"
    assert scopes["quoted care gangs"] == "blockquote"
    assert scopes["care gangs"] == "table.cell"
    assert scopes["head"] == "table.header"
    assert any(s.startswith("Para with") and v == "paragraph" for s, v in scopes.items())


def test_markdown_emphasis_markers_are_blank_so_phrases_still_match() -> None:
    doc = read_text("x.md", "Use *care* __gangs__ here.\n")
    assert doc.text == "Use  care    gangs   here.\n"


def test_markdown_positions_in_crlf_file() -> None:
    source = "# Title\r\n\r\nFirst `code` line\r\nsecond care gangs line\r\n"
    doc = read_text("x.md", source)
    assert len(doc.text) == len(source)
    start = source.index("care gangs")
    assert doc.text[start : start + 10] == "care gangs"
    assert doc.position(start) == (4, 8)
    assert [prose_of(doc, b) for b in doc.blocks] == [
        "Title",
        "First \ue000\ue000\ue000\ue000\ue000\ue000 line\r\nsecond care gangs line",
    ]


def test_markdown_directives() -> None:
    doc = read_text("x.md", "<!-- sglint-disable A.B, C -->\n\ntext <!-- sglint-enable -->\n")
    assert [(d.action, d.rules) for d in doc.directives] == [
        ("disable", ("A.B", "C")),
        ("enable", ()),
    ]
    assert doc.directives[0].start == 0


def test_html_visible_text_only_with_entities() -> None:
    source = (
        "<html><head><title>Care gangs</title><style>p{color:red}</style></head>\n"
        "<body><script>var care = 'gangs';</script>\n"
        "<p>Children&rsquo;s care&nbsp;gangs &amp; <b>more</b>.</p><pre>code</pre>\n"
        "</body></html>\n"
    )
    doc = read_text("x.html", source)
    prose = [prose_of(doc, b) for b in doc.blocks]
    # Inline tags take no room, as in a browser: "<b>more</b>." reads "more."; the
    # no-break space reads as a plain space for matching (lint.readers.common).
    assert prose == ["Care gangs", "Children’s care gangs & more."]
    assert "var care" not in doc.text and "color" not in doc.text
    start, end = span_of(doc, "care gangs")
    assert source[start:end] == "care&nbsp;gangs"
    assert doc.position(start) == (3, 21)


def test_html_block_scopes() -> None:
    doc = read_text("x.html", "<h2>Head</h2><ul><li>One</li></ul><blockquote>Q</blockquote>")
    assert [(b.scope, prose_of(doc, b)) for b in doc.blocks] == [
        ("heading.h2", "Head"),
        ("list", "One"),
        ("blockquote", "Q"),
    ]


def test_plain_text_paragraphs_and_urls() -> None:
    source = "First para\nstill first.\n\n  \nSecond www.example.com/care-gangs end.\n"
    doc = read_text("x.txt", source)
    assert [prose_of(doc, b).split("\n")[0] for b in doc.blocks] == [
        "First para",
        "Second \ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000"
        "\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000\ue000"
        "\ue000\ue000\ue000\ue000 end.",
    ]


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Café care".encode(), "utf-8", "Café care"),
        (codecs.BOM_UTF8 + "Café".encode(), "utf-8-sig", "Café"),
        ("Café ‘x’".encode("utf-16"), "utf-16", "Café ‘x’"),
        ("Café ‘x’".encode("cp1252"), "cp1252", "Café ‘x’"),
    ],
)
def test_decode(data: bytes, encoding: str, text: str) -> None:
    decoded, used, _notices = decode(data, "f.txt")
    assert (decoded, used) == (text, encoding)


def test_binary_and_undecodable_files_are_input_errors() -> None:
    with pytest.raises(InputError, match="binary"):
        read_bytes("f.txt", b"abc\x00def")
    with pytest.raises(InputError, match=r"f.txt:2: cannot decode byte 0x81"):
        read_bytes("f.txt", b"ok\n\x81\x8d\x8f\x90\x9d")  # undefined in Windows-1252 too


def test_bom_positions_are_in_code_points_after_the_bom() -> None:
    doc = read_bytes("f.txt", codecs.BOM_UTF8 + b"ab\r\ncd care")
    assert doc.source == "ab\r\ncd care"
    assert doc.position(doc.source.index("care")) == (2, 4)


def test_lone_cr_ends_a_line_for_positions() -> None:
    """Old Mac files: a CR alone is a line break, as editors show it."""
    doc = read_text("x.txt", "First line.\rThey investigate care gangs.\r")
    assert doc.position(doc.source.index("care")) == (2, 18)
    assert doc.line_text(2) == "They investigate care gangs."
