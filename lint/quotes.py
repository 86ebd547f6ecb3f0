"""The quote model: where direct speech is, how it is marked, and who is said to say it.

Three forms of direct speech are found:

* ``marks``: text between quotation marks, straight or curly, double or single. UK
  multi-paragraph speech (an opening mark on every paragraph, a closing mark only on the
  last) is one quote spanning the paragraphs.
* ``blockquote``: a Markdown or HTML block quote after an introduction ("X said:").
* ``unmarked``: the press-release form, where a paragraph "Name Title said:" introduces
  one or more paragraphs of speech without quotation marks.

Single marks double as apostrophes (``children's``, ``'90s``, ``Chiefs'``): a single mark
inside a word, before a decade or after a plural with no single quote open is an
apostrophe, never a quotation mark.

Each quote carries its ``Attribution``, the words that say who speaks ("X said", "said X",
"X added:", "according to X", an introduction paragraph, "he said" ...), found from the
text alone. Turning those words into a person is ``lint.speakers``' job.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from lint import lexicon, patterns
from lint.document import OPAQUE, Block

if TYPE_CHECKING:
    from lint.document import Document

DOUBLE, SINGLE = "double", "single"
STRAIGHT, CURLY = "straight", "curly"

#: Verbs that attribute speech (the lexicon's); "told X" and "said in a statement" take a
#: short tail.
SPEECH_VERBS = lexicon.alternation("speech_verbs")
_VERB = rf"(?:{SPEECH_VERBS})"

#: Two apostrophes typed for a double mark ('' or ’’) are one mark.
_MARK_RE = patterns.compile(r"''|[\"'“”‘’]")
_TWO_APOSTROPHES = "''"
_TWO_CURLY_APOSTROPHES = "’’"
_APOSTROPHE_PAIRS = (_TWO_APOSTROPHES, _TWO_CURLY_APOSTROPHES)
_OPENING_PUNCT = "([{—–-/" + OPAQUE
_CLOSING_PUNCT = ".,;:!?)]}—–-…" + OPAQUE
# Single marks that are elisions, not quotes: '90s, '24, 'em, 'tis, rock 'n' roll.
_ELISION = patterns.compile(
    r"['‘’](?:\d0s|\d\d\b|em\b|tis\b|twas\b|til\b|cause\b|n['’]|bout\b)", regex.IGNORECASE
)
# A possessive "'s" (no word or mark after the s; the letter 's' itself stays a quote),
# as it follows a masked link or code span: never the start of a quote.
_POSSESSIVE_S = patterns.compile(r"['’]s(?![\p{L}'’])")
# A later single closing mark (used to tell "Chiefs'" from the end of a single quote).
_SINGLE_CLOSE_AHEAD = patterns.compile(r"(?<=\S)['’](?=[\s.,;:!?)\]”\"]|$)")


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark: its view offset and character."""

    offset: int
    char: str

    @property
    def weight(self) -> str:
        return DOUBLE if self.char in ('"', "“", "”", *_APOSTROPHE_PAIRS) else SINGLE

    @property
    def style(self) -> str:
        return STRAIGHT if self.char in ('"', "'", _TWO_APOSTROPHES) else CURLY


@dataclass(frozen=True, slots=True)
class MarkProblem:
    """A quotation mark that does not pair up: ``unclosed``, ``unopened``,
    ``mismatched`` (a pair of two styles) or ``continuation`` (a paragraph of speech
    that does not open with a mark)."""

    kind: str
    start: int
    end: int
    detail: str
    #: An ``unclosed`` quote still open where a text of several paragraphs ends, set
    #: out as speech (its mark starts a paragraph or follows "X said:"): in an excerpt
    #: cut from a longer page, the quote's close may simply lie beyond the cut.
    at_end: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """The words that name the speaker, as written, and how they were found:
    ``before`` / ``after`` the quote in its paragraph, ``bracket`` (a source in brackets
    after a stand-alone quote, often an anonymised one: "(Young person, 15)"), ``intro``
    (a preceding "X said:" paragraph), ``continued`` (a paragraph following attributed or
    reported speech), ``message`` ("That's the message from X") or ``headline`` (a page
    headed as the person's statement)."""

    start: int
    end: int
    who: str
    how: str


@dataclass(frozen=True)
class Quote:
    """A stretch of direct speech (or a quoted term) in view offsets.

    ``start``/``end`` include the marks; ``parts`` are the spoken words, one span per
    paragraph, marks excluded. ``opening`` is None for speech without marks."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    form: str  # "marks" | "blockquote" | "unmarked"
    opening: Mark | None = None
    closing: Mark | None = None
    speech: bool = True
    attribution: Attribution | None = None
    depth: int = 0  # 0 for top-level quotes, 1+ for quotes inside quotes

    def text(self, view: str) -> str:
        return "\n\n".join(view[s:e] for s, e in self.parts)

    def lead(self, view: str, words: int = 6) -> tuple[int, int]:
        """A short span for reporting: the opening mark and the first few words."""
        start = self.start
        first_end = self.parts[0][1] if self.parts else self.end
        m = regex.compile(rf"(?:\S+\s+){{0,{words - 1}}}\S+").match(
            view, self.parts[0][0] if self.parts else start, first_end
        )
        return start, (m.end() if m else first_end)


@dataclass(frozen=True)
class QuoteModel:
    quotes: tuple[Quote, ...]  # top-level quotes, in document order
    nested: tuple[Quote, ...] = ()
    problems: tuple[MarkProblem, ...] = ()
    intros: tuple[Block, ...] = field(default=())  # "X said:" paragraphs before speech

    def spans(self) -> Iterator[Block]:
        for q in self.quotes:
            yield Block("quote", q.start, q.end)


# -- marks ------------------------------------------------------------------------------


@dataclass
class _BlockScan:
    pairs: list[tuple[Mark, Mark, int]] = field(default_factory=list)  # open, close, depth
    stray: list[Mark] = field(default_factory=list)  # closers with nothing open
    open: list[Mark] = field(default_factory=list)  # left open at the block's end
    lead: Mark | None = None  # an opening mark that starts the block
    #: Opening marks after a sentence's end inside speech already open, with too few
    #: closing marks left in the block to close them as well: paragraphs merged into one
    #: ("… identified. “It is a lengthy …”"), each a stray, the speech still open.
    inner: list[Mark] = field(default_factory=list)


def _flanking(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """(left, right): whether the mark can open (before a word) or close (after one)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    # Nothing opens right before closing punctuation (markup blanked to spaces can
    # leave a closing mark after a space: "protect **him**";).
    left = (before.isspace() or before in _OPENING_PUNCT or before in "\"“‘'") and not (
        after.isspace() or after in ",.;:!?)]}"
    )
    right = not before.isspace() and (
        after.isspace() or after in _CLOSING_PUNCT or after in "\"”’'"
    )
    return left, right


