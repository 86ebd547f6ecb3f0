"""Precision: what the default rules say on real published copy (tests/precision/).

Three kinds of check keep false alarms visible:

* a reviewed snapshot of every finding on the corpus (``findings.snapshot``), so that any
  change in what the rules say on real copy is read by a person before it is committed;
* hard limits: no ``error`` on GOV.UK, police or charity copy, and no finding on a
  criticised term outside quotation marks in texts that criticise it, unless a reviewed
  entry in ``allowlist.yml`` says why;
* our own well-edited GOV.UK-style prose (``clean/``) gets nothing at warning or above.

Regenerate the snapshot after changing rules, then read the diff before committing it:

    python tests/test_precision.py --update && git diff tests/precision/findings.snapshot

``python tests/test_precision.py --stats`` prints findings per 1,000 words by kind.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml
from helpers import assert_matches_snapshot, make_rule, run

from lint.config import Config
from lint.finding import Finding, Severity
from lint.runner import FileResult, check_paths

ROOT = Path(__file__).resolve().parent.parent
PRECISION = ROOT / "tests" / "precision"
CORPUS = PRECISION / "corpus"
CLEAN = PRECISION / "clean"
SNAPSHOT = PRECISION / "findings.snapshot"
ALLOWLIST = PRECISION / "allowlist.yml"

KINDS = ("govuk", "police", "charity", "news", "criticism")
#: Copy published by the bodies whose releases sglint exists to check: an error here is
#: a false alarm until a person has read it and said otherwise.
OFFICIAL_KINDS = frozenset({"govuk", "police", "charity"})
RETRIEVED_VIA = "search pages corpus"
REQUIRED_KEYS = frozenset({"source_url", "publisher", "kind", "retrieved_via", "editor_errors"})
OPTIONAL_KEYS = frozenset({"date", "criticises", "title_source", "genre", "cut"})
TITLE_SOURCES = frozenset({"url-slug"})
#: ``cut: mid-quote`` marks a text whose stored copy stops inside a quotation that the
#: published page goes on to close: the search store's excerpt of the page ends there, so
#: the rest could not be retrieved. A quote still open at the end of such a text is an
#: artefact of storage, not the publisher's error (``open_at_end``); the review tally
#: does not count a Quotes.Unbalanced finding on it (tests/precision_review.py).
CUT_VALUES = frozenset({"mid-quote"})
#: ``genre: speech`` marks a verbatim speech or transcript (a minister's statement to the
#: House, a speech at a launch); any kind of text can be one.
GENRES = frozenset({"speech"})
#: Each ``editor_errors`` entry names an exact stretch of the body, why an experienced
#: editor of safeguarding copy would change it before publishing, and how much it matters:
#: ``error`` (publishing it would harm someone or the publisher's credibility), ``warning``
#: (house style or a minor slip an editor would fix) or ``none`` (on reflection not an
#: error, such as a scraping artefact or an accepted variant; the why says so).
EDITOR_ERROR_KEYS = frozenset({"text", "why", "level"})
EDITOR_ERROR_LEVELS = ("error", "warning", "none")
CORPUS_SIZE = (105, 800)
#: Verbatim speeches and transcripts the corpus keeps (``genre: speech``), so that rules
#: meet spoken register: first person, direct address, a chair's procedural remarks.
MIN_SPEECHES = 8
WORDS = (200, 1500)

_FRONT_MATTER = regex.compile(r"\A---\n(.*?)\n---\n", regex.DOTALL)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
# Quotation marks as an editor reads them: UK copy puts a term it criticises in single
# quotes ('child pornography'), speech in double quotes; an opening double quote left
# unclosed runs to the end of its paragraph (multi-paragraph speech). A single quote
# opens only where no letter precedes it and closes only where none follows, so the
# apostrophes in "children's" and "victims' shoulders" are not taken for quotes. A closing
# single mark typed the wrong way round (‘child prostitute‘) still closes.
_QUOTED = regex.compile(
    r"""(?<![\p{L}\p{N}])(?:
        “[^”\n]*(?:”|$)
      | "[^"\n]*(?:"|$)
      | ‘[^\n]*?’(?![\p{L}\p{N}])
      | ‘[^’‘\n]*?\S‘(?![\p{L}\p{N}])
      | '[^\n]*?'(?![\p{L}\p{N}])
    )""",
    regex.MULTILINE | regex.VERBOSE,
)


@dataclass(frozen=True)
class Text:
    """One corpus file: its source text and what its front matter says about it."""

    path: Path
    source: str
    meta: Mapping[str, Any]

    @property
    def kind(self) -> str:
        return str(self.meta["kind"])

    @property
    def criticises(self) -> tuple[str, ...]:
        return tuple(self.meta.get("criticises") or ())

    @property
    def editor_errors(self) -> list[Any]:
        errors = self.meta.get("editor_errors")
        return errors if isinstance(errors, list) else []

    @property
    def body(self) -> str:
        match = _FRONT_MATTER.match(self.source)
        return self.source[match.end() :] if match else self.source

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.body))


def open_at_end(source: str, offset: int) -> bool:
    """True when the quotation opened by the mark at ``offset`` is still open at the end
    of ``source``: no closing curly mark follows a curly opener, and every straight
    double mark after a straight opener starts a paragraph (a continuation's opener)."""
    mark, rest = source[offset : offset + 1], source[offset + 1 :]
    if mark == "“":
        return "”" not in rest
    if mark == '"':
        return all(rest[: m.start()].endswith("\n") for m in regex.finditer('"', rest))
    return False


def cut_artefact(meta: Mapping[str, Any], source: str, rule: str, offset: int) -> bool:
    """A Quotes.Unbalanced finding on a quotation a stored excerpt cuts off."""
    return (
        meta.get("cut") == "mid-quote"
        and rule == "Quotes.Unbalanced"
        and open_at_end(source, offset)
    )


@dataclass(frozen=True)
class Allowed:
    """A reviewed exception: this rule may say this on this file, for this reason."""

    file: str
    rule: str
    match: str
    why: str

    def covers(self, name: str, finding: Finding) -> bool:
        return (self.file, self.rule, self.match) == (name, finding.rule, finding.match)


# -- loading -------------------------------------------------------------------------


def front_matter(source: str) -> dict[str, Any]:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}
    data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data if isinstance(data, dict) else {}


