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
            "_orgs.yml:3: missing 'form' in register entry",
        ),
        (
            "organisations:\n  - name: X\n    wrong:\n      - form: Y\n        fix: sometimes\n",
            "_orgs.yml:5: 'fix' must be one of safe, unsafe, display, not 'sometimes'",
        ),
        ("people: []\n", "_orgs.yml:1: a register must be a mapping with a 'organisations' list"),
        (
            "organisations:\n  - name: X\n    checked: last week\n",
            "_orgs.yml:3: 'checked' must be a date like 2024-05-21",
        ),
        (
            "organisations:\n  - name: X\n    former: {old: Y}\n",
            "_orgs.yml:3: 'former' must be a string or a list of strings",
        ),
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


# -- near misses, case and abbreviations (issue 17) -----------------------------------

NEAR = """\
    extends: organisations
    forms: near
    message: "Write '%s', not '%s'."
    register: _orgs.yml
"""
CASE = """\
    extends: organisations
    forms: case
    message: "Write '%s', not '%s'."
    register: _orgs.yml
"""
SECTOR = """\
organisations:
  - name: Wessex Constabulary
    accepted: [Wessex Police]
  - name: Mercia Police
  - name: Foxes' Trust
    abbreviation: FOXT
  - name: Tinsmiths Foundation
    abbreviation: TINSF
  - name: Office for Lantern Safety
    abbreviation: OLS
    wrong: [Office of Lantern Safety Board]
"""


def test_near_misses_need_no_list(tmp_path: Path) -> None:
    rule = _rule(tmp_path, NEAR, SECTOR)
    text = (
        "Mercia Polise and Wessex Police Force met the Foxes Trust, the Tinsmiths "
        "Foundations, the Tinsmith Foundation, the Tinsmiths Trust and the Office of "
        "Lantern Safety. The TINFS said so."
    )
    found = run(rule, text)
    assert [(f.match, f.fix) for f in found] == [
        ("Mercia Polise", "Mercia Police"),
        ("Wessex Police Force", "Wessex Constabulary"),
        ("Foxes Trust", "Foxes' Trust"),
        ("Tinsmiths Foundations", "Tinsmiths Foundation"),
        ("Tinsmith Foundation", "Tinsmiths Foundation"),
        ("Tinsmiths Trust", "Tinsmiths Foundation"),
        ("Office of Lantern Safety", "Office for Lantern Safety"),
        ("TINFS", "TINSF"),
    ]
    assert all(f.fix_safety.value == "safe" for f in found)  # the rule's default


def test_lawful_near_forms_stay_silent(tmp_path: Path) -> None:
    rule = _rule(tmp_path, NEAR, SECTOR)
    text = (
        "The Tinsmiths Foundation's report and the Foxes' Trust's helpline. Wessex's "
        "police officers, a force in Mercia and the police. Mercia Police Federation "
        "members. The Office of Lantern Safety Board is listed as wrong elsewhere. "
        "FOXT and TINSF and OLS. TOXF is another body."
    )
    assert run(rule, text) == []


def test_case_slips_lower_a_generic_word_only(tmp_path: Path) -> None:
    rule = _rule(tmp_path, CASE, SECTOR)
    text = "Mercia police said so. Mercia Police agreed. MERCIA POLICE. The mercia police."
    found = run(rule, text)
    assert [(f.match, f.fix) for f in found] == [("Mercia police", "Mercia Police")]
    assert matches(run(rule, "The Tinsmiths foundation's grant.")) == ["Tinsmiths foundation's"]


def test_register_abbreviations_are_known_to_acronym_rules(tmp_path: Path) -> None:
    (tmp_path / "_orgs.yml").write_text(SECTOR, encoding="utf-8")
    path = tmp_path / "Acr.yml"
    body = textwrap.dedent(
        """\
        extends: conditional
        message: "Spell out '%s'."
        known_message: "Spell out '%s' as '%[2]s'."
        register: _orgs.yml
        first: '\\b([A-Z]{2,6})\\b'
        second: '\\(([A-Z]{2,6})\\)'
        """
    )
    path.write_text(body, encoding="utf-8")
    rule = load_rule_text(body, rule_id="Team.Acr", path=str(path))
    found = run(rule, "The OLS met the TINFS and the ZZQ.")
    assert [(f.match, f.message, f.fix) for f in found] == [
        (
            "OLS",
            "Spell out 'OLS' as 'Office for Lantern Safety'.",
            "Office for Lantern Safety (OLS)",
        ),
        ("ZZQ", "Spell out 'ZZQ'.", None),
    ]


def test_the_sector_register_scales(tmp_path: Path) -> None:
    """1,200 names: one phrase pattern, an index built once, and a long document checked
    in well under a second."""
    import time

    names = [f"  - name: Borough {i} Safeguarding Partnership\n" for i in range(1200)]
    register = "organisations:\n" + "".join(names)
    rule = _rule(tmp_path, NEAR, register)
    text = " ".join(
        f"Borough {i} Safeguarding Partnerhip met Borough {i} Safeguarding Partnership."
        for i in range(300)
    )
    start = time.perf_counter()
    found = run(rule, text)
    assert len(found) == 300
    assert time.perf_counter() - start < 3.0


def test_the_builtin_register_covers_the_sector() -> None:
    from lint.registers.organisations import load_organisations

    root = Path(__file__).resolve().parents[2]
    orgs = load_organisations(root / "rules" / "Organisations" / "_organisations.yml")
    names = {o.name for o in orgs}
    forces = [n for n in names if n.endswith(("Police", "Constabulary", "Police Service"))]
    assert len(forces) >= 43 + 3
    scotland_ni_btp = (
        "Police Scotland",
        "Police Service of Northern Ireland",
        "British Transport Police",
    )
    assert set(scotland_ni_btp) <= names
    assert all(o.source for o in orgs)
    assert sum(1 for o in orgs if o.checked is not None) >= 150
