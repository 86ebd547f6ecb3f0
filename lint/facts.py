"""Facts: what is derived from one document, built lazily and kept for one file's check.

The engine makes one ``Facts`` per document and hands it to every rule with the
document, so sentences, quotes, speakers, scope units and readability counts are worked
out once per file, however many rules ask. The ``Document`` itself stays a plain value:
nothing is cached on it, and nothing keyed on it outlives the check.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from lint import genre as genres
from lint import timing
from lint.docindex import DocIndex
from lint.document import Block, Document, SpanIndex
from lint.literals import Literals
from lint.protected import Protected, find_protected
from lint.quotes import QuoteModel, build_model
from lint.readability import Prose, build_prose
from lint.scopes import Selector, units_of
from lint.sentences import split_sentences
from lint.speakers import Cast, build_cast, heuristic_mentions

if TYPE_CHECKING:
    from lint.names import Mention
    from lint.registers.people import Person

_T = TypeVar("_T")


class Facts:
    """The derived facts of one document; each is built on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._units: dict[tuple[str, ...], list[Block]] = {}
        self._casts: dict[int, tuple[Sequence[Person], Cast]] = {}
        self._prose: dict[Selector | None, Prose] = {}
        self._indexes: dict[tuple[str, ...], SpanIndex] = {}
        #: The rule set's needles as one automaton (set by the engine), or None.
        self.literals: Literals | None = None
        self._found: tuple[Literals, dict[str, list[int]]] | None = None
        self._merged: dict[tuple[str, ...], list[int]] = {}
        self._shared: dict[Hashable, Any] = {}

    @timing.fact
    def lowered(self) -> str:
        """The view in lower case, for rules' quick "could this match at all?" tests."""
        return self.doc.text.lower()

    @timing.fact
    def standfirst_end(self) -> int:
        """Where the standfirst ends: the one-sentence paragraph straight after the
        document's opening heading ("IWF chief calls it an emergency."); 0 when there is
        none. It is the headline's companion: short forms and quote marks the body then
        spells out or sets in its own style."""
        blocks = self.doc.blocks
        if len(blocks) < 2 or not blocks[0].scope.startswith("heading"):
            return 0
        first = blocks[1]
        if first.scope != "paragraph":
            return 0
        inside = [s for s in self.sentences if first.start <= s.start < first.end]
        return first.end if len(inside) == 1 else 0

    @timing.fact
    def sentences(self) -> tuple[Block, ...]:
        """Sentences of every prose block, from sglint's own splitter."""
        doc = self.doc
        return tuple(
            Block(f"sentence.{block.scope}", start, end)
            for block in doc.blocks
            for start, end in split_sentences(doc.text, block.start, block.end)
        )

    @timing.fact
    def genre(self) -> str:
        """The document's genre (``lint.genre``): record, speech, release, criticism,
        guidance, news, or "" when neither its front matter nor its text says."""
        return genres.detect(self.doc, self.quotes)

    @timing.fact
    def index(self) -> DocIndex:
        """What one place of the document tells about another (``lint.docindex``):
        abbreviations spelled out anywhere, names of many words, brands."""
        return DocIndex(self.doc)

    @timing.fact
    def quote_model(self) -> QuoteModel:
        """Direct speech: quotes, their marks' problems and attributions."""
        return build_model(self.doc)

    @timing.fact
    def quotes(self) -> SpanIndex:
        """Spans of direct speech (view offsets), for rules that treat quotes specially."""
        return SpanIndex(tuple(self.quote_model.spans()))

    @timing.fact
    def protected(self) -> tuple[Protected, ...]:
        """Spans no fix may touch: reported speech, numbers to call or text, references,
        postcodes, web and e-mail addresses (view offsets, in order)."""
        return find_protected(self.doc)

    def in_quote(self, start: int, end: int) -> bool:
        return self.quotes.containing(start, end) is not None

    def units(self, selector: Selector) -> list[Block]:
        """The spans a rule with this selector runs on (many rules share a selector)."""
        found = self._units.get(selector.names)
        if found is None:
            found = self._units[selector.names] = timing.timed(
                "fact", "units", lambda: units_of(self.doc, self.sentences, selector)
            )
        return found

    def unit_index(self, selector: Selector) -> SpanIndex:
        """``units(selector)`` as a ``SpanIndex``, built once per document."""
        found = self._indexes.get(selector.names)
        if found is None:
            found = self._indexes[selector.names] = SpanIndex(self.units(selector))
        return found

    def occurrences(self, needles: tuple[str, ...]) -> list[int] | None:
        """Where any of ``needles`` starts in the lower-cased view, in order, from one
        pass of the rule set's automaton over the document (``lint.literals``); None
        when there is no automaton for them (the caller tests the needles itself)."""
        found = self._automaton_found(needles)
        if found is None or len(self.lowered) != len(self.doc.text):
            return None  # no automaton, or lower() changed a length: no offsets
        merged = self._merged.get(needles)
        if merged is None:
            lists = [found[n] for n in needles if n in found]
            merged = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
            self._merged[needles] = merged
        return merged

    def where(self, needles: tuple[str, ...]) -> dict[str, list[int]] | None:
        """Where each of ``needles`` that occurs starts in the lower-cased view (offsets
        in order, which are the text's too), from the rule set's automaton; None when
        it does not hold them all or lower case changed a length (no offsets)."""
        found = self._automaton_found(needles)
        if found is None or len(self.lowered) != len(self.doc.text):
            return None
        return {n: found[n] for n in needles if n in found}

    def present(self, needles: tuple[str, ...]) -> frozenset[str]:
        """Which of ``needles`` occur in the lower-cased view: from the rule set's
        automaton when it has them all, else by looking for each."""
        found = self._automaton_found(needles)
        if found is not None:
            return frozenset(n for n in needles if n in found)
        lowered = self.lowered
        return frozenset(n for n in needles if n in lowered)

    def _automaton_found(self, needles: tuple[str, ...]) -> dict[str, list[int]] | None:
        """Where each needle of the rule set occurs, found in one pass of its automaton;
        None when there is no automaton holding all of ``needles``."""
        literals = self.literals
        if literals is None or not literals.needles.issuperset(needles):
            return None
        if self._found is None or self._found[0] is not literals:
            lowered = self.lowered
            self._found = (
                literals,
                timing.timed("fact", "literals", lambda: literals.find(lowered)),
            )
            self._merged = {}
        return self._found[1]

    def shared(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """What rules of one kind derive from the document and share (the Anonymity
        pack's reading of a report, say): built by the first rule that asks, once per
        document for each ``key`` (which names everything the result depends on)."""
        if key in self._shared:
            return self._shared[key]  # type: ignore[no-any-return]
        found = self._shared[key] = timing.timed("fact", _label(key), build)
        return found

    def cast(self, people: Sequence[Person] = ()) -> Cast:
        """The document's people and speakers, for one People register (or none)."""
        entry = self._casts.get(id(people))
        if entry is None or entry[0] is not people:
            mentions = self.shared("speakers.heuristic", self._heuristic_mentions)
            entry = self._casts[id(people)] = (
                people,
                timing.timed(
                    "fact",
                    "cast",
                    lambda: build_cast(self.doc, self.quote_model, people, mentions),
                ),
            )
        return entry[1]

    def _heuristic_mentions(self) -> list[tuple[tuple[int, int], list[Mention]]]:
        return heuristic_mentions(self.doc, self.quote_model)

    def prose(self, scopes: Selector | None = None) -> Prose:
        """The measured paragraphs and sentences, for readability rules and stats."""
        found = self._prose.get(scopes)
        if found is None:
            found = self._prose[scopes] = timing.timed(
                "fact",
                "prose",
                lambda: build_prose(self.doc, self.sentences, self.quotes, scopes),
            )
        return found


def _label(key: Hashable) -> str:
    """A shared fact's name in a timing report: its key's leading text."""
    if isinstance(key, tuple) and key and isinstance(key[0], str):
        return key[0]
    return key if isinstance(key, str) else type(key).__name__
