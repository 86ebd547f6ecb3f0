"""Text from drafts, paths and rules made safe to print: a draft or a file name from a
pull request must not move the terminal's cursor, start a GitHub workflow command on a
new line, or make a report unparsable (SECURITY.md).

- ``printable``: control characters (C0 but tab, DEL, C1), line and paragraph
  separators and bidirectional overrides are shown escaped (``\\x1b``, ``\\n``,
  ``\\u202e``), so one message stays one line and shows what is really there;
- ``xml_text``: characters XML 1.0 cannot hold at all are dropped.
"""

from __future__ import annotations

import re  # plain character classes: the stdlib's re, no import of regex for a report
from functools import cache

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NOT_XML = r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (tabs kept)."""
    return _UNPRINTABLE.sub(_escaped, text)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (NUL, form feed, lone surrogates…)."""
    return _not_xml().sub("", text)


@cache
def _not_xml() -> re.Pattern[str]:
    """``_NOT_XML`` compiled when an XML report first needs it (about 5 ms: every other
    run, the text and JSON reports among them, skips it)."""
    return re.compile(_NOT_XML)