@cache  # read once: collection parametrizes three tests over it
def corpus_texts() -> list[Text]:
    texts = []
    for path in sorted(CORPUS.glob("*.md")):
        source = path.read_text(encoding="utf-8")
        texts.append(Text(path, source, front_matter(source)))
    return texts


def load_allowlist() -> list[Allowed]:
    data = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or []
    assert isinstance(data, list), f"{ALLOWLIST.name}: must be a list of entries"
    entries = []
    for i, item in enumerate(data, 1):
        assert isinstance(item, dict) and set(item) == {"file", "rule", "match", "why"}, (
            f"{ALLOWLIST.name} entry {i}: needs exactly file, rule, match and why"
        )
        why = str(item["why"]).strip()
        assert why and "\n" not in why, f"{ALLOWLIST.name} entry {i}: give a one-line why"
        entries.append(Allowed(str(item["file"]), str(item["rule"]), str(item["match"]), why))
    return entries


@cache
def _results(folder: Path) -> tuple[FileResult, ...]:
    results = tuple(check_paths([str(folder)], Config(root=ROOT)))
    for result in results:
        assert result.error is None, result.error
        assert not result.problems, f"{result.path}: {result.problems}"
    return results


def corpus_findings() -> Iterator[tuple[Text, list[Finding]]]:
    by_name = {Path(r.path).name: r.findings for r in _results(CORPUS)}
    for text in corpus_texts():
        yield text, by_name.get(text.path.name, [])


def quoted(source: str, finding: Finding) -> bool:
    """Whether the finding lies wholly inside quotation marks in the source."""
    return any(
        q.start() <= finding.start and finding.end <= q.end() for q in _QUOTED.finditer(source)
    )


def term_spans(source: str, term: str) -> list[tuple[int, int]]:
    words = [regex.escape(w) for w in term.split()]
    pattern = regex.compile(r"\b" + r"\s+".join(words) + r"\b", regex.IGNORECASE)
    return [m.span() for m in pattern.finditer(source)]


#: A finding is about a term when it overlaps it and matches little more than it ("a child
#: prostitute", "so-called grooming gangs"); a heading-length or sentence-length finding
#: that happens to contain the term is about something else.
_CONTEXT_WORDS = 3


def on_criticised_term(text: Text, finding: Finding) -> bool:
    size = len(finding.match.split())
    return any(
        start < finding.end and finding.start < end and size <= len(term.split()) + _CONTEXT_WORDS
        for term in text.criticises
        for start, end in term_spans(text.source, term)
    )


# -- the snapshot ----------------------------------------------------------------------