def _after_stop(text: str, i: int, start: int) -> bool:
    """Whether the last character before the spaces before ``i`` ends a clause."""
    j = i - 1
    while j >= start and text[j].isspace():
        j -= 1
    return j >= start and text[j] in ",.!?"


def _spaced(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before.isspace() and after.isspace()


#: Sentence-ending punctuation before a paragraph break (lost or kept as a line break).
_PARAGRAPH_END = ".!?…:"


def _line_continues(text: str, i: int, start: int, stack: Sequence[Mark], weight: str) -> bool:
    """Whether an opening mark at ``i`` starts a new paragraph of speech already open.

    Copy taken from a web page often loses its blank lines, so a block's lines can be
    its paragraphs: a line that opens with a mark after a line that ends a sentence, with
    a quote of that weight open since an earlier line, continues that quote (the UK
    convention for speech over several paragraphs), as a paragraph would."""
    if not stack or stack[-1].weight != weight:
        return False
    j = i - 1
    while j >= start and text[j] in " \t":
        j -= 1
    if j < start or text[j] != "\n" or stack[-1].offset > j:
        return False
    while j >= start and text[j].isspace():
        j -= 1
    return j >= start and text[j] in _PARAGRAPH_END


def _glued_continues(text: str, i: int, end: int) -> bool:
    """Whether a straight double mark glued between a sentence's end and a capital
    ("… a death message."You're telling …") opens a paragraph of speech that goes on.

    Paragraphs run together by a page's extraction leave the mark between them with no
    space: it closes the quote if the next mark opens another, and otherwise is the
    opening of the quote's next paragraph (the close of the one before is left off by
    the multi-paragraph convention)."""
    nxt = text.find('"', i + 1, end)
    if nxt < 0:
        return False
    before = text[nxt - 1]
    after = text[nxt + 1] if nxt + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in _CLOSING_PUNCT or after.isupper())


