"""Item 6 of issue 18: every pattern from a rule or a config runs under the time budget;
numbers are validated; globs are bounded; readers and registers stay linear."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from lint import patterns
from lint.rules import budget, people_common
from lint.rules.substitution import Entry, expand
from lint.runner import check_text
from lint.vale import project as vale_project

#: A pattern that backtracks exponentially on a long run of x (no "|": swap values
#: split on it).
RUNAWAY = "(x{1,2}){1,40}[yz]"
XS = "x" * 40


def _team(project: Path, rule: str, name: str = "Rule") -> Path:
    (project / "team" / "Team").mkdir(parents=True, exist_ok=True)
    path = project / "team" / "Team" / f"{name}.yml"
    path.write_text(rule, encoding="utf-8")
    (project / ".sglint.yaml").write_text("builtin: false\npaths: [team]\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("timeout: 1.0e+9", "'timeout' must be a number from 0.01 to 60, not float 1000000000.0"),
        ("timeout: .nan", "'timeout' must be a number from 0.01 to 60, not float nan"),
        ("timeout: .inf", "'timeout' must be a number from 0.01 to 60, not float inf"),
        ("timeout: 0", "'timeout' must be a number from 0.01 to 60, not int 0"),
        ("limit: -1", "'limit' must be a whole number from 0 to 1,000,000, not int -1"),
    ],
)
def test_numeric_settings_are_validated(
    project: Path, sglint: Any, setting: str, message: str
) -> None:
    path = _team(project, f"extends: existence\nmessage: x\ntokens: [y]\n{setting}\n")
    done = sglint(project, "check", "drafts")
    assert (done.status, done.err) == (2, f"sglint: error: {path}:4: {message}\n")


def test_capitalization_threshold_is_a_fraction(project: Path, sglint: Any) -> None:
    path = _team(project, "extends: capitalization\nmessage: x\nmatch: $title\nthreshold: 5\n")
    done = sglint(project, "check", "drafts")
    assert done.err == (
        f"sglint: error: {path}:4: 'threshold' must be a number from 0 to 1, not int 5\n"
    )


def _runs_away(project: Path, sglint: Any, *, expect: str) -> None:
    started = time.monotonic()
    done = sglint(project, "check", "drafts")
    assert time.monotonic() - started < 20
    assert done.status == 2
    assert expect in done.err


def test_a_swap_replacement_runs_under_the_budget(project: Path, sglint: Any) -> None:
    # The replacement is tried as a pattern against each match ("already correct?").
    _team(
        project,
        f"extends: substitution\nmessage: \"'%s' not '%s'\"\nnonword: true\ntimeout: 0.2\n"
        f"swap:\n  'x{{30,}}': '{RUNAWAY}'\n",
    )
    (project / "drafts" / "a.txt").write_text(f"{XS}\n", encoding="utf-8")
    _runs_away(
        project,
        sglint,
        expect="Team.Rule: pattern ran longer than 0.2s and was stopped; rule skipped",
    )


def test_dollar_expansion_runs_under_the_budget() -> None:
    entry = Entry(patterns.compile(RUNAWAY), "$1", None, None)
    started = time.monotonic()
    with pytest.raises(TimeoutError), budget.within(0.1):
        expand(entry, XS)
    assert time.monotonic() - started < 5


def test_vale_capitalization_match_runs_under_the_budget(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    style = project / "styles" / "Team"
    style.mkdir(parents=True)
    (style / "Heads.yml").write_text(
        f"extends: capitalization\nmessage: x\nscope: heading\nmatch: '{RUNAWAY}'\ntimeout: 0.2\n",
        encoding="utf-8",
    )
    (project / ".vale.ini").write_text(
        "StylesPath = styles\n[*]\nBasedOnStyles = Team\n", encoding="utf-8"
    )
    (project / "drafts" / "a.md").write_text(f"# {XS}\n", encoding="utf-8")
    _runs_away(project, sglint, expect="Team.Heads: pattern ran longer than 0.2s")


@pytest.mark.parametrize("key", ["TokenIgnores", "BlockIgnores"])
def test_vale_ignores_run_under_the_budget(
    project: Path, sglint: Any, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The budget is the rules' default (2s), shortened here so the test stays quick.
    monkeypatch.setattr(vale_project, "DEFAULT_TIMEOUT", 0.2)
    (project / ".sglint.yaml").unlink()
    (project / ".vale.ini").write_text(
        f"[*]\nBasedOnStyles = Vale\n{key} = {RUNAWAY}\n", encoding="utf-8"
    )
    (project / "drafts" / "a.md").write_text(f"{XS}\n", encoding="utf-8")
    _runs_away(
        project,
        sglint,
        expect="a TokenIgnores or BlockIgnores pattern ran longer than 0.2s on this file and "
        "was stopped; file not checked",
    )


def test_brace_globs_in_vale_sections_are_bounded(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    section = "{a,b}" * 40
    (project / ".vale.ini").write_text(
        f"[*]\nBasedOnStyles = Vale\n[{section}]\nBasedOnStyles = Vale\n", encoding="utf-8"
    )
    started = time.monotonic()
    done = sglint(project, "check", "drafts")
    assert time.monotonic() - started < 5
    assert done.status == 2
    assert "expands to more than 256 patterns" in done.err and ".vale.ini:3:" in done.err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("unclosed comments", "<!--" * 100_000),
        ("unclosed tags", "<a" * 100_000),
        ("closed comments", "<!-- x -->" * 40_000),
        ("unclosed declarations", "<!" * 100_000),
    ],
)
def test_html_floods_are_read_in_linear_time(name: str, text: str) -> None:
    started = time.monotonic()
    check_text(text + "<p>They investigate care gangs.</p>", path="flood.html")
    assert time.monotonic() - started < 15, name


def test_an_unclosed_comment_hides_the_rest_of_the_file() -> None:
    found = check_text("<p>Fine.</p><!-- care gangs <p>care gangs</p>", path="x.html")
    assert [f.match for f in found if "Mistranslations" in f.rule] == []


def test_a_large_people_register_compiles_once_per_run_and_only_who_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "Team"
    pack.mkdir()
    entries = "".join(
        f"  - name: Anna Surname{i}x\n    honorific: Ms\n    roles:\n"
        f"      - title: Officer number {i}\n        from: 2023-01-01\n"
        for i in range(2500)
    )
    (pack / "_people.yml").write_text(f"people:\n{entries}", encoding="utf-8")
    rule_file = pack / "Rule.yml"
    compiled: list[str] = []
    real = patterns.compile

    def counting(pattern: str, flags: int = 0) -> Any:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(people_common.patterns, "compile", counting)
    people_common.compiled.cache_clear()
    from lint.config import Config, active_rules
    from lint.rules.loader import load_rule_text

    active = active_rules(
        Config(),
        [
            load_rule_text(
                f"extends: people\ncheck: {check}\nmessage: '%s %s %s'\nregister: _people.yml\n",
                rule_id=f"Team.{check.title()}",
                path=str(rule_file),
            )
            for check in ("references", "titles")
        ],
    )
    draft = "Anna Surname12x said the police acted. Surname12x added more.\n"
    check_text(draft, path="a.txt", rules=active)
    first = len(compiled)
    assert first < 50  # only the people named, not 2,500 of them
    check_text(draft, path="b.txt", rules=active)
    assert len(compiled) == first  # nothing compiled again for the second document