def render() -> str:
    lines = [
        "# Findings of the default rule set (default profile) on tests/precision/corpus/.",
        "# Regenerate: python tests/test_precision.py --update; review: tests/precision/REVIEW.md",
    ]
    for text, findings in corpus_findings():
        name = text.path.name
        for f in findings:
            fix = f" -> {f.fix!r}" if f.fix is not None else ""
            where = " (in quotes)" if quoted(text.source, f) else ""
            lines.append(
                f"{name}:{f.line}:{f.column}: {f.severity.label} {f.rule} "
                f"{f.message} [{f.match}]{fix}{where}"
            )
    return "\n".join(lines) + "\n"


def stats() -> str:
    words: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    levels: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for text, findings in corpus_findings():
        words[text.kind] += text.words
        texts[text.kind] += 1
        levels[text.kind].update(f.severity.label for f in findings)
    rows = ["kind       texts  words  suggestion  warning  error  per 1,000 words"]
    for kind in KINDS:
        total = sum(levels[kind].values())
        rate = 1000 * total / words[kind] if words[kind] else 0.0
        rows.append(
            f"{kind:<10} {texts[kind]:>5} {words[kind]:>6} {levels[kind]['suggestion']:>11} "
            f"{levels[kind]['warning']:>8} {levels[kind]['error']:>6} {rate:>16.1f}"
        )
    return "\n".join(rows)


# -- the corpus is what the README says it is -------------------------------------------


def test_corpus_size() -> None:
    low, high = CORPUS_SIZE
    assert low <= len(corpus_texts()) <= high
    assert {t.kind for t in corpus_texts()} == set(KINDS), "every kind is represented"
    speeches = [t for t in corpus_texts() if t.meta.get("genre") == "speech"]
    assert len(speeches) >= MIN_SPEECHES, f"{len(speeches)} speeches or transcripts"


@pytest.mark.parametrize("text", corpus_texts(), ids=lambda t: t.path.stem)
def test_front_matter(text: Text) -> None:
    keys = set(text.meta)
    assert keys >= REQUIRED_KEYS, f"missing {sorted(REQUIRED_KEYS - keys)}"
    unknown = keys - REQUIRED_KEYS - OPTIONAL_KEYS
    assert not unknown, f"unknown front matter keys {sorted(unknown)}"
    assert text.kind in KINDS
    assert str(text.meta["source_url"]).startswith(("http://", "https://"))
    assert str(text.meta["publisher"]).strip()
    assert text.meta["retrieved_via"] == RETRIEVED_VIA
    if "date" in text.meta:
        assert isinstance(text.meta["date"], dt.date), "date is YYYY-MM-DD"
    if "title_source" in text.meta:
        assert text.meta["title_source"] in TITLE_SOURCES
    if "genre" in text.meta:
        assert text.meta["genre"] in GENRES
    if "cut" in text.meta:
        assert text.meta["cut"] in CUT_VALUES
        # The marking is a claim about the stored text: it must end inside a quotation.
        body_start = len(text.source) - len(text.body)
        assert any(
            open_at_end(text.source, body_start + m.start())
            for m in regex.finditer(r'(?:^|(?<=\s))[“"]', text.body)
        ), "cut: mid-quote, but no quotation is open at the end of the text"
    if text.kind == "criticism":
        assert text.criticises, "a criticism text names the terms it criticises"
    for term in text.criticises:
        assert term_spans(text.body, term), f"criticised term {term!r} is not in the text"


@pytest.mark.parametrize("text", corpus_texts(), ids=lambda t: t.path.stem)
def test_editor_errors_quote_the_text(text: Text) -> None:
    # An empty list is a judgement too: an editor read the text and would change nothing.
    assert isinstance(text.meta["editor_errors"], list), "editor_errors is a list"
    for i, entry in enumerate(text.editor_errors, 1):
        assert isinstance(entry, dict) and set(entry) == EDITOR_ERROR_KEYS, (
            f"editor_errors entry {i}: needs exactly text, why and level"
        )
        assert entry["level"] in EDITOR_ERROR_LEVELS, (
            f"editor_errors entry {i}: level {entry['level']!r} is not one of {EDITOR_ERROR_LEVELS}"
        )
        quoted_text, why = str(entry["text"]), str(entry["why"]).strip()
        assert quoted_text.strip(), f"editor_errors entry {i}: empty text"
        assert quoted_text in text.body, f"editor_errors entry {i}: {quoted_text!r} not in the body"
        assert why and "\n" not in why, f"editor_errors entry {i}: give a one-line why"


@pytest.mark.parametrize("text", corpus_texts(), ids=lambda t: t.path.stem)
def test_text_is_article_prose(text: Text) -> None:
    assert text.body.lstrip("\n").startswith("# "), "the title comes first, as a heading"
    low, high = WORDS
    assert low <= text.words <= high, f"{text.words} words"