def _glued(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark with a sentence's end before it and a capital after it."""
    return i > start and i + 1 < end and text[i - 1] in ".!?…" and text[i + 1].isupper()


def _scan_block(text: str, start: int, end: int) -> _BlockScan:
    scan = _BlockScan()
    stack: list[Mark] = []
    skip = start

    def close(mark: Mark) -> None:
        while stack:
            opened = stack.pop()
            if opened.weight == mark.weight:
                scan.pairs.append((opened, mark, len(stack)))
                return
            scan.open.append(opened)  # an inner quote left open
        scan.stray.append(mark)

    for m in _MARK_RE.finditer(text, start, end):
        i, c = m.start(), m.group()
        if i < skip:
            continue  # the second of two curly apostrophes read as one mark
        mark = Mark(i, c)
        left, right = _flanking(text, i, start, end)
        if text.startswith(_TWO_CURLY_APOSTROPHES, i) and stack and stack[-1].weight == DOUBLE:
            # "… safe,’’ explains": a double close typed as two apostrophes. With a single
            # quote open inside, they are two closing singles, each read on its own.
            c, mark, skip = _TWO_CURLY_APOSTROPHES, Mark(i, _TWO_CURLY_APOSTROPHES), i + 2
        if c in _APOSTROPHE_PAIRS:
            # Only a double quote already open is closed by them ("… a trace.''", "… safe,’’
            # explains"); as before, '' is otherwise apostrophes (``TeX-style quotes'').
            if not any(s.weight == DOUBLE for s in stack):
                continue
            right = _flanking(text, i + 1, start, end)[1]  # after the second one
            left = False
        if not left and not right and _spaced(text, i, start, end):
            if c == '"' and any(s.weight == DOUBLE for s in stack) and _after_stop(text, i, start):
                close(mark)  # a space typed before the closing mark: "… children, " he said
            elif c == "“" and not stack and text.find("”", i + 1, end) > 0:
                stack.append(mark)  # a space typed after the opening mark: “ groomed …”
            elif c == '"' and not text[start:i].strip() and text.count('"', i + 1, end) % 2 == 1:
                # The paragraph's first mark, a space typed after it, and a mark left
                # later to close it: '" We know how you work … for you."'.
                scan.lead = mark
                stack.append(mark)
            continue  # the character itself, written about: an opening " on each paragraph
        if mark.weight == SINGLE:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if before.isalnum() and after.isalpha():
                continue  # children's, they’ve
            if _POSSESSIVE_S.match(text, i, end):
                continue  # after masked markup: [Dask](https://docs.dask.org)'s, `a.toml`'s
            single_open = bool(stack) and stack[-1].weight == SINGLE
            if right and single_open:
                if before in "sS" and _closes_later(text, i + 1, end):
                    continue  # 'the victims' families': a plural possessive inside
                close(mark)
            elif left and c != "’" and not _ELISION.match(text, i, end):
                if _line_continues(text, i, start, stack, SINGLE):
                    continue
                if not stack and not text[start:i].strip():
                    scan.lead = mark  # a paragraph of speech in single marks, continued
                stack.append(mark)
            continue  # otherwise an apostrophe: Chiefs', '90s
        is_close = {"”": True, "“": False}.get(c, right and not left)
        double_open = any(s.weight == DOUBLE for s in stack)
        if c == "”" and left and not right and not double_open:
            is_close = False  # a reversed mark opening a quote
        elif c == "“" and right and not left and double_open:
            is_close = True  # a reversed mark closing one
        elif c == '"' and left == right:
            is_close = double_open
            if double_open and _glued(text, i, start, end) and _glued_continues(text, i, end):
                continue  # paragraphs run together: the next one goes on speaking
        if not is_close and _line_continues(text, i, start, stack, DOUBLE):
            continue
        if not is_close and c == "“" and _merged_paragraph(text, i, start, end, stack):
            scan.inner.append(mark)
            continue
        if is_close:
            if double_open:
                close(mark)
            else:
                scan.stray.append(mark)
        else:
            if not stack and not text[start:i].strip():
                scan.lead = mark
            stack.append(mark)
    scan.open.extend(stack)
    return scan


def _merged_paragraph(text: str, i: int, start: int, end: int, stack: Sequence[Mark]) -> bool:
    """Whether a curly opening mark at ``i``, after a sentence's end inside a double
    quote already open, is the opening of a paragraph the page ran into this one: the
    closing marks left in the block are too few to close it and the quote around it
    ("“Our work continues. “It is a lengthy process.”"), where a quote inside the
    speech would be closed as well ("“It was awful. “Stop,” I said.”")."""
    doubles = sum(1 for s in stack if s.weight == DOUBLE)
    if not doubles or not _after_stop(text, i, start):
        return False
    return text.count("”", i + 1, end) < doubles + 1


#: The next mark that starts something else: a double mark, an opening curly single, or
#: a straight single that opens a word ("to 'grow up'").
_NEXT_MARK = patterns.compile(r"[\"“”‘]|(?<![\p{L}\p{N}])'(?=\p{L})")


def _closes_later(text: str, pos: int, end: int) -> bool:
    """Whether a single mark closes the open quote later, before another quote opens: if
    so, an "s'" here is a plural possessive inside it ('the victims' families'); if not,
    it closes the quote ('liars' and told them to 'grow up')."""
    nxt = _NEXT_MARK.search(text, pos, end)
    return bool(_SINGLE_CLOSE_AHEAD.search(text, pos, nxt.start() if nxt else end))


# -- building the model -----------------------------------------------------------------

_INTRO = patterns.compile(rf"\b{_VERB}\b[^.:!?\"“”]{{0,60}}:\s*$", regex.IGNORECASE)
#: A one-sentence standfirst that presents the speech after it: "Director of Public
#: Prosecutions, Sam Reid QC, discusses the new guidelines." (a named person, then a
#: presenting verb in the present tense).
_STANDFIRST = patterns.compile(
    r"\s*(?P<who>(?:[^.!?:\"“”\n]*?\b)?\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’-]+[^.!?:\"“”\n]*?),?"
    rf"[ \t]+(?:{lexicon.alternation('presenting_verbs', 'speech_verbs')})\b"
    r"[^.!?:\"“”\n]*\.\s*"
)
_FIRST_PERSON = patterns.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|we|we're|we’re|our|us|my|me)\b", regex.IGNORECASE
)
_LIST_ITEM = patterns.compile(r"\s*(?:[-*•+]|\d+[.)])\s")
_SENTENCE_END = patterns.compile(r"[.!?…][\"'”’)]*(?:\s|$)")
_WORD = patterns.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")


#: How many paragraphs without a quotation mark may lie between a quote left open and the
#: paragraph whose closing mark ends it, for them to be read as its continuation.
UNMARKED_CONTINUATIONS = 6


def _no_marks(scan: _BlockScan) -> bool:
    return not (scan.pairs or scan.stray or scan.open or scan.inner or scan.lead)


def _is_prose(block: Block) -> bool:
    return block.scope.split(".")[0] in ("paragraph", "blockquote", "list", "table")


