"""The engine owns positions: one coordinate rule for every kind, from the rule's scope.

A rule with ``scope: raw`` reads the source itself, so its findings on a file cannot
depend on how a reader masks the file: read as HTML, as Markdown or as plain text, the
same source gives the same findings, each span covering exactly its match, and fixes
that change the same characters. Kinds used to choose their own coordinates, and most
forgot: their source offsets were mapped again as view offsets, and ``--fix`` garbled
the text after an entity (issue 16).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from helpers import make_rule

from lint.config import Config, all_rules
from lint.engine import ActiveRule, check_document
from lint.finding import Finding, Severity
from lint.fix import apply_fixes
from lint.readers import read_text
from lint.rules.contract import Rule
from lint.rules.loader import build_rule
from lint.rules.registry import REGISTRY
from lint.yamlload import LineDict, load_yaml

#: Rules for kinds no built-in rule exercises on raw text: metric (no built-in rule) and
#: conditional (the built-in one wants a sentence's end before a line's end).
EXTRA = {
    "Test.Metric": """
extends: metric
message: "Long: %s"
formula: words / sentences
condition: "> 3"
""",
    "Test.Conditional": """
extends: conditional
message: "Define '%s'."
first: '\\b([A-Z]{3,5})\\b'
second: '\\(([A-Z]{3,5})\\)'
examples:
  bad:
    - "The NPCC leads the work."
""",
}
#: Kinds that judge paragraphs, which the raw view (the file as one block) does not
#: have: they run, and rightly find nothing.
PARAGRAPH_KINDS = {"metric", "unmarked-speech"}

#: Before each example: markup and entities, which the HTML and Markdown readers mask or
#: decode, so their view offsets differ from source offsets from here on.
HTML_BEFORE = "<h1>Notes &amp; figures&nbsp;&mdash; <b>draft</b></h1>\n<p>"
HTML_AFTER = "</p>\n<!-- end -->\n"
MARKDOWN_BEFORE = "# Notes &amp; *figures* &mdash; [draft](https://example.org/a_b)\n\n"
MARKDOWN_AFTER = "\n\n`end`\n"


def _raw(text: str, rule_id: str, path: str) -> Rule:
    """The rule built from its YAML with ``scope: raw``."""
    data = load_yaml(text, path)
    assert isinstance(data, LineDict)
    data["scope"] = ["raw"]
    return build_rule(data, rule_id=rule_id, path=path)


def _rules() -> list[Rule]:
    rules = [
        _raw(Path(r.meta.path).read_text(encoding="utf-8"), r.meta.id, r.meta.path)
        for r in all_rules(Config())
    ]
    return [*rules, *(_raw(text, rule_id, "Test/Rule.yml") for rule_id, text in EXTRA.items())]


def _sources(rule: Rule) -> list[tuple[str, str]]:
    """(format, source) pairs: each bad example inside HTML and inside Markdown."""
    texts = [e.text for e in rule.meta.bad] or ["A sentence with some words in it. Another one."]
    out = []
    for text in texts:
        out.append(("html", HTML_BEFORE + html.escape(text, quote=False) + HTML_AFTER))
        out.append(("markdown", MARKDOWN_BEFORE + text + MARKDOWN_AFTER))
    return out


def _findings(rule: Rule, source: str, fmt: str) -> list[Finding]:
    doc = read_text(
        f"draft.{ {'html': 'html', 'markdown': 'md', 'text': 'txt'}[fmt] }", source, fmt
    )
    return check_document(doc, [ActiveRule(rule, Severity.WARNING)]).findings


def _spans(findings: list[Finding]) -> list[tuple[int, int, str, str | None]]:
    return [(f.start, f.end, f.match, f.fix) for f in findings]


RULES = _rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.id)
def test_a_raw_rule_reads_the_source_whatever_the_format(rule: Rule) -> None:
    for fmt, source in _sources(rule):
        marked = _findings(rule, source, fmt)
        plain = _findings(rule, source, "text")
        assert _spans(marked) == _spans(plain), (fmt, source)
        for f in marked:
            assert source[f.start : f.end] == f.match
            assert f.end - f.start == len(f.match)
        fixed, _ = apply_fixes(source, marked, unsafe=True)
        assert fixed == apply_fixes(source, plain, unsafe=True)[0]


def test_every_kind_fires_with_raw_scope_on_markup() -> None:
    """The sweep above proves something for every kind: each one reports at least once
    through HTML or Markdown, in source coordinates (but those that need paragraphs)."""
    fired: set[str] = set()
    for rule in RULES:
        if any(_findings(rule, source, fmt) for fmt, source in _sources(rule)):
            fired.add(rule.meta.kind)
    assert fired == set(REGISTRY) - PARAGRAPH_KINDS


def test_a_raw_fix_after_an_entity_replaces_exactly_its_match() -> None:
    """Issue 16: a raw-scoped rule of a kind that did not flag its offsets as source
    offsets had them mapped again after ``&amp;``, and its fix replaced other text."""
    rule = make_rule(
        """
        extends: consistency
        message: "Use '%s' consistently (not '%s')."
        scope: raw
        fix: safe
        prefer: left
        either:
          organisation: organization
        """
    )
    source = "<p>Fish &amp; chips. The organization &amp; its organisation.</p>\n"
    (finding,) = _findings(rule, source, "html")
    assert finding.match == "organization"
    fixed, _ = apply_fixes(source, [finding])
    assert fixed == "<p>Fish &amp; chips. The organisation &amp; its organisation.</p>\n"
