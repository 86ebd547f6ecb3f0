"""The context every rule respects: typed spans of a document where a rule's finding
means something else than in the writer's own prose.

One mechanism for every rule, not a special case per rule: ``build_context`` computes the
spans once per document from its facts (``lint.facts``), and the engine asks
``Context.effect`` about each hit. A span's
kind decides what happens to a finding wholly inside it:

- ``speech``: quoted speech, and a delivered speech or transcript set out after a marker
  (a label "CHECK AGAINST DELIVERY", or the paragraphs after "… said in a speech at
  …:"). As the rule's ``quoted`` key says: by default at most a suggestion, never a fix.
  A parliamentary question as tabled ("To ask the Secretary of State …", "322 Mr.
  Deasy asked the Minister …") is the member's words, quoted as the record has them,
  though the answer below it is the department's own.
- ``verbatim``: the body of a document whose genre (``lint.genre``) is a record or a
  speech (Hansard, committee evidence, a published speech or interview): the speaker's
  words, published as spoken. One level below the rule's own (a framing term is still
  reported, a house-style point becomes a suggestion), never a fix; a rule with
  ``quoted: report`` is unaffected and ``quoted: ignore`` drops it.
- ``title``: the title of a report, guidance, Act, programme, book or film (quoted or
  italic after "the report", "entitled", "guidance called", …; "… Act 2003"). No style
  finding; a terminology finding is at most a suggestion; never a fix.
- ``offence``: an offence by its legal name ("conspiracy to engage in sexual activity
  with a child", "found guilty of … child prostitution"; the lexicon's offence words): the
  court's words, read as a title.
- ``mention``: a term mentioned in order to criticise, define or remove it ("the term
  …", "no such thing as …", "… struck from the statute book", a term in its own scare
  quotes, "why do we call it …?", "… does not exist", "… is not prostitution", "…
  should be renamed as", "the Protocol defines … as", a list of words to avoid). Not an
  error: at most a suggestion, never a fix that would invert the argument. A term
  the copy discusses so is mentioned wherever else it writes it (its headline, a
  campaign's slogan): ``Context.discussed``.
- ``name``: a proper name (a person the document names, "Bishop", "Young", "Hope"; a
  registered name with "&"; a name on the registers). No finding but the registers' own.
- ``named``: a name of many capitalised words ending in a body's word, or a brand in
  capitals (``lint.docindex``: "Paedophile On-Line Investigation Team", "the CLIMB
  project"), not on any register: at most a suggestion, never a fix, since the words are
  the body's own but sglint cannot be sure they are a name.
- ``number``: a phone or helpline number, a text short code, a case or crime reference,
  a postcode. Never a number-style target.
- ``lead-in``: a drop cap or all-caps lead-in ("ACROSS the country …"), or an English
  word in capitals for emphasis ("the IMPACT of the abuse", ``lint.docindex``): not an
  acronym and no style finding; a term that harms ("CARE GANGS jailed") is still an error.

Rules that check names and quotes themselves (the register, quote and Anonymity kinds:
``CONTEXT = ContextUse.OWN`` in the kind's module, or ``context: own`` in a rule's YAML)
are not affected: a misspelt name inside a title is still a misspelt name.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

from lint import genre as genres
from lint import lexicon, patterns
from lint.document import Block, Document
from lint.finding import Severity

if TYPE_CHECKING:
    from lint.facts import Facts


class Kind(enum.Enum):
    SPEECH = "speech"
    VERBATIM = "verbatim"
    TITLE = "title"
    OFFENCE = "offence"
    MENTION = "mention"
    NAME = "name"
    NAMED = "named"
    NUMBER = "number"
    LEADIN = "lead-in"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the view (offsets) of one kind, and what showed it (``cue``)."""

    kind: Kind
    start: int
    end: int
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Effect:
    """What a context does to a finding: drop it, or cap its level and drop its fix."""

    drop: bool = False
    cap: Severity | None = None


DROP = Effect(drop=True)
SUGGEST = Effect(cap=Severity.SUGGESTION)


def effect(kind: Kind, own: bool, rule_level: Severity, quoted: str) -> Effect | None:
    """The policy: what a span of ``kind`` does to a finding of a rule (``own``: the rule
    reads names, titles and quotes itself, its ``context: own``; its own level under the
    level model; its ``quoted`` setting). None: no change."""
    if kind is Kind.SPEECH:  # every rule, as its ``quoted`` key says
        return {"ignore": DROP, "suggest": SUGGEST}.get(quoted)
    if kind is Kind.VERBATIM:  # the speaker's words, kept: one level lower, never a fix
        if quoted == "report":
            return None
        return DROP if quoted == "ignore" else Effect(cap=_lower(rule_level))
    if own:
        return None
    if kind in (Kind.MENTION, Kind.NAMED):
        return SUGGEST
    if kind in (Kind.TITLE, Kind.OFFENCE):
        # Terminology (an error-level rule) is only mentioned in a title; style is moot.
        return SUGGEST if rule_level >= Severity.ERROR else DROP
    if kind is Kind.LEADIN:
        # Capitals for typography, not letters of an abbreviation; the words still count.
        return None if rule_level >= Severity.ERROR else DROP
    return DROP  # names, numbers: nothing but the registers applies


def _lower(level: Severity) -> Severity:
    return Severity(max(Severity.SUGGESTION, level - 1))