def build_model(doc: Document) -> QuoteModel:
    text = doc.text
    blocks = list(doc.blocks)
    quotes: list[Quote] = []
    nested: list[Quote] = []
    problems: list[MarkProblem] = []
    # The quote carried over a paragraph break: its opening mark and parts so far.
    carry: tuple[Mark, list[tuple[int, int]], Block] | None = None
    # Paragraphs with no quotation mark at all after the carried quote's, held until a
    # later paragraph closes it with a mark of its weight (speech whose continuation
    # paragraphs lost their opening marks) or shows it was never closed.
    bare_run: list[Block] = []

    def unclosed(mark: Mark, detail: str, *, at_end: bool = False) -> None:
        problems.append(MarkProblem("unclosed", mark.offset, mark.offset + 1, detail, at_end))

    for index, block in enumerate(blocks):
        if carry is not None and _crosshead_within(text, block, blocks, index, carry[0]):
            continue  # a crosshead between two paragraphs of the same speech
        scan = _scan_block(text, block.start, block.end)
        pairs = list(scan.pairs)
        stray = list(scan.stray)
        open_marks = list(scan.open)
        bare = carry is not None and _is_prose(block) and _no_marks(scan)
        if bare and len(bare_run) < UNMARKED_CONTINUATIONS:
            bare_run.append(block)
            continue  # perhaps the quote goes on: a later paragraph will say
        if carry is not None:
            opening, parts, first_block = carry
            carry = None
            held, bare_run = bare_run, []
            continued = not held and scan.lead is not None and scan.lead.weight == opening.weight
            if continued and _is_prose(block):
                assert scan.lead is not None
                lead = scan.lead
                closing = next((p for p in pairs if p[0] == lead), None)
                if closing is not None:
                    pairs.remove(closing)
                    parts.append((lead.offset + 1, closing[1].offset))
                    _mismatch(lead, closing[1], problems)
                    quotes.append(_quote(opening, closing[1], parts))
                else:
                    open_marks.remove(lead)
                    parts.append((lead.offset + 1, block.end))
                    carry = (opening, parts, first_block)
            elif (
                _is_prose(block)
                and stray
                and stray[0].weight == opening.weight
                and not any(p[0].offset < stray[0].offset and p[2] == 0 for p in pairs)
            ):
                closing_mark = stray.pop(0)
                more = len(held)  # one finding for the quote, at its first bare paragraph
                problems.append(
                    MarkProblem(
                        "continuation",
                        (held[0] if held else block).start,
                        (held[0] if held else block).start + 1,
                        f"this paragraph and {'the next' if more == 1 else f'the {more} after it'}"
                        " continue the quote but do not open with a quotation mark"
                        if more
                        else "this paragraph continues the quote but does not open with a "
                        "quotation mark",
                    )
                )
                parts += [(b.start, b.end) for b in held]
                parts.append((block.start, closing_mark.offset))
                _mismatch(opening, closing_mark, problems)
                quotes.append(_quote(opening, closing_mark, parts))
            else:
                unclosed(opening, f"'{opening.char}' opened here is never closed")
                quotes.append(Quote(opening.offset, parts[-1][1], tuple(parts), "marks", opening))
        for opened, closing_mark, depth in pairs:
            _mismatch(opened, closing_mark, problems)
            q = _quote(opened, closing_mark, [(opened.offset + 1, closing_mark.offset)], depth)
            (quotes if depth == 0 else nested).append(q)
        for mark in stray:
            problems.append(
                MarkProblem(
                    "unopened",
                    mark.offset,
                    mark.offset + 1,
                    f"'{mark.char}' closes a quote that was never opened",
                )
            )
        for mark in scan.inner:
            unclosed(
                mark,
                f"'{mark.char}' opens speech again inside speech still open: start a new "
                "paragraph before it, or delete it",
            )
        if open_marks and carry is not None:
            # Speech continued from the paragraph before is still open: a mark opened
            # inside it and left open is a stray ("… abuse. “All of us …"), not a new
            # quote, and the speech goes on with its own speaker.
            for mark in open_marks:
                unclosed(mark, f"'{mark.char}' opened here is never closed")
        elif open_marks:
            outer = min(open_marks, key=lambda m: m.offset)
            for mark in open_marks:
                if mark is not outer:
                    unclosed(mark, f"'{mark.char}' opened here is never closed")
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and _is_prose(following):
                carry = (outer, [(outer.offset + 1, block.end)], block)
            else:
                # The last paragraph of a text of several ends inside the quote (and no
                # quote of its weight opens and closes after its mark, as a stray
                # mark's would: "She said: “… coming forward. “The Home Office …”").
                last = (
                    following is None
                    and index > 0
                    and _introduced(text, block, outer)
                    and not any(
                        o.offset > outer.offset and o.weight == outer.weight for o, _, _ in pairs
                    )
                )
                unclosed(outer, f"'{outer.char}' opened here is never closed", at_end=last)
                quotes.append(
                    Quote(outer.offset, block.end, ((outer.offset + 1, block.end),), "marks", outer)
                )
    if carry is not None:
        opening, parts, first_block = carry
        at_end = _introduced(text, first_block, opening)
        unclosed(opening, f"'{opening.char}' opened here is never closed", at_end=at_end)
        quotes.append(Quote(opening.offset, parts[-1][1], tuple(parts), "marks", opening))

    quotes.sort(key=lambda q: q.start)
    quotes = _drop_overlaps(quotes)
    unmarked, intros = _unmarked_speech(doc, quotes)
    quotes = sorted(quotes + unmarked, key=lambda q: q.start)
    quotes = _attribute(doc, quotes, intros)
    problems.sort(key=lambda p: p.start)
    return QuoteModel(tuple(quotes), tuple(nested), tuple(problems), tuple(intros))


#: A crosshead set between paragraphs of speech: a short line of words with no sentence
#: end and no quotation mark ("Keep children safe").
_CROSSHEAD = patterns.compile(r"[#*_\s]*\p{Lu}[^.!?:;,\"“”‘’'\n]{0,60}?[*_\s]*")
_OPENING_MARKS = {DOUBLE: '"“', SINGLE: "'‘"}


def _crosshead_within(
    text: str, block: Block, blocks: Sequence[Block], index: int, opening: Mark
) -> bool:
    """Whether ``block`` is a crosshead inside speech over several paragraphs: a short
    line with no sentence end, after a paragraph that left the quote open and before
    one that opens with a mark of the same weight (the speech goes on under it)."""
    if index + 1 >= len(blocks) or not _CROSSHEAD.fullmatch(text, block.start, block.end):
        return False
    if len(_WORD.findall(text, block.start, block.end)) > 8:
        return False
    nxt = blocks[index + 1]
    return _is_prose(nxt) and text[nxt.start] in _OPENING_MARKS[opening.weight]


