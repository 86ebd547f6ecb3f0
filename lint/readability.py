"""Readability figures on the prose the reader sees.

Sentences come from sglint's own splitter (``Facts.sentences``), not textstat's, which
cuts "£4.5 million" and "Mr Cleverly" in two and glues headings to the next sentence.
Words are counted for press copy ("£4.5", "4,000", "co-ordinate" and "children's" are one
word each); syllables come from textstat (CMUdict, ``en_GB``), loaded only when a formula
needs them.

What is measured:

- prose blocks chosen by a Vale-style scope, by default paragraphs, list items and block
  quotes (Vale's ``summary``): headings, table cells, code and front matter are not prose;
- in plain text, a paragraph that is one unpunctuated line group ("Formation and Mission",
  a byline, an image caption) is a *label*, treated as a heading;
- in plain text with one paragraph per line (no blank lines, long lines), each line that
  starts a sentence starts a paragraph;
- a sentence is *quoted* when most of its words lie in direct speech (``Facts.quotes``),
  so rules can leave quoted speech out of the figures.

Formulas are arithmetic over the counts (``words``, ``sentences``, ``syllables`` …) and
may name the standard formulas below, e.g. ``reading_ease`` or ``reading_age``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from lint import patterns
from lint.document import OPAQUE, Block, Document, SpanIndex
from lint.errors import RuleError
from lint.formula import MATH_NAMES, Expression
from lint.scopes import Selector

#: A word: letters and digits joined by apostrophes, hyphens, slashes, and by stops,
#: commas or colons inside figures and abbreviations ("£4.5", "4,000", "10:30", "U.K.",
#: "co.uk"); a run of masked content (a URL, inline code) reads as one word.
WORD_RE = patterns.compile(
    r"(?:\p{L}\.){2,}"
    r"|[\p{L}\p{N}]+(?:(?:['’\-‐‑/]|\.(?=[\p{L}\p{N}])|(?<=\p{N})[,:](?=\p{N}))[\p{L}\p{N}]+)*"
    rf"|{OPAQUE}+"
)
#: Terminal punctuation at the end of a sentence, before closing quotes and brackets.
#: A colon or semicolon counts: "… said:" introduces speech, it is not a heading.
_ENDS_SENTENCE = patterns.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
#: A plain-text block with a line longer than this is not hard-wrapped: its lines are
#: paragraphs (as in text pasted from a web page or a word processor).
WRAP_WIDTH = 100
#: Prose scopes measured unless a rule says otherwise (Vale's ``summary``).
DEFAULT_SCOPES = ("paragraph", "list", "blockquote")
#: The scope given to plain-text labels, so that a rule scoped to headings sees them.
LABEL_SCOPE = "heading.label"

COUNTS = (
    "words",
    "sentences",
    "paragraphs",
    "syllables",
    "polysyllabic_words",
    "complex_words",
    "characters",
    "long_words",
)
SYLLABLE_COUNTS = frozenset({"syllables", "polysyllabic_words", "complex_words"})

#: Standard formulas, by name. Rules and ``sglint stats`` share these definitions.
FORMULAS: dict[str, str] = {
    "average_sentence_length": "words / sentences",
    # Flesch (1948), with textstat's English constants.
    "reading_ease": "206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)",
    # Kincaid et al. (1975): a US school grade.
    "grade": "0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59",
    # An estimate, not a standard: UK reading age is roughly the US grade plus 5.
    "reading_age": "grade + 5",
    "gunning_fog": "0.4 * ((words / sentences) + 100 * (complex_words / words))",
    "smog": "1.043 * sqrt(polysyllabic_words * 30 / sentences) + 3.1291",
    "coleman_liau": (
        "0.0588 * (characters * 100 / words) - 0.296 * (sentences * 100 / words) - 15.8"
    ),
    "automated_readability": "4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43",
}
#: Vale's legacy ``readability`` metric names → formula names.
VALE_METRICS: dict[str, str] = {
    "Flesch-Kincaid": "grade",
    "Gunning Fog": "gunning_fog",
    "SMOG": "smog",
    "Coleman-Liau": "coleman_liau",
    "Automated Readability": "automated_readability",
}
#: Flesch reading ease bands, as textstat documents them (lower bound, label).
EASE_BANDS = (
    (90.0, "very easy"),
    (80.0, "easy"),
    (70.0, "fairly easy"),
    (60.0, "standard"),
    (50.0, "fairly difficult"),
    (30.0, "difficult"),
)


def ease_band(score: float) -> str:
    for floor, label in EASE_BANDS:
        if score >= floor:
            return label
    return "very confusing"


# -- the measured prose ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A measured sentence: its view span and its words. A *quoted* sentence is mostly
    direct speech; ``speech`` is then the part of it inside the quotation marks."""

    start: int
    end: int
    words: tuple[str, ...]
    speech: tuple[int, int] | None = None

    @property
    def quoted(self) -> bool:
        return self.speech is not None


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Prose:
    """The paragraphs a rule or ``sglint stats`` measures, in document order."""

    paragraphs: tuple[Paragraph, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def without_quotes(self) -> Prose:
        """The same prose with quoted sentences (and paragraphs left empty) removed."""
        kept = []
        for p in self.paragraphs:
            sentences = tuple(s for s in p.sentences if not s.quoted)
            if sentences:
                kept.append(Paragraph(p.start, p.end, sentences))
        return Prose(tuple(kept))


def words_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]``, counted as a reader counts them."""
    return WORD_RE.findall(text, start, len(text) if end is None else end)


def build_prose(
    doc: Document, sentences: Sequence[Block], quotes: SpanIndex, scopes: Selector | None = None
) -> Prose:
    """The measured paragraphs of a document (``Facts.prose`` keeps them per document)."""
    selector = scopes or Selector.parse(DEFAULT_SCOPES)
    text = doc.text
    by_block: dict[Block, list[Block]] = {}
    for sentence in sentences:
        block = doc.block_at(sentence.start, sentence.end)
        if block is not None:
            by_block.setdefault(block, []).append(sentence)
    paragraphs: list[Paragraph] = []
    for block in doc.blocks:
        groups = _paragraph_groups(doc, block, by_block.get(block, []))
        for group in groups:
            scope = block.scope
            if block.scope == "paragraph" and _is_label(text, group):
                scope = LABEL_SCOPE
            if not selector.matches(scope):
                continue
            measured = tuple(_sentence(doc, quotes, s) for s in group)
            measured = tuple(s for s in measured if s.words)
            if measured:
                paragraphs.append(Paragraph(group[0].start, group[-1].end, measured))
    return Prose(tuple(paragraphs))


def _paragraph_groups(doc: Document, block: Block, sentences: list[Block]) -> list[list[Block]]:
    """The block's sentences grouped into paragraphs: one group, except in plain text
    written one paragraph per line, where a sentence at the start of a line starts one."""
    if not sentences:
        return []
    text = doc.text
    lines = text[block.start : block.end].split("\n")
    if doc.fmt != "text" or all(len(line) <= WRAP_WIDTH for line in lines[:-1]):
        return [sentences]
    groups: list[list[Block]] = [[sentences[0]]]
    for sentence in sentences[1:]:
        line_start = text.rfind("\n", block.start, sentence.start) + 1
        if line_start and not text[line_start : sentence.start].strip():
            groups.append([sentence])
        else:
            groups[-1].append(sentence)
    return groups


def _is_label(text: str, group: Sequence[Block]) -> bool:
    """One 'sentence' with no terminal punctuation: a heading, byline or caption."""
    return len(group) == 1 and not _ENDS_SENTENCE.search(text, group[0].start, group[0].end)


def _sentence(doc: Document, quotes: SpanIndex, span: Block) -> Sentence:
    matches = list(WORD_RE.finditer(doc.text, span.start, span.end))
    words = tuple(m.group() for m in matches)
    if not quotes:
        return Sentence(span.start, span.end, words)
    spoken = [m for m in matches if quotes.containing(m.start(), m.end()) is not None]
    if len(spoken) * 2 <= len(matches):
        return Sentence(span.start, span.end, words)
    quote = quotes.containing(spoken[0].start(), spoken[0].end())
    assert quote is not None  # the quote that made the word spoken
    return Sentence(
        span.start, span.end, words, (max(quote.start, span.start), min(quote.end, span.end))
    )


# -- counts and formulas ---------------------------------------------------------------


def counts(
    sentences: Sequence[Sentence], *, paragraphs: int = 1, syllables: bool = False
) -> dict[str, float]:
    """The variables formulas use, over some sentences. Syllables only when asked:
    they need textstat's dictionary."""
    words = [w for s in sentences for w in s.words]
    lengths = [_letters(w) for w in words]
    values: dict[str, float] = {
        "words": len(words),
        "sentences": len(sentences),
        "paragraphs": paragraphs,
        "characters": sum(lengths),
        "long_words": sum(1 for n in lengths if n > 6),
    }
    if syllables:
        per_word = syllable_counts(words)
        values["syllables"] = sum(per_word)
        values["polysyllabic_words"] = sum(1 for n in per_word if n >= 3)
        values["complex_words"] = values["polysyllabic_words"]
    return values


