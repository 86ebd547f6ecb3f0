"""Vale's ``capitalization`` checks, as Vale computes them (``internal/check/variables.go``
and the sentence converter of ``jdkato/twine/strcase``).

Vale tokenises the block with ``[\\p{N}\\p{L}*]+[^\\s]*`` (so ``Test:`` and ``8.`` are one
token each), converts the text to the wanted style, and counts the tokens that already
agree; the block passes when that share reaches ``threshold`` (default 0.8). For
``$sentence`` a wrong first word fails at once, and the word after an *indicator* (a token
ending in one of ``indicators``, or a leading ``1.``) is expected capitalised.

The converter's vocabulary is the rule's ``exceptions`` list *as Vale's loader leaves it*:
``updateExceptions`` (``internal/check/definition.go``) sorts that slice longest first and
prefixes each term with ``(?-i)`` in place, and ``NewCapitalization`` then hands the same
slice to the converter (``UsingVocab(rule.Exceptions)``). The rewrite reaches the rule's
list only when no accepted Vocab terms were appended to it first (Go's ``append`` of
nothing returns the same array; appending terms makes a new one), so without a Vocab the
converter matches exceptions case-sensitively: ``VS`` does not turn ``vs.`` into ``VS``.
``vale_exceptions`` reproduces that rewrite; ``lint/vale/styles.py`` applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import regex

from lint.rules import budget
from lint.rules.guards import exceptions_regex

WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBER_LIST = regex.compile(r"\d+\.")
# AP style: words of three letters or fewer stay lower case inside a title.
_AP_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "if",
        "in",
        "nor",
        "of",
        "off",
        "on",
        "or",
        "out",
        "per",
        "so",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "yet",
    ]
)


def go_title(word: str) -> str:
    """Go's ``strings.Title``: upper-case every letter that follows a separator."""
    out = []
    previous_letter = False
    for c in word:
        out.append(c if previous_letter else c.upper())
        previous_letter = c.isalnum() or c == "_"
    return "".join(out)


def cap_first(word: str) -> str:
    """twine's ``ToTitle``: first letter upper case, the rest lower case."""
    return word[:1].upper() + word[1:].lower()


def as_pattern(term: str) -> str:
    """A term as a regex: itself when it compiles, else its literal text (``Node (``),
    so one bracketed vocabulary entry can neither crash a run nor switch a rule off
    (Vale refuses to load the rule; sglint checks the term as written)."""
    try:
        regex.compile(term.removeprefix("(?i)").removeprefix("(?-i)"))
    except (regex.error, ValueError, OverflowError):
        for flag in ("(?i)", "(?-i)"):
            if term.startswith(flag):
                return flag + regex.escape(term[len(flag) :])
        return regex.escape(term)
    return term


def vale_exceptions(terms: Sequence[str]) -> list[str]:
    """The exception list as Vale's ``updateExceptions`` rewrites it in place: longest
    first (ties keep their order; Go's ``sort.Slice`` leaves them unspecified), each term
    ``(?-i)``-prefixed unless it already starts with ``(?i)``."""
    ordered = sorted(terms, key=len, reverse=True)
    return [t if t.startswith("(?i)") else f"(?-i){t}" for t in ordered]


def scoped(term: str) -> str:
    """A term's leading inline flag as a scoped group (``(?-i)VS`` → ``(?-i:VS)``): Python
    rejects a global flag mid-pattern, and every term of Vale's rewritten list carries
    its own flag, so scoping each to its term gives the same matches."""
    for flag in ("(?i)", "(?-i)"):
        if term.startswith(flag):
            return f"{flag[:-1]}:{term[len(flag) :]})"
    return term


def _search(pattern: str, text: str) -> bool:
    try:
        return regex.search(pattern, text, timeout=budget.left()) is not None
    except (regex.error, ValueError, OverflowError):
        return False


def _words(pattern: regex.Pattern[str], text: str) -> list[str]:
    """Every match's whole text (``findall`` would give a term's groups instead)."""
    return [m.group() for m in pattern.finditer(text, timeout=budget.left())]