@dataclass(frozen=True)
class Context:
    spans: tuple[Span, ...]  # sorted by start

    starts: tuple[int, ...] = ()
    longest: int = 0
    #: The words of the terms the copy discusses (``discussed``), in lower case.
    discussed: tuple[str, ...] = ()

    @classmethod
    def of(cls, spans: Iterable[Span], discussed: Iterable[str] = ()) -> Context:
        ordered = tuple(sorted(spans, key=lambda s: (s.start, -s.end)))
        return cls(
            ordered,
            tuple(s.start for s in ordered),
            max((s.end - s.start for s in ordered), default=0),
            tuple(sorted(set(discussed))),
        )

    def covering(self, start: int, end: int) -> Iterator[Span]:
        """Spans that wholly contain the view span ``start``..``end``."""
        for i in range(bisect.bisect_right(self.starts, start) - 1, -1, -1):
            span = self.spans[i]
            if span.start < start - self.longest:
                return  # no span starting this early is long enough to reach here
            if end <= span.end:
                yield span

    def effect(
        self,
        start: int,
        end: int,
        own: bool,
        rule_level: Severity,
        quoted: str,
        words: str = "",
    ) -> Effect | None:
        """The strongest effect of the spans around a finding: drop beats a cap. A
        finding on ``words`` (its matched text) that the copy discusses as a term
        elsewhere (``discussed``) is a mention too, wherever it stands."""
        best: Effect | None = None
        for span in self.covering(start, max(end, start + 1)):
            if end <= start and span.kind not in (Kind.SPEECH, Kind.VERBATIM):
                continue  # a measure of a whole block or document, not of these words
            found = effect(span.kind, own, rule_level, quoted)
            if found is not None and (best is None or found.drop):
                best = found
                if found.drop:
                    break
        if best is None and end > start and self.discussed and self.discusses(words):
            best = effect(Kind.MENTION, own, rule_level, quoted)
        return best

    def discusses(self, words: str) -> bool:
        """Whether ``words`` are (part of) a term the copy discusses: "child pornography"
        in a headline of copy that says "the term child pornography" in its body."""
        key = " ".join(words.lower().split())
        return len(key) >= _DISCUSSED_MIN and any(
            _holds_words(term, key) for term in self.discussed
        )

    def of_kind(self, kind: Kind) -> list[Span]:
        return [s for s in self.spans if s.kind is kind]


# -- speech -----------------------------------------------------------------------------

#: Marks of a document (from this block on) that is a speech or a transcript, in a label
#: of its own ("CHECK AGAINST DELIVERY", "Hansard, 3 March", "Speech (as delivered)"); a
#: sentence that merely mentions Hansard is not one.
_SPEECH_DOC = patterns.compile(
    r"(?i)\bcheck\s+against\s+delivery\b|\bas\s+delivered\b|\bHansard\b"
    r"|\btranscript\s+of\s+(?:the|a|her|his)\s+speech\b"
)
_SPEECH_LABEL_WORDS = 12
#: An introduction to a speech set out in paragraphs: "… said in a speech at …:".
_SPEECH_INTRO = patterns.compile(
    r"(?i)\b(?:in\s+(?:a|her|his|their|the)\s+(?:\w+\s+){0,2}speech|speech\s+(?:at|to)\b"
    r"|told\s+(?:the\s+)?(?:conference|House|Commons|Lords|summit))[^.!?]*:\s*$"
)


#: A parliamentary question as tabled, opening its paragraph: "To ask the Secretary of
#: State for the Home Department, what …", "322 Mr. Deasy asked the Minister for Justice
#: if …". The member's words, printed as the record has them: quoted speech, even when
#: the answer below is the department's own (and stays its to edit).
_TABLED = patterns.compile(
    r"[ \t]*(?:To\s+ask\s+(?:the\s+)?(?:Secretary\s+of\s+State|(?:\p{Lu}[\p{L}-]+\s+)?Minister"
    r"|Attorney\s+General|Solicitor\s+General|Advocate\s+General|Chancellor|Leader\s+of\s+the"
    r"\s+House|(?:Scottish|Welsh)\s+Government|(?:His|Her)\s+Majesty['’]s\s+Government)\b"
    r"|\d{1,4}\.?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|Deputy\s+|Senator\s+)\p{Lu}[\p{L}'’-]+"
    r"(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+asked\s+the\s+(?:Minister|Taoiseach|Tánaiste|Secretary)\b)"
)


#: A reply that sets out the request it answers ("Thank you for your request dated 25
#: February 2014 … for the following information:"): the paragraphs after it are the
#: requester's words, quoted as asked, up to the reply's own (``_ANSWER``) or a heading.
_REQUEST_INTRO = patterns.compile(
    r"(?i)\b(?:your|the|this)\s+(?:request|e-?mail|letter|application|enquiry)\b[^\n]{0,240}?"
    r"(?:the\s+following(?:\s+information)?|as\s+follows|you\s+asked(?:\s+for)?)\s*:\s*$"
)
#: The opening of a reply's own words after the request it quotes.
_ANSWER = patterns.compile(
    r"(?i)[ \t]*(?:the\s+information\s+you|in\s+(?:response|reply|answer)\b|(?:our\s+)?response\b"
    r"|answer\b|(?:I|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+confirm\b"
    r"|please\s+(?:find|see|note)\b|(?:I|we)\s+hold\b|(?:I|we)\s+do\s+not\s+hold\b)"
)
#: The most paragraphs a quoted request runs to.
_REQUEST_BLOCKS = 12


#: A paragraph in the writer's voice after a speech set out in paragraphs: quotation
#: marks, or someone said to speak ("she said", "said Ms Hale", "the minister added").
_NARRATION = patterns.lazy(
    rf"[\"“”]|\b(?:he|she|they|it)\s+(?:{lexicon.alternation('speech_verbs')})\b"
    rf"|\b(?:{lexicon.alternation('speech_verbs')})\s+(?:Mr|Mrs|Ms|Dr|the)\b",
    regex.IGNORECASE,
)


