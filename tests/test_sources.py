"""Sources users can follow: every built-in rule's ``source`` names the authority itself
(title, publisher, year, and a web address where there is one), never a file or note
users do not have (the project's research notes, an issue, a seed's line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.config import Config, all_rules

RULES = Path(__file__).resolve().parents[1] / "rules"

#: What only the project has: its research notes and their sections and rows, its
#: issues, its seed files (``000:5``), Markdown files.
PRIVATE = re.compile(r"domain\.md|§|\bissue \d+|\brows? \d+|\b\d{3}:\d+|\b[\w-]+\.md\b", re.I)
URL = re.compile(r"https?://[^\s;]+")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")

BUILT_IN = sorted(all_rules(Config()), key=lambda r: r.meta.id)


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda r: r.meta.id)
def test_a_rule_source_names_the_authority(rule: object) -> None:
    source = rule.meta.source  # type: ignore[attr-defined]
    assert source, "every built-in rule cites its authority"
    assert not PRIVATE.search(source), source
    assert URL.search(source) or YEAR.search(source), f"no address and no year: {source}"
    for url in URL.findall(source):
        assert url.startswith("https://"), url
        assert not url.endswith((")", ",", ".")), url


def test_register_entries_cite_no_private_notes() -> None:
    for path in sorted(RULES.rglob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip().startswith("source:"):
                assert not PRIVATE.search(line), f"{path.relative_to(RULES)}:{number}: {line}"