@lru_cache(maxsize=65536)
def _letters(word: str) -> int:
    """Letters and digits in a word (memoised: the same words recur across sentences)."""
    return sum(1 for c in word if c.isalnum())


def syllable_counts(words: Iterable[str]) -> list[int]:
    """textstat's syllable count per word; masked content counts as one syllable, as
    textstat counts figures and acronyms."""
    from lint.syllables import syllable_count

    return [1 if w.startswith(OPAQUE) else syllable_count(w) for w in words]


class Formula:
    """A formula over the counts; it may use the standard formulas by name."""

    def __init__(self, source: str, *, path: str = "<formula>", line: int = 0) -> None:
        self.source = source
        names = _names(source, path=path, line=line)
        unknown = sorted(names - set(COUNTS) - set(FORMULAS) - MATH_NAMES)
        if unknown:
            raise RuleError(
                f"'formula' uses unknown variable '{unknown[0]}'; use counts "
                f"({', '.join(COUNTS)}) or formulas ({', '.join(FORMULAS)})",
                path=path,
                line=line,
            )
        self._formula = Expression(
            _expand(source), variables=frozenset(COUNTS), path=path, line=line
        )
        self.needs_syllables = bool(self._formula.names & SYLLABLE_COUNTS)

    def evaluate(self, values: Mapping[str, float]) -> float:
        return self._formula.evaluate(values)