def _speech(doc: Document, facts: Facts) -> Iterator[Span]:
    for quote in facts.quotes:
        yield Span(Kind.SPEECH, quote.start, quote.end, "quoted")
    blocks = doc.blocks
    tabled = {b.start for b in blocks if _TABLED.match(doc.text, b.start, b.end)}
    for block in blocks:
        if block.start in tabled:
            yield Span(Kind.SPEECH, block.start, block.end, "tabled question")
    if genres.is_verbatim(facts.genre):  # a record or a speech: its body is the speaker's
        for i, block in enumerate(blocks):
            if block.start in tabled:
                continue  # the member's question, quoted as tabled
            if not block.scope.startswith("heading"):
                yield Span(Kind.VERBATIM, block.start, block.end, f"{facts.genre} document")
            elif i == 0:  # the debate's or the speech's title, as the record gives it
                yield Span(Kind.TITLE, block.start, block.end, f"{facts.genre} title")
        return
    for i, block in enumerate(blocks):
        if block.scope.startswith("heading"):
            continue
        label = len(doc.text[block.start : block.end].split()) <= _SPEECH_LABEL_WORDS
        if label and _SPEECH_DOC.search(doc.text, block.start, block.end):
            # From the marker to the end of the document, headings aside.
            for later in blocks[i:]:
                if not later.scope.startswith("heading"):
                    yield Span(Kind.SPEECH, later.start, later.end, "speech document")
            return
        if not doc.text[block.start : block.end].rstrip().endswith(":"):
            continue  # every introduction below ends its paragraph with a colon
        if _REQUEST_INTRO.search(doc.text, block.start, block.end):
            for later in blocks[i + 1 : i + 1 + _REQUEST_BLOCKS]:
                if later.scope.startswith("heading") or _ANSWER.match(
                    doc.text, later.start, later.end
                ):
                    break  # the reply's own words
                yield Span(Kind.SPEECH, later.start, later.end, "request")
        if _SPEECH_INTRO.search(doc.text, block.start, block.end):
            for later in blocks[i + 1 :]:
                if later.scope.startswith("heading") or _NARRATION.search(
                    doc.text, later.start, later.end
                ):
                    break  # the writer's own words again
                yield Span(Kind.SPEECH, later.start, later.end, "speech")


# -- titles -----------------------------------------------------------------------------

_WORKS = (
    r"(?:report|review|guidance|strategy|action\s+plan|plan|white\s+paper|green\s+paper"
    r"|paper|document|study|book|novel|memoir|film|documentary|drama|series|programme"
    r"|podcast|play|campaign|toolkit|guide|leaflet|framework|code\s+of\s+practice|inquiry"
    r"|article|story|headline|column|editorial|episode)"
)
#: The marks a quoted title opens with.
_OPENING = r"[“\"‘']"
_QUOTED = rf"(?P<t>{_OPENING}[^“”\"‘’'\n]{{2,160}}[”\"’'])"
_TITLE_CASE = (
    r"(?P<t>(?:\p{Lu}[\p{L}'’!?-]*|\d+)(?:,?\s+(?:(?:of|in|and|the|for|on|to|a|an|at|by|with"
    r"|from|or|into|against|about|is|are|not|no)\s+)*(?:\p{Lu}[\p{L}'’!?-]*|\d+)){0,14})"
)
_TITLE_PATTERNS = (
    # 'the report "Child Sexual Exploitation in Rotherham"', 'guidance called "…"'
    patterns.compile(
        rf"(?i)\b{_WORKS}s?(?:\s+(?:is\s+|was\s+)?(?:entitled|titled|called|named))?[\s,:]*{_QUOTED}"
    ),
    patterns.compile(rf"(?i)\b(?:entitled|titled)[\s,:]*{_QUOTED}"),
    # Unquoted, in title case: "the report Child Prostitution in Britain", "entitled …".
    patterns.compile(
        rf"\b(?i:the\s+{_WORKS}|entitled|titled|(?:{_WORKS})\s+called)[\s,:]+(?-i:{_TITLE_CASE})"
    ),
    # A headline in sentence case, set off by commas after the piece it names: "I read
    # your article, Charity warns of rising abuse, with interest".
    patterns.compile(
        r"(?i:\b(?:article|story|headline|column|editorial|piece|blog\s+post)),[ \t]+"
        r"(?P<t>\p{Lu}[^\s,;:!?.\"“”]*(?:[ \t]+[^\s,;:!?.\"“”]+){2,15})(?=,)"
    ),
    # A document named by its title in capitals, ending in a document's word (the
    # lexicon's document_heads), initials in brackets inside it: "the CSOB Online Safety
    # (OS) Practice Guidance".
    patterns.compile(
        r"(?P<t>(?:(?:\p{Lu}[\p{L}'’-]*|\(\p{Lu}{2,6}\))[ \t]+"
        r"(?:(?:and|of|for|on|in|the|to)[ \t]+)*){2,10}"
        rf"(?:{lexicon.alternation('document_heads')}))\b"
    ),
    # Acts and Bills: "the Sexual Offences Act 2003", "Crime and Policing Bill".
    patterns.compile(
        r"(?P<t>(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:and|of|for|to|the|in)\s+)*){1,8}(?:Act|Bill)"
        r"(?:\s+\(?\d{4}\)?)?)\b"
    ),
)
_OPENING_MARK = patterns.compile(_OPENING)
#: What every match of each title pattern contains (a quick test before the slower
#: pattern, which tries every capitalised word as a start): None, always run.
_TITLE_CUES = (
    _OPENING_MARK,
    _OPENING_MARK,
    None,
    patterns.compile(r"(?i)\b(?:article|story|headline|column|editorial|piece|post),"),
    patterns.compile(rf"\b(?:{lexicon.alternation('document_heads')})\b"),
    patterns.compile(r"\b(?:Act|Bill)\b"),
)
_ITALIC_MD = patterns.compile(
    r"(?<![*_\w])([*_])(?=[\p{Lu}\d])([^*_\n]{2,160}?)(?<!\s)\1(?![*_\w])"
)
_ITALIC_HTML = patterns.compile(r"(?is)<(i|em|cite)\b[^>]*>(.{2,300}?)</\1\s*>")


