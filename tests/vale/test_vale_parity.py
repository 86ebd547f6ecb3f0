"""Vale parity (issue 22): what Vale's loader forgives, Vale's alert conventions and
Vale's capitalisation vocabulary, each written from Vale's documented behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.vale.casing import vale_case, vale_exceptions
from lint.vale.ini import parse_ini
from lint.vale.kinds import convert_message, replace_options, to_sentence
from lint.vale.project import load_project


def styled(tmp_path: Path, rules: dict[str, str], ini: str = "") -> Path:
    """A project with style ``T`` holding ``rules`` (name → YAML), all on for ``*.md``."""
    style = tmp_path / "styles" / "T"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    config = tmp_path / ".vale.ini"
    config.write_text(ini or "StylesPath = styles\n[*.md]\nBasedOnStyles = T\n")
    return config


def run_line(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[list[str], str]:
    (tmp_path / "doc.md").write_text(text)
    main(["check", "--config", str(tmp_path / ".vale.ini"), "--output=line", str(tmp_path)])
    out, err = capsys.readouterr()
    return [line.split(":", 1)[1] for line in out.splitlines()], err


# --- loading leniency -------------------------------------------------------------


SWAP_AS_LIST = """extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
action:
swap:
  - utilize: use
  - leverage: use
  - utilize: employ
"""


def test_swap_as_a_list_of_maps_and_an_empty_action_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Words": SWAP_AS_LIST})
    lines, _ = run_line(tmp_path, "We utilize and leverage things.\n", capsys)
    # The later 'utilize' entry wins, as a Go map decoded from the list would keep it.
    assert lines == [
        "1:4:T.Words:Use 'employ' instead of 'utilize'.",
        "1:16:T.Words:Use 'use' instead of 'leverage'.",
    ]


def test_a_repeated_yaml_key_keeps_its_last_value_with_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {
            "Twice": "extends: existence\nmessage: \"'%s'\"\nlevel: error\n"
            "tokens: [first]\ntokens: [second]\n"
        },
    )
    lines, err = run_line(tmp_path, "first second\n", capsys)
    assert lines == ["1:7:T.Twice:'second'"]
    assert "Twice.yml:5: key 'tokens' is given more than once; the last value is used" in err


def test_a_repeated_key_is_still_an_error_outside_vale_styles() -> None:
    from lint.errors import SglintError
    from lint.yamlload import load_yaml

    with pytest.raises(SglintError, match="duplicate key 'a'"):
        load_yaml("a: 1\na: 2\n", "x.yaml")


def test_ini_continuation_lines_and_the_legacy_ignore_patterns_key() -> None:
    ini = parse_ini(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = A, \\\n  B\n"
        "IgnorePatterns = \\{\\{.*\\}\\}\n",
        Path("/p/.vale.ini"),
    )
    section = ini.sections[0]
    assert section.keys["BasedOnStyles"].items() == ["A", "B"]
    assert section.keys["TokenIgnores"].values == ("\\{\\{.*\\}\\}",)
    assert ini.legacy == (("IgnorePatterns", 5),)


def test_legacy_key_and_unsupported_scopes_are_named_in_notices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {"Very": "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [very]\n"},
        "StylesPath = styles\nIgnoredScopes = code, strong\nSkippedScopes = pre, aside\n"
        "[*.md]\nBasedOnStyles = T\nIgnorePatterns = (\\{\\{[^}]+\\}\\})\n",
    )
    lines, err = run_line(tmp_path, "very {{ very }}\n", capsys)
    assert lines == ["1:1:T.Very:'very'"]  # the templated 'very' is ignored
    assert "'IgnorePatterns' is a legacy Vale key, read as 'TokenIgnores'" in err
    assert "sglint cannot honour, ignored: strong, aside" in err


def test_rules_of_kinds_sglint_does_not_run_are_named_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {
            "Script": 'extends: script\nmessage: "x"\nscript: |\n  matches := []\n',
            "Script2": 'extends: script\nmessage: "y"\nscript: Other.tengo\n',
            "Very": "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [very]\n",
        },
    )
    lines, err = run_line(tmp_path, "very\n", capsys)
    assert lines == ["1:1:T.Very:'very'"]
    notices = err.splitlines()
    assert sum("Vale rule kind 'script' is not run by sglint; rule skipped" in n for n in notices)
    assert any("T.Script2" in n for n in notices)
    assert "2 Vale rules skipped (script: 2)" in err


# --- alert conventions ------------------------------------------------------------


def test_to_sentence_and_convert_message_follow_vale() -> None:
    assert to_sentence(["a"]) == "'a'"
    assert to_sentence(["a", "b"]) == "'a' or 'b'"
    assert to_sentence(["a", "b", "c"]) == "'a', 'b', or 'c'"
    assert replace_options("a|b\\|c|") == ["a", "b|c"]
    assert convert_message("Use '%s' instead of '%s'.") == "Use %s instead of '%s'."
    assert convert_message("Did you mean '%s'?") == "Did you mean '%s'?"


REPLACE = """extends: substitution
message: "{message}"
level: warning
ignorecase: true
{action}swap:
  cell phone: phone|mobile phone
  utilise: use
