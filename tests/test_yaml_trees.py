"""Parsed YAML trees kept in the cache folder (lint.yamlload): the same tree and lines
as a fresh parse, read back without PyYAML, parsed again when the text or the kept file
changes, and a run that only reports imports neither ``yaml`` nor ``regex``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint import yamlload
from lint.yamlload import LineDict, load_yaml

RULE = """\
extends: existence
message: "{message}"
level: warning
tokens: [synergy]
examples:
  bad: ["We want synergy."]
  good: ["We want teamwork."]
"""

TEXT = """\
extends: substitution   # a comment
message: "Use '%s', not '%s'."
level: error
swap:
  care gangs: grooming gangs
  "null key": ~
numbers: [1, -2.5, 0x10, true, null]
nested:
  - {a: 1, b: [x, y]}
  - plain
"""


def _lines(tree: Any) -> Any:
    """A tree with every mapping's own line and its keys' lines written out."""
    if isinstance(tree, LineDict):
        return {"line": tree.line, "keys": {k: [tree.lines[k], _lines(v)] for k, v in tree.items()}}
    if isinstance(tree, list):
        return [_lines(v) for v in tree]
    return tree


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("yaml-*.json"))


def test_a_tree_comes_back_from_the_cache_folder_as_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    parsed = load_yaml(TEXT, "rule.yml")
    assert len(_cached(tmp_path)) == 1

    def no_parse(*_args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlload, "_parse", no_parse)
    again = load_yaml(TEXT, "rule.yml")
    assert _lines(again) == _lines(parsed)
    assert again == parsed and isinstance(again, LineDict) and again is not parsed
    assert again.line_of("swap") == 4 and again["swap"].line_of("null key") == 6


def test_a_changed_text_is_parsed_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    assert load_yaml("level: error\n", "a.yml") == {"level": "error"}
    assert load_yaml("level: warning\n", "a.yml") == {"level": "warning"}
    assert len(_cached(tmp_path)) == 2


@pytest.mark.parametrize(
    "doctored",
    [
        b"not json",
        json.dumps({"d": [["level", 1, {"x": 1}]], "n": 1}).encode(),  # a foreign node
        json.dumps({"d": [["level", "one", "error"]], "n": 1}).encode(),  # a line as text
        json.dumps({"d": [["a", 1, 1], ["a", 2, 2]], "n": 1}).encode(),  # a key twice
        json.dumps({"l": [1], "n": 1}).encode(),
        json.dumps({"d": [["level", 1, {"date": "May 2024"}]], "n": 1}).encode(),
    ],
)
def test_a_doctored_tree_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doctored: bytes
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    text = "level: error\n"
    load_yaml(text, "a.yml")
    (kept,) = _cached(tmp_path)
    header = kept.read_bytes().split(b"\n", 1)[0]
    kept.write_bytes(header + b"\n" + doctored)  # the hash no longer matches
    assert load_yaml(text, "a.yml") == {"level": "error"}
    if doctored == b"not json":
        return
    # …nor does a well-hashed file of the wrong shape get through
    from lint import diskcache

    diskcache.write(kept.name, json.loads(doctored))
    assert _lines(load_yaml(text, "a.yml")) == {"line": 1, "keys": {"level": [1, "error"]}}


@pytest.mark.parametrize(
    "text",
    [
        "when: 2024-05-21\n",
        "at: 2024-05-21 10:30:00\n",
        "big: .inf\n",
        f"huge: {10**30}\n",
        "[1, 2]\n",
    ],
)
def test_what_json_cannot_keep_is_parsed_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    first = load_yaml(text, "a.yml")
    assert load_yaml(text, "a.yml") == first
    kept = len(_cached(tmp_path))
    # a list and a date are kept; a time stamp, an infinity and a huge number are not
    assert kept == (1 if text in ("[1, 2]\n", "when: 2024-05-21\n") else 0)


def test_a_lone_surrogate_is_not_kept() -> None:
    tree = LineDict({"odd": "\ud800"})
    tree.lines = {"odd": 1}
    with pytest.raises(yamlload._NotATree):
        yamlload._encode(tree)


def test_errors_are_the_same_and_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        with pytest.raises(yamlload.SglintError, match="duplicate key"):
            load_yaml("a: 1\na: 2\n", "a.yml")
    assert _cached(tmp_path) == []


def test_a_changed_rule_file_changes_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kept trees are named by the text's digest: editing a rule file between runs
    (each run a new process) gives the new rule, never the kept tree of the old one."""
    cache = tmp_path / "cache"
    pack = tmp_path / "styles" / "Team"
    pack.mkdir(parents=True)
    rule = pack / "Jargon.yml"
    (tmp_path / ".sglint.yaml").write_text("paths: [styles]\nbuiltin: false\n")
    (tmp_path / "draft.txt").write_text("We want synergy.\n")
    env = {"SGLINT_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    messages = []
    for message in ("Avoid jargon.", "Say what you mean."):
        rule.write_text(RULE.format(message=message))
        run = subprocess.run(
            [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", "draft.txt"],
            cwd=tmp_path,
            env={**_base_env(), **env},
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr  # a warning does not fail
        messages.append([f["message"] for f in json.loads(run.stdout)])
    assert messages == [["Avoid jargon."], ["Say what you mean."]]
    assert len(_cached(cache)) >= 3  # the config and both versions of the rule


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("SGLINT_")}


def test_a_warm_run_imports_neither_yaml_nor_regex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run whose files are all in the results cache reads its config's kept tree and
    reports: PyYAML and ``regex`` (about 30 ms of a 110 ms run) stay unloaded."""
    (tmp_path / ".sglint.yaml").write_text("profile: standard\n")
    (tmp_path / "draft.txt").write_text("Police said the care gangs were known.\n")
    script = (
        "import sys\n"
        "from lint.cli import main\n"
        "code = main(['check', 'draft.txt'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'regex')))\n"
    )
    env = {**_base_env(), "SGLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
        for _ in range(2)
    ]
    assert runs[0] != "[]"  # the cold run checked the file
    assert runs[1] == "[]"
