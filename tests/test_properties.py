"""Property-based tests: any text at all, through every reader and the default rule set.

For any text (any Unicode but lone surrogates, which no decoded file holds; astral
characters, combining marks, right-to-left and zero-width characters; any line endings,
lone CR included; random Markdown and HTML fragments): no exception escapes, every
finding lies inside the file, ``source[start:end] == match``, its (line, column) agree
with its offsets, every reporter renders it, and two runs give the same output.

Example counts are modest so the suite stays fast; SGLINT_PROPERTY_EXAMPLES=2000 runs
the exhaustive variant.
"""

from __future__ import annotations

import os
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config, active_rules
from lint.engine import ActiveRule, check_document
from lint.errors import InputError
from lint.finding import Finding
from lint.fixfile import fix_document
from lint.readers import read_bytes, read_text
from lint.report import REPORTERS, reporter
from lint.runner import FileResult, finding_lines

EXAMPLES = int(os.environ.get("SGLINT_PROPERTY_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

FORMATS = {"text": "draft.txt", "markdown": "draft.md", "html": "draft.html"}

FRAGMENTS = [
    # line endings and other breaks
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\r",
    "\r\n\r\n",
    "\u2028",
    "\u2029",
    "\x0c",
    "\x85",
    "\t",
    # zero-width, combining, right-to-left, astral
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u2060",
    "e\u0301",
    "\u0301",
    "\u0327",
    "\u202e",
    "\u202c",
    "\u200f",
    "שלום",
    "مرحبا",
    "😀",
    "𝔘𝔫𝔦",
    "👩‍👧",
    "\U0010fffd",
    # quotation marks and speech
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    ' said: "',
    '," she said.',
    "he added:",
    # Markdown
    "# ",
    "## ",
    "> ",
    ">> ",
    "- ",
    "* ",
    "1. ",
    "   ",
    "    ",
    "```\n",
    "~~~",
    "`",
    "``",
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "[link](http://example.org)",
    "![i](x.png)",
    "<http://example.org/a>",
    "---\n",
    "***\n",
    "| a | b |\n|---|---|\n| c | d |\n",
    "title: x\n---\n",
    "\\",
    "[^1]",
    "[ref]: http://example.org\n",
    "===\n",
    # HTML
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b>",
    "</i>",
    "<li>",
    "<br/>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<!-- sglint-disable -->",
    "<!-- sglint-enable -->",
    "<!-- sglint-disable-next-line -->",
    "<!-- vale off -->",
    "<a href='x",
    "<h2>",
    "<pre>",
    "<code>",
    "</code>",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "&#0;",
    "&#xffffffff;",
    "&bogus;",
    "&",
    "<",
    ">",
    "<![CDATA[",
    "]]>",
    "<?xml ?>",
    "<!DOCTYPE html>",
    "<title>",
]

#: The domain: terms and forms the default packs find, and often fix.
PROSE = [
    "care gangs",
    "Care gangs",
    "child prostitute",
    "child pornography",
    "Child Sexual Exploitation",
    "NSPCC",
    "Napac",
    "Home Secretary James Cleverly",
    "the the",
    "10,000",
    "10000",
    "1 in 5",
    "per cent",
    "50%",
    "£1.5m",
    "21 May 2024",
    "CSE",
    "e.g.",
    "Mr. ",
    "Grooming Gangs Taskforce",
    "victim",
    "survivor",
    "alleged",
    "https://www.gov.uk/x",
    "someone@example.org",
    ".",
    "!",
    "?",
    ":",
    ";",
    ",",
    "—",
    "–",
    "…",
]

UNICODE = st.characters(blacklist_categories=("Cs",))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Text made of random Unicode runs and fragments of prose, Markdown and HTML."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(FRAGMENTS),
                st.sampled_from(PROSE),
                st.text(UNICODE, max_size=12),
                st.text(st.sampled_from("abc xyz.,\n"), min_size=1, max_size=20),
            ),
            min_size=1,
            max_size=40,
        )
    )
    return "".join(pieces)


@cache
def default_rules() -> tuple[ActiveRule, ...]:
    return tuple(active_rules(Config()))


def _position(source: str, offset: int) -> tuple[int, int]:
    """(line, column) of an offset computed from scratch: a line ends at LF, or at a CR
    that no LF follows (CRLF counts once, at its LF)."""
    breaks = [
        i
        for i, c in enumerate(source[:offset])
        if c == "\n" or (c == "\r" and source[i + 1 : i + 2] != "\n")
    ]
    line_start = breaks[-1] + 1 if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def _check(source: str, fmt: str) -> list[Finding]:
    doc = read_text(FORMATS[fmt], source, fmt)
    outcome = check_document(doc, default_rules())
    findings = outcome.findings
    for f in findings:
        assert 0 <= f.start <= f.end <= len(source), f
        assert source[f.start : f.end] == f.match, f
        assert (f.line, f.column) == _position(source, f.start), f
        assert (f.end_line, f.end_column) == _position(source, f.end), f
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    result = FileResult(doc.path, findings, lines=finding_lines(doc, findings))
    for name in REPORTERS:
        assert isinstance(reporter(name)([result], False), str), name
    return findings


@PROPERTY
@given(documents(), st.sampled_from(sorted(FORMATS)))
def test_any_text_through_any_reader_and_the_default_rules(source: str, fmt: str) -> None:
    first = _check(source, fmt)
    assert _check(source, fmt) == first  # deterministic, order included


@PROPERTY
@given(st.text(UNICODE, max_size=300), st.sampled_from(sorted(FORMATS)))
def test_any_unicode_through_any_reader(source: str, fmt: str) -> None:
    _check(source, fmt)


@PROPERTY
@given(
    st.lists(st.sampled_from(["> ", "- ", "1. ", "  ", "* ", ">", "\n", "care gangs"]), max_size=80)
)
def test_any_nesting_of_markdown_containers(pieces: list[str]) -> None:
    _check("".join(pieces) + "\n\nThe care gangs.\n", "markdown")


@PROPERTY
@given(st.binary(max_size=300), st.sampled_from(sorted(FORMATS)))
def test_any_bytes_decode_or_give_one_input_error(data: bytes, fmt: str) -> None:
    try:
        doc = read_bytes(FORMATS[fmt], data)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    check_document(doc, default_rules())


@PROPERTY
@given(documents(), st.sampled_from(sorted(FORMATS)), st.booleans())
def test_any_text_fixes_without_error_and_stays_consistent(
    source: str, fmt: str, unsafe: bool
) -> None:
    def fix() -> tuple[str, list[Finding], tuple[Finding, ...]]:
        done = fix_document(read_text(FORMATS[fmt], source, fmt), default_rules(), unsafe=unsafe)
        return done.doc.source, done.outcome.findings, done.fixed

    fixed, remaining, applied = fix()
    for f in remaining:  # what remains points into the fixed text
        assert fixed[f.start : f.end] == f.match
    assert all(source[f.start : f.end] == f.match for f in applied[:1])  # first pass: source
    assert fix() == (fixed, remaining, applied)  # deterministic
