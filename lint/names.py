"""Names: how a mention of a person is represented, shared by the speaker finder
(``lint.speakers``) and the people rules (``lint.rules.people_*``). The words that make
names, titles and speech are in the lexicon (``lint.lexicon``).

``person_name`` is the one test of whether capitalised words name a person at all, on
evidence (a given name, a title, a common word, a place, the copy's own lower-case use,
where the words stand, the copy showing a person), used by every Anonymity kind. The
longer lists (a registry's given names, the gazetteer) are read when first needed."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache

from lint import lexicon, patterns


@dataclass(frozen=True, slots=True)
class Mention:
    """One way a person is named at one place (view offsets): the speaker finder's
    mentions (outside quotes) and the people rules' are the same kind of value."""

    start: int
    end: int
    text: str
    form: str  # "full" | "honorific" | "surname" | "title"
    name: str = ""  # the full name as written (form "full")
    surname: str = ""
    prefix: str = ""  # role words or the honorific before the name, as written
    identity: int = -1

    @property
    def first(self) -> str | None:
        """The first name of a full-name mention ("James" of "James Cleverly")."""
        if self.form != "full" or not self.name:
            return None
        given = self.name.split()[:-1] if self.name.split()[-1:] == [self.surname] else []
        return given[0] if given else None


#: Given names (``first_names`` in the lexicon): evidence for a name.
FIRST_NAMES = lexicon.words("first_names")
_HONORIFICS = lexicon.words("honorifics")
#: Common words that are no given name (``common_words``, the words that end
#: organisations' names and documents' titles, sentence openers, numbers in words):
#: evidence against one.
COMMON_WORDS = lexicon.words(
    "common_words", "organisation_words", "document_heads", "sentence_openers"
) | {w.capitalize() for w in lexicon.words("number_words")}


def _forms(word: str) -> tuple[str, ...]:
    """A lower-case word and its singular or plural ("parents": "parent"; "house":
    "houses"; "advocacy": "advocacies")."""
    forms = [word, word + "s", word + "es"]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("y"):
        forms.append(word[:-1] + "ies")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)


def common_word(word: str, lowercase: Collection[str] = ()) -> bool:
    """Whether a capitalised word reads as a common word: it, its singular or its plural
    is listed as one, or is written in lower case elsewhere in the copy (``lowercase``)."""
    return any(
        form in lowercase or form.capitalize() in COMMON_WORDS for form in _forms(word.lower())
    )


@cache
def given_names() -> frozenset[str]:
    """Given names from a registry's list (``rules/_given_names.yml``): evidence for a
    name ("Irene Fairbairn", "victim Ffion"), but not the curated ``FIRST_NAMES`` that
    a given name alone is read by as a victim's."""
    return frozenset().union(*lexicon.word_file("_given_names.yml").values())


@cache
def places() -> frozenset[str]:
    """The nations, regions, counties, cities and towns of the UK and Ireland
    (``rules/_places.yml``)."""
    return frozenset().union(*lexicon.word_file("_places.yml").values())


def place_name(words: Sequence[str]) -> bool:
    """Whether capitalised ``words`` are a place the gazetteer lists ("Meath", "Milton
    Keynes")."""
    return " ".join(words) in places()


#: A given name or a title, then a capitalised word: the surname ("Ivy Catterall").
_PAIR = patterns.compile(
    r"\b(\p{Lu}\p{Ll}+)\.?[ \t]+((?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b"
)


def surnames(text: str) -> frozenset[str]:
    """The words the copy writes after a given name or a title ("Kasia Nowak", "Mrs
    Catterall"): surnames, found in one pass over it."""
    return frozenset(
        m.group(2)
        for m in _PAIR.finditer(text, overlapped=True)
        if m.group(1) in FIRST_NAMES or m.group(1) in _HONORIFICS
    )


def person_name(
    words: Sequence[str],
    *,
    lowercase: Collection[str] = (),
    known: Collection[str] = (),
    titled: bool = False,
    opening: bool = False,
    after_capital: bool = False,
    attested: Callable[[], bool] = lambda: False,
) -> bool:
    """Whether capitalised ``words`` (a name without its honorific) name a person, on
    the evidence of the lexicon and the copy, weighed together:

    - a title before them ("Mrs Ivy Catterall", "Mr House"), a given name first ("Emma
      Young") or a single word the copy gives elsewhere as a surname (``known``:
      ``surnames``) is evidence for a name, whatever the other words are;
    - a common word ("Parents", "Houses": listed, or a singular or plural of one, or
      written in lower case elsewhere in the copy, ``lowercase``) is evidence against,
      unless it is also a given name that stands where a capital is not explained by its
      place (``opening``: a sentence's or a line's first word): "Hope, 14," opening a
      sentence of copy that says "we hope" is not read as a name, "victim Hope" is;
    - a single word after another capitalised word (``after_capital``: "Child House",
      "Child Advocates") is part of a longer proper name unless it is a given name;
    - a place the gazetteer lists (``places``: "Meath", "Milton Keynes") is no name;
    - a registry's given name (``given_names``) first is a name ("Irene Fairbairn",
      "victim Ffion") unless it is a place too ("Preston Park") or stands alone after
      another capitalised word.

    Words this cannot place (no given name first, no title, no surname the copy gives:
    "Malaika", "Dublin", "Rescue Coalition") are a name only where the copy shows them
    as a person (``attested``, asked only then: an age or a pronoun bound to them, or
    the copy using them again as a person): the burden of proof is on the name."""
    if not words:
        return False
    if len(words) == 1 and words[0] in known:
        return True  # "Catterall" where the copy names Ivy Catterall
    if titled or words[0] in FIRST_NAMES:
        # Untitled, the word is a given name: only its place may explain its capital.
        return titled or not (len(words) == 1 and opening and common_word(words[0], lowercase))
    if any(common_word(w, lowercase) for w in words):
        return False
    if place_name(words):
        return False  # "Meath", "Milton Keynes": a place, whatever the copy says after it
    if words[0] in given_names() and words[0] not in places():
        return len(words) > 1 or not after_capital  # "Irene Fairbairn", "victim Ffion"
    return not (after_capital and len(words) == 1) and attested()