def _introduced(text: str, block: Block, opening: Mark) -> bool:
    """Whether a quote's opening mark starts its paragraph or follows an introduction
    ("X said: “…"): speech set out as such, whose close a cut page may have lost. A
    mark after a sentence's end inside the writer's paragraph is a fault wherever the
    text ends."""
    before = text[block.start : opening.offset].rstrip()
    return not before or before[-1] in ":,"


def _quote(opening: Mark, closing: Mark, parts: Sequence[tuple[int, int]], depth: int = 0) -> Quote:
    return Quote(
        opening.offset,
        closing.offset + len(closing.char),
        tuple(parts),
        "marks",
        opening,
        closing,
        depth=depth,
    )


def _mismatch(opening: Mark, closing: Mark, problems: list[MarkProblem]) -> None:
    if opening.char in _APOSTROPHE_PAIRS or closing.char in _APOSTROPHE_PAIRS:
        mark = closing if closing.char in _APOSTROPHE_PAIRS else opening
        problems.append(
            MarkProblem(
                "mismatched",
                mark.offset,
                mark.offset + len(mark.char),
                f"'{opening.char}' is closed by two apostrophes ({closing.char})"
                if mark is closing
                else f"two apostrophes ({opening.char}) open a quote closed by '{closing.char}'",
            )
        )
    elif opening.style != closing.style:
        problems.append(
            MarkProblem(
                "mismatched",
                closing.offset,
                closing.offset + 1,
                f"'{opening.char}' is closed by '{closing.char}'",
            )
        )


def _drop_overlaps(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def _unmarked_speech(doc: Document, quotes: Sequence[Quote]) -> tuple[list[Quote], list[Block]]:
    """Paragraphs introduced by "X said:" that carry no quotation marks."""
    text = doc.text
    starts = {q.start for q in quotes}
    covered = sorted((q.start, q.end) for q in quotes)
    firsts = [s for s, _ in covered]
    reach = list(itertools.accumulate((e for _, e in covered), max))  # furthest end so far

    def marked(block: Block) -> bool:
        """Whether a quote holds the block's start or starts inside the block."""
        before = bisect.bisect_right(firsts, block.start)
        if before and reach[before - 1] > block.start:
            return True
        after = bisect.bisect_left(firsts, block.start)
        return after < len(firsts) and firsts[after] < block.end

    out: list[Quote] = []
    intros: list[Block] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks) - 1:
        block = blocks[i]
        if not (_is_prose(block) and _INTRO.search(text, block.start, block.end)):
            i += 1
            continue
        speech: list[Block] = []
        j = i + 1
        while j < len(blocks):
            nxt = blocks[j]
            if (
                not _is_prose(nxt)
                or nxt.start in starts
                or marked(nxt)
                or _INTRO.search(text, nxt.start, nxt.end)
            ):
                break
            # Speech speaks in the first person; a list or a third-person paragraph
            # after the introduction is the writer's again, except the paragraph right
            # after the colon: that is what the introduction introduces ("X said:" /
            # "These children are being let down.").
            if not (
                nxt.scope == "blockquote"
                or (
                    (j == i + 1 or _FIRST_PERSON.search(text, nxt.start, nxt.end))
                    and not _LIST_ITEM.match(text, nxt.start, nxt.end)
                )
            ):
                break
            speech.append(nxt)
            j += 1
        if speech:
            intros.append(block)
            form = "blockquote" if speech[0].scope == "blockquote" else "unmarked"
            out.append(
                Quote(
                    speech[0].start, speech[-1].end, tuple((b.start, b.end) for b in speech), form
                )
            )
        i = max(j, i + 1)
    return out, intros


# -- attribution ------------------------------------------------------------------------

_NP = r"[^.,;:!?\"“”‘\n]{1,80}?"
_BEFORE = patterns.compile(
    rf"(?:according\s+to\s+(?P<acc>{_NP})|(?P<who>[^.!?\"“”]{{1,200}}?)\s+{_VERB}\b"
    rf"(?:\s+[^.!?:,\"“”]{{1,40}}?)?)\s*[,:]?\s*$",
    regex.IGNORECASE,
)
_BEFORE_INVERTED = patterns.lazy(rf"\b{_VERB}\s+(?P<who>{_NP})\s*[,:]\s*$", regex.IGNORECASE)
_AFTER = patterns.compile(
    rf"[\s,.;!?—–-]*(?:{_VERB}\s+(?P<who1>{_NP})(?=[.,;:!?]|\s*$)"
    rf"|according\s+to\s+(?P<who3>{_NP})(?=[.,;:!?]|\s*$)"
    rf"|(?P<who2>(?:\S+\s+){{0,7}}?\S+)\s+{_VERB}\b)",
    regex.IGNORECASE,
)
_MESSAGE = patterns.compile(
    r"\s*(?:that|this|those|these)(?:['’]s|\s+is|\s+was|\s+were|\s+are)\s+(?:the\s+)?"
    r"(?:message|warning|words?|verdict|view|plea|promise)\s+(?:from|of)\s+"
    r"(?P<who>[^.;:!?]{1,80})",
    regex.IGNORECASE,
)
#: A speaker in brackets after a stand-alone quote: "‘…’ (Young person, Safe Choices)".
_PAREN_AFTER = patterns.compile(r"[ \t]*[,.]?[ \t]*\((?P<who>[^()\n]{2,80})\)[ \t.]*\s*")
#: A source on its own line below a stand-alone quote, as a pull quote is captioned:
#: "…”\nSam* / Amy's* mother" (a short line, with no sentence end).
_CAPTION_AFTER = patterns.compile(
    r"[ \t]*\n[ \t]*(?:[—–-][ \t]*)?(?P<who>\p{Lu}[^\n.!?:;“”\"]{1,60}?)[ \t]*"
)
#: A paragraph that reports what someone said: "He said that …", "But Ms Reid added …".
_REPORTED = patterns.compile(
    r"\s*(?:(?:But|And|However|Yet|Later|Separately),?\s+)?(?P<who>[Hh]e|[Ss]he|"
    r"(?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)\s+(?:also\s+)?"
    r"(?:said|added|explained|stressed|insisted|warned|acknowledged|admitted)\b"
)
_STATEMENT_WORD = r"(?:statement|message|letter|apology|foreword|remarks)"
#: The statement's author in its headline: "Statement from Chief Constable Jane Doe
#: following the apology", "Message by the chief executive".
_HEADLINE_BY = patterns.lazy(
    rf"(?i:\b{_STATEMENT_WORD}\s+(?:from|by)\s+)(?P<who>\p{{Lu}}[^,:;.!?\n]*?)"
    r"(?=\s+(?i:following|after|on|about|to|at|in|as|over|regarding)\b|[,:;.!?]|\s*$)"
)
#: "PCC statement", "Chief Constable's statement", "Review: council leader’s message":
#: the words before it, from the start of the heading or after a colon.
_HEADLINE_OWN = patterns.lazy(
    r"(?:(?<=^|\n)[#>\s]*|(?<=:)[ \t]+)(?P<who>[^:;,.!?\n]{2,60}?)(?:['’]s)?[ \t]+"
    rf"(?i:{_STATEMENT_WORD})[ \t]*$",
    regex.MULTILINE,
)
_LEADING_ADVERBIAL = patterns.compile(r"^(?:[^,]{1,40},\s+)(?=\S)")


