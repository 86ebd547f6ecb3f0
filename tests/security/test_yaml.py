"""Item 2 of issue 18: every YAML file goes through one bounded loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.errors import SglintError
from lint.yamlload import MAX_BYTES, MAX_DEPTH, load_yaml

#: The 370-byte file that exhausted 23 GB of memory before.
BILLION_LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def test_an_alias_bomb_config_is_refused_at_once(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 2
    assert done.err == (
        f"sglint: error: {project / '.sglint.yaml'}:1: invalid YAML: anchors and aliases "
        "(& and *) are not allowed\n"
    )


@pytest.mark.parametrize("where", ["team/Team/Rule.yml", "team/Team/_register.yml"])
def test_an_alias_in_a_team_file_is_refused(project: Path, sglint: Any, where: str) -> None:
    (project / "team" / "Team").mkdir(parents=True)
    rule = "extends: existence\nmessage: x\ntokens: &t [care gangs]\nexceptions: *t\n"
    if where.endswith("_register.yml"):
        rule = (
            "extends: people\ncheck: spelling\nmessage: x\nregister: _register.yml\n"
            "examples: {bad: [x], good: [y]}\n"
        )
        (project / where).write_text("people: &p []\nmore: *p\n", encoding="utf-8")
    (project / "team" / "Team" / "Rule.yml").write_text(rule, encoding="utf-8")
    (project / ".sglint.yaml").write_text("paths: [team]\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 2
    assert "invalid YAML: anchors and aliases (& and *) are not allowed" in done.err


def test_too_deep_and_too_large_are_refused() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(SglintError, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_yaml(deep, "deep.yml")
    with pytest.raises(SglintError, match="file too large for a YAML data file"):
        load_yaml("a: " + "x" * MAX_BYTES, "big.yml")


def test_a_large_config_file_is_refused_before_it_is_read(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    done = sglint(project, "check", "drafts")
    assert done.status == 2
    assert "configuration too large" in done.err


def test_a_large_vale_ini_is_refused(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    (project / ".vale.ini").write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    done = sglint(project, "check", "drafts")
    assert (done.status, "configuration too large" in done.err) == (2, True)


def test_an_error_quotes_only_an_excerpt(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").write_text("profile: [" + "y" * 100_000, encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 2 and len(done.err) < 800


_scalars = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
_trees = st.recursive(
    _scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=6), kids, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="ab:-[]{}&*!<>|#'\" \n\t,?%@`0123456789", max_size=200))
def test_fuzzed_yaml_text_loads_or_gives_one_located_error(text: str) -> None:
    try:
        load_yaml(text, "fuzz.yml")
    except SglintError as exc:
        message = str(exc)
        assert message.startswith("fuzz.yml") and "\n" not in message
        assert len(message) <= 700


@settings(max_examples=100, deadline=None)
@given(_trees, st.sampled_from(["&a ", "*a ", "&a [1, *a]"]))
def test_fuzzed_documents_with_anchors_are_refused(tree: object, anchor: str) -> None:
    import yaml

    text = yaml.safe_dump({"k": tree}) + f"z: {anchor}\n"
    try:
        load_yaml(text, "fuzz.yml")
    except SglintError as exc:
        assert "fuzz.yml" in str(exc)
