"""Spans of a document that no fix may touch, whatever a rule says.

A press officer runs ``--fix`` because they trust it; a wrong helpline number sends a
child nowhere, and a changed word in someone's speech is a misquote. These spans are
found from the text alone, once per document (``Facts.protected``), and the fixer
(``lint.fix.DocumentGuard``) refuses any edit that shares a character with one of them.
The finding itself stays: it is reported, only its fix is not applied.

Kinds found here (view offsets):

- ``phone number``: UK phone and helpline numbers ("0800 1111", "0808 800 5000",
  "+44 20 7946 0000", "116 123", "call 999");
- ``short code``: a number to text ("text 85258", "SMS 60000");
- ``reference``: case, crime, incident and collar numbers ("crime reference 14/123456/24",
  "PC 1234");
- ``postcode``: "LS1 4AP", "SW1A 2AA";
- ``web address`` and ``e-mail address``, where the reader has not already masked them;
- ``reported speech``: the clause after a verb of saying ("Shaw said that …", "police
  said the man …"), to the end of its sentence;
- ``a verbatim speech``: a document that is a speech, statement to Parliament, interview
  or evidence transcript (a heading such as "Keynote speech …", "Address at …", "Oral
  evidence: …", or an opening such as "Mr Speaker", "Your Excellencies", "Thank you for
  that warm introduction", "check against delivery", "the transcript below"), from the
  marker to the end: a published speech keeps the speaker's words, slips included.

Direct speech, speeches, titles and names come from the quote model and the context
mechanism; code, markup and entities are masked by the readers and refused by the
guard's own check that an edit's source reads as its prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint import patterns
from lint.document import Document


@dataclass(frozen=True, slots=True)
class Protected:
    """A stretch of the view no fix may touch, and what it is (for the user)."""

    start: int
    end: int
    what: str


#: A space inside a number: also a no-break or narrow no-break space ("0800&nbsp;1111").
_SPACE = r"[ \t\u00a0\u202f]"

#: (what, pattern, group) for spans found anywhere in the view.
_PATTERNS = (
    # Phone and helpline numbers: 0800 1111, 0808 800 5000, 020 7946 0000, +44 20 7946 0000.
    (
        "a phone number",
        patterns.compile(
            rf"(?<![\d,.])(?:\+44{_SPACE}?(?:\(0\){_SPACE}?)?|0)\d{{2,4}}"
            rf"(?:(?:{_SPACE}|-)?\d{{3,4}}){{1,2}}(?![\d,]\d)"
        ),
        0,
    ),
    # Short helpline and emergency numbers after a word that dials them: "ring 116 123",
    # "call 999", "dial 101", "on 111".
    (
        "a phone number",
        patterns.compile(
            r"(?i)\b(?:call|calling|ring|phone|dial|contact|helpline|line|number|on|tel)\b"
            rf"[^.\n\d]{{0,30}}?(?P<n>(?<![\d,])(?:\d{{3}}{_SPACE}\d{{3}}(?:{_SPACE}\d{{3,4}})?"
            rf"|999|101|111|112|116{_SPACE}?\d{{3}}))(?![\d,]\d|\d)"
        ),
        "n",
    ),
    # Text short codes: "text 85258", "SMS SHOUT to 85258".
    (
        "a short code",
        patterns.compile(
            r"(?i)\b(?:text|texting|txt|sms)\b[^.\n\d]{0,25}?(?P<n>(?<![\d,])\d{4,6})(?!\d|,\d)"
        ),
        "n",
    ),
    # Case, crime, incident, log and collar numbers: "crime reference 14/123456/24".
    (
        "a reference number",
        patterns.compile(
            r"(?i)\b(?:crime|case|incident|reference|ref|log|URN|docket|occurrence|collar|warrant"
            r"|badge|PC|DC|PCSO|PS|DS|Sgt)\b\.?(?:\s+(?:number|no\.?|reference|ref\.?))?"
            r"\s*:?\s*(?P<n>[A-Z]{0,4}\d[\w/.-]*\w|\d)"
        ),
        "n",
    ),
    ("a postcode", patterns.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t\u00a0\u202f]*\d[A-Z]{2}\b"), 0),
    (
        "a web address",
        patterns.compile(
            r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]]*[^\s<>\"'“”‘’()\[\].,;:!?]"
            r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|police|nhs|info|io|eu)\b"
            r"(?:/[^\s<>\"'“”‘’()\[\]]*[^\s<>\"'“”‘’()\[\].,;:!?])?"
        ),
        0,
    ),
    ("an e-mail address", patterns.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), 0),
    # Reported speech: the clause a verb of saying introduces, to the end of the sentence.
    (
        "reported speech",
        patterns.compile(
            r"\b(?:said|says|told\s+(?:the\s+)?\w+|added|stressed|emphasised|emphasized"
            r"|noted|explained|warned|claimed|insisted|argued|acknowledged|admitted"
            r"|confirmed|revealed|believes|believed|maintained|suggested)"
            r"(?:\s+that\b|(?=\s+(?:the|a|an|he|she|they|it|we|there|this|his|her|their)\b))"
            r"(?P<n>[^.!?\n]+)"
        ),
        "n",
    ),
)


#: Headings that say the document is someone's spoken words.
_SPEECH_HEADING = patterns.lazy(
    r"(?i)\b(?:speech|keynote|address\s+(?:at|to|by)|transcript|interview|oral\s+evidence"
    r"|oral\s+statement|lecture|remarks\s+(?:at|to|by))\b"
)
#: Openings of a speech, statement to Parliament or transcript.
_SPEECH_OPENING = patterns.compile(
    r"(?i)\bcheck\s+against\s+delivery\b|\bas\s+delivered\b|\b(?:Mr|Madam)(?:\s+Deputy)?\s+Speaker\b"
    r"|\bI\s+(?:would|should)\s+like\s+to\s+make\s+a\s+statement\b|\(Urgent\s+Question\)"
    r"|\bthank\s+you\s+(?:all\s+)?(?:very\s+much\s+)?for\s+(?:that|the|your)\s+"
    r"(?:warm\s+|kind\s+|generous\s+)?(?:introduction|welcome)\b|\byour\s+excellenc(?:y|ies)\b"
    r"|\bladies,?\s+and\s+gentlemen\b|\btranscript\b"
)
#: How far into a document a speech marker is looked for (blocks of each kind).
_SPEECH_LOOKAHEAD = 4


def _speech_document(doc: Document) -> Iterator[Protected]:
    headings = [b for b in doc.blocks if b.scope.startswith("heading")][:2]
    prose = [b for b in doc.blocks if not b.scope.startswith("heading")][:_SPEECH_LOOKAHEAD]
    marks = [b for b in headings if _SPEECH_HEADING.search(doc.text, b.start, b.end)]
    marks += [b for b in prose if _SPEECH_OPENING.search(doc.text, b.start, b.end)]
    if marks:
        start = min(b.start for b in marks)
        yield Protected(start, len(doc.text), "a verbatim speech")


def find_protected(doc: Document) -> tuple[Protected, ...]:
    """The document's protected spans (view offsets), in order; ``Facts.protected``
    keeps them for one file's check."""
    return tuple(sorted(_find(doc), key=lambda p: (p.start, p.end)))


def _find(doc: Document) -> Iterator[Protected]:
    yield from _speech_document(doc)
    text = doc.text
    for what, pattern, group in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end(group) > m.start(group):
                yield Protected(m.start(group), m.end(group), what)