# -- what the rules say on it -----------------------------------------------------------


@pytest.mark.slow  # every rule over the whole corpus
def test_findings_match_snapshot() -> None:
    # Read the diff, update REVIEW.md for every new or changed finding, then regenerate.
    assert_matches_snapshot(
        SNAPSHOT,
        render(),
        what="the precision corpus",
        update="python tests/test_precision.py --update",
    )


def _unexplained(violations: list[tuple[str, Finding]]) -> list[str]:
    allowed = load_allowlist()
    return [
        f"{name}:{f.line}:{f.column}: {f.severity.label} {f.rule} [{f.match}]"
        for name, f in violations
        if not any(entry.covers(name, f) for entry in allowed)
    ]


Findings = Iterable[tuple[Text, list[Finding]]]


#: Packs whose error level is a measurement, not a judgement of a term: a 41-word
#: sentence is an error by GOV.UK's own limit (issue 5), and official copy has them.
MEASURED_PACKS = ("Readability.",)


def on_editor_error(text: Text, finding: Finding) -> bool:
    """Whether the finding overlaps an error-level entry of the text's ``editor_errors`` key.

    The key was written by an editor reading the text alone, before and apart from the
    rules: an error-level finding on one of its entries is the rule agreeing with them.
    """
    for entry in text.editor_errors:
        if not isinstance(entry, dict) or entry.get("level") != "error":
            continue  # an error-level finding on a house-style slip is still too loud
        needle = str(entry.get("text", ""))
        start = text.source.find(needle) if needle else -1
        while start >= 0:
            if start < finding.end and finding.start < start + len(needle):
                return True
            start = text.source.find(needle, start + 1)
    return False


def error_findings_on_official_copy(results: Findings) -> list[tuple[str, Finding]]:
    return [
        (text.path.name, f)
        for text, findings in results
        if text.kind in OFFICIAL_KINDS
        for f in findings
        if f.severity is Severity.ERROR
        and not f.rule.startswith(MEASURED_PACKS)
        and not on_editor_error(text, f)
        and not cut_artefact(text.meta, text.source, f.rule, f.start)
    ]


def unquoted_findings_on_criticised_terms(results: Findings) -> list[tuple[str, Finding]]:
    return [
        (text.path.name, f)
        for text, findings in results
        if text.kind == "criticism"
        for f in findings
        if on_criticised_term(text, f) and not quoted(text.source, f)
    ]


@pytest.mark.slow  # every rule over the whole corpus
def test_no_errors_on_official_copy() -> None:
    unexplained = _unexplained(error_findings_on_official_copy(corpus_findings()))
    assert not unexplained, (
        "error-level findings on GOV.UK, police or charity copy; fix the rule, or add a "
        f"reviewed entry to {ALLOWLIST.name}:\n" + "\n".join(unexplained)
    )


@pytest.mark.slow  # every rule over the whole corpus
def test_criticised_terms_flagged_only_in_quotes() -> None:
    unexplained = _unexplained(unquoted_findings_on_criticised_terms(corpus_findings()))
    assert not unexplained, (
        "a text that criticises a term was flagged for it outside quotation marks; fix the "
        f"rule (not_after, quoted), or add a reviewed entry to {ALLOWLIST.name}:\n"
        + "\n".join(unexplained)
    )


@pytest.mark.slow  # every rule over the whole corpus
def test_allowlist_entries_are_all_needed() -> None:
    violations = error_findings_on_official_copy(
        corpus_findings()
    ) + unquoted_findings_on_criticised_terms(corpus_findings())
    stale = [
        entry
        for entry in load_allowlist()
        if not any(entry.covers(name, f) for name, f in violations)
    ]
    assert not stale, f"{ALLOWLIST.name} entries that no longer match anything: {stale}"


@pytest.mark.slow  # every rule over the whole corpus
def test_clean_prose_gets_no_warnings() -> None:
    results = _results(CLEAN)
    assert len(results) >= 3
    loud = [
        f"{Path(r.path).name}:{f.line}:{f.column}: {f.severity.label} {f.rule} [{f.match}]"
        for r in results
        for f in r.findings
        if f.severity >= Severity.WARNING
    ]
    assert not loud, "well-edited GOV.UK prose was flagged:\n" + "\n".join(loud)


