"""Near misses of register names, found without listing each one.

Built once per register from its right forms (a plain index of word tuples, no regex
per name), then run over the words of a phrase. It reports:

* **slips**: a multi-word name with one word wrong: a letter or two off ("Marie Colins
  Foundation"), a plural ("Internet Watch Foundations"), a missing or misplaced
  apostrophe ("Victims Commissioner", "Barnardos"), a word of the same kind swapped
  ("Metropolitan Police Force", "Marie Collins Trust"), the wrong small word ("Ministry
  for Justice"), a stem for a word ("National Criminal Agency"), or a generic word
  added after a force's name ("Kent Police Force");
* **case**: a right form with its generic word in lower case ("Merseyside police",
  "Internet Watch foundation");
* **acronym slips**: a register abbreviation with a letter doubled, dropped, added
  twice or two letters swapped ("NSPPC", "NSPC", "IICCSA", "IOCP"), or one letter
  moved in a long one ("HMIRCFS");
* **coined names**: a capitalised word a slip from a one-word name the register marks
  ``coined`` ("Ofstead", "Childine", "Barnardoes"), unless the register lists the word
  as a real word or name near it (``unlike``);
* **a long name with one word confused**: in a name of five words or more, one word
  replaced by another that starts with the same two letters ("National Society for the
  Protection of Cruelty to Children", "Independent Office for Police Complaints").

A form that is right for any body on the register is never reported, so a real body
with a similar name ("Gwent Police" beside "Kent Police") is silent once it is listed.
Possessives ("the Internet Watch Foundation's") are right.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, NamedTuple

import regex
from rapidfuzz.distance import OSA, Levenshtein

from lint import lexicon
from lint.registers import normalise
from lint.registers.organisations import Organisation

#: A word of a name: letters and digits, inner apostrophes and hyphens, an optional
#: closing apostrophe ("Chiefs'"); or "&" and "," (kept, since names contain them).
TOKEN = r"[\p{L}\p{N}](?:[\p{L}\p{N}]|['’-](?=[\p{L}\p{N}]))*['’]?|&|,"
#: A phrase: words separated by spaces (or one line break), as scanned by the rule.
PHRASE = rf"(?:{TOKEN})(?:[ \t]*(?:\n[ \t]*)?(?:{TOKEN}))*"
_TOKEN = regex.compile(TOKEN)

#: Small words that may differ in a slip ("Ministry for Justice"): the lexicon's.
CONNECTORS = lexicon.words("name_connectors", "name_place_connectors")
#: Connectors that place a body ("in", "at"): a description after its name, not a slip.
PLACE_CONNECTORS = lexicon.words("name_place_connectors")
#: Words of one kind: swapping one for another inside a name is a slip.
KINDS = tuple(frozenset(group.split()) for group in lexicon.words("organisation_kinds"))
#: Words that make a force's name into a wrong one when added after it ("Kent Police
#: Force"): the rest of the police group.
FORCE_SUFFIXES = next(kind for kind in KINDS if "Police" in kind) - {"Police"}
#: Generic words whose lower case inside a name is a slip ("Merseyside police").
GENERIC = lexicon.words("organisation_words")
#: Other bodies' and things' abbreviations: never a slip of a register abbreviation.
OTHERS = lexicon.words("other_abbreviations", "elected_letters", "post_nominals")
#: Places: a word of a long name replaced by a place names another body.
PLACES = lexicon.words("places")
#: Titles of plans, programmes and teams: their words, next to each other, are checked
#: for typing slips with the register's names.
TITLE_PHRASES = lexicon.words("title_phrases")
#: Titles of offices a slip away from a register name ("Minister of Justice"): never
#: reported as a near miss of one ("Ministry of Justice").
OFFICE_TITLES = lexicon.words("office_titles")


@dataclass(frozen=True)
class Slip:
    """A phrase that misnames a register body: where, what, and the right form."""

    start: int
    end: int
    observed: str
    right: str
    org: Organisation
    #: Reported only where the document names the body rightly too ("IFW" where the
    #: Internet Watch Foundation or the IWF is named): a short abbreviation's slip may
    #: be another body's abbreviation.
    confirm: bool = False
    #: The name's own words in another form ("One-in-Four" for One in Four): a point of
    #: style, reported as a warning, not a wrong name.
    styling: bool = False


#: What a phrase holds: its slips and its case slips.
Found = tuple[list[Slip], list[Slip]]


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]
    text: str
    org: Organisation


class _Word(NamedTuple):  # a tuple: made for every word of every phrase scanned
    text: str  # apostrophes straight
    start: int
    end: int


def _words(text: str, offset: int = 0) -> list[_Word]:
    return [
        _Word(m.group().replace("’", "'"), offset + m.start(), offset + m.end())
        for m in _TOKEN.finditer(text)
    ]


def _texts(phrase: str) -> list[str]:
    """The words of a phrase (a ``PHRASE`` match) as ``_words`` gives them, without their
    places (wanted only for the rare slip). A phrase holds nothing but words and the
    spaces between them, so a run of letters and digits between spaces is one word: only
    the other runs ("Police,", "Chiefs'", "One-in-Four") need the word pattern."""
    found: list[str] = []
    for run in phrase.split():
        if run.isalnum():
            found.append(run)
        else:
            found.extend(_TOKEN.findall(run))
    return [w.replace("’", "'") for w in found] if "’" in phrase else found


def _fold(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def _squeeze(words: Iterable[str]) -> str:
    return " ".join(words).replace("'", "").casefold()


def _compound(word: str) -> bool:
    """A word made of two small words of names ("into", "onto")."""
    w = word.casefold()
    return any(w[:i] in CONNECTORS and w[i:] in CONNECTORS for i in range(1, len(w)))


def _capital(word: str) -> bool:
    """Starts with a capital or a digit ("Catch22", "5Rights"); "," and "&" are not."""
    return word[:1].isupper() or word[:1].isdigit()


_COMPOUND = regex.compile(r"-\p{Ll}+$")


def _possessive(word: str) -> tuple[str, str]:
    """The word without a possessive or compound ending, and the ending
    ("Foundation's", "Office-led")."""
    for ending in ("'s", "'"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)], ending
    compound = _COMPOUND.search(word) if "-" in word else None
    if compound is not None and compound.start() > 1:
        return word[: compound.start()], compound.group()
    return word, ""


#: The most answers a name index keeps per question (words, not documents, are the
#: keys: a run of ordinary copy asks about a few thousand).
_KEPT = 100_000


def _bound(kept: dict[Any, Any]) -> None:
    """Forget a store of answers that has grown past ``_KEPT`` (a run of huge files)."""
    if len(kept) > _KEPT:
        kept.clear()


class NameIndex:
    """The right forms of a register, indexed for exact, case and near-miss look-ups."""

    def __init__(self, orgs: Sequence[Organisation]) -> None:
        self.exact: dict[tuple[str, ...], list[_Form]] = {}
        self.wild: dict[tuple[int, int, tuple[str, ...]], list[_Form]] = {}
        self.squeezed: dict[str, list[_Form]] = {}
        #: Forms with a word made of two small words ("into"), by their letters: "Inquiry
        #: in to Child Sexual Abuse" splits it.
        self.joined: dict[str, list[_Form]] = {}
        #: Forms of four words or more, by their words in sorted order: "Local Children
        #: Safeguarding Board" has the words of Local Safeguarding Children Board in
        #: another order (a shorter name's words reordered may be another body's name).
        self.shuffled: dict[tuple[str, ...], list[_Form]] = {}
        self.abbreviations: dict[str, Organisation] = {}
        #: Coined one-word names, by their letters (case and apostrophes aside), with
        #: the real words a slip away from each that are never taken for it.
        self.coined: list[tuple[str, _Form, frozenset[str]]] = []
        self.right_tokens: set[str] = set()
        #: The lengths of the forms that start with each (case-folded) word.
        self.starts: dict[str, set[int]] = {}
        #: Forms the register lists as wrong or informal (reported by the ``wrong`` and
        #: ``informal`` rules, not here), and titles of offices (a person's, right).
        self.wrong: set[tuple[str, ...]] = {
            _fold(w.text for w in _words(normalise(title))) for title in OFFICE_TITLES
        }
        lengths: set[int] = set()
        for org in orgs:
            for variant in (*org.wrong, *org.in_context, *org.informal):
                self.wrong.add(_fold(w.text for w in _words(normalise(variant.form))))
            if org.abbreviation:
                self.abbreviations[org.abbreviation] = org
            if org.coined:
                unlike = frozenset(_squeeze([w]) for w in org.unlike)
                name = normalise(org.coined_word)
                self.coined.append((_squeeze([name]), _Form((name,), name, org), unlike))
            for form in org.right_forms:
                words = tuple(w.text for w in _words(normalise(form)))
                if not words:
                    continue
                variants = [words]
                if words[0] in ("The", "the") and len(words) > 1:
                    variants.append(words[1:])
                for ws in variants:
                    entry = _Form(ws, " ".join(ws).replace(" ,", ","), org)  # as written
                    self.exact.setdefault(_fold(ws), []).append(entry)
                    self.starts.setdefault(ws[0].casefold(), set()).add(len(ws))
                    lengths.add(len(ws))
                    if len(ws) == 1:
                        self.right_tokens.add(ws[0])
                    if not _capital(ws[0]):
                        continue
                    if "'" in "".join(ws):
                        self.squeezed.setdefault(_squeeze(ws), []).append(entry)
                    if any(_compound(w) for w in ws):
                        self.joined.setdefault("".join(ws).casefold(), []).append(entry)
                        lengths.add(len(ws) + 1)
                    if len(ws) >= SHUFFLED_NAME:
                        self.shuffled.setdefault(tuple(sorted(_fold(ws))), []).append(entry)
                    if len(ws) >= 2:
                        for i in range(len(ws)):
                            key = (len(ws), i, _fold(ws[:i] + ws[i + 1 :]))
                            self.wild.setdefault(key, []).append(entry)
        #: Pairs of neighbouring words in the register's names and the lexicon's titles,
        #: and the words of both (case-folded): a word one letter from one of them, next
        #: to its neighbour in a pair, is a typing slip ("Acton Plan"). Only pairs the
        #: title writes with capitals: the slip's neighbour must be capitalised, and a word
        #: a name writes in lower case ("in" of "Children at Risk in Ireland") is
        #: capitalised only where a sentence starts ("In Iceland, …"), not as the title.
        self.pairs: set[tuple[str, str]] = set()
        titles = [f for org in orgs for f in org.right_forms] + sorted(TITLE_PHRASES)
        for title in titles:
            written = [w.text for w in _words(normalise(title)) if w.text != ","]
            self.pairs.update(
                (a.casefold(), b.casefold())
                for a, b in pairwise(written)
                if not a[:1].islower() and not b[:1].islower()
            )
        self.vocabulary: dict[tuple[str, int], list[str]] = {}
        for word in sorted({w for pair in self.pairs for w in pair}):
            if len(word) >= 4 and word.isalpha():
                self.vocabulary.setdefault((word[0], len(word)), []).append(word)
        self.lengths = sorted(lengths, reverse=True)
        self._lengths = frozenset(lengths)
        self._starts = {w: sorted(ns, reverse=True) for w, ns in self.starts.items()}
        #: Answers that depend on the words alone, kept for the run (``_bound``).
        self._nears: dict[tuple[str, ...], tuple[_Form, str] | None] = {}
        self._coins: dict[tuple[str, str], tuple[_Form, str] | None] = {}
        self._acronyms: dict[str, tuple[Organisation | None, bool]] = {}

    # -- look-ups ------------------------------------------------------------------

    def _exact(self, words: Sequence[str]) -> tuple[list[_Form], str]:
        """Forms equal to the words ignoring case (a possessive ending set aside)."""
        whole = self.exact.get(_fold(words))
        if whole:
            return whole, ""  # a form that ends in "'s" itself: "Dr Barnardo's"
        last, ending = _possessive(words[-1])
        return self.exact.get(_fold([*words[:-1], last]), []), ending

    def scan(
        self, text: str, offset: int, memo: dict[tuple[int, int], Found] | None = None
    ) -> Found:
        """The (slips, case slips) in one phrase of text (a ``PHRASE`` match) starting at
        ``offset``. The near-miss and case rules scan the same phrases of a document: pass
        one ``memo`` per document (``Facts.shared``) and each phrase is read once, however
        large the document."""
        if memo is None:
            return self._scan(text, offset)
        key = (offset, offset + len(text))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._scan(text, offset)
        return found

    def _scan(self, text: str, offset: int) -> Found:
        phrase = _Phrase(text, offset)
        words = phrase.words
        caps = [_capital(w) for w in words]
        #: The capitalised words: only they start a name, a slip or a title's word.
        capped = [i for i, cap in enumerate(caps) if cap]
        slips: list[Slip] = []
        for i, word in enumerate(words):
            if len(word) < 3 or not word[:3].isupper():
                continue
            token, ending = _possessive(word)
            org, confirm = self._acronym(token)
            if org is not None:
                short = phrase.slip(i, i + 1, org.abbreviation + ending, org)
                slips.append(replace(short, confirm=confirm))
        if "-" in text:
            slips.extend(self._hyphenated(phrase, capped))
        right: list[tuple[int, int]] = []
        case: list[Slip] = []
        reach = 0  # words before this index lie inside a name already found
        for i in capped:
            if i < reach:
                continue
            first = words[i].casefold()
            lengths = sorted(
                {*self._starts.get(first, ()), *self._starts.get(_possessive(first)[0], ())},
                reverse=True,
            )
            for n in lengths:
                span = words[i : i + n]
                if len(span) < n:
                    continue
                forms, ending = self._exact(span)
                if not forms:
                    continue
                observed = list(span)
                observed[-1] = observed[-1][: len(observed[-1]) - len(ending)]
                form = next((f for f in forms if tuple(observed) == f.words), None)
                reach = i + n
                if form is not None:
                    longer = None if ending else self._extended(words, caps, i, form)
                    if longer is not None:
                        j, slip_form = longer
                        slips.append(phrase.slip(i, j, slip_form.text, slip_form.org))
                        right.append((i, j))
                        reach = j
                        break
                    right.append((i, i + n))
                    added = self._force_suffix(words, i + n, form, ending)
                    if added is not None:
                        slips.append(phrase.slip(i, i + n + 1, *added))
                    break
                slip = _case_slip(observed, forms)
                if slip is not None:
                    case.append(phrase.slip(i, i + n, slip.text + ending, slip.org))
                right.append((i, i + n))  # a case slip is not also a near miss
                break
        taken: list[tuple[int, int]] = []
        count = len(words)
        longest = self.lengths[0] if self.lengths else 0
        for k, i in enumerate(capped):
            # The runs of a form's length from word i that end on a capital, longest first.
            for last in reversed(capped[k : bisect.bisect_left(capped, i + longest)]):
                j = last + 1
                n = j - i
                if n not in self._lengths:
                    continue
                inside = j < count and caps[j] and not _possessive(words[last])[1]
                if inside and n > 1:
                    continue  # part of a longer name (a possessive ends one: "Agency's Child")
                if (right and _overlaps(i, j, right)) or (taken and _overlaps(i, j, taken)):
                    continue
                span = words[i:j]
                # A coined one-word name is itself inside a longer one too: "the Barnahaus
                # Project", "Ofstead Report".
                if inside:
                    bare, end = _possessive(span[0])
                    found = None if bare in self.right_tokens else self._coined(bare, end)
                else:
                    found = self._near(span)
                if found is not None and self._listed_wrong(span):
                    found = None  # a listed wrong form: the ``wrong`` rule reports it
                if found is not None and _unaccented(" ".join(span)) == (
                    _unaccented(found[0].text)
                ):
                    found = None  # "Garda Siochana": its accents are Spelling.Accents'
                if found is not None:
                    form, ending = found
                    slips.append(phrase.slip(i, j, form.text + ending, form.org))
                    taken.append((i, j))
                    break
        slips.extend(self._title_slips(phrase, caps, capped, right + taken))
        return slips, case

    def _hyphenated(self, phrase: _Phrase, capped: Sequence[int]) -> Iterator[Slip]:
        """A name of several words written as one hyphenated word, its words and their
        capitals as the register has them and a small word among them ("One-in-Four" for
        One in Four): a slip of the name. "One-in-four" (another capital) is the
        ordinary phrase; "NCA-CEOP" joins two names as their owners write them."""
        for i in capped:
            word = phrase.words[i]
            if "-" not in word:
                continue
            token, ending = _possessive(word)
            if ending.startswith("-"):
                continue  # "NCA-commissioned": a name in a compound, not a slip
            pieces = tuple(token.split("-"))
            if all(p[:1].isupper() for p in pieces):
                continue  # "NCA-CEOP": names joined, as their owners write them
            form = next((f for f in self.exact.get(_fold(pieces), ()) if f.words == pieces), None)
            if form is not None:
                slip = phrase.slip(i, i + 1, form.text + ending, form.org)
                yield replace(slip, styling=True)

    def _title_slips(
        self,
        phrase: _Phrase,
        caps: Sequence[bool],
        capped: Sequence[int],
        known: list[tuple[int, int]],
    ) -> Iterator[Slip]:
        """A capitalised word one letter from a word of a title, beside the word that
        goes with it there: "Acton Plan" (Action Plan), "Chield Sexual Exploitation"."""
        words = phrase.words
        for i in capped:
            word = words[i]
            low = word.casefold()
            if len(low) < 4 or not low.isalpha() or _overlaps(i, i + 1, known):
                continue
            if word in PLACES or word in self.right_tokens or word.isupper():
                continue
            if low in self.vocabulary.get((low[0], len(low)), ()):  # its own bucket
                continue
            for j in (i + 1, i - 1):
                if not 0 <= j < len(words) or not caps[j]:
                    continue
                other = words[j].casefold()
                right = self._title_word(low, other, before=j > i)
                if right is None:
                    continue
                fixed = right[:1].upper() + right[1:]
                pair = sorted((i, j))
                title = " ".join(fixed if k == i else words[k] for k in pair)
                org = Organisation(title, why=TITLE_WHY)
                yield phrase.slip(pair[0], pair[1] + 1, title, org)
                break

    def _title_word(self, low: str, other: str, *, before: bool) -> str | None:
        """The title word ``low`` slips from, given its neighbour in the title."""
        for size in (len(low) - 1, len(low), len(low) + 1):
            for candidate in self.vocabulary.get((low[0], size), ()):
                pair = (candidate, other) if before else (other, candidate)
                if pair not in self.pairs or OSA.distance(low, candidate) != 1:
                    continue
                if _unaccented(low) == _unaccented(candidate):
                    continue  # "Siochána" for "Síochána": an accent (Spelling.Accents)
                if low in (candidate + "s", candidate[:-1]) or _us_spelling(low, candidate):
                    continue  # another word: "Prosecutions", "Organized" (Spelling's)
                return candidate
        return None

    def _extended(
        self, words: Sequence[str], caps: Sequence[bool], i: int, form: _Form
    ) -> tuple[int, _Form] | None:
        """A right name run on by a small word and a capitalised word into a slip of a
        longer name that starts with it: "Children's Commissioner of Wales" (Children's
        Commissioner for Wales), "Care Inspectorate for Wales" (Care Inspectorate
        Wales). A place connector after it describes it ("the NSPCC in Scotland")."""
        n = len(form.words)
        if i + n + 1 >= len(words) or words[i + n] not in CONNECTORS:
            return None
        if words[i + n] in PLACE_CONNECTORS:
            return None
        for j in range(min(len(words), i + n + 3), i + n + 1, -1):
            if not caps[j - 1] or (j < len(words) and caps[j]):
                continue
            span = tuple(words[i:j])
            if self._exact(span)[0] or self._listed_wrong(span):
                continue
            found = self._near(span)
            if found is not None and found[0].words[:n] == form.words and not found[1]:
                return j, found[0]
        return None

    def _listed_wrong(self, span: Sequence[str]) -> bool:
        folded = _fold([*span[:-1], _possessive(span[-1])[0]])
        return folded in self.wrong or (folded[0] == "the" and folded[1:] in self.wrong)

    def _force_suffix(
        self, words: Sequence[str], j: int, form: _Form, ending: str
    ) -> tuple[str, Organisation] | None:
        """A force's name with a generic word added after it: "Kent Police Force", or
        its full name in the plural: "Metropolitan Police Services"."""
        if ending or j >= len(words):
            return None
        word = words[j]
        singular = word[:-1] if word.endswith("s") else word
        if singular not in FORCE_SUFFIXES:
            return None
        if form.words[-1] not in ("Police", "Constabulary"):
            return None
        if j + 1 < len(words) and _capital(words[j + 1]) and words[j + 1] != ",":
            return None  # a longer name: "Kent Police Service Centre"
        longer = _fold([*form.words, word])
        if longer in self.exact or longer in self.wrong:
            return None
        full = self.exact.get(_fold([*form.words, singular]), []) if word != singular else []
        return (full[0].text, full[0].org) if full else (form.org.name, form.org)

    def _near(self, span: Sequence[str]) -> tuple[_Form, str] | None:
        """The form a run of words misses by a slip, by the words alone: asked once per
        run of words in a process (a document repeats its names, and a run its phrases)."""
        words = tuple(span)
        if words in self._nears:
            return self._nears[words]
        found = self._nears[words] = self._near_words(words)
        _bound(self._nears)
        return found

    def _near_words(self, words: tuple[str, ...]) -> tuple[_Form, str] | None:
        last, ending = _possessive(words[-1])
        texts = [*words[:-1], last]
        if any(t == "," for t in (texts[0], texts[-1])):
            return None
        n = len(texts)
        if n == 1:
            if texts[0] in self.right_tokens or texts[0].isupper():
                return None
            for form in self.squeezed.get(_squeeze(texts), []):
                if len(form.words) == 1:
                    return form, ending
            return self._coined(texts[0], ending)
        for form in self.squeezed.get(_squeeze(texts), []):
            if len(form.words) == n and tuple(texts) != form.words:
                return form, ending
        for form in self.joined.get("".join(texts).casefold(), []):
            if len(form.words) == n - 1:
                return form, ending
        folded = _fold(texts)
        for i in range(n):
            for form in self.wild.get((n, i, folded[:i] + folded[i + 1 :]), []):
                if near_word(texts[i], form.words[i]) or (
                    n >= LONG_NAME and confused_word(texts[i], form.words[i])
                ):
                    return form, ending
        for k in range(1, n - 1):  # a small word inserted: "Care Inspectorate for Wales"
            if texts[k] not in CONNECTORS or texts[k] in PLACE_CONNECTORS:
                continue
            rest = (*texts[:k], *texts[k + 1 :])
            for form in self.exact.get(_fold(rest), []):
                # A small word the body's own full name uses is no slip: "Independent
                # Inquiry into Telford Child Sexual Exploitation" blends the full name
                # ("… into Child Sexual Exploitation in Telford") with its short form.
                if form.words == rest and texts[k] not in form.org.name.split():
                    return form, ending
        if n >= SHUFFLED_NAME:
            for form in self.shuffled.get(tuple(sorted(folded)), []):
                if len(form.words) == n:
                    return form, ending
        return None

    def _coined(self, word: str, ending: str) -> tuple[_Form, str] | None:
        """A word a slip from a coined one-word name (``_coined_word``): asked once per
        word in a process, like ``_near``."""
        key = (word, ending)
        if key in self._coins:
            return self._coins[key]
        found = self._coins[key] = self._coined_word(word, ending)
        _bound(self._coins)
        return found

    def _coined_word(self, word: str, ending: str) -> tuple[_Form, str] | None:
        """A word a slip from a coined one-word name: a letter or two off (two only in a
        name of ten letters or more), or a plural for a possessive ("Ofsteds")."""
        if len(word) < 5 or not word[:1].isupper() or not word.replace("'", "").isalpha():
            return None
        letters = _squeeze([word])
        for name, form, unlike in self.coined:
            if letters == name or letters in unlike or _squeeze([word + ending]) in unlike:
                continue  # the name in another case ("ChildLine"), or a real word
            if letters == name + "s" and not ending:
                return form, "'s"
            limit = 1 if len(name) < 10 else 2
            if OSA.distance(letters, name) <= limit:
                return form, ending
        return None

    def _acronym(self, token: str) -> tuple[Organisation | None, bool]:
        """The body a capitalised word's letters slip from, and whether the slip needs
        confirming (``short_acronym_slip``'s): worked out once per word in a process."""
        found = self._acronyms.get(token)
        if found is None:
            org = self.acronym_slip(token)
            confirm = org is None
            if org is None:
                org = self.short_acronym_slip(token)
            found = self._acronyms[token] = (org, confirm)
            _bound(self._acronyms)
        return found

    def acronym_slip(self, token: str) -> Organisation | None:
        """The organisation whose abbreviation this all-capitals word is a slip of (never
        another body's or thing's abbreviation: ``OTHERS``)."""
        if token in self.abbreviations or token in self.right_tokens or token in OTHERS:
            return None
        return _acronym_slip(token, tuple(sorted(self.abbreviations)), self)

    def short_acronym_slip(self, token: str) -> Organisation | None:
        """The organisation whose short abbreviation this word may be a slip of: three
        letters with two swapped ("IFW" for "IWF"), or four with one doubled over another
        ("NPPC" for "NPCC"). Weaker evidence than ``acronym_slip``: the rule reports it
        only where the document names the body rightly too."""
        if token in self.abbreviations or token in self.right_tokens or token in OTHERS:
            return None
        if len(token) not in (3, 4) or not token.isupper() or not token.isalpha():
            return None
        for abbr in sorted(self.abbreviations):
            if len(abbr) != len(token) or not abbr.isupper():
                continue
            diffs = [k for k in range(len(token)) if token[k] != abbr[k]]
            swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1
            if swapped and OSA.distance(token, abbr) == 1:
                return self.abbreviations[abbr]
            if len(diffs) == 1 and len(token) == 4 and diffs[0] > 0:
                k = diffs[0]
                if token[k] == token[k - 1] or (k + 1 < len(token) and token[k] == token[k + 1]):
                    return self.abbreviations[abbr]
        return None


def _acronym_slip(
    token: str, abbreviations: tuple[str, ...], index: NameIndex
) -> Organisation | None:
    if len(token) < 4 or not token.isupper() or not token.isalpha():
        return None
    for abbr in abbreviations:
        if not abbr.isupper() or len(abbr) < 4:
            continue
        if len(abbr) == len(token):
            diffs = [k for k in range(len(token)) if token[k] != abbr[k]]
            if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and OSA.distance(token, abbr) == 1:
                return index.abbreviations[abbr]  # two letters swapped
            if len(diffs) == 1 and len(token) >= 5 and diffs[0] > 0:
                k = diffs[0]
                doubled = (k > 0 and token[k] == token[k - 1]) or (
                    k + 1 < len(token) and token[k] == token[k + 1]
                )
                if doubled:
                    return index.abbreviations[abbr]  # a letter doubled over another
        elif len(abbr) == len(token) + 1 >= 5 and Levenshtein.distance(token, abbr) == 1:
            return index.abbreviations[abbr]  # a letter dropped
        elif len(token) == len(abbr) + 1 > 4 and _doubled(token, abbr):
            return index.abbreviations[abbr]  # a letter typed twice: "IICCSA"
    for abbr in abbreviations:
        moved = (
            len(abbr) == len(token) >= 6
            and abbr[:2] == token[:2]
            and sorted(abbr) == sorted(token)
            and Levenshtein.distance(token, abbr) == 2
        )
        if moved and abbr.isupper():
            return index.abbreviations[abbr]  # one letter moved: "HMIRCFS"
    return None


TITLE_WHY = (
    "A word of a title one letter from the word the title uses is a typing slip that"
    " readers searching for the plan, programme or team will not find."
)
#: Names of this many words or more are long: one word confused inside one is a slip.
LONG_NAME = 5
#: Names of this many words or more, their words put in another order, are a slip of
#: the name ("Local Children Safeguarding Boards"); fewer words reordered may be another
#: body's name ("Sheffield Children Safeguarding Partnership").
SHUFFLED_NAME = 4


def confused_word(observed: str, right: str) -> bool:
    """One capitalised word of a long name replaced by another that starts with the same
    two letters ("Protection" for "Prevention", "Complaints" for "Conduct"): a word
    remembered wrongly. A place is never one ("Wales" for "Warwickshire")."""
    if not (_capital(observed) and _capital(right)) or observed in PLACES:
        return False
    if len(observed) < 4 or len(right) < 4 or not observed.isalpha():
        return False
    return observed[:2].casefold() == right[:2].casefold()


def _us_spelling(observed: str, right: str) -> bool:
    """The word with "z" for "s" ("organized"): a dialect, which the Spelling pack reads."""
    return len(observed) == len(right) and observed.replace("z", "s") == right


def _doubled(token: str, abbr: str) -> bool:
    """The abbreviation with one of its letters typed twice."""
    return any(
        token[k] == token[k + 1] and token[:k] + token[k + 1 :] == abbr
        for k in range(len(token) - 1)
    )


def near_word(observed: str, right: str) -> bool:
    """One word of a name written wrongly, in a way a slip explains."""
    if observed == right:
        return False
    if observed in CONNECTORS or right in CONNECTORS:
        return observed in CONNECTORS and right in CONNECTORS
    if _capital(observed) != _capital(right) or observed.casefold() == right.casefold():
        return False
    if observed.replace("'", "") == right.replace("'", ""):
        return True  # an apostrophe missing, added or misplaced
    if observed in (right + "s", right + "es") or right in (observed + "s", observed + "es"):
        return True  # a plural
    if right.endswith("y") and observed == right[:-1] + "ies":
        return True  # a plural: "Agencies" for "Agency"
    if any(observed in kind and right in kind for kind in KINDS):
        return True
    shortest = min(len(observed), len(right))
    if shortest < 4:
        return False
    if OSA.distance(observed, right) <= (1 if shortest <= 6 else 2):
        return True
    stem = 0
    while stem < shortest and observed[stem] == right[stem]:
        stem += 1
    return stem >= 4 and shortest >= 5  # "Criminal" for "Crime"


def _case_slip(observed: Sequence[str], forms: Sequence[_Form]) -> _Form | None:
    """The form this one writes with a generic word lower-cased, if it does."""
    if all(not w[:1].isalpha() or w.isupper() for w in observed):
        return None  # capitals throughout: a heading
    for form in forms:
        lowered = [
            o
            for o, r in zip(observed, form.words, strict=True)
            if o != r and r in GENERIC and o == r.lower()
        ]
        others = [
            o
            for o, r in zip(observed, form.words, strict=True)
            if o != r and not (r in GENERIC and o == r.lower())
        ]
        if lowered and not others and _capital(observed[0]):
            return form
    return None


def _unaccented(text: str) -> str:
    """The text without its accents, case-folded ("Síochána" and "Siochana" agree)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


def _overlaps(i: int, j: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < j and i < e for s, e in spans)


class _Phrase:
    """A phrase being scanned: its text, where it starts, its words (``_texts``); their
    places (``_words``) are worked out only when a slip is found among them."""

    __slots__ = ("_places", "offset", "text", "words")

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.words = _texts(text)
        self._places: list[_Word] | None = None

    def slip(self, i: int, j: int, right: str, org: Organisation) -> Slip:
        """The slip of the words ``i`` to ``j`` (not included) for the form ``right``."""
        if self._places is None:
            self._places = _words(self.text, self.offset)
        start, end = self._places[i].start, self._places[j - 1].end
        return Slip(start, end, self.text[start - self.offset : end - self.offset], right, org)


_INDEXES: dict[int, tuple[tuple[Organisation, ...], NameIndex]] = {}


def name_index(orgs: tuple[Organisation, ...]) -> NameIndex:
    """One index per loaded register: the loader shares one tuple per file, so rules
    naming the same register share the index too."""
    cached = _INDEXES.get(id(orgs))
    if cached is None or cached[0] is not orgs:
        cached = (orgs, NameIndex(orgs))
        _INDEXES[id(orgs)] = cached
    return cached[1]
