"""Each file uses the configuration nearest above it (as ruff does), whatever else is on
the command line; folder walks respect .gitignore and .ignore; --force-exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main

COPY = "Police investigate care gangs.\n"
RULE = "Safeguarding.Mistranslations"


def _findings(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, set[str]]:
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, {f"{f['path']}:{f['rule']}" for f in json.loads(out)}


@pytest.fixture
def two_teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a/ switches the rule off in its .sglint.yaml, b/ in a pyproject.toml does not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / ".sglint.yaml").write_text(f"rules:\n  {RULE}: off\n", "utf-8")
    (tmp_path / "b" / "pyproject.toml").write_text(
        '[tool.sglint]\nprofile = "govuk"\n', encoding="utf-8"
    )
    (tmp_path / "a" / "x.md").write_text(COPY, "utf-8")
    (tmp_path / "b" / "y.md").write_text(COPY, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_findings_do_not_depend_on_argument_order(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forward = _findings(["a/x.md", "b/y.md"], capsys)
    backward = _findings(["b/y.md", "a/x.md"], capsys)
    assert forward == backward == (1, {f"b/y.md:{RULE}"})


def test_a_walked_folder_gives_each_file_its_nearest_config(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _findings(["."], capsys) == (1, {f"b/y.md:{RULE}"})


def test_config_option_overrides_every_nearest_config(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (two_teams / "strict.yaml").write_text("profile: govuk\n", "utf-8")
    code, found = _findings(["--config", "strict.yaml", "a/x.md", "b/y.md"], capsys)
    assert (code, found) == (1, {f"a/x.md:{RULE}", f"b/y.md:{RULE}"})


def test_fail_level_is_each_files_own(two_teams: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (two_teams / "b" / "pyproject.toml").write_text(
        f'[tool.sglint]\nfail-level = "error"\nrules = {{ "{RULE}" = "warning" }}\n', "utf-8"
    )
    assert _findings(["b/y.md", "a/x.md"], capsys) == (0, {f"b/y.md:{RULE}"})


def test_a_deeper_configs_exclude_applies_inside_a_walk(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (two_teams / "b" / "pyproject.toml").write_text(
        '[tool.sglint]\nexclude = ["y.md"]\n', encoding="utf-8"
    )
    assert _findings(["."], capsys) == (0, set())
    # named on the command line it is linted (so a typo'd path is reported) …
    assert _findings(["b/y.md"], capsys) == (1, {f"b/y.md:{RULE}"})
    # … unless --force-exclude, as pre-commit's hook runs it
    assert _findings(["--force-exclude", "b/y.md", "a/x.md"], capsys) == (0, set())


def test_a_bad_nested_config_is_one_located_error(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (two_teams / "a" / ".sglint.yaml").write_text("rulez: {}\n", "utf-8")
    assert main(["check", "b/y.md", "a/x.md"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("sglint: error: ") and ".sglint.yaml:1: " in err[0]
    assert "unknown key 'rulez'" in err[0]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository (a .git folder is what marks one) with ignored drafts."""
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local.md\n", "utf-8")
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.md\n", "utf-8")
    for name in ("keep.md", "local.md", "draft.tmp.md", "build/old.md", "docs/page.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(COPY, "utf-8")
    # a deeper file re-includes what a shallower one left out; .ignore adds its own
    (tmp_path / "docs" / ".gitignore").write_text("!*.tmp.md\n", "utf-8")
    (tmp_path / "docs" / "notes.tmp.md").write_text(COPY, "utf-8")
    (tmp_path / "docs" / ".ignore").write_text("page.md\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_walks_respect_gitignore_and_ignore(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, found = _findings(["."], capsys)
    assert {f.split(":")[0] for f in found} == {"keep.md", "docs/notes.tmp.md"}
    # walking from inside the repository, the root's .gitignore still applies
    (repository / "docs" / "sub").mkdir()
    (repository / "docs" / "sub" / "x.tmp.md").write_text(COPY, "utf-8")
    (repository / "build" / "deep").mkdir()
    (repository / "build" / "deep" / "y.md").write_text(COPY, "utf-8")
    _, found = _findings(["build/deep"], capsys)
    assert found == set()


def test_no_respect_gitignore_lints_every_file(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, found = _findings(["--no-respect-gitignore", "."], capsys)
    assert {f.split(":")[0] for f in found} == {
        "keep.md",
        "local.md",
        "draft.tmp.md",
        "build/old.md",
        "docs/page.md",
        "docs/notes.tmp.md",
    }


def test_an_ignored_file_named_explicitly_is_linted(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _findings(["build/old.md"], capsys) == (1, {f"build/old.md:{RULE}"})


def test_gitignore_outside_a_repository_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n", "utf-8")
    (tmp_path / ".ignore").write_text("skip.md\n", "utf-8")
    (tmp_path / "x.md").write_text(COPY, "utf-8")
    (tmp_path / "skip.md").write_text(COPY, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert _findings(["."], capsys) == (1, {f"x.md:{RULE}"})


def test_a_misspelt_rule_name_in_config_is_located(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (two_teams / "a" / ".sglint.yaml").write_text(
        "profile: govuk\nrules:\n  Safeguarding: warning\n  Safeguarding.Mistranslation: off\n",
        "utf-8",
    )
    (two_teams / "b" / "pyproject.toml").write_text(
        '[tool.sglint]\nprofile = "govuk"\n\n[tool.sglint.rules]\n'
        '"Safeguarding.Mistranslations" = "warning"\n"Safegarding" = "off"\n',
        "utf-8",
    )
    for name, where, typo, meant in [
        ("a/x.md", "a/.sglint.yaml:4", "Safeguarding.Mistranslation", RULE),
        ("b/y.md", "b/pyproject.toml:6", "Safegarding", "Safeguarding"),
    ]:
        assert main(["check", name]) == 2
        err = capsys.readouterr().err
        assert err == (
            f"sglint: error: {(two_teams / where).resolve()}: unknown rule or pack "
            f"'{typo}'; did you mean '{meant}'?\n"
        )
    # a name on the command line is the command line's mistake, not the config's
    assert main(["check", "--select", "Safegarding", "b/y.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sglint: error: --select: unknown rule or pack 'Safegarding'")


def test_a_misspelt_rule_name_in_an_inline_comment_is_located(
    two_teams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (two_teams / "b" / "y.md").write_text(
        "# Title\n\n<!-- sglint-disable-next-line Safeguarding.Mistranslation -->\n"
        f"{COPY}<!-- sglint-disable Safeguarding Style.WordsToAvoid -->\n",
        "utf-8",
    )
    assert main(["check", "b/y.md"]) == 1  # the comment switched nothing off
    err = capsys.readouterr().err
    assert err == (
        "sglint: notice: b/y.md:3: inline comment names unknown rule or pack "
        f"'Safeguarding.Mistranslation', which switches nothing; did you mean '{RULE}'?\n"
    )
    # a rule that exists but is off where the file lives is not a mistake
    assert _findings(["a/x.md"], capsys) == (0, set())
    (two_teams / "a" / "x.md").write_text(f"<!-- sglint-disable {RULE} -->\n{COPY}", "utf-8")
    assert main(["check", "a/x.md"]) == 0
    assert capsys.readouterr().err == ""
