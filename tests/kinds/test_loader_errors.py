"""Every way a rule file can be wrong gets one clear, located error."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule

from lint.cli import main
from lint.errors import RuleError, SglintError


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        (
            "extends: existence\nmessage: x\ntokens: [a\n",
            r"Test/Rule.yml:4: invalid YAML: (did not find )?expected ',' or ']'",
        ),
        (
            "extends: existance\nmessage: x\n",
            r"Test/Rule.yml:1: unknown rule kind 'existance'; did you mean 'existence'\?",
        ),
        ("message: x\ntokens: [a]\n", r"Test/Rule.yml:1: a rule needs 'extends'"),
        (
            "extends: existence\nmessage: x\ntokns: [a]\n",
            r"Test/Rule.yml:3: unknown key 'tokns' for a rule of kind 'existence'; "
            r"did you mean 'tokens'\?",
        ),
        (
            "extends: existence\nmessage: x\ntokens: ['(unclosed']\n",
            r"Test/Rule.yml:3: 'tokens': invalid regular expression",
        ),
        (
            "extends: existence\nmessage: x\nignorecase: maybe\ntokens: [a]\n",
            r"Test/Rule.yml:3: 'ignorecase' must be true or false, not str 'maybe'",
        ),
        (
            "extends: existence\nmessage: x\ntokens: {a: b}\n",
            r"Test/Rule.yml:3: 'tokens' must be a string or a list of strings, not a mapping",
        ),
        (
            "extends: existence\ntokens: [a]\n",
            r"Test/Rule.yml:1: a rule of kind 'existence' needs 'message'",
        ),
        (
            "extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n",
            r"Test/Rule.yml:3: 'level' must be one of suggestion, warning, error, not 'fatal'",
        ),
        ("extends: existence\nmessage: x\n", r"Test/Rule.yml:1: .*needs 'tokens'"),
        (
            "extends: substitution\nmessage: x\nswap: {a: {too: b}}\n",
            r"Test/Rule.yml:3: swap entry 'a' must be a string or a mapping with 'to'",
        ),
        (
            "extends: metric\nmessage: x\nformula: __import__('os')\ncondition: '> 1'\n",
            r"Test/Rule.yml:3: 'formula' uses unknown variable '__import__'",
        ),
        (
            "extends: metric\nmessage: x\nformula: words\ncondition: 'big'\n",
            r"Test/Rule.yml:4: 'condition' must look like '> 25'",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples: {bda: [x]}\n",
            r"Test/Rule.yml:4: unknown key 'bda' in 'examples'; did you mean 'bad'\?",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  bad:\n"
            "    - text: a\n      mach: a\n",
            r"Test/Rule.yml:7: unknown key 'mach' in an example; did you mean 'match'\?",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  good:\n"
            "    - text: b\n      match: b\n",
            r"Test/Rule.yml:7: 'match' describes a finding: only a bad example may have it",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  bad:\n"
            "    - text: a\n      line: 0\n",
            r"Test/Rule.yml:7: 'line' must be a whole number from 1 to 1,000,000, not int 0",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  bad:\n"
            "    - text: a\n      format: word\n",
            r"Test/Rule.yml:7: 'format' must be one of text, markdown, html, not 'word'",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  bad:\n    - fix: a\n",
            r"Test/Rule.yml:6: missing 'text' in an example",
        ),
        (
            "!!python/object/apply:os.system ['echo hacked']\n",
            r"Test/Rule.yml:1: invalid YAML: unsafe or unknown YAML tag "
            r"'tag:yaml.org,2002:python/object/apply:os.system' refused",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\ntokens: [b]\n",
            r"Test/Rule.yml:4: invalid YAML: duplicate key 'tokens'",
        ),
        ("- a list\n", r"Test/Rule.yml:1: a rule file must be a YAML mapping"),
    ],
)
def test_rule_errors_are_located(yaml: str, expected: str) -> None:
    with pytest.raises(SglintError, match=expected):
        make_rule(yaml)


def test_cli_reports_a_bad_rule_in_one_line_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team" / "House"
    pack.mkdir(parents=True)
    (pack / "Bad.yml").write_text("extends: existence\nmessage: x\ntokenz: [a]\n")
    (tmp_path / ".sglint.yaml").write_text("paths: [team]\n")
    (tmp_path / "draft.txt").write_text("a draft\n")
    code = main(["check", str(tmp_path / "draft.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [
        f"sglint: error: {pack / 'Bad.yml'}:3: unknown key 'tokenz' for a rule of kind "
        "'existence'; did you mean 'tokens'?"
    ]
    assert "Traceback" not in err


def test_rule_error_is_a_sglint_error() -> None:
    assert issubclass(RuleError, SglintError)


def test_bare_off_in_profiles_means_off() -> None:
    """YAML 1.1 reads a bare ``off`` as false; in ``profiles`` it means the rule is off."""
    rule = make_rule("extends: existence\nmessage: x\ntokens: [a]\nprofiles: {news: off}\n")
    assert rule.meta.profiles == {"news": "off"}
    with pytest.raises(
        RuleError,
        match="'profiles' must be a mapping of profiles to levels "
        r"\('news' has the boolean true\)",
    ):
        make_rule("extends: existence\nmessage: x\ntokens: [a]\nprofiles: {news: on}\n")