def _titles(doc: Document, facts: Facts) -> Iterator[Span]:
    text = doc.text
    held = [_holding(facts, p, doc.blocks) for p in _TITLE_PATTERNS]
    for block in doc.blocks:
        if block.scope.startswith("heading"):
            continue
        for pattern, cue, holds in zip(_TITLE_PATTERNS, _TITLE_CUES, held, strict=True):
            if not holds(block) or (
                cue is not None and not cue.search(text, block.start, block.end)
            ):
                continue
            for m in pattern.finditer(text, block.start, block.end):
                if m.end("t") - m.start("t") > 3:
                    yield Span(Kind.TITLE, m.start("t"), m.end("t"), "title")
    if not doc.offsets.is_identity:
        return
    if doc.fmt == "markdown":
        for m in _ITALIC_MD.finditer(doc.source):
            yield Span(Kind.TITLE, m.start(2), m.end(2), "italic")
    elif doc.fmt == "html":
        for m in _ITALIC_HTML.finditer(doc.source):
            if m.group(2)[:1].isupper() or m.group(2)[:1].isdigit():
                yield Span(Kind.TITLE, m.start(2), m.end(2), "italic")


# -- offences ---------------------------------------------------------------------------


@cache
def _word_pattern(role: str) -> regex.Pattern[str]:
    return patterns.compile(
        rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{lexicon.alternation(role)})(?![\p{{L}}\p{{N}}])"
    )


_LIST_BEFORE = patterns.compile(r"(?:,|\s(?:and|or))\s*$")
_LIST_AFTER = patterns.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|offences?|charges?|counts?)\b")


def _offences(doc: Document, facts: Facts) -> Iterator[Span]:
    """Offences named in the law's words: always for ``offence_names``; for
    ``framed_offences`` only after a charge or conviction in the same sentence."""
    text = doc.text
    names = _word_pattern("offence_names")
    if _may_hold(facts, names):
        for m in names.finditer(text):
            yield Span(Kind.OFFENCE, m.start(), m.end(), "offence")
    frames = _word_pattern("offence_frames")
    framed = _word_pattern("framed_offences")
    if not _may_hold(facts, framed):
        return  # no framed offence anywhere: no sentence's frame need be looked for
    for sentence in facts.sentences:
        frame = frames.search(text, sentence.start, sentence.end)
        if frame is None:
            continue
        for m in framed.finditer(text, frame.end(), sentence.end):
            # An item of the list of charges, not words of the writer's own ("accused of
            # running child prostitution rings"): after the frame or a list separator,
            # before one, the sentence's end or "offences".
            before = text[frame.end() : m.start()]
            if (before.strip() == "" or _LIST_BEFORE.search(before)) and _LIST_AFTER.match(
                text, m.end(), sentence.end
            ):
                yield Span(Kind.OFFENCE, m.start(), m.end(), f"offence after '{frame.group()}'")


# -- mentions ---------------------------------------------------------------------------

