"""The README's examples are true: its rule loads and behaves as shown, its config is
valid, its Python snippet runs, and .ci/run runs exactly its test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint import examples
from lint.config import load_config
from lint.rules.loader import load_rule_text

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after_heading: str, lang: str) -> str:
    section = README.split(f"## {after_heading}", 1)[1]
    match = re.search(rf"```{lang}\n(.*?)```", section, re.S)
    assert match, f"no {lang} block under {after_heading}"
    return match.group(1)


def test_rule_example_loads_and_its_examples_hold() -> None:
    rule = load_rule_text(
        _block("Writing rules", "yaml"), rule_id="Team.Example", path="Team/Example.yml"
    )
    for bad, group in ((True, rule.meta.bad), (False, rule.meta.good)):
        for example in group:
            assert examples.problems(rule, example, bad=bad) == []
    assert any(ex.match and ex.fix for ex in rule.meta.bad), "show match and fix"


def test_config_example_is_valid(tmp_path: Path) -> None:
    (tmp_path / "team-rules").mkdir()
    path = tmp_path / ".sglint.yaml"
    path.write_text(_block("Configuration", "yaml"), encoding="utf-8")
    config = load_config(path)
    assert config.profile == "news" and config.rules["Style.WordsToAvoid"] == "off"


def test_python_api_example_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("They investigate care gangs.\n")
    monkeypatch.chdir(tmp_path)
    exec(compile(_block("Python API", "python"), "README", "exec"), {})


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [
        line
        for line in ci.splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ][-1]
    assert command in README.split("## Usage")[0]
