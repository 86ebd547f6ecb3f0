"""approved-quote: quotes checked against a register of approved statements
(``lint.registers.quotes``). A quote is compared, word for word and ignoring case and
punctuation, with the closest passage of each statement by its speaker (quotes are often
a part of a statement). ``report: close`` reports a quote that is close to, but not the
same as, an approved passage, with a word-level diff; ``report: unmatched`` reports a
quote in quotation marks that matches none of the speaker's statements. Only speakers
with at least one approved statement are checked. Alignment and scores are rapidfuzz's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from lint import patterns
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import format_message
from lint.registers import register_file
from lint.registers.people import Person
from lint.registers.quotes import Statement, load_statements
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.speakers import Speaker, people_option

DEFAULT_FIX = FixSafety.DISPLAY
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN
#: Word-level similarity (0-100) from which a quote counts as a version of a statement.
DEFAULT_THRESHOLD = 30.0
#: Below this many words a quote is either a passage of a statement or not: short texts
#: score too close to chance for "a version of" to mean anything.
DEFAULT_MIN_WORDS = 8
KEYS: dict[str, schema.Option] = {
    "register": schema.Option(
        schema.STR, "The approved-statements register file, relative to the rule file."
    ),
    "people": schema.Option(
        schema.STR, "A People register, to recognise speakers by every form of their name."
    ),
    "report": schema.Option(
        schema.STR, "Which quotes to report: close (near an approved statement) or all.", "close"
    ),
    "threshold": schema.Option(
        schema.NUMBER,
        "Word-level similarity (0-100) from which a quote is a version of a statement.",
        DEFAULT_THRESHOLD,
    ),
    "min_words": schema.Option(
        schema.INT, "Quotes shorter than this many words are not compared.", DEFAULT_MIN_WORDS
    ),
}
#: Changes shown in a message; the rest are counted.
SHOWN_CHANGES = 6
CONTEXT_WORDS = 3

_TOKEN = patterns.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")


@dataclass(frozen=True)
class Words:
    """A text's words: normalised for comparison, with their spans for display."""

    text: str
    norm: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> Words:
        found = list(_TOKEN.finditer(text))
        return cls(
            text,
            tuple(m.group().lower().replace("’", "'") for m in found),
            tuple(m.span() for m in found),
        )

    def show(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


@dataclass(frozen=True)
class Match:
    statement: Statement
    score: float
    exact: bool
    window: tuple[int, int]  # word indices in the statement
    quote: Words
    approved: Words


def coded(*texts: Sequence[str]) -> list[str]:
    """Each text's words as a string of one character a word, the same character for the
    same word: rapidfuzz scores a passage of a string as it scores the same passage of
    the word list (only which words are equal counts), and a string is sliced and scored
    without a Python object per word (every window of a long statement is a slice)."""
    codes: dict[str, str] = {}
    out = []
    for words in texts:
        chars = []
        for word in words:
            char = codes.get(word)
            if char is None:
                n = len(codes) + 1
                char = codes[word] = chr(n if n < 0xD800 else n + 0x800)  # no surrogates
            chars.append(char)
        out.append("".join(chars))
    return out


def compare(quote: Words, statement: Statement, approved: Words) -> Match:
    """The passage of ``statement`` closest to ``quote``, and how close it is."""
    q, s = " ".join(quote.norm), " ".join(approved.norm)
    if f" {q} " in f" {s} ":
        first = s[: s.index(q)].count(" ") if q else 0
        return Match(statement, 100.0, True, (first, first + len(quote.norm)), quote, approved)
    n, total = len(quote.norm), len(approved.norm)
    said, signed = coded(quote.norm, approved.norm)
    if n < total:
        # Every passage of about the quote's length is a candidate; rapidfuzz scores
        # them all and returns the best (a paraphrase keeps length, not characters).
        step = max(1, n // 10)
        lengths = range(max(1, n - n // 3), min(total, n + n // 2) + 1, step)
        windows = [(i, i + length) for length in lengths for i in range(total - length + 1)]
        best = process.extractOne(said, [signed[a:b] for a, b in windows], scorer=fuzz.ratio)
        assert best is not None
        window = windows[best[2]]
    else:
        window = (0, total)
    score = fuzz.ratio(said, signed[window[0] : window[1]])
    return Match(statement, score, False, window, quote, approved)


def _closest(quote: Words, candidates: Sequence[tuple[Statement, Words]]) -> Match:
    return max((compare(quote, s, w) for s, w in candidates), key=lambda m: m.score)


def _word_starts(words: Sequence[str]) -> list[int]:
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return starts


def change_runs(match: Match) -> list[tuple[str, int, int, int, int]]:
    """The quote against its approved window as runs ("equal" or "change", quote start and
    end, window start and end); adjacent edits read as one change: "[-possible-] {+in our
    power+}"."""
    a0, a1 = match.window
    ops = Levenshtein.opcodes(list(match.quote.norm), list(match.approved.norm[a0:a1]))
    runs: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        tag = "equal" if op.tag == "equal" else "change"
        if runs and runs[-1][0] == tag == "change":
            _, s0, _, d0, _ = runs[-1]
            runs[-1] = (tag, s0, op.src_end, d0, op.dest_end)
        else:
            runs.append((tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return runs


def word_diff(match: Match) -> str:
    """A git-style word diff, quote → approved: [-removed-] {+added+}, with a little
    context; long unchanged stretches are cut to '…' and changes past the first few
    are counted, not shown."""
    a0 = match.window[0]
    quote, approved = match.quote, match.approved
    runs = change_runs(match)
    pieces: list[str] = []
    changes = 0
    for i, (tag, s0, s1, d0, d1) in enumerate(runs):
        if tag == "equal":
            first, last = i == 0, i == len(runs) - 1
            keep_left = 0 if first else CONTEXT_WORDS
            keep_right = 0 if last else CONTEXT_WORDS
            if s1 - s0 <= keep_left + keep_right + (CONTEXT_WORDS if first or last else 0):
                pieces.append(quote.show(s0, s1))
            else:
                left = quote.show(s0, s0 + keep_left)
                right = quote.show(s1 - keep_right, s1)
                pieces.append(" ".join(p for p in (left, "…", right) if p))
            continue
        changes += 1
        if changes <= SHOWN_CHANGES:
            removed = quote.show(s0, s1)
            added = approved.show(a0 + d0, a0 + d1)
            pieces.append(
                " ".join(p for p in (removed and f"[-{removed}-]", added and f"{{+{added}+}}") if p)
            )
    hidden = changes - SHOWN_CHANGES
    if hidden > 0:
        while pieces and not pieces[-1].endswith(("-]", "+}")):
            pieces.pop()
        pieces.append(f"… ({hidden} more change{'s' if hidden > 1 else ''})")
    return " ".join(" ".join(p for p in pieces if p).split())


@dataclass(frozen=True)
class ApprovedQuote:
    meta: RuleMeta
    statements: tuple[tuple[Statement, Words], ...]
    people: tuple[Person, ...]
    report: str
    threshold: float
    min_words: int

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        cast = facts.cast(self.people)
        text = doc.text
        for q in facts.quote_model.quotes:
            speaker = cast.speaker(q)
            candidates = self._statements_of(speaker)
            if not q.speech or speaker is None or not candidates:
                continue
            words = Words.of(q.text(text))
            if len(words.norm) < 3:
                continue
            # Misquoted and Unapproved read the same quotes against the same register:
            # the comparison is made once per document and shared (Facts.shared).
            best = facts.shared(
                ("approved-quote", q.start, q.end, tuple(s for s, _ in candidates)),
                partial(_closest, words, candidates),
            )
            if best.exact:
                continue
            start, end = q.lead(text)
            name = best.statement.speaker
            close = best.score >= self.threshold and len(words.norm) >= self.min_words
            if self.report == "close" and close:
                approved = " ".join(best.approved.show(*best.window).split())
                yield Hit(
                    start,
                    end,
                    format_message(self.meta.message, name, best.statement.source, word_diff(best)),
                    why=f'Approved wording ({best.statement.source}): "{approved}"',
                )
            elif self.report == "unmatched" and not close and (q.form != "unmarked"):
                yield Hit(start, end, format_message(self.meta.message, name))

    def _statements_of(self, speaker: Speaker | None) -> list[tuple[Statement, Words]]:
        if speaker is None or speaker.identity is None:
            return []
        identity = speaker.identity
        names = {identity.name.lower()} if identity.name else set()
        if identity.person is not None:
            names |= {n.lower() for n in (identity.person.name, *identity.person.aliases)}
        out = [(s, w) for s, w in self.statements if s.speaker.lower() in names]
        if out or not identity.name:
            return out or [
                (s, w) for s, w in self.statements if s.speaker.split()[-1] == identity.surname
            ]
        # A misspelt name in the copy ("James Cleverley") still finds its statements.
        return [
            (s, w)
            for s, w in self.statements
            if fuzz.ratio(s.speaker.lower(), identity.name.lower()) >= 90
        ]


def threshold_option(data: dict[str, Any], keys: dict[str, schema.Option], src: Source) -> float:
    """The rule's ``threshold``: a word-level similarity, more than 0 and at most 100."""
    threshold: float = schema.option(data, keys, "threshold")
    if not 0 < threshold <= 100:
        raise RuleError(
            "'threshold' must be a similarity between 0 and 100",
            path=src.path,
            line=src.data.line_of("threshold"),
        )
    return threshold


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> ApprovedQuote:
    line = src.data.line_of
    path = schema.require(
        data, "register", path=src.path, line=src.data.line, kind="approved-quote"
    )
    statements = load_statements(register_file(src.path, path, line=line("register")))
    report = schema.choice(
        schema.option(data, KEYS, "report"),
        ("close", "unmatched"),
        key="report",
        path=src.path,
        line=line("report"),
    )
    return ApprovedQuote(
        meta,
        tuple((s, Words.of(s.text)) for s in statements),
        people_option(data, src.path, line("people")),
        report,
        threshold_option(data, KEYS, src),
        schema.option(data, KEYS, "min_words"),
    )
