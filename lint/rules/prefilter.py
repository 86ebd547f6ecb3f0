"""Prefilter: literals every match must contain, read from the pattern's syntax tree,
so a rule can skip a document that contains none of them.

Reading a pattern's tree costs more than the rest of loading its rule, so what each
pattern needs is kept in the cache folder (``lint.diskcache``) as plain data: the
pattern's digest and its needles, under a digest of this module's source (a change to
how needles are read makes every stored answer stale). The stored answers are checked
for shape and otherwise trusted like the results cache beside them (``lint/resultcache.py``
keeps findings themselves); a missing or malformed file is read again from the patterns.
"""

from __future__ import annotations

import re
import re._parser as _sre_parse  # type: ignore[import-not-found]  # the stdlib parser
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from lint import diskcache, patterns
from lint.rules.budget import remaining
from lint.rules.words import WordMatch, WordPattern, Words, words_of

if TYPE_CHECKING:
    import regex

    from lint.facts import Facts
    from lint.rules.matching import MatchLike

#: ``regex`` syntax that Python's parser would misread as literal text: POSIX classes
#: (``[[:alpha:]]``) and fuzzy constraints (``(?:abc){e<=1}``).
_REGEX_ONLY = re.compile(r"\[\[:|\{\s*[deis]\s*(?:[<=,}])")
#: A Unicode property (``\p{Lu}``, ``\P{L}``, ``\pL``): one character that is not a
#: literal, read as ``\w`` (the literals a match needs are the same either way).
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case pieces of text of which every match of ``pattern`` contains at least
    one (the best of ``required_sets``), or None when there is no such set worth testing."""
    found = required_sets(pattern)
    return None if found is None else found[0]


def further_literals(pattern: str) -> tuple[frozenset[str], ...]:
    """``required_sets`` after the first: further sets of pieces every match of
    ``pattern`` contains one of each (an entry "child porn" needs "child" and "porn")."""
    found = required_sets(pattern)
    return () if found is None else found[1:]


@lru_cache(maxsize=4096)
def required_sets(pattern: str) -> tuple[frozenset[str], ...] | None:
    """``read_literal_sets``, from the cache folder when an earlier run stored the answer."""
    digest = diskcache.digest(pattern)
    if digest in NEEDLES:
        found = NEEDLES.get(digest)
        return None if found is None else tuple(map(frozenset, found))
    result = read_literal_sets(pattern)
    NEEDLES.put(digest, None if result is None else [sorted(s) for s in result])
    return result


def read_literals(pattern: str) -> frozenset[str] | None:
    """The best of ``read_literal_sets`` (the first), or None."""
    found = read_literal_sets(pattern)
    return None if found is None else found[0]


def read_literal_sets(pattern: str) -> tuple[frozenset[str], ...] | None:
    """Sets of lower-case pieces of text: every match of ``pattern`` contains at least
    one piece of each set. The best set first (its shortest piece the longest, then the
    fewest pieces); None when there is no set worth testing (each has a piece under 3
    characters).

    Read from the pattern's syntax tree as Python's own ``re`` parser builds it, with
    Unicode properties (``\\p{L}``) read as ``\\w``; a pattern it cannot parse (other
    ``regex``-only syntax) gets None, so the rule is simply never skipped. Spaces end a
    piece: a space in a rule matches any white space. Each set is what one part of the
    pattern's top-level sequence requires, so a match contains one piece of each.
    """
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        tree = _sre_parse.parse(_PROPERTY.sub(r"\1\\w", pattern))
    except Exception:
        return None
    memo: dict[int, set[str] | None] = {}
    usable = _usable(_candidates(tree, memo))
    return tuple(usable) if usable else None


#: The most strings a run of literals and small alternations is expanded into.
_MOST = 256


def _required(items: Any, memo: dict[int, set[str] | None]) -> frozenset[str] | None:
    """Requirements of a sequence: the best of ``_candidates``, or None."""
    usable = _usable(_candidates(items, memo))
    return usable[0] if usable else None


def _usable(candidates: list[frozenset[str]]) -> list[frozenset[str]]:
    """The candidates worth testing (every piece 3 characters or more), best first: the
    longest shortest piece, then the fewest pieces (stable, for equal ones)."""
    usable = [c for c in candidates if c and min(map(len, c)) >= 3]
    return sorted(usable, key=lambda c: (-min(map(len, c)), len(c)))


def _candidates(items: Any, memo: dict[int, set[str] | None]) -> list[frozenset[str]]:
    """Requirements of a sequence, one set or more per part: its literal runs and its
    parts (a group's own requirements, every one). A
    run is a stretch of the sequence whose text is one of a few known strings (literals,
    small classes such as ``[sz]``, alternations of literals), so ``(organi|recogni)z``
    needs "organiz" or "recogniz", not merely "organi" or "recogni"."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        if run != {""}:
            candidates.append(_minimal(run))
        run = {""}

    for op, arg in items:
        name = str(op)
        if name == "AT":  # \b, ^, $: zero-width, the run goes on
            continue
        exact = None if name == "AT" else _exact_node(op, arg, memo)
        if exact is not None and len(run) * len(exact) <= _MOST:
            run = {a + b for a in run for b in exact}
            continue
        flush()
        if exact is not None:  # too many to join to the run before it: a run of its own
            run = exact
            continue
        # A group (repeated at least once) needs all its sequence needs, best first.
        if name == "SUBPATTERN":
            candidates.extend(_usable(_candidates(arg[-1], memo)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            candidates.extend(_usable(_candidates(arg[2], memo)))
        elif name == "ATOMIC_GROUP":
            candidates.extend(_usable(_candidates(arg, memo)))
        elif name == "BRANCH":
            branches = [_required(b, memo) for b in arg[1]]
            if all(b is not None for b in branches):
                candidates.append(frozenset().union(*branches))  # type: ignore[arg-type]
    flush()
    return candidates


def _exact(items: Any, memo: dict[int, set[str] | None]) -> set[str] | None:
    """Every string a sequence can match, lower-cased, when it is a few literal strings
    (no white space: a space in a rule matches any run of it); else None."""
    out: set[str] = {""}
    for op, arg in items:
        if str(op) == "AT":
            continue
        found = _exact_node(op, arg, memo)
        if found is None or len(out) * len(found) > _MOST:
            return None
        out = {a + b for a in out for b in found}
    return out


def _exact_node(op: Any, arg: Any, memo: dict[int, set[str] | None]) -> set[str] | None:
    """``_exact`` of one node of the tree; a group's answer is kept in ``memo`` by the
    identity of its (living) node, so nested groups are read once, not once per level."""
    name = str(op)
    if name == "LITERAL":
        return None if chr(arg).isspace() else {chr(arg).lower()}
    if name == "IN":
        if len(arg) > 6 or not all(str(o) == "LITERAL" for o, _ in arg):
            return None
        chars = {chr(a).lower() for _, a in arg}
        return None if any(c.isspace() for c in chars) else chars
    if name not in ("SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return None
    if id(arg) in memo:
        return memo[id(arg)]
    found: set[str] | None = None
    if name == "SUBPATTERN":
        found = _exact(arg[-1], memo)
    elif name == "BRANCH":
        found = set()
        for branch in arg[1]:
            each = _exact(branch, memo)
            if each is None:
                found = None
                break
            found |= each
    elif arg[:2] == (0, 1):  # an optional part
        inner = _exact(arg[2], memo)
        found = None if inner is None else inner | {""}
    memo[id(arg)] = found
    return found


def _minimal(strings: set[str]) -> frozenset[str]:
    """The strings without those that contain another of them (a text that has
    "behaviorally" has "behavior"); a run that can match the empty string requires
    nothing."""
    if "" in strings:
        return frozenset()
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def needles_for(patterns_: Sequence[str]) -> tuple[str, ...] | None:
    """Pieces of text of which any match of any of the patterns contains one, or None:
    a document containing none of them cannot match, so the rule need not scan it."""
    out: set[str] = set()
    for pattern in patterns_:
        found = required_literals(pattern)
        if found is None:
            return None
        out |= found
    return tuple(sorted(out))


# -- needles kept between runs -----------------------------------------------------------


@lru_cache(maxsize=1)
def _method() -> str:
    """A digest of this module's source: stored needles are only as good as the code
    that read them."""
    return diskcache.source_digest(__file__)


def _valid_needles(found: object) -> bool:
    """None, or a list of sets (lists) of lower-case pieces of at least 3 characters (as
    read)."""
    if found is None:
        return True
    return isinstance(found, list) and bool(found) and all(map(_valid_set, found))


def _valid_set(found: object) -> bool:
    return (
        isinstance(found, list)
        and bool(found)
        and all(isinstance(n, str) and len(n) >= 3 and n == n.lower() for n in found)
    )


#: Each pattern's sets of needles by the pattern's digest (None: none worth testing).
NEEDLES = diskcache.Store("needles.json", _method(), _valid_needles)


def remember() -> None:
    """Store the needles this run read for the first time (called once the rule set is
    loaded), so the next run need not read the patterns again."""
    NEEDLES.save()


# -- alternatives chosen by their needles -------------------------------------------------


@dataclass(frozen=True)
class Alternatives:
    """A pattern that is an alternation, each alternative with the needles every match
    of it contains (None: no needles, always kept). A document runs only the
    alternatives whose needles it holds: an alternative none of whose needles occur in
    the document can match nowhere in it, and leaving out an alternative that cannot
    match changes no match of the others (nor which alternative matches first), so the
    matches are those of the whole pattern, found sooner: most documents hold the words
    of 3 or 4 of a rule's 15 entries. Each choice is compiled once per run. An
    alternative may also have ``further`` sets (``further_literals``): it is kept only
    when the document holds a needle of each ("child porn" needs "child" and "porn"), so
    a document that has only the commonest word compiles nothing."""

    head: str  # flags and the opening of the alternation
    alternatives: tuple[str, ...]
    tail: str
    needles: tuple[frozenset[str] | None, ...]
    every: tuple[str, ...]  # every alternative's needles, further ones included
    _made: list[frozenset[int]] = field(default_factory=list, compare=False, repr=False)
    #: The whole pattern's words, when it is only words (``lint.rules.words``).
    words: Words | None = None
    _as_words: dict[tuple[int, ...], WordPattern] = field(
        default_factory=dict, compare=False, repr=False
    )
    _alone: list[tuple[Words | None, ...]] = field(default_factory=list, compare=False, repr=False)
    _by_words: dict[tuple[int, ...], regex.Pattern[str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Per alternative, further sets of needles, each of which a match holds one of.
    further: tuple[tuple[frozenset[str], ...], ...] = ()
    #: Each alternative is one capture group (``of``'s ``groups``).
    grouped: bool = False

    @staticmethod
    def of(
        head: str,
        alternatives: Sequence[str],
        tail: str,
        needles: Sequence[frozenset[str] | None],
        words: Words | None = None,
        *,
        groups: bool = False,
        as_words: bool = True,
        further: Sequence[tuple[frozenset[str], ...]] = (),
    ) -> Alternatives | None:
        """The alternatives, or None where choosing among them gains nothing (fewer than
        two, or none with needles) or could change a match: a back-reference or a
        global flag inside an alternative, whose meaning depends on the others.
        ``groups``: each alternative is one capture group between a head and a tail that
        match no text of their own, so they may be run branch by branch (``apart``), and
        those that are only words matched without ``regex`` (``by_words``; read now, as
        the rule loads, unless not ``as_words``).
        ``further``: per alternative, the sets beyond its needles (``further_literals``)."""
        if len(alternatives) < 2 or all(n is None for n in needles):
            return None
        if any(_NOT_ALONE.search(a) for a in alternatives):
            return None
        further = tuple(further) if len(further) == len(alternatives) else ()
        every = tuple(
            sorted(
                {w for n in needles if n is not None for w in n}
                | {w for sets in further for s in sets for w in s}
            )
        )
        if words is not None and len(words.alternatives) != len(alternatives):
            words = None
        found = Alternatives(
            head,
            tuple(alternatives),
            tail,
            tuple(needles),
            every,
            words=words,
            further=further,
            grouped=groups,
        )
        if groups and as_words and words is None:
            found._alone.append(tuple(found._words_alone(a) for a in alternatives))
        return found

    def chosen(self, facts: Facts) -> tuple[int, ...]:
        """The indexes of the alternatives to run on ``facts``' document (``choose``)."""
        return self.choose(facts.present(self.every))

    def for_document(
        self, facts: Facts, whole: regex.Pattern[str], needles: tuple[str, ...] | None
    ) -> tuple[regex.Pattern[str], tuple[str, ...] | None, tuple[int, ...] | None] | None:
        """What to run on ``facts``' document for the pattern ``whole`` of all the
        alternatives, gated by ``needles``: the pattern, its needles and the indexes of
        the alternatives it holds, in order (None: all of them, numbered as in
        ``whole``). Those that could match there branch by branch (``apart``), else a
        compiled choice of them (``choose``), matched as words where all of them are
        (``by_words``). None where no alternative could match there."""
        present = facts.present(self.every)
        apart = self.apart(present)
        if apart is not None:
            return cast("regex.Pattern[str]", apart), self.needles_of(apart.chosen), apart.chosen
        chosen = self.choose(present)
        if not chosen:
            return None
        by_words = self.by_words(chosen)
        if len(chosen) < len(self.alternatives):
            pattern = self.pattern(chosen) if by_words is None else by_words
            return pattern, self.needles_of(chosen), chosen
        return whole if by_words is None else by_words, needles, None

    def choose(self, present: frozenset[str]) -> tuple[int, ...]:
        """The indexes of the alternatives to run on a document that holds the needles
        ``present`` (of ``every``), in order: those that could match there (none, when
        none could), or a choice compiled before that holds them all; every one (the
        whole pattern) once ``_MOST_CHOICES`` are made, so a run over many documents
        compiles a few patterns, not one per document."""
        chosen = self.possible(present)
        if not chosen or len(chosen) == len(self.alternatives):
            return chosen
        wanted = frozenset(chosen)
        made = [m for m in self._made if m >= wanted]
        if wanted in made:
            return chosen
        if len(self._made) < _MOST_CHOICES:
            self._made.append(wanted)
            return chosen
        if made:
            smallest: frozenset[int] = min(made, key=len)
            return tuple(sorted(smallest))
        return tuple(range(len(self.alternatives)))

    def possible(self, present: frozenset[str]) -> tuple[int, ...]:
        """The indexes of the alternatives that could match in a document that holds the
        needles ``present`` (of ``every``), in order."""
        return tuple(
            i
            for i, n in enumerate(self.needles)
            if n is None
            or (
                not present.isdisjoint(n)
                and (not self.further or all(not present.isdisjoint(s) for s in self.further[i]))
            )
        )

    def pattern(self, chosen: Sequence[int]) -> regex.Pattern[str]:
        """The alternation of the ``chosen`` alternatives, in their order (as words,
        uncompiled, when the whole pattern is only words)."""
        text = self._text(chosen)
        if self.words is None:
            return patterns.compile(text)
        key = tuple(chosen)
        found = self._as_words.get(key)
        if found is None:
            found = self._as_words[key] = WordPattern(text, self.words.only(chosen))
        return cast("regex.Pattern[str]", found)

    def by_words(self, chosen: Sequence[int]) -> regex.Pattern[str] | None:
        """``pattern(chosen)`` as one ``WordPattern`` for a pattern that is not only words
        but whose chosen alternatives all are (an alternative is only words when, between
        the pattern's head and tail, it is a word pattern of one group of its own). None
        when the whole is only words (``pattern`` has it), the alternatives were not read
        as groups (``of``) or a chosen one is not words: those run branch by branch
        (``apart``), words and others alike."""
        if self.words is not None:
            return None
        key = tuple(chosen)
        if key in self._by_words:
            return self._by_words[key]
        if not self._alone:
            return None
        alone = self._alone[0]
        found: regex.Pattern[str] | None = None
        if key and all(alone[i] is not None for i in key):
            parts = [cast("Words", alone[i]) for i in key]
            words = Words(
                tuple(p.alternatives[0] for p in parts),
                len(parts),
                parts[0].start_boundary,
                parts[0].end_boundary,
            )
            found = cast("regex.Pattern[str]", WordPattern(self._text(key), words))
        self._by_words[key] = found
        return found

    def _text(self, chosen: Iterable[int]) -> str:
        return self.head + "|".join(self.alternatives[i] for i in chosen) + self.tail

    def one_by_one(
        self,
        chosen: Iterable[int],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        timeout: float | None = None,
    ) -> list[regex.Match[str]] | None:
        """The matches in ``text[pos:endpos]`` of the alternation of the ``chosen``
        alternatives, found branch by branch, each compiled once per run: at each place,
        the first branch (in the alternation's order) that matches there, as the
        alternation would try them, the next place searched from where that match ends.
        None where a branch matches empty text (the whole pattern then decides where the
        next search starts). ``timeout``: for all the branches' searches together."""
        found = self._by_branch(tuple(chosen), text, pos, endpos, timeout)
        return None if found is None else [m for _, m in found]

    def _by_branch(
        self,
        chosen: tuple[int, ...],
        text: str,
        pos: int,
        endpos: int | None,
        timeout: float | None,
    ) -> list[tuple[int, regex.Match[str]]] | None:
        """``one_by_one``'s matches, each with its branch's place in ``chosen``."""
        end = len(text) if endpos is None else endpos
        deadline = None if timeout is None else time.monotonic() + timeout
        first: dict[int, tuple[int, regex.Match[str]]] = {}
        for k, i in enumerate(chosen):
            branch = patterns.compile(self.head + self.alternatives[i] + self.tail)
            left = None if deadline is None else remaining(deadline)
            for m in branch.finditer(text, pos, end, overlapped=True, timeout=left):
                if m.end() == m.start():
                    return None
                first.setdefault(m.start(), (k, m))
        out: list[tuple[int, regex.Match[str]]] = []
        after = pos
        for start in sorted(first):
            if start >= after:
                out.append(first[start])
                after = first[start][1].end()
        return out

    def apart(self, present: frozenset[str]) -> OneByOne | None:
        """The alternatives that could match in a document that holds the needles
        ``present`` (``possible``), to be run branch by branch (``OneByOne``) where
        that is cheaper than as one alternation: alternatives that are each one capture
        group (``of``'s ``groups``), at least ``_APART`` of them, not all of them words
        (``by_words``: those are matched without ``regex``). Else None."""
        if not self.grouped or self.words is not None:
            return None
        chosen = self.possible(present)
        if len(chosen) < _APART or self.by_words(chosen) is not None:
            return None
        return OneByOne(self, chosen)

    def _words_alone(self, alternative: str) -> Words | None:
        found = words_of(self.head + alternative + self.tail)
        if found is None or found.groups != 1:
            return None
        # Each place a first word stands, its strings are tried one by one: many strings
        # after one word ("the vulnerable girl", "the under-age girl" …) cost more
        # there than ``regex`` does.
        firsts = Counter(s[0] for s in found.alternatives[0])
        return found if max(firsts.values()) <= _FEW else None

    def needles_of(self, chosen: Sequence[int]) -> tuple[str, ...] | None:
        """Needles of which every match of ``pattern(chosen)`` contains one, or None."""
        found: set[str] = set()
        for i in chosen:
            needles = self.needles[i]
            if needles is None:
                return None
            found |= needles
        return tuple(sorted(found))


class OneByOne(patterns.Lazy):
    """The alternation of ``choice``'s ``chosen`` alternatives, each one capture group
    between a head and a tail that match no text of their own (a substitution's entries
    between word boundaries), whose matches are found branch by branch
    (``Alternatives.one_by_one``): each as the alternation gives it, the group of its
    alternative numbered as there (``WordMatch``). Anything else is asked of the
    compiled alternation (``patterns.Lazy``)."""

    def __init__(self, choice: Alternatives, chosen: tuple[int, ...]) -> None:
        super().__init__(choice._text(chosen))
        self.choice = choice
        self.chosen = chosen

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, *, timeout: float | None = None
    ) -> Iterator[MatchLike]:
        found = self.choice._by_branch(self.chosen, text, pos, endpos, timeout)
        if found is None:  # a branch matches empty text: the alternation decides
            return self.compiled().finditer(text, pos, endpos, timeout=timeout)
        groups = len(self.chosen)
        return iter([WordMatch(text, m.start(), m.end(), k + 1, groups) for k, m in found])


def top_level_branches(pattern: str) -> tuple[str, ...] | None:
    """The branches of ``pattern``'s top-level alternation, in order (one, when it has
    none), so that each can be chosen by its own needles (``Alternatives``); those of the
    group a whole pattern is (``(?:a|b)``, as a list of phrases is written). None where a
    branch holds a group numbered by its place (``(...)``), which leaving out a branch
    before it would renumber. Escapes and character classes are passed over as written."""
    out: list[str] = []
    start = 0
    for kind, at, depth in _marks(pattern):
        if kind == _NUMBERED:
            return None
        if kind == _BAR and depth == 0:
            out.append(pattern[start:at])
            start = at + 1
    out.append(pattern[start:])
    if len(out) == 1:
        lead = leading_group(pattern)
        if lead is not None and not lead[1]:
            return top_level_branches(lead[0])
    return tuple(out)


def leading_group(pattern: str) -> tuple[str, str] | None:
    """The body of the group a pattern opens with (``(?:...)``, not repeated) and the
    rest of the pattern after it; None where it opens otherwise."""
    if not pattern.startswith("(?:"):
        return None
    for kind, at, depth in _marks(pattern):
        if kind == _CLOSE and depth == 0:
            rest = pattern[at + 1 :]
            return None if rest[:1] in ("?", "*", "+", "{") else (pattern[3:at], rest)
    return None


def _marks(pattern: str) -> Iterator[tuple[int, int, int]]:
    """Each place ``pattern``'s structure shows (``_STRUCTURE``): its kind, where it is
    (the "(" of a numbered group, the "?" of another, the ")" or the "|") and the depth
    of groups after it, a group numbered by its place not counted (a pattern holding one
    has no branches to choose: ``top_level_branches``)."""
    depth = 0
    for m in _STRUCTURE.finditer(pattern):
        kind = m.lastindex
        if kind is None:  # the end
            return
        depth += 1 if kind == _OPEN else -1 if kind == _CLOSE else 0
        yield kind, m.end() - 1, depth


#: The next place ``pattern``'s structure shows, past escapes and character classes
#: (whose "|" and parentheses are characters; a "]" first in a class is one too, and an
#: unclosed class runs to the end): a group numbered by its place opening ("("), another
#: group opening ("(?"), one closing (")"), a "|", or the end. Which one is the match's
#: ``lastindex`` (None: the end). One scan in C, not a loop over every character:
#: loading the rule packs reads the structure of some 600,000 characters. A run of plain
#: characters is taken at once, and nothing taken is given back (``*+``, ``++``: each
#: piece starts with a character no other can, so there is never a second way to read
#: the text), a third less time than one character at a time, remembering each.
_STRUCTURE = re.compile(
    r"(?:[^()|\\\[]++|\\.?|\[\^?\]?(?:[^\]\\]++|\\.?)*+\]?)*+(?:(\()(\?)?|(\))|(\|)|\Z)", re.S
)
_NUMBERED, _OPEN, _CLOSE, _BAR = 1, 2, 3, 4


#: The most strings of an alternative matched as words that start with the same word.
_FEW = 8

#: From how many alternatives that could match a document they are run branch by branch
#: (``Alternatives.apart``), not as one alternation: from two, as ``regex`` finds where
#: one branch can start faster than where any of several can (Safeguarding.Consent's
#: entries, 6.6 ms a file as one alternation, 1.8 branch by branch).
_APART = 2

#: The most choices of one pattern's alternatives compiled in a run.
_MOST_CHOICES = 8

#: What makes an alternative's meaning depend on the others: a back-reference by
#: number or name, or a global flag (``(?i)``) that would apply to the whole pattern.
_NOT_ALONE = patterns.compile(r"\\[1-9g]|\(\?P=|\(\?[a-zA-Z0-9^-]*\)")
