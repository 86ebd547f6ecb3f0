"""The legislation rule kind: exact short titles and years from a register, no regex."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import matches, run

from lint.config import Config, all_rules
from lint.errors import RuleError
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text

REGISTER = """\
legislation:
  - title: Lantern Safety Act 2011
    other_years: [2019]
  - title: Lantern Safety (Wessex) Order 2012
"""
RULE = """\
extends: legislation
message: "Write '%s', not '%s': %s."
register: _laws.yml
"""


def _rule(tmp_path: Path, register: str = REGISTER) -> Rule:
    (tmp_path / "_laws.yml").write_text(register, encoding="utf-8")
    path = tmp_path / "Laws.yml"
    path.write_text(RULE, encoding="utf-8")
    return load_rule_text(RULE, rule_id="Team.Laws", path=str(path))


def test_wrong_year_word_and_form_are_reported_with_the_right_title(tmp_path: Path) -> None:
    rule = _rule(tmp_path)
    text = (
        "Under the Lantern Safety Act 2012, the Lanterns Safety Act 2011, the Lantern "
        "Safety Act of 2011 and the Lantern Safety (Wessex) Order 2013."
    )
    found = run(rule, text)
    assert [(f.match, f.fix, f.fix_safety.value) for f in found] == [
        ("Lantern Safety Act 2012", "Lantern Safety Act 2011", "display"),
        ("Lanterns Safety Act 2011", "Lantern Safety Act 2011", "unsafe"),
        ("Lantern Safety Act of 2011", "Lantern Safety Act 2011", "unsafe"),
        ("Lantern Safety (Wessex) Order 2013", "Lantern Safety (Wessex) Order 2012", "display"),
    ]
    assert "there is no Lantern Safety Act 2012" in found[0].message


def test_lawful_citations_stay_silent(tmp_path: Path) -> None:
    rule = _rule(tmp_path)
    text = (
        "The Lantern Safety Act 2011 and the Lantern Safety Act 2019 (another Act). The "
        "2011 Act, an Act of 2011, the Lantern Safety Bill 2024, the Lantern Safety Act "
        "1990 abroad, and the Candle Safety Act 2011."
    )
    assert run(rule, text) == []


@pytest.mark.parametrize(
    ("register", "error", "line"),
    [
        ("legislation:\n  - title: Lantern Safety Statute\n", "must end in 'Act' or 'Order'", 2),
        (
            "legislation:\n  - title: Lantern Safety Act 2011\n    other_years: 2019\n",
            "'other_years' must be a list",
            3,
        ),
        ("legislation:\n  - title: Lantern Safety Act 2011\n    year: 2011\n", "unknown key", 3),
    ],
)
def test_register_errors_are_located(tmp_path: Path, register: str, error: str, line: int) -> None:
    with pytest.raises(RuleError, match=error) as info:
        _rule(tmp_path, register)
    assert info.value.path is not None and info.value.path.endswith("_laws.yml")
    assert info.value.line == line


def test_builtin_register_fixes_the_issue_examples() -> None:
    rule = next(r for r in all_rules(Config()) if r.meta.id == "Legislation.Titles")
    found = run(rule, "The Sexual Offences Act 2004 and the Children's Act 1989 apply.")
    assert [(f.match, f.fix) for f in found] == [
        ("Sexual Offences Act 2004", "Sexual Offences Act 2003"),
        ("Children's Act 1989", "Children Act 1989"),
    ]
    assert matches(run(rule, "The Online Safety Act 2023 and the Domestic Abuse Act 2021.")) == []


def test_titles_are_text_not_regex(tmp_path: Path) -> None:
    register = textwrap.dedent(
        """\
        legislation:
          - title: Police, Crime (Lanterns) and Courts Act 2022
        """
    )
    rule = _rule(tmp_path, register)
    assert run(rule, "The Police, Crime (Lanterns) and Courts Act 2022 applies.") == []
    assert matches(run(rule, "The Police, Crime (Lantern) and Courts Act 2022 applies.")) == [
        "Police, Crime (Lantern) and Courts Act 2022"
    ]