#: Words that say the next few words are a term being talked about, not used.
_MENTION_CUE = patterns.compile(
    r"(?i)(?:\bthe\s+(?:terms?|phrases?|words?|labels?|expressions?|language\s+of)"
    r"|\b(?:terms?|words?|phrases?|labels?)\s+(?:such\s+as|like)|\bso-called"
    r"|\binstead\s+of|\brather\s+than|\bno\s+such\s+thing\s+as(?:\s+an?)?"
    r"|#NoSuchThing\s+as(?:\s+an?)?|\b(?:stop|avoid|no\s+longer)\s+(?:using|saying|calling)"
    r"|\bnever\s+(?:use|say|call)|\b(?:definition|meaning)\s+of"
    # "organisations join effort to eliminate term child pornography": a headline's
    # "term" without its article, after a verb that gets rid of it
    r"|(?<=\b(?:eliminat|drop|ban|retir|replac|abandon|scrap)\w*\s+)(?:terms?|words?|phrases?|labels?)"
    # "why do we call it child pornography?", "the Protocol defines child prostitution as
    # …": the words that follow are a name given to a thing, not the writer's own (a name
    # given to a person, "the press called him a rent boy", is the writer's to repeat)
    r"|\b(?:call(?:s|ed|ing)?|label(?:s|led|ed|ing|ling)?|term(?:s|ed)?|dub(?:s|bed)?)"
    r"\s+(?:it|this|that)(?:\s+as)?"
    r"|\bdefin(?:e|es|ed)(?=\s+(?:[\p{L}'’-]+\s+){1,4}as\b)"
    r"|\bconnotations?\s+(?:that|of)(?:\s+an?)?"
    r"|\brefer(?:s|red|ring)?\s+to\s+(?:[\p{L}'’-]+\s+){0,5}?as"
    # "Child Abuse not Child Pornography", "CSAM, not child pornography": the term set
    # against the right one (not after a verb: "it was not child pornography" is a use)
    r"|(?<!\b(?:is|are|was|were|be|been|being|do|does|did|has|have|had|could|would"
    r"|should|will|can|may|might|must|it|this|that|these|those)\s{1,3})"
    r"(?<=[\p{L},]\s{1,3})\bnot"
    # "change the legislation from child pornography to CSAM"
    r"|\bchang(?:e|es|ed|ing)\b[^.!?\n]{0,40}?\bfrom)"
    r"[\s,:]+"
)
_MENTION_RUN = patterns.compile(r"[^\s.,;:!?()]+(?:[ \t]+[^\s.,;:!?()]+){0,4}")
#: A word of a term a sentence talks about, with its apostrophes, quote marks and hyphens
#: (the term readings below take up to four of them before their cue).
_TERM_WORD = r"[\p{L}'‘’\"“”-]+"
#: "… 'child prostitution' struck from the statute book": the words before are the term.
_REMOVAL = patterns.lazy(
    rf"(?i)(?P<t>(?:{_TERM_WORD}\s+){{1,4}})(?:be\s+)?(?:(?:struck|removed|deleted|dropped|"
    r"scrapped|taken|erased|replaced)\s+(?:from|out\s+of|off|with)\s+(?:the\s+)?"
    r"(?:statute\s+book|law|legislation|Act|guidance|vocabulary|use|language)"
    r"|(?:reclassified|renamed|relabell?ed|rebranded)\s+as\b)"
)
#: "child pornography is not the language that should be used": the words before are the
#: term.
_NOT_THE_TERM = patterns.lazy(
    rf"(?i)(?P<t>(?:{_TERM_WORD}\s+){{1,4}})(?:is|are)\s+not\s+(?:the\s+|a\s+)?"
    r"(?:right\s+|correct\s+|appropriate\s+|proper\s+)?(?:language|term|word|phrase|way)\b"
)
#: What every ``_NOT_THE_TERM`` match contains.
_NOT_THE_TERM_CUE = patterns.compile(
    r"(?i)\s+not\s+(?:the\s+|a\s+)?(?:\p{L}+\s+)?(?:language|term|word|phrase|way)\b"
)
#: "child pornography does not exist", "child prostitution is not prostitution": the
#: words before are a term the sentence denies (a term said not to be its own head word).
_DENIED = patterns.lazy(
    rf"(?i)(?<=(?P<t>(?:{_TERM_WORD}\s+){{1,4}}))(?:(?:does|do)\s+not|doesn['’]t|don['’]t)"
    rf"\s+exist\b|(?<=(?P<t>(?:{_TERM_WORD}\s+){{0,3}}(?P<h>\p{{L}}+)[’'\"”]?))\s+(?:is|are)"
    r"\s+not\s+(?:an?\s+)?(?P=h)\b"
)
#: What every ``_DENIED`` match contains.
_DENIED_CUE = patterns.compile(r"(?i)\bexist\b|\s(?:is|are)\s+not\s")
#: A list of words not to use, one a line: "Child pornography (instead, use child sexual
#: abuse material)", "Child sex worker: children cannot consent, say …", or a heading
#: that asks which of two terms is right ("Kiddy porn or child abuse?").
_AVOID_LIST = patterns.lazy(
    r"(?im)(?<=^[ \t]*(?:[-*•#]+[ \t]+)?)(?:(?P<t>[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,3})[ \t]*"
    r"(?:\(|:|[ \t][–—-])[ \t]*(?:[^(),:\n]{1,50},[ \t]*)?(?:instead|use|say|prefer)\b"
    r"|(?P<t>[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,3}[ \t]+or[ \t]+"
    r"[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,3})\?[ \t]*$)"
)
#: What every ``_AVOID_LIST`` match contains.
_AVOID_LIST_CUE = patterns.compile(r"(?i)\b(?:instead|use|say|prefer)\b|\bor\s[^\n]*\?")
#: What every ``_REMOVAL`` match contains: a quick test before it (it tries every word).
_REMOVAL_CUE = patterns.compile(
    r"(?i)(?:struck|removed|deleted|dropped|scrapped|taken|erased|replaced)\s+"
    r"(?:from|out\s+of|off|with)\s|(?:reclassified|renamed|relabell?ed|rebranded)\s+as\b"
)
#: "child pornography (better termed “child abuse images”)": the words before the gloss
#: are a term the writer corrects.
_GLOSSED = patterns.lazy(
    rf"(?i)(?P<t>(?:{_TERM_WORD}\s+){{0,3}}{_TERM_WORD})\s*\(\s*(?:better|more\s+"
    r"(?:accurately|properly|correctly)|properly|rightly)\s+(?:termed|called|described\s+as|named)\b"
)
#: What every ``_GLOSSED`` match contains.
_GLOSSED_CUE = patterns.compile(
    r"(?i)\(\s*(?:better|more\s+\w+ly|properly|rightly)\s+(?:termed|called|described|named)\b"
)
#: The readings whose term stands before the words that say it is talked about: each
#: pattern with what every match of it contains (a quick test before it, since it tries
#: every word as a start) and the reading's name.
_TERM_BEFORE = (
    (_REMOVAL_CUE, _REMOVAL, "removal"),
    (_NOT_THE_TERM_CUE, _NOT_THE_TERM, "not the term"),
    (_DENIED_CUE, _DENIED, "denied"),
    (_AVOID_LIST_CUE, _AVOID_LIST, "list of terms"),
    (_GLOSSED_CUE, _GLOSSED, "term corrected"),
)
#: A short term in its own single quote marks: a mention or scare quotes, as UK copy
#: writes them. A mark opens only where no letter precedes it and closes only where none
#: follows, so apostrophes ("children's", "victims'") are not taken for marks; a closing
#: mark typed the wrong way round (‘child prostitute‘) still closes it. (Double
#: marks are the quote model's: what it finds is not speech is a quoted term.)
_SCARE = patterns.compile(
    r"(?<![\p{L}\p{N}])(?:‘(?P<a>[^’‘\n]{1,60})(?<!\s)[’‘]|'(?P<b>[^'\n]{1,60})')(?![\p{L}\p{N}])"
)


