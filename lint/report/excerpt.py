"""Excerpts for drafts without lines: a Word finding's paragraph, in every format.

A .docx has no lines a tool can open at, so each format carries the paragraph's text
beside the position (paragraph number, character), where a text file needs none.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from lint.finding import Finding
from lint.readers import PARAGRAPH_FORMATS, format_for


@lru_cache(maxsize=4096)  # asked once per finding: a report of a folder asks thousands
def in_paragraphs(path: str) -> bool:
    """Whether positions in ``path`` are paragraph and character, not line and column."""
    return format_for(path) in PARAGRAPH_FORMATS


def paragraph_excerpt(f: Finding, lines: Mapping[int, str]) -> str | None:
    """The paragraph a finding is in, for a draft without lines; None otherwise."""
    return lines.get(f.line) if in_paragraphs(f.path) else None
