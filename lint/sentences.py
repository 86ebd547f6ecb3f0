"""A sentence splitter for press copy.

textstat's and most quick splitters cut at every full stop; press copy is full of
``Mr``, ``Dr``, ``No. 10``, ``£4.5 million``, initials and quotes that end a sentence.
A boundary here is terminal punctuation, then any closing quotes or brackets, then white
space, then something that can start a sentence, unless the word before the stop is a
known abbreviation or an initial. Headings and paragraphs end sentences by construction:
the splitter only runs inside one block.
"""

from __future__ import annotations

import regex

from lint import lexicon, patterns

# Abbreviations that are followed by a full stop but rarely end a sentence (the lexicon's).
ABBREVIATIONS = lexicon.words("abbreviations")
# Abbreviations that end sentences freely; only a following capital would be ambiguous.
_NUMBERED = frozenset({"no", "nos", "vol", "fig", "para", "art", "sec", "reg", "ch", "op"})

_BOUNDARY = patterns.compile(
    r"""[.!?…]+            # terminal punctuation
        [\"'”’»)\]]*       # closing quotes and brackets
        (?=\s+             # white space, then a plausible sentence start
           [\"'“‘«(\[]*[\p{Lu}\p{N}£$€#@*\-–—•])""",
    regex.VERBOSE,
)
_WORD_BEFORE = patterns.compile(r"([\p{L}.]+)\.?[\"'”’»)\]]*$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (view offsets) within ``text[start:end]``, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().startswith(".") and _is_abbreviation(text, pos, m.start(), m.end()):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span]


def _is_abbreviation(text: str, sentence_start: int, stop: int, after: int) -> bool:
    # Look only at the word before the stop: searching from the sentence start would
    # make every boundary cost the length of its sentence.
    word_match = _WORD_BEFORE.search(text, max(sentence_start, stop - 24), stop)
    if not word_match:
        return False
    word = word_match.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha() and text[stop - 1].isupper():
        return True  # an initial: "J. K. Rowling", "Ian R. Critchley"
    if word in ABBREVIATIONS:
        if word in _NUMBERED:
            nxt = text[after:].lstrip()[:1]
            return nxt.isdigit()
        return True
    # Dotted abbreviations such as "U.K." inside a sentence.
    return "." in word and len(word) <= 6 and all(len(p) <= 2 for p in word.split("."))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