def _last_sentence_start(text: str, start: int, end: int) -> int:
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        pos = m.end()
    return pos


def _who_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker words of "X said:" / "according to X," ending right at ``end``."""
    begin = _last_sentence_start(text, start, end)
    m = _BEFORE.search(text, begin, end)
    if m is None:
        m = _BEFORE_INVERTED.search(text, begin, end)
        return (m.start("who"), m.end("who")) if m else None
    group = "acc" if m.group("acc") else "who"
    s, e = m.start(group), m.end(group)
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if s < e else None


def _who_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _AFTER.match(text, start, end)
    if m is None:
        return None
    for group in ("who1", "who2", "who3"):
        if m.group(group):
            return m.start(group), m.end(group)
    return None


class _Done:
    """The quotes attributed so far (in order of start), indexed so that each question is
    a bisection: a long file has thousands of quotes, and a scan per quote was quadratic."""

    def __init__(self, doc: Document) -> None:
        self.quotes: list[Quote] = []
        self.starts: list[int] = []
        self.ends: list[int] = []  # sorted
        self.block_index: dict[Block, int] = {}
        for i, b in enumerate(doc.blocks):
            self.block_index.setdefault(b, i)

    def append(self, q: Quote) -> None:
        self.quotes.append(q)
        self.starts.append(q.start)
        bisect.insort(self.ends, q.end)

    def last_end(self, lo: int, hi: int) -> int | None:
        """The latest end of a quote so far in ``[lo, hi]``."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.ends[i] >= lo else None

    def starting_in(self, lo: int, hi: int) -> list[Quote]:
        """The quotes so far that start in ``[lo, hi)``, in order."""
        return self.quotes[
            bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)
        ]


def _attribute(doc: Document, quotes: list[Quote], intros: Sequence[Block]) -> list[Quote]:
    text = doc.text
    intro_starts = {b.start for b in intros}
    questions = _interview_questions(doc)
    done = _Done(doc)
    starts = [q.start for q in quotes]
    for n, q in enumerate(quotes):
        block = doc.block_at(q.start, q.start + 1)
        if block is None:
            done.append(q)
            continue
        prev_end = done.last_end(block.start, q.start)
        region_start = block.start if prev_end is None else prev_end
        at_block_start = not text[block.start : q.start].strip()
        attribution: Attribution | None = None
        if q.form == "marks" and not at_block_start:
            span = _who_before(text, region_start, q.start)
            if span:
                attribution = Attribution(*span, text[span[0] : span[1]], "before")
        if attribution is None and q.form == "marks":
            last = doc.block_at(q.end - 1, q.end) or block
            after = bisect.bisect_left(starts, q.end, n + 1)  # the first quote after this one
            nxt = quotes[after].start if after < len(quotes) else last.end
            span = _who_after(text, q.end, min(nxt, last.end))
            paren = caption = None
            if at_block_start:
                paren = _PAREN_AFTER.fullmatch(text, q.end, last.end)
                caption = _CAPTION_AFTER.fullmatch(text, q.end, last.end)
            if span:
                attribution = Attribution(*span, text[span[0] : span[1]], "after")
            elif paren is not None:  # "‘…’ (Young person, Safe Choices)"
                s, e = paren.span("who")
                attribution = Attribution(s, e, text[s:e], "bracket")
            elif caption is not None:  # "…”\nSam* / Amy's* mother"
                s, e = caption.span("who")
                attribution = Attribution(s, e, text[s:e], "caption")
        if attribution is None and q.form == "marks" and not at_block_start:
            earlier = [o for o in done.quotes[-1:] if block.start <= o.end <= q.start]
            attribution = _continued_in_block(text, earlier, q)
        if attribution is None and q.form == "marks" and not at_block_start:
            # The sentence before it in its paragraph reports the speaker: "Det Insp Jo
            # Bell said the work went on. “We will not stop.”"
            attribution = _reported_before(text, region_start, q.start)
        if attribution is None and at_block_start:
            attribution = _from_heading_or_question(doc, block, done.block_index, questions)
        if attribution is None and at_block_start:
            # "That's the message from X" after it names its speaker outright, before
            # any convention of continued speech does.
            attribution = _from_next_block(doc, q, done.block_index)
        if attribution is None and (at_block_start or q.form != "marks"):
            attribution = _from_previous_block(doc, q, block, done, intro_starts)
        if attribution is None and q.form == "marks":
            attribution = _colon_introduction(doc, q, block, region_start, done.block_index)
        if attribution is None and at_block_start and q.form == "marks":
            attribution = _from_headline(doc, block, done.block_index)
        speech = q.form != "marks" or attribution is not None or _sentence_like(doc, q, block)
        done.append(
            Quote(
                q.start, q.end, q.parts, q.form, q.opening, q.closing, speech, attribution, q.depth
            )
        )
    return done.quotes