"""


@pytest.mark.parametrize(
    ("message", "action", "expected"),
    [
        # replace: Vale quotes each option; the first of two '%s' loses its quotes.
        (
            "Use '%s' instead of '%s'.",
            "action:\n  name: replace\n",
            [
                "1:1:T.R:Use 'phone' or 'mobile phone' instead of 'cell phone'.",
                "1:18:T.R:Use 'use' instead of 'utilise'.",
            ],
        ),
        (
            "Use %s rather than %s.",
            "action:\n  name: replace\n",
            [
                "1:1:T.R:Use 'phone' or 'mobile phone' rather than cell phone.",
                "1:18:T.R:Use 'use' rather than utilise.",
            ],
        ),
        # One '%s' and replace: Vale's quotes and the template's both stay (#943).
        (
            "Did you mean '%s'?",
            "action:\n  name: replace\n",
            ["1:1:T.R:Did you mean ''phone' or 'mobile phone''?", "1:18:T.R:Did you mean ''use''?"],
        ),
        # No replace action: the replacement as written, bars and all.
        (
            "Use '%s' instead of '%s'.",
            "",
            [
                "1:1:T.R:Use 'phone|mobile phone' instead of 'cell phone'.",
                "1:18:T.R:Use 'use' instead of 'utilise'.",
            ],
        ),
    ],
)
def test_substitution_messages_quote_as_vale_does(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    message: str,
    action: str,
    expected: list[str],
) -> None:
    styled(tmp_path, {"R": REPLACE.format(message=message, action=action)})
    lines, _ = run_line(tmp_path, "cell phone, then utilise it.\n", capsys)
    assert lines == expected


# --- capitalization vocabulary ------------------------------------------------------


@pytest.mark.parametrize("term", ["Node (", "C++ [beta", "(?i)Red Hat ("])
def test_a_bracketed_term_that_is_no_regex_is_taken_literally(term: str) -> None:
    case = vale_case("$sentence", vale_exceptions([term]), [":"], 0.8, "")
    assert case.check("Using the new tools")[1]
    assert not case.check("Using The New Tools Here")[1]


def test_terms_apply_longest_first_and_a_grouped_term_keeps_whole_tokens() -> None:
    terms = vale_exceptions(["API", "API Gateway", "Red Hat (RH)"])
    case = vale_case("$sentence", terms, [], 1.0, "")
    # 'API Gateway' wins over 'API', so 'Gateway' keeps its capital.
    assert case.check("Using the API Gateway now") == ("Using the API Gateway now", True)
    assert case.check("Using the Api Now")[1] is False
    # Vale reads terms as regexes: 'Red Hat (RH)' is the phrase 'Red Hat RH', and its
    # group no longer replaces the tokens (findall gave the group's text: '' each).
    assert case.check("Using Red Hat RH tools") == ("Using Red Hat RH tools", True)


def test_a_bracketed_vocabulary_term_never_stops_a_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = styled(
        tmp_path,
        {
            "Headings": "extends: capitalization\nmessage: \"'%s' should be in sentence case.\"\n"
            "level: warning\nscope: heading\nmatch: $sentence\n"
        },
        "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = T\n",
    )
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Node (beta\nGitHub\n")
    load_project(config)
    lines, err = run_line(tmp_path, "# Using GitHub well\n\n# Using The Wrong Case\n", capsys)
    assert lines == ["3:3:T.Headings:'Using The Wrong Case' should be in sentence case."]
    assert "Traceback" not in err


LIX = """extends: metric
message: "Try to keep the LIX score (%s) below 35."
formula: (words / sentences) + ((long_words * 100) / words)
condition: "> 1"
"""
GRADE = """extends: readability
message: "Grade level (%s) too high!"
level: warning
grade: 1
metrics: [Flesch-Kincaid, Gunning Fog]
"""
RAW = """extends: existence
message: "raw '%s'"
scope: raw
nonword: true
level: error
tokens: ['title: Draft', '\\]\\(http:', 'example\\.com']
"""


def test_metric_and_readability_alerts_sit_at_1_1_and_raw_rules_see_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Lix": LIX, "Grade": GRADE, "Raw": RAW})
    lines, _ = run_line(
        tmp_path,
        "---\ntitle: Draft\n---\n\n# Heading\n\nSome considerable text [here]"
        "(http://example.com/x) containing extraordinarily complicated vocabulary.\n",
        capsys,
    )
    # Vale: metric.go / readability.go place the alert at 1:1 (not at the first block);
    # readability's %s is the grade to two places. Raw rules match front matter, link
    # syntax and URLs, which the prose view blanks.
    assert lines == [
        "1:1:T.Grade:Grade level (27.04) too high!",
        "1:1:T.Lix:Try to keep the LIX score (70.50) below 35.",
        "2:1:T.Raw:raw 'title: Draft'",
        "7:29:T.Raw:raw '](http:'",
        "7:38:T.Raw:raw 'example.com'",
    ]


# --- Vale mode with sglint's packs ------------------------------------------------


def test_based_on_styles_names_sglint_packs_beside_vale_styles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {"Very": "extends: existence\nmessage: \"'%s'\"\nlevel: warning\ntokens: [very]\n"},
        "StylesPath = styles\n[*.md]\nBasedOnStyles = Vale, T, Safeguarding\n",
    )
    lines, _ = run_line(
        tmp_path, "Police found very much child pornography on the the laptop.\n", capsys
    )
    assert lines == [
        "1:14:T.Very:'very'",
        "1:24:Safeguarding.AbuseMaterial:Use 'child sexual abuse material' instead of "
        "'child pornography'.",
        "1:45:Vale.Repetition:'the' is repeated!",
    ]


def test_a_pack_rule_is_toggled_like_a_vale_rule_and_keeps_sglint_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {},
        "StylesPath = styles\n[*.md]\nBasedOnStyles = Safeguarding\n"
        "Safeguarding.AbuseMaterial = NO\n",
    )
    lines, err = run_line(tmp_path, "Police found child pornography.\n", capsys)
    assert lines == []
    assert "not found" not in err
    styled(tmp_path / "b", {}, "StylesPath = styles\n[*.md]\nBasedOnStyles = Safeguarding\n")
    (tmp_path / "b" / "doc.md").write_text(
        'Police found child pornography.\n\nHe said: "I looked at child pornography every night."\n'
    )
    main(
        [
            "check",
            "--config",
            str(tmp_path / "b" / ".vale.ini"),
            "--output=JSON",
            str(tmp_path / "b"),
        ]
    )
    alerts = next(iter(json.loads(capsys.readouterr().out).values()))
    # sglint's own semantics: inside direct speech the finding is capped, never fixed.
    assert [(a["Line"], a["Severity"]) for a in alerts] == [(1, "error"), (3, "suggestion")]


def test_a_style_that_is_neither_a_folder_nor_a_pack_is_an_error(tmp_path: Path) -> None:
    from lint.config import builtin_packs
    from lint.errors import ConfigError

    config = styled(tmp_path, {}, "StylesPath = styles\n[*.md]\nBasedOnStyles = Safeguardin\n")
    with pytest.raises(ConfigError, match="not one of sglint's packs; did you mean 'Safeguarding'"):
        load_project(config, packs=builtin_packs)


def test_both_configs_in_one_folder_give_a_notice_naming_the_winner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {}, "StylesPath = styles\n[*.md]\nBasedOnStyles = Safeguarding\n")
    (tmp_path / ".sglint.yaml").write_text("profile: news\n")
    (tmp_path / "doc.md").write_text("Fine words.\n")
    main(["check", str(tmp_path / "doc.md")])
    err = capsys.readouterr().err
    assert "both .sglint.yaml and .vale.ini configure this folder; sglint uses .sglint.yaml" in err


def test_messages_keep_white_space_as_current_vale_prints_them() -> None:
    from lint.messages import format_message, vale_message

    # Current Vale turns each line break into a space and keeps every other space
    # (core.WhitespaceToSpace); Vale 3.8 and earlier collapsed runs, as sglint's own
    # messages still do.
    assert vale_message("'%s' should have one space.", "y.  T") == "'y.  T' should have one space."
    assert vale_message("Avoid '%s'.\n", "in\norder") == "Avoid 'in order'. "
    assert format_message("'%s' should have one space.", "y.  T") == "'y. T' should have one space."