# -- the helpers the assertions rest on --------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("She said: “One.\n\n“Two, and the page goes on.", True),
        ('She said: "One.\n\n"Two, and the page goes on.', True),
        ("She said: “One.\n\n“Two.”\n\nThe end.", False),
        ('She said: "One." Then "two".', False),
        ("She said: ‘One.", False),
    ],
)
def test_open_at_end(source: str, expected: bool) -> None:
    # The opening mark is always the first one in the source.
    offset = min(i for i in (source.find("“"), source.find('"'), source.find("‘")) if i >= 0)
    assert open_at_end(source, offset) is expected


@pytest.mark.parametrize(
    ("source", "term", "expected"),
    [
        ("the term ‘child pornography’ is wrong", "child pornography", True),
        ("no such thing as an ‘underage sex worker‘.", "underage sex", True),
        ('he said "child porn" twice', "child porn", True),
        ("“an unclosed quote runs on child porn", "child porn", True),
        ("there is no such thing as child pornography", "child pornography", False),
        ("the children’s charity said child porn was wrong", "child porn", False),
        ("victims’ shoulders carry child porn", "child porn", False),
    ],
)
def test_quoted(source: str, term: str, expected: bool) -> None:
    start, end = term_spans(source, term)[0]
    finding = Finding(
        "x.md", "T.R", Severity.ERROR, "m", source[start:end], start, end, 1, start + 1, 1, end + 1
    )
    assert quoted(source, finding) is expected


NAIVE_TERMS = """
    extends: existence
    message: "Avoid '%s'."
    level: error
    ignorecase: true
    tokens: ["child pornography", "grooming gangs?", "innocent victim", "historic abuse"]
"""


def line_of(name: str, needle: str) -> int:
    """The 1-based line of a corpus file that holds the needle (front matter grows)."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _run_rule(rule_yaml: str) -> list[tuple[Text, list[Finding]]]:
    rule = make_rule(rule_yaml, rule_id="Naive.Terms")
    return [(t, run(rule, t.source, fmt="markdown", path=t.path.name)) for t in corpus_texts()]


@pytest.mark.slow  # every rule over the whole corpus
def test_assertions_catch_a_naive_terminology_rule() -> None:
    """A rule that flags bad terms wherever they stand trips both limits on real copy."""
    results = _run_rule(NAIVE_TERMS)
    unquoted = {
        (name, f.line, f.match) for name, f in unquoted_findings_on_criticised_terms(results)
    }
    nspcc = "nspcc-wlm-child-sexual-abuse-material.md"
    iwf = "iwf-no-such-thing-as-child-pornography.md"
    inhope = "inhope-being-sensitive-instead-of-sensationalist.md"
    # Headings that negate the term, and a bullet that names what to use instead.
    heading = line_of(nspcc, "## Why there is no such thing as child pornography")
    assert (nspcc, heading, "child pornography") in unquoted
    assert (iwf, line_of(iwf, "# There is #NoSuchThing"), "child pornography") in unquoted
    assert (inhope, line_of(inhope, "- Victim instead of Innocent"), "Innocent Victim") in unquoted
    # The same rule inside quotation marks is not counted against it.
    quoting = line_of(nspcc, "as in the case of the term ‘child pornography’")
    assert (nspcc, quoting, "child pornography") not in unquoted
    errors = {(name, f.match) for name, f in error_findings_on_official_copy(results)}
    assert ("govuk-pm-to-clamp-down-on-grooming-gangs.md", "grooming gangs") in errors
    # Inside direct speech ("...suffered historic abuse...") the engine caps it at a suggestion.
    assert ("acpo-responds-to-nspcc-child-sex-crime-figures.md", "historic abuse") not in errors
    assert ("govuk-pm-to-clamp-down-on-grooming-gangs.md", "Grooming Gangs") in errors


@pytest.mark.slow  # every rule over the whole corpus
def test_negation_guard_clears_the_headings() -> None:
    """The remedy the limit asks for: not_after silences 'no such thing as <term>'."""
    guarded = NAIVE_TERMS + '    not_after: ["no such thing as", "#NoSuchThing as"]\n'
    unquoted = {
        (name, f.match) for name, f in unquoted_findings_on_criticised_terms(_run_rule(guarded))
    }
    assert ("nspcc-wlm-child-sexual-abuse-material.md", "child pornography") not in unquoted
    assert ("iwf-no-such-thing-as-child-pornography.md", "child pornography") not in unquoted


def main(argv: list[str]) -> int:
    if argv[1:] == ["--update"]:
        SNAPSHOT.write_text(render(), encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}; review it with git diff before committing")
        return 0
    if argv[1:] == ["--stats"]:
        print(stats())
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