#: What may stand between a quote's attribution and the next quote it also covers.
_ONLY_VERB = patterns.lazy(rf"[\s,.;:!?—–-]*(?:{_VERB}\b)?[\s,.;:!?—–-]*", regex.IGNORECASE)


def _continued_in_block(text: str, earlier: Sequence[Quote], q: Quote) -> Attribution | None:
    """A quote that follows attributed speech in the same paragraph with only the
    attribution between ("“It took two years,” he said. “We never gave up.”") continues
    the same speaker."""
    spoken = [o for o in earlier if o.speech and o.end <= q.start]
    if not spoken or spoken[-1].attribution is None:
        return None
    last = spoken[-1]
    attribution = last.attribution
    assert attribution is not None
    if last.end <= attribution.start < q.start:
        between_from = attribution.end
    else:  # attributed before it; perhaps named again after it ("…,” said Hale. “…")
        span = _who_after(text, last.end, q.start)
        if span is not None and _ONLY_VERB.fullmatch(text, span[1], q.start):
            return Attribution(*span, text[span[0] : span[1]], "continued")
        between_from = last.end
    if not _ONLY_VERB.fullmatch(text, between_from, q.start):
        return None
    return Attribution(attribution.start, attribution.end, attribution.who, "continued")


def _colon_introduction(
    doc: Document, q: Quote, block: Block, region_start: int, block_index: dict[Block, int]
) -> Attribution | None:
    """A quote introduced by a sentence ending in a colon names its source there, with
    or without a speech verb: "The inspectorate recommended that:", "To quote the
    author:", "The proposed definition is:". The introduction is in the quote's own
    paragraph, or is the whole of the paragraph before (not a heading or list)."""
    text = doc.text
    if not _sentence_like(doc, q, block):
        return None  # 'Decimals split: "£4.5 million…"' quotes an example, not a source
    end = q.start
    start = region_start
    if not text[block.start : q.start].strip():
        i = block_index[block]
        if i == 0 or not doc.blocks[i - 1].scope.startswith("paragraph"):
            return None
        start, end = doc.blocks[i - 1].start, doc.blocks[i - 1].end
    before = text[start:end].rstrip()
    if not before.endswith(":"):
        return None
    begin = _last_sentence_start(text, start, start + len(before) - 1)
    who = text[begin : start + len(before) - 1]
    if not regex.search(r"\p{L}{2}", who):
        return None
    return Attribution(begin, begin + len(who), who.strip(), "intro")


def _from_previous_block(
    doc: Document, q: Quote, block: Block, done: _Done, intro_starts: set[int]
) -> Attribution | None:
    text = doc.text
    i = done.block_index[block]
    if i == 0:
        return None
    prev = doc.blocks[i - 1]
    if prev.start in intro_starts or _INTRO.search(text, prev.start, prev.end):
        colon = text.rindex(":", prev.start, prev.end)
        span = _who_before(text, prev.start, colon)
        if span:
            return Attribution(*span, text[span[0] : span[1]], "intro")
    standfirst = _STANDFIRST.fullmatch(text, prev.start, prev.end)
    if standfirst is not None and prev.scope == "paragraph" and _sentence_like(doc, q, block):
        s, e = standfirst.span("who")
        return Attribution(s, e, text[s:e].strip(), "intro")
    # Journalism's convention: a paragraph of speech right after attributed speech,
    # with nothing in between, continues the same speaker (not so in lists or tables).
    if block.scope not in ("paragraph", "blockquote"):
        return None
    before = [o for o in done.starting_in(prev.start, prev.end) if o.speech]
    if not before and done.quotes and done.quotes[-1].speech:
        # The last paragraph of speech that began further back ("X said: “…" over three
        # paragraphs, the last one closed) is attributed speech too.
        spanning = done.quotes[-1]
        if spanning.start < prev.start < spanning.end <= prev.end:
            before = [spanning]
    if before and before[-1].attribution is not None:
        last = before[-1]
        tail = text[last.end : prev.end]
        attribution = last.attribution
        assert attribution is not None
        if not regex.search(r"[\p{L}\p{N}]", tail) or attribution.end > last.end:
            return Attribution(attribution.start, attribution.end, attribution.who, "continued")
    # A paragraph of reported speech, then the speaker's own words: "He said that officers
    # had gone after the offenders." then "“Indeed they were the catalyst …”".
    # The paragraph may open on it, or end on it ("Sergeant Ann Roe leads the team.
    # She explained the team's remit.").
    if not before and prev.scope == "paragraph":
        return _reported_before(text, prev.start, prev.end, opening=True)
    return None