@dataclass(frozen=True)
class ValeCase:
    match: str  # $sentence, $title, $lower, $upper, or a regex
    exceptions: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    threshold: float = 0.8
    prefix: str = ""

    @cached_property
    def _terms(self) -> tuple[str, ...]:
        """The vocabulary longest first (so ``API (REST)`` wins over ``API``), each term
        a valid pattern (see ``as_pattern``)."""
        return tuple(as_pattern(t) for t in sorted(self.exceptions, key=len, reverse=True))

    @cached_property
    def _except(self) -> regex.Pattern[str] | None:
        # exceptions_regex adds the ``(?-i)`` that vale_exceptions may already have put on.
        terms = [t.removeprefix("(?-i)") for t in self._terms]
        return regex.compile(exceptions_regex(terms)) if terms else None

    def check(self, text: str) -> tuple[str, bool]:
        """(the expected form, whether ``text`` conforms)."""
        exc = self._except
        excepted = exc is not None and exc.search(text, timeout=budget.left()) is not None
        if self.match == "$lower":
            return text.lower(), text == text.lower() or excepted
        if self.match == "$upper":
            return text.upper(), text == text.upper() or excepted
        if self.match not in ("$sentence", "$title"):
            return self.match, _search(self.match, text) or excepted
        tokens = regex.compile((exc.pattern + "|" if exc else "") + WORD)
        expected = self.sentence(text) if self.match == "$sentence" else self.title(text)
        wanted = _words(tokens, expected)
        count = words = 0
        for i, word in enumerate(_words(tokens, text)):
            if (
                i >= len(wanted)
                or word == wanted[i]
                or (exc is not None and exc.search(word, timeout=budget.left()))
                or (self.match == "$title" and word == word.upper())
            ):
                count += 1
            elif self.match == "$sentence" and i == 0 and word != go_title(word.lower()):
                return expected, False
            words += 1
        return expected, words == 0 or count / words >= self.threshold

    def _split(self, text: str) -> tuple[str, list[str]]:
        prefix = ""
        if self.prefix:
            m = regex.search(self.prefix, text, timeout=budget.left())
            if m and text.startswith(m.group()):
                prefix, text = m.group(), text[m.end() :]
        vocab = "|".join(scoped(t) for t in self._terms)
        pattern = (rf"(?i)\b(?:{vocab})\b|" if vocab else "(?i)") + WORD
        return prefix, _words(regex.compile(pattern), text)

    def _in_vocab(self, token: str) -> str | None:
        """twine's ``inVocab``: a term equal but for case gives its own spelling; a term
        whose pattern occurs in the token leaves the token as written."""
        for term in self._terms:
            if term.casefold() == token.casefold():
                return term
            if _search(scoped(term), token):
                return token
        return None

    def _indicator(self, word: str, index: int) -> bool:
        """The word before is a capitalising one: ``Intro:`` or a leading ``1.``."""
        return word.endswith(tuple(self.indicators)) or (
            index == 0 and _NUMBER_LIST.search(word) is not None
        )

    def _convert(self, text: str, case: Callable[[list[str], int], str]) -> str:
        """Vocabulary terms as the vocabulary spells them; other tokens through ``case``."""
        prefix, tokens = self._split(text)
        made = []
        for i, token in enumerate(tokens):
            entry = self._in_vocab(token)
            made.append(entry if entry is not None else case(tokens, i))
        return prefix + " ".join(made)

    def sentence(self, text: str) -> str:
        def case(tokens: list[str], i: int) -> str:
            if i == 0 or self._indicator(tokens[i - 1], i - 1):
                return cap_first(tokens[i])
            return tokens[i].lower()

        return self._convert(text, case)

    def title(self, text: str) -> str:
        """AP-style title case (an approximation of twine's converter)."""

        def case(tokens: list[str], i: int) -> str:
            if 0 < i < len(tokens) - 1 and tokens[i].lower() in _AP_SMALL:
                return tokens[i].lower()
            return tokens[i][:1].upper() + tokens[i][1:]

        return self._convert(text, case)


def vale_case(
    match: str, exceptions: Sequence[str], indicators: Sequence[str], threshold: float, prefix: str
) -> ValeCase:
    return ValeCase(
        match, tuple(e for e in exceptions if e), tuple(indicators), threshold or 0.8, prefix
    )
