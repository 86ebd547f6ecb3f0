"""The document's index: what one place of a document tells a rule about another.

Built once per document (``Facts.index``), so rules consult the whole document instead
of the sentence they stand in:

- ``spelled_out(term)``: where words whose initials spell an abbreviation stand, before
  or after it ("Heads of Prosecuting Agencies Conference" for HOPAC, "the Coalition for
  the Removal of Pimping" for CROP). Linking words ("of", "the", "for" …) may give a
  letter or be skipped; the words are capitalised (lower-case words spelling the letters,
  "child sexual exploitation", tell a reader nothing about "CSE" unless brackets join
  them, which is a definition).
- ``names``: capitalised names of many words that end in a body's word (the lexicon's
  ``organisation_words`` and ``name_heads``: "Paedophile On-Line Investigation Team",
  "Northtown Safeguarding Children Board"), outside headings, which a title-case headline
  would fill with false names; and brands, an English word in capitals before such a
  word in lower case ("the CLIMB project"), which are no one's initials.
- ``emphasis``: capitals for emphasis, an English word of five letters or more in
  capitals between lower-case words ("does not diminish the IMPACT of the abuse"), not a
  brand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter

import regex

from lint import lexicon, patterns
from lint.document import Document
from lint.syllables import cmudict_syllables

#: Words that link the words of a name: they may give a letter ("of" in CROP) or not;
#: the lexicon's name connectors among them ("into" in the Independent Inquiry into
#: Child Sexual Abuse, IICSA).
LINKS = frozenset({"the", "and", "against", "&"}) | lexicon.words(
    "name_connectors", "name_place_connectors"
)
#: What ends a run of words that may spell a name: a sentence's or a clause's end.
_BREAKS = r".!?;:()\[\]\"“”\n"
#: The document's tokens in one C-speed pass: words, and breaks, each a token of its
#: own, which no word of a name can match, so a run of words spelling a name ends at one
#: without a run number per word.
_TOKEN = patterns.compile(rf"[\p{{L}}&][\p{{L}}'’-]*|[{_BREAKS}]")


@cache
def _heads() -> frozenset[str]:
    return lexicon.single_words("organisation_words", "name_heads")


@cache
def _name_pattern() -> regex.Pattern[str]:
    heads = "|".join(sorted(_heads(), key=lambda w: (-len(w), w)))
    # Words, not initials: "the CEOP Centre" is an abbreviation still to spell out.
    word = r"\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*"
    links = r"(?:(?:of|for|the|and|on|in|against|&)[ \t]+)*"
    return patterns.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?!(?:The|A|An)[ \t])(?:{word}[ \t]+{links}){{2,7}}(?:{heads})"
        r"(?![\p{L}\p{N}])"
    )


@cache
def _brand_pattern() -> regex.Pattern[str]:
    nouns = "|".join(sorted((w.lower() for w in _heads()), key=lambda w: (-len(w), w)))
    return patterns.compile(rf"(?<![\p{{L}}\p{{N}}])(\p{{Lu}}{{4,}})(?=[ \t]+(?:{nouns})\b)")


#: An all-capitals word between lower-case words in running prose.
_EMPHASIS = patterns.compile(r"(?<=\p{Ll}[,]?[ \t]+)(\p{Lu}{5,})(?=[ \t]+\p{Ll})")


@dataclass
class DocIndex:
    doc: Document
    _spelled: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _names: list[tuple[int, int, str]] | None = None
    _token_list: list[str] | None = None
    _firsts: str = ""
    _starts: list[int] | None = None

    @property
    def _tokens(self) -> list[str]:
        """The document's words and breaks, in order; read when an abbreviation is first
        looked up. Their first characters are kept as one string (``_firsts``): a term
        is looked for only where a word gives its first letter, found by ``str.find``."""
        if self._token_list is None:
            tokens = self._token_list = _TOKEN.findall(self.doc.text)
            self._firsts = "".join(map(itemgetter(0), tokens))
        return self._token_list

    def _start(self, i: int) -> int:
        """Where token ``i`` starts, read in a second pass when first needed."""
        if self._starts is None:
            self._starts = [m.start() for m in _TOKEN.finditer(self.doc.text)]
        return self._starts[i]

    def spelled_out(self, term: str) -> tuple[int, ...]:
        """Where words spelling ``term`` start, anywhere in the document."""
        found = self._spelled.get(term)
        if found is None:
            found = self._spelled[term] = tuple(self._spell(term))
        return found

    def _spell(self, term: str) -> list[int]:
        if not (term.isalpha() and term.isupper() and len(term) >= 2):
            return []
        tokens, out = self._tokens, []
        firsts, initial = self._firsts, term[0]
        i = firsts.find(initial)
        while i >= 0:
            word = tokens[i]
            if word.lower() not in LINKS and _significant(word) and _match(tokens, term, 1, i + 1):
                out.append(self._start(i))
            i = firsts.find(initial, i + 1)
        return out

    @property
    def names(self) -> list[tuple[int, int, str]]:
        """(start, end, what) of the document's many-word names and brands."""
        if self._names is None:
            self._names = list(self._find_names())
        return self._names

    def _find_names(self) -> list[tuple[int, int, str]]:
        doc, text = self.doc, self.doc.text
        out = []
        for block in doc.blocks:
            if block.scope.startswith("heading"):
                continue
            for m in _name_pattern().finditer(text, block.start, block.end):
                out.append((m.start(), m.end(), "name"))
            for m in _brand_pattern().finditer(text, block.start, block.end):
                if m.group(1).lower() in cmudict_syllables():  # a word, not letters
                    out.append((m.start(1), m.end(1), "brand"))
        return out

    @property
    def emphasis(self) -> list[tuple[int, int]]:
        """(start, end) of English words in capitals for emphasis, brands aside."""
        brands = {start for start, _, what in self.names if what == "brand"}
        text = self.doc.text
        return [
            (m.start(1), m.end(1))
            for block in self.doc.blocks
            if not block.scope.startswith("heading")
            for m in _EMPHASIS.finditer(text, block.start, block.end)
            if m.start(1) not in brands and m.group(1).lower() in cmudict_syllables()
        ]


def _significant(word: str) -> bool:
    """Whether ``word`` may give a letter as a word of a name: capitalised, and not
    another abbreviation."""
    return word[:1].isupper() and not (word.isupper() and len(word) > 1)


def _match(tokens: list[str], term: str, j: int, i: int) -> bool:
    """Whether tokens from ``i`` on give the letters of ``term`` from ``j`` on, in one
    run (a break, a token of its own, gives no letter), linking words giving a letter or
    skipped; the last word is not a link."""
    if j == len(term):
        return True
    if i >= len(tokens):
        return False
    word = tokens[i]
    if word.lower() in LINKS:  # a link gives its letter (not the last) or is skipped
        gives = word[:1].upper() == term[j] and j + 1 < len(term)
        return (gives and _match(tokens, term, j + 1, i + 1)) or _match(tokens, term, j, i + 1)
    return word[:1].upper() == term[j] and _significant(word) and _match(tokens, term, j + 1, i + 1)