def _mentions(doc: Document, facts: Facts) -> Iterator[Span]:
    text = doc.text
    for quote in facts.quote_model.quotes:
        if not quote.speech:  # a quoted term or title: 'so-called "grooming gangs"'
            yield Span(Kind.MENTION, quote.start, quote.end, "quoted term")
    cued = _holding(facts, _MENTION_CUE, doc.blocks)
    before = [(cue, p, why, _holding(facts, cue, doc.blocks)) for cue, p, why in _TERM_BEFORE]
    for block in doc.blocks:
        for m in _MENTION_CUE.finditer(text, block.start, block.end) if cued(block) else ():
            run = _MENTION_RUN.match(text, m.end(), block.end)
            if run is not None:
                yield Span(Kind.MENTION, run.start(), run.end(), m.group().strip())
        for cue, pattern, why, holds in before:
            if holds(block) and cue.search(text, block.start, block.end):
                for m in pattern.finditer(text, block.start, block.end):
                    yield Span(Kind.MENTION, m.start("t"), m.end("t"), why)
        for m in _SCARE.finditer(text, block.start, block.end):
            inner = "a" if m.group("a") is not None else "b"
            words = m.group(inner).split()
            if 1 <= len(words) <= 6 and not regex.search(r"[.!?]\s*$", m.group(inner)):
                yield Span(Kind.MENTION, m.start(), m.end(), "quoted term")


# -- needles ------------------------------------------------------------------------------

#: The patterns above that most blocks hold no match of: each is run only over the blocks
#: holding one of the pieces of text every match of it contains (``_holding``).
_GATED = (
    *_TITLE_PATTERNS,
    _MENTION_CUE,
    *(cue for cue, _, _ in _TERM_BEFORE),
    _word_pattern("offence_names"),
    _word_pattern("framed_offences"),
)


@cache
def _needles(pattern: str) -> tuple[str, ...] | None:
    """The pieces of text (lower case) every match of ``pattern`` contains, read as a
    rule's are (``lint.rules.prefilter``); None when there are none worth testing."""
    from lint.rules.prefilter import required_literals

    found = required_literals(pattern)
    return tuple(sorted(found)) if found else None


def _where(facts: Facts, pattern: regex.Pattern[str]) -> list[int] | None:
    """Where the needles of ``pattern`` (one of ``_GATED``) start, as the rule set's
    automaton found them (``context_needles`` put them there); None without it."""
    needles = _needles(pattern.pattern)
    return None if needles is None else facts.occurrences(needles)


def _holding(
    facts: Facts, pattern: regex.Pattern[str], blocks: Sequence[Block]
) -> Callable[[Block], bool]:
    """Whether a block may hold a match of ``pattern``: it holds one of the pattern's
    needles (``_where``); every block may, without the automaton."""
    found = _where(facts, pattern)
    if found is None:
        return lambda _block: True
    at = found

    def holds(block: Block) -> bool:
        i = bisect.bisect_left(at, block.start)
        return i < len(at) and at[i] < block.end

    return holds


def _may_hold(facts: Facts, pattern: regex.Pattern[str]) -> bool:
    """Whether the document may hold a match of ``pattern``: one of its needles occurs
    (``_where``); always, without the automaton."""
    found = _where(facts, pattern)
    return found is None or bool(found)


# -- names ------------------------------------------------------------------------------

#: A registered name with "&": a company or firm ("Hartley & Sons", "Lane & Co Solicitors",
#: "Smith & Rowe LLP"). A bare "Author & Former Headteacher" is not one.
_AMPERSAND_NAME = patterns.compile(
    r"(?:\p{Lu}[\p{L}'’.]*[ \t]+){0,3}\p{Lu}[\p{L}'’.]*[ \t]*&[ \t]*(?:"
    r"(?:Co|Sons|Daughters|Partners|Associates)\b\.?"
    r"|(?:\p{Lu}[\p{L}'’.]*[ \t]+){1,3}(?:Ltd|LLP|plc|PLC|Limited|Solicitors|Partners"
    r"|Associates|Group|Company)\b\.?)"
    r"(?:[ \t]+(?:Ltd|LLP|plc|PLC|Limited|Solicitors)\b\.?)?"
)


#: A case citation: "R v Smith", "(RN v CICA)", "AB v Home Office", "R (on the
#: application of E) v the DPP".
_CASE_NAME = patterns.compile(
    r"\b(?:R|\p{Lu}{1,6}|\p{Lu}\p{Ll}+)(?:[ \t]+\((?i:on[ \t]+the[ \t]+application[ \t]+of)"
    r"[^()\n]{1,80}\))?[ \t]+v\.?[ \t]+(?:the[ \t]+)?"
    r"\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3}"
)
#: A law report or neutral citation, which no editor rewrites: "[2011] EWHC 1465 (Admin)",
#: "[2019] EWCA Crim 12", "[2004] 1 WLR 2196", "[2020] UKSC 5".
_CITATION = patterns.compile(
    r"[\[(](?:19|20)\d\d[\])][ \t]+(?:\d{1,3}[ \t]+)?\p{Lu}{2,6}(?:[ \t]+(?:Civ|Crim|Admin|Fam))?"
    r"[ \t]+\d{1,5}(?:[ \t]+\((?:Admin|Fam|QB|KB|Ch|Comm|Pat|TCC|IPEC|Costs)\))?"
)