def _names(source: str, *, path: str, line: int) -> set[str]:
    try:
        tree = ast.parse(regex.sub(r"heading\.h(\d)", r"heading_h\1", source), mode="eval")
    except SyntaxError as exc:
        raise RuleError(
            f"'formula' is not a valid expression: {exc.msg}", path=path, line=line
        ) from None
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def _expand(source: str) -> str:
    """Replace formula names by their definitions, innermost last."""
    pattern = regex.compile(r"\b(" + "|".join(FORMULAS) + r")\b")
    for _ in range(len(FORMULAS) + 1):
        expanded = pattern.sub(lambda m: f"({FORMULAS[m.group(1)]})", source)
        if expanded == source:
            return source
        source = expanded
    raise AssertionError("FORMULAS refer to each other in a loop")


@cache
def standard(name: str) -> Formula:
    return Formula(FORMULAS[name], path="lint/readability.py")


@dataclass(frozen=True)
class Figures:
    """A document's headline figures, as ``sglint stats`` reports them."""

    words: int
    sentences: int
    paragraphs: int
    syllables: int
    average_sentence_length: float
    reading_ease: float
    grade: float
    reading_age: float

    @property
    def band(self) -> str:
        return ease_band(self.reading_ease)


def figures(text: Prose) -> Figures:
    values = counts(text.sentences, paragraphs=len(text.paragraphs), syllables=True)
    if not values["words"]:
        return Figures(0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0)

    def value(name: str) -> float:
        return standard(name).evaluate(values)

    return Figures(
        words=int(values["words"]),
        sentences=int(values["sentences"]),
        paragraphs=int(values["paragraphs"]),
        syllables=int(values["syllables"]),
        average_sentence_length=value("average_sentence_length"),
        reading_ease=value("reading_ease"),
        grade=value("grade"),
        reading_age=value("reading_age"),
    )
