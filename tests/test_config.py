"""Configuration: discovery, precedence, profiles, validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule

from lint.config import Config, active_rules, load_config, resolve
from lint.configfiles import discover
from lint.errors import ConfigError
from lint.finding import Severity


def _rules() -> list:
    return [
        make_rule(
            "extends: existence\nmessage: x\nlevel: error\ntokens: [a]\n"
            "profiles: {news: 'off', practice: suggestion}\n",
            "Pack.One",
        ),
        make_rule("extends: existence\nmessage: x\ntokens: [b]\n", "Pack.Two"),
        make_rule("extends: existence\nmessage: x\ntokens: [c]\n", "Other.Three"),
    ]


def _levels(config: Config) -> dict[str, str]:
    return {a.rule.meta.id: a.level.label for a in active_rules(config, _rules())}


def test_discovery_walks_up_and_prefers_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.sglint]\nprofile = 'news'\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "draft.md").write_text("x")
    assert discover(deep / "draft.md") == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".sglint.yaml").write_text("profile: practice\n")
    assert discover(deep / "draft.md") == tmp_path / "a" / ".sglint.yaml"
    assert load_config(discover(deep)).profile == "practice"


def test_pyproject_without_tool_table_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    found = discover(tmp_path)
    assert found is None or found.parent != tmp_path


def test_precedence_rule_profile_config_cli(tmp_path: Path) -> None:
    assert _levels(Config()) == {
        "Pack.One": "error",
        "Pack.Two": "warning",
        "Other.Three": "warning",
    }
    assert "Pack.One" not in _levels(Config(profile="news"))
    assert _levels(Config(profile="practice"))["Pack.One"] == "suggestion"
    config = Config(rules={"Pack": "suggestion", "Pack.Two": "error", "Other.Three": "off"})
    assert _levels(config) == {"Pack.One": "suggestion", "Pack.Two": "error"}
    assert _levels(Config(select=("Pack",), ignore=("Pack.Two",))) == {"Pack.One": "error"}
    assert _levels(Config(packs=("Other",))) == {"Other.Three": "warning"}


def test_cli_options_override_the_file(tmp_path: Path) -> None:
    (tmp_path / ".sglint.yaml").write_text("profile: news\nfail-level: error\n")
    config = resolve({"profile": "practice", "select": ["Pack.One"]}, tmp_path)
    assert (config.profile, config.select, config.fail_level) == (
        "practice",
        ("Pack.One",),
        Severity.ERROR,
    )
    explicit = tmp_path / "other.yaml"
    explicit.write_text("profile: govuk\n")
    assert resolve({"config": str(explicit)}, tmp_path).profile == "govuk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("profle: news\n", r"\.sglint\.yaml:1: unknown key 'profle'; did you mean 'profile'\?"),
        (
            "rules:\n  Pack.One: loud\n",
            r"\.sglint\.yaml:2: 'rules: Pack.One' must be one of off, suggestion, warning, "
            r"error, not 'loud'",
        ),
        ("paths: [../elsewhere]\n", r"\.sglint\.yaml:1: 'paths': '\.\./elsewhere' lies outside"),
        ("paths: [missing]\n", r"\.sglint\.yaml:1: 'paths': rule folder 'missing' not found"),
        ("fail-level: fatal\n", r"\.sglint\.yaml:1: 'fail-level' must be one of suggestion"),
        ("fail-levle: error\n", r"unknown key 'fail-levle'; did you mean 'fail-level'\?"),
        ("packs: Safeguarding\n", r"\.sglint\.yaml:1: 'packs' must be a list of strings, not str"),
        ("profile: [a]\n", r"\.sglint\.yaml:1: 'profile' must be a string, not a list"),
        ("builtin: maybe\n", r"\.sglint\.yaml:1: 'builtin' must be true or false"),
        ("- a\n", r"\.sglint\.yaml:1: configuration must be a YAML mapping"),
        ("profile: !!python/name:os.system\n", r"unsafe or unknown YAML tag"),
    ],
)
def test_config_errors_are_located(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / ".sglint.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError if "YAML" not in expected else Exception, match=expected):
        load_config(path)


def test_unknown_profile_and_rule_names_suggest_the_nearest() -> None:
    with pytest.raises(ConfigError, match="unknown profile 'nwes'; did you mean 'news'"):
        active_rules(Config(profile="nwes"), _rules())
    with pytest.raises(ConfigError, match=r"unknown rule or pack 'Pack\.On'; did you mean"):
        active_rules(Config(select=("Pack.On",)), _rules())


def test_exclude_globs(tmp_path: Path) -> None:
    config = Config(root=tmp_path, exclude=("drafts/old/*", "*.bak.md", "archive"))
    assert config.excluded(tmp_path / "drafts" / "old" / "a.md")
    assert config.excluded(tmp_path / "x.bak.md")
    assert config.excluded(tmp_path / "archive")
    assert not config.excluded(tmp_path / "drafts" / "new.md")


def test_team_pack_beside_builtin(tmp_path: Path) -> None:
    pack = tmp_path / "team" / "House"
    pack.mkdir(parents=True)
    (pack / "Word.yml").write_text(
        "extends: existence\nmessage: x\ntokens: [synergy]\nwhy: jargon\nsource: house\n"
    )
    (tmp_path / ".sglint.yaml").write_text("paths: [team]\npacks: [House, Safeguarding]\n")
    config = load_config(tmp_path / ".sglint.yaml")
    ids = {a.rule.meta.id for a in active_rules(config)}
    assert "House.Word" in ids
    assert all(i.split(".")[0] in {"House", "Safeguarding"} for i in ids)