def _names(doc: Document, facts: Facts, registered: Sequence[str]) -> Iterator[Span]:
    text = doc.text
    for pattern, cue, marks in (
        (_AMPERSAND_NAME, "name with &", ("&",)),
        (_CASE_NAME, "case name", (" v ", " v.", " v\t", "\tv")),
        (_CITATION, "citation", ("[19", "[20", "(19", "(20")),
    ):
        if not any(mark in text for mark in marks):
            continue  # every match holds one of these: most texts hold none
        for m in pattern.finditer(text):
            yield Span(Kind.NAME, m.start(), m.end(), cue)
    # Names of many words and brands, from the document's index ("Paedophile On-Line
    # Investigation Team", "the CLIMB project").
    for start, end, what in facts.index.names:
        yield Span(Kind.NAMED, start, end, what)
    for start, end in _registered(tuple(registered)).finditer(doc.text, facts):
        yield Span(Kind.NAME, start, end, "register")
    cast = facts.cast()
    # People for certain: those quoted, and those named with a role or honorific
    # ("Prosecutor Adam Bishop", "DCI Young"); not any two capitalised words ("Call Napac").
    people = {s.identity.key for s in cast.speakers.values() if s.identity is not None}
    people |= {m.identity for m in cast.mentions if m.prefix and m.form in ("full", "honorific")}
    for mention in cast.mentions:
        if mention.identity not in people:
            continue
        # The name itself, not the role or rank before it ("NPCC lead", "ACC").
        first = mention.name.split()[0] if mention.form == "full" else mention.surname
        at = mention.text.rfind(first) if first else -1
        block = doc.block_at(mention.start, mention.end)
        if block is not None and block.scope.startswith("heading"):
            continue  # a title-case heading is not a run of names
        if mention.form in ("full", "honorific", "surname") and at >= 0:
            yield Span(Kind.NAME, mention.start + at, mention.end, "person")


class Registered:
    """The registers' proper names, found as one alternation of them all would find them
    (``pattern``: each name's words, case as written, any white space between, not
    inside a word; the longest name first at each place), but without trying that
    alternation at every position: the first word of each name (in lower case) is a
    needle of the rule set's automaton (``lint.literals``, one pass over the document
    for every rule), so only the places where a name's first word stands are tried,
    and only the names that start with it. Without the automaton, the alternation."""

    def __init__(self, names: tuple[str, ...]) -> None:
        forms = sorted({n for n in names if len(n) > 2}, key=len, reverse=True)
        self.words = [tuple(f.split()) for f in forms]
        body = "|".join(r"\s+".join(regex.escape(w) for w in words) for words in self.words)
        #: The alternation, compiled on first use (the fallback path only).
        self.pattern = (
            patterns.lazy(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])") if body else None
        )
        # needle -> each first word (as written) it stands for -> the names, in order
        firsts: dict[str, dict[str, list[int]]] = {}
        for i, words in enumerate(self.words):
            first = words[0] if words else ""
            firsts.setdefault(first.lower(), {}).setdefault(first, []).append(i)
        self._firsts = {n: tuple(by_word.items()) for n, by_word in firsts.items()}
        # A needle whose lower case depends on its neighbours (a final sigma), or a name
        # of no words, would not be found as itself: such a set takes the alternation.
        exact = "" not in firsts and not any(c in n for n in firsts for c in "σς")
        #: The needles for the rule set's automaton (none: this set takes the fallback).
        self.needles: tuple[str, ...] = tuple(sorted(firsts)) if exact else ()

    def finditer(self, text: str, facts: Facts) -> Iterator[tuple[int, int]]:
        """(start, end) of each name in ``text`` (the view of ``facts``), in order."""
        if self.pattern is None:
            return
        found = facts.where(self.needles) if self.needles else None
        if found is None:
            for m in self.pattern.finditer(text):
                yield m.start(), m.end()
            return
        # offset -> the names whose first word (case as written) stands there, not
        # followed by a letter or digit: most places a needle is found hold it in
        # another case ("the" for "The"), and are left at once.
        at: dict[int, list[int]] = {}
        for needle, offsets in found.items():
            for first, names in self._firsts[needle]:
                size = len(first)
                for offset in offsets:
                    if text.startswith(first, offset) and not _WORD_CHAR.match(text, offset + size):
                        at.setdefault(offset, []).extend(names)
        after = 0  # where the last name found ends: matches never overlap
        for start in sorted(at):
            if start < after or (start and _WORD_CHAR.match(text, start - 1)):
                continue
            for i in sorted(at[start]):  # the alternation's order: the longest first
                end = self._match(text, start, self.words[i])
                if end is not None:
                    yield start, end
                    after = end
                    break

    @staticmethod
    def _match(text: str, start: int, words: tuple[str, ...]) -> int | None:
        """Where ``words`` (white space between, case as written) end when they stand
        at ``start`` (the first is known to) with no letter or digit right after them,
        else None."""
        at = start + len(words[0])
        for word in words[1:]:
            space = _SPACE.match(text, at)
            if space is None or not text.startswith(word, space.end()):
                return None
            at = space.end() + len(word)
        return None if _WORD_CHAR.match(text, at) else at


_WORD_CHAR = patterns.compile(r"[\p{L}\p{N}]")
_SPACE = patterns.compile(r"\s+")


@cache
def _registered(names: tuple[str, ...]) -> Registered:
    """The finder for one set of registered names (built once per process)."""
    return Registered(names)


def context_needles(registered: Iterable[str]) -> tuple[str, ...]:
    """The needles the rule set's automaton takes for the context: the first word of each
    of the registers' names (in lower case; see ``Registered``) and those of the
    patterns run only where they are (``_GATED``)."""
    gated = (n for p in _GATED for n in _needles(p.pattern) or ())
    return (*_registered(tuple(sorted(set(registered)))).needles, *gated)


# -- numbers ----------------------------------------------------------------------------