def _reported_before(
    text: str, start: int, end: int, *, opening: bool = False
) -> Attribution | None:
    """Speech reported in the last sentence of ``start:end`` ("She explained the team's
    remit.", "Det Insp Jo Bell said the work went on."), or, with ``opening``, in its
    first: who reported it, as the speaker of the quote after it."""
    stop = len(text[:end].rstrip())
    if stop <= start:
        return None
    reported = _REPORTED.match(text, _last_sentence_start(text, start, stop - 1), stop)
    if reported is None and opening:
        reported = _REPORTED.match(text, start, end)
    if reported is None:
        return None
    s, e = reported.span("who")
    return Attribution(s, e, text[s:e], "continued")


#: A crosshead that names the speaker of the speech under it: "Det Insp Jo Bell, head of
#: the unit", "Sam Reid: why we opened the helpline" (a name of two or three capitalised
#: words, after any title words, then a comma, dash or colon, or nothing).
_TITLE_WORDS = lexicon.alternation("honorifics", "styles", "ranks", "rank_abbreviations")
_TITLE_START = patterns.lazy(rf"^(?:(?:{_TITLE_WORDS})[ \t]+)*")
_HEADING_SPEAKER = patterns.lazy(
    rf"[#\s]*(?P<who>(?:(?:{_TITLE_WORDS})[ \t]+)*"
    r"\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})[ \t]*(?:[,:–—-][^\n]*)?[ \t]*"
)
#: Words of bodies, places and roles: never a word of a person's name in a crosshead.
_NOT_NAME_WORDS = lexicon.words("organisation_words", "places", "role_words")
#: A question as an interview sets it out, in bold or as a plain paragraph: "**Why now?**".
_QUESTION = patterns.compile(r"[\s*_>#]*(?:Q[.:]?[ \t]+)?[^\n]{3,300}\?[\s*_]*")


def _interview_questions(doc: Document) -> frozenset[int]:
    """The indexes of the blocks that are an interview's questions: paragraphs of one
    question each followed by a paragraph that opens with a quotation mark, when the
    document has two or more (one is a writer's rhetorical question, not a layout)."""
    text = doc.text
    blocks = doc.blocks
    found = frozenset(
        i
        for i in range(len(blocks) - 1)
        if blocks[i].scope.startswith("paragraph")
        and _QUESTION.fullmatch(text, blocks[i].start, blocks[i].end)
        and text.startswith(('"', "“", "‘", "'"), blocks[i + 1].start)
    )
    return found if len(found) >= 2 else frozenset()


def _from_heading_or_question(
    doc: Document, block: Block, block_index: dict[Block, int], questions: frozenset[int]
) -> Attribution | None:
    """Speech under a crosshead that names a person is theirs; speech that answers an
    interview's question (``questions``) is the interviewee's (``interview``: the last
    person named before the question, as "she said" is)."""
    i = block_index[block]
    if i == 0:
        return None
    prev = doc.blocks[i - 1]
    text = doc.text
    if prev.scope.startswith("heading") and i - 1 > 0:
        m = _HEADING_SPEAKER.fullmatch(text, prev.start, prev.end)
        name = _TITLE_START.sub("", m.group("who")) if m is not None else ""
        if m is not None and not any(w in _NOT_NAME_WORDS for w in name.split()):
            s, e = m.span("who")
            return Attribution(s, e, text[s:e], "heading")
    if i - 1 in questions:
        return Attribution(prev.start, prev.end, "", "interview")
    return None


def _from_headline(
    doc: Document, block: Block, block_index: dict[Block, int]
) -> Attribution | None:
    """Speech that opens a page headed as someone's statement ("Statement from Chief
    Constable Jane Doe", "Council leader's statement", "PCC statement") is theirs."""
    if block_index[block] != 1 or not doc.blocks[0].scope.startswith("heading"):
        return None
    heading = doc.blocks[0]
    m = _HEADLINE_BY.search(doc.text, heading.start, heading.end) or _HEADLINE_OWN.search(
        doc.text, heading.start, heading.end
    )
    if m is None:
        return None
    s, e = m.span("who")
    return Attribution(s, e, doc.text[s:e], "headline")


def _from_next_block(doc: Document, q: Quote, block_index: dict[Block, int]) -> Attribution | None:
    """A stand-alone quote followed by "That's the message from X"."""
    last = doc.block_at(q.end - 1, q.end)
    if last is None or doc.text[q.end : last.end].strip(" .\t"):
        return None
    i = block_index[last]
    if i + 1 >= len(doc.blocks):
        return None
    nxt = doc.blocks[i + 1]
    m = _MESSAGE.match(doc.text, nxt.start, nxt.end)
    if m is None:
        return None
    s, e = m.span("who")
    return Attribution(s, e, doc.text[s:e].strip(), "message")


def whole_speech(doc: Document, q: Quote) -> bool:
    """Whether a quote is speech given whole (several paragraphs, or a sentence of its
    own), not a few words quoted inside the writer's sentence ("said he ‘knew about it’")."""
    block = doc.block_at(q.start, q.start + 1)
    return block is not None and _sentence_like(doc, q, block)


def _sentence_like(doc: Document, q: Quote, block: Block) -> bool:
    """Speech rather than a quoted term, title or fragment: several paragraphs, or a
    whole sentence of four words or more that starts a sentence of its own (not in a
    table, where quoted words are examples)."""
    if len(q.parts) > 1:
        return True
    if block.scope.startswith("table"):
        return False
    text = doc.text
    s, e = q.parts[0]
    inner = text[s:e].strip()
    before = text[block.start : q.start].rstrip()
    starts_sentence = not before or before[-1] in ".!?:"
    return (
        starts_sentence
        and inner[:1].isupper()
        and len(_WORD.findall(inner)) >= 4
        and bool(regex.search(r"[.!?][\"'”’)]*$", inner))
    )
