"""Shared test helpers: load a rule from YAML text and run it on a snippet."""

from __future__ import annotations

import difflib
import subprocess
import sys
import textwrap
from pathlib import Path

from lint.config import Config, active_rules
from lint.document import Block, Document
from lint.engine import ActiveRule, check_document
from lint.finding import Finding
from lint.readers import read_text
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text

ROOT = Path(__file__).resolve().parent.parent


def fresh_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (with ``args``) in a fresh interpreter in the repository, so nothing
    is cached from this one."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def make_rule(yaml_text: str, rule_id: str = "Test.Rule") -> Rule:
    return load_rule_text(textwrap.dedent(yaml_text), rule_id=rule_id, path="Test/Rule.yml")


def run(
    rule: Rule | list[Rule],
    text: str,
    fmt: str = "text",
    path: str | None = None,
    profile: str = "govuk",
) -> list[Finding]:
    rules = rule if isinstance(rule, list) else [rule]
    active: list[ActiveRule] = active_rules(Config(profile=profile), rules)
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    doc = read_text(path or f"snippet{suffix}", text, fmt)
    return check_document(doc, active).findings


def matches(findings: list[Finding]) -> list[str]:
    return [f.match for f in findings]


def prose_of(doc: Document, block: Block) -> str:
    return doc.text[block.start : block.end]


def span_of(doc: Document, view_text: str) -> tuple[int, int]:
    """Source span of the first occurrence of ``view_text`` in the view."""
    start = doc.text.index(view_text)
    return doc.source_span(start, start + len(view_text))


def assert_matches_snapshot(snapshot: Path, actual: str, *, what: str, update: str) -> None:
    """Fail with a readable diff when findings differ from a reviewed snapshot file."""
    expected = snapshot.read_text(encoding="utf-8")
    if actual == expected:
        return
    label = snapshot.relative_to(Path(__file__).resolve().parent.parent).as_posix()
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), label, "now"
        )
    )
    raise AssertionError(f"findings on {what} changed; review, then run {update!r}:\n{diff}")


def split_between(a: Rule, b: Rule) -> bool:
    """Whether two rules divide the text between them, so one term in both is never
    reported twice: one reports only near some words (``near``), the other only away
    from the same words (``not_near``)."""

    def pattern(rule: Rule, key: str) -> str | None:
        return getattr(getattr(getattr(rule, "guards", None), key, None), "pattern", None)

    near_a, near_b = pattern(a, "near"), pattern(b, "near")
    return (near_a is not None and near_a == pattern(b, "not_near")) or (
        near_b is not None and near_b == pattern(a, "not_near")
    )


def checked(paths: list[str], config: Config) -> list[tuple[str, list[Finding]]]:
    """Each file's findings, for comparing two ways of checking the same files (none
    may end in an error or a rule out of time)."""
    from lint.runner import check_paths

    out = []
    for result in check_paths(paths, config):
        assert result.error is None, result.error
        assert not result.problems, result.problems
        out.append((result.path, result.findings))
    return out


def corpus_runs() -> list[tuple[list[str], Config]]:
    """The files two ways of matching must agree on: the precision corpus (with its
    clean drafts) under the default settings, and the seeds under their config."""
    from lint.config import load_config

    root = Path(__file__).resolve().parent.parent
    precision = root / "tests" / "precision"
    seeds = sorted(p for p in (root / "seeds").iterdir() if p.suffix == ".txt")
    return [
        ([str(precision / "corpus"), str(precision / "clean")], Config(root=root)),
        ([str(p) for p in seeds], load_config(root / "seeds" / ".sglint.yaml")),
    ]
