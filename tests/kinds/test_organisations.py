"""The organisations rule kind: a team's own register, no regex, located errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import matches, run

from lint.errors import RuleError
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text

REGISTER = """\
organisations:
  - name: Safer Streets (North) Partnership
    abbreviation: SSNP
    accepted: [Safer Streets Partnership]
    wrong:
      - Safe Streets (North) Partnership
      - form: Safer Street Partnership
        to: Safer Streets Partnership
        fix: unsafe
    in_context:
      - form: the panel
        to: the partnership
    styles:
      news: [Ssnp]
"""


def _rule(tmp_path: Path, body: str, register: str = REGISTER) -> Rule:
    (tmp_path / "_orgs.yml").write_text(register, encoding="utf-8")
    path = tmp_path / "Orgs.yml"
    text = textwrap.dedent(body)
    path.write_text(text, encoding="utf-8")
    return load_rule_text(text, rule_id="Team.Orgs", path=str(path))


WRONG = """\
    extends: organisations
    message: "Write '%s', not '%s'."
    register: _orgs.yml
"""


def test_a_team_register_needs_no_regex(tmp_path: Path) -> None:
    rule = _rule(tmp_path, WRONG)
    findings = run(
        rule, "Funded by the Safe Streets (North) Partnership. Also Safer Street\nPartnership."
    )
    assert matches(findings) == ["Safe Streets (North) Partnership", "Safer Street\nPartnership"]
    assert findings[0].fix == "Safer Streets (North) Partnership"
    assert findings[0].fix_safety.value == "safe"
    assert findings[1].fix_safety.value == "unsafe"


def test_right_forms_and_longer_words_are_left_alone(tmp_path: Path) -> None:
    rule = _rule(tmp_path, WRONG)
    assert (
        run(rule, "The Safer Streets (North) Partnership (SSNP) and Safer Streets Partnership.")
        == []
    )


def test_curly_and_straight_apostrophes_match(tmp_path: Path) -> None:
    register = """\
organisations:
  - name: National Police Chiefs' Council
    wrong: [National Police Chief's Council]
"""
    rule = _rule(tmp_path, WRONG, register)
    assert matches(run(rule, "the National Police Chief’s Council")) == [
        "National Police Chief’s Council"
    ]
    assert run(rule, "the National Police Chiefs’ Council") == []


def test_in_context_forms_need_the_organisation_named(tmp_path: Path) -> None:
    rule = _rule(tmp_path, WRONG + "    forms: in_context\n")
    assert run(rule, "The panel met on Monday.") == []
    found = run(rule, "The SSNP met on Monday. The panel agreed.")
    assert matches(found) == ["The panel"]
    assert found[0].fix == "The partnership"


def test_house_style_forms_are_off_in_their_profile(tmp_path: Path) -> None:
    rule = _rule(tmp_path, WRONG + '    style: news\n    profiles:\n      news: "off"\n')
    assert matches(run(rule, "Ssnp said so.")) == ["Ssnp"]
    assert run(rule, "SSNP said so.") == []
    assert run(rule, "Ssnp said so.", profile="news") == []


@pytest.mark.parametrize(
    ("register", "error"),
    [
        (
            "organisations:\n  - nmae: X\n",
            "_orgs.yml:2: unknown key 'nmae' in register entry; did you mean 'name'?",
        ),
        (
            "organisations:\n  - name: X\n    wrong: [{to: Y}]\n",
            "_orgs.yml:3: register entry needs 'form'",
        ),
        (
            "organisations:\n  - name: X\n    wrong:\n      - form: Y\n        fix: sometimes\n",
            "_orgs.yml:5: 'fix' must be safe",
        ),
        ("people: []\n", "_orgs.yml:1: a register must be a mapping with a 'organisations' list"),
    ],
)
def test_register_errors_are_located(tmp_path: Path, register: str, error: str) -> None:
    with pytest.raises(RuleError) as info:
        _rule(tmp_path, WRONG, register)
    assert error in str(info.value)


def test_missing_register_is_a_located_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "Orgs.yml"
    with pytest.raises(
        RuleError, match=r"Orgs.yml:3: .register.: register file not found: nowhere.yml"
    ):
        load_rule_text(
            "extends: organisations\nmessage: x\nregister: nowhere.yml\n",
            rule_id="Team.Orgs",
            path=str(path),
        )


def test_builtin_register_on_the_seed_errors() -> None:
    from lint.config import Config, all_rules

    rule = next(r for r in all_rules(Config()) if r.meta.id == "Organisations.Names")
    text = (
        "Led by the National Council of Police Chiefs, with the Organized Exploitation "
        "Program (TOEX) and the National Association of People Abused in Childhood."
    )
    assert [f.fix for f in run(rule, text)] == [
        "National Police Chiefs' Council",
        "Tackling Organised Exploitation Programme",
        "National Association for People Abused in Childhood",
    ]