#: Each pattern with, where it has one, a quick search of the whole text that every match
#: of it holds, run first (the helpline cue tries every "on").
_NUMBERS: tuple[tuple[regex.Pattern[str], regex.Pattern[str] | None], ...] = (
    # Phone and helpline numbers: 0808 800 5000, 020 7946 0000, +44 20 7946 0000, 116 123.
    (
        patterns.compile(
            r"(?<![\d,.])(?:\+44[ \t]?\(?0?\)?|0)\d{2,4}(?:[ \t-]?\d{3,4}){1,2}(?!\d|,\d)"
        ),
        None,
    ),
    (
        patterns.compile(
            r"(?i)\b(?:call|ring|phone|dial|contact|helpline|line|number|on)\b[^.\n]{0,30}?"
            r"(?P<n>(?<![\d,])\d{3}[ \t]\d{3}(?:[ \t]\d{3,4})?)(?!\d|,\d)"
        ),
        patterns.compile(r"\d{3}[ \t]\d{3}"),
    ),
    # Text short codes: "text 88858", "SMS 60000".
    (
        patterns.compile(
            r"(?i)\b(?:text|txt|sms)\b[^.\n]{0,25}?(?P<n>(?<![\d,])\d{4,6})(?!\d|,\d)"
        ),
        None,
    ),
    # Case, crime, incident and document references: "crime reference 14/123456/24", "log
    # 1234", "Doc. 13152" (a Council of Europe document).
    (
        patterns.compile(
            r"(?i)\b(?:crime|case|incident|reference|ref|log|URN|docket|doc|document)\b\.?(?:\s+(?:number|no\.?|"
            r"reference|ref\.?))?\s*:?\s*(?P<n>[A-Z]{0,4}\d[\w/.-]{2,}\w)"
        ),
        None,
    ),
    # Postcodes: LS1 4AP, SW1A 2AA.
    (patterns.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b"), None),
)


def _numbers(doc: Document) -> Iterator[Span]:
    text = doc.text
    for pattern, gate in _NUMBERS:
        if gate is not None and gate.search(text) is None:
            continue
        for m in pattern.finditer(text):
            group = "n" if "n" in pattern.groupindex else 0
            yield Span(Kind.NUMBER, m.start(group), m.end(group), "number")


# -- lead-ins ---------------------------------------------------------------------------

#: Short words that start a sentence, so a drop-capped one is a lead-in, not letters.
_SHORT_LEADS = frozenset(
    {"THE", "AND", "BUT", "FOR", "ONE", "TWO", "SIX", "TEN", "NOW", "NEW", "HOW", "WHY"}
    | {"WHO", "ALL", "ANY", "OUR"}
)
_LEADIN = patterns.compile(r"(?P<w>(?:A[ \t]+)?\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})*)(?=[ \t]+\p{Ll})")
_SHORT_LEADIN = patterns.compile(r"(?P<w>\p{Lu}{2,})(?=[ \t]+\p{Lu})")
#: A capitalised word in lower case after its capital: "Scotland", not "UK".
_TITLE_WORD = patterns.compile(r"[ \t]*\p{Lu}\p{Ll}")


def lead_ins(doc: Document) -> list[Span]:
    """The document's lead-ins, for a kind that reads names itself: capitals set for
    typography ("COPS have claimed …") are not an abbreviation to match against names."""
    return list(_leadins(doc))


def _leadins(doc: Document) -> Iterator[Span]:
    """An all-caps first word (or words) of a paragraph followed by lower case, when they
    are ordinary words ("ACROSS the country", "A MAN has been jailed"), not acronyms."""
    from lint.syllables import cmudict_syllables

    for block in doc.blocks:
        if not block.scope.startswith(("paragraph", "list")):
            continue
        for pattern in (_LEADIN, _SHORT_LEADIN):
            m = pattern.match(doc.text, block.start, block.end)
            if m is None:
                continue
            words = [w for w in m.group("w").split() if w != "A"]
            # One short all-caps word may be an abbreviation that is also a word ("LAC"),
            # unless it is a word that starts sentences ("THE UK's largest charity …").
            # Before a capital, only such a word is a lead-in ("THE NCA said …"), or a
            # long word before a name's next word ("POLICE Scotland's new unit …").
            short = words[0] in _SHORT_LEADS or (
                pattern is _SHORT_LEADIN
                and len(words[0]) >= 5
                and _TITLE_WORD.match(doc.text, m.end()) is not None
            )
            if pattern is _SHORT_LEADIN and not short:
                continue
            if (len(words) > 1 or len(words[0]) >= 4 or short) and all(
                len(w) >= 2 and w.lower() in cmudict_syllables() for w in words
            ):
                yield Span(Kind.LEADIN, m.start(), m.end(), "lead-in")
                break


# -- access -----------------------------------------------------------------------------


def build_context(doc: Document, facts: Facts, registered: Iterable[str] = ()) -> Context:
    """The document's context spans; ``registered`` are the registers' proper names."""
    names = tuple(sorted(set(registered)))
    mentions = list(_mentions(doc, facts))
    return Context.of(
        [
            *_speech(doc, facts),
            *_titles(doc, facts),
            *_offences(doc, facts),
            *mentions,
            *_names(doc, facts, names),
            *_numbers(doc),
            *_leadins(doc),
            *(Span(Kind.LEADIN, s, e, "emphasis") for s, e in facts.index.emphasis),
        ],
        _discussed(doc, mentions),
    )


def _holds_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` with no letter joined to either end."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not text[at - 1 : at].isalpha() and not text[end : end + 1].isalpha():
            return True
        at = text.find(words, at + 1)
    return False


#: The shortest words (in characters) read as a term the copy discusses.
_DISCUSSED_MIN = 5
#: Cues that set one thing against another in any prose ("instead of victims"), not only
#: in talk about words: what follows them is not, on that evidence, a term discussed.
_ANY_PROSE_CUE = regex.compile(r"(?i)(?:instead|rather)\b")


def _discussed(doc: Document, mentions: Iterable[Span]) -> Iterator[str]:
    """The terms the copy talks about as words ("the term child pornography", "child
    prostitution should be struck from the statute book"), in lower case: a text that
    says so once mentions the term wherever else it writes it (its headline, a slogan,
    the name of the campaign against it), so those are mentions too (``Context.effect``).
    A term in quotation marks only (a quoted term, scare quotes) is not enough."""
    for span in mentions:
        if span.cue != "quoted term" and not _ANY_PROSE_CUE.match(span.cue):
            yield " ".join(doc.text[span.start : span.end].lower().split())
