"""A team's own register file (``registers:`` in the config): its entries join the
built-in registers; every mistake is located in the file that has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import active_rules, load_config, output_settings
from lint.errors import SglintError
from lint.runner import check_text

ORG = """\
organisations:
  - name: Northshire Safeguarding Children Partnership
    wrong: [Northshire Safeguarding Childrens Partnership]
"""
DRAFT = "The Northshire Safeguarding Childrens Partnership met.\n"


def _config(tmp_path: Path, register: str, names: str = "[team.yml]") -> Path:
    (tmp_path / "team.yml").write_text(register, encoding="utf-8")
    config = tmp_path / ".sglint.yaml"
    config.write_text(f"registers: {names}\n", encoding="utf-8")
    return config


def _rules(tmp_path: Path, names: str, register: str) -> list[str]:
    config = load_config(_config(tmp_path, register, names))
    findings = check_text(DRAFT, path="d.md", rules=active_rules(config))
    return sorted(f.rule for f in findings)


def test_entries_join_the_built_in_register(tmp_path: Path) -> None:
    assert "Organisations.Names" in _rules(tmp_path, "[team.yml]", ORG)
    # without the team file the same draft is only a near miss of nothing listed
    assert "Organisations.Names" not in sorted(f.rule for f in check_text(DRAFT, path="d.md"))


@pytest.mark.parametrize(
    ("register", "line", "message"),
    [
        ("organisation:\n  - name: X\n", 1, "unknown section 'organisation'"),
        ("organisations:\n  name: X\n", 1, "'organisations' list"),
        ("as_of: 2026-01-01\n", 1, "needs one or more of"),
        ("people:\n  - honorific: Ms\n", 2, "missing 'name'"),
        ("legislation:\n  - title: Northshire Act 2026\n    year: 2026\n", 3, "unknown key 'year'"),
    ],
)
def test_a_mistake_is_located_in_the_team_file(
    tmp_path: Path, register: str, line: int, message: str
) -> None:
    config = load_config(_config(tmp_path, register))
    with pytest.raises(SglintError) as caught:
        active_rules(config)
    assert f"team.yml:{line}:" in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("names", "message"),
    [("[nope.yml]", "file 'nope.yml' not found"), ("[../x.yml]", "outside the project")],
)
def test_the_config_names_files_in_the_project(tmp_path: Path, names: str, message: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(SglintError, match=message):
        load_config(_config(project, ORG, names))


def test_editing_the_register_changes_the_results_cache_key(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, ORG))
    before = output_settings(config)
    (tmp_path / "team.yml").write_text(ORG.replace("Childrens", "Childrens'"), "utf-8")
    assert output_settings(config) != before
