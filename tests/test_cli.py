"""The command line: output formats, exit status, walking folders, runaway patterns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.cli import main
from lint.config import Config, active_rules, all_rules, load_config
from lint.finding import LEVEL_MEANINGS, Severity
from lint.initconfig import publisher_kinds

JSON_KEYS = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "severity",
    "message",
    "match",
    "fix",
]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Title\n\nPolice investigate care\ngangs. Café “so care gangs”.\n", encoding="utf-8"
    )
    code, out, _ = _run(
        ["check", "--format", "json", "--select", "Safeguarding.Mistranslations", str(draft)],
        capsys,
    )
    items = json.loads(out)
    assert code == 1
    assert [list(i) for i in items] == [JSON_KEYS, JSON_KEYS]
    first, second = items
    assert first == {
        "path": str(draft),
        "line": 3,
        "column": 20,
        "end_line": 4,
        "end_column": 6,
        "rule": "Safeguarding.Mistranslations",
        "severity": "error",
        "message": "Use 'grooming gangs' instead of 'care gangs'.",
        "match": "care\ngangs",
        "fix": "grooming gangs",
    }
    # Inside direct speech: downgraded, never fixed; columns count code points.
    assert (second["line"], second["column"], second["end_column"]) == (4, 17, 27)
    assert (second["severity"], second["fix"]) == ("suggestion", None)


def test_text_output_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("They investigate care gangs.\n")
    code, out, _ = _run(["check", "--select", "Safeguarding", str(bad)], capsys)
    assert code == 1
    assert out.splitlines()[:3] == [
        f"{bad}:1:18: error Safeguarding.Mistranslations Use 'grooming gangs' instead of "
        "'care gangs'.",
        "    They investigate care gangs.",
        "                     ^^^^^^^^^^",
    ]
    assert out.splitlines()[-2:] == [
        "Found 1 problem (1 error) in 1 of 1 file.",
        "1 fixable with --fix.",
    ]
    assert "\x1b[" not in out  # no colour when not a terminal
    clean = tmp_path / "clean.txt"
    clean.write_text("They investigate grooming gangs.\n")
    assert _run(["check", "--select", "Safeguarding", str(clean)], capsys)[0] == 0


def test_fail_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("The taskforce met. The task force spoke.\n")
    args = ["check", "--select", "Consistency.Taskforce", str(draft)]
    # Only errors fail by default: a house-style warning is printed and passes.
    code, out, _ = _run(args, capsys)
    assert code == 0 and "warning Consistency.Taskforce" in out
    assert _run([*args, "--fail-level", "warning"], capsys)[0] == 1
    (tmp_path / ".sglint.yaml").write_text("fail-level: warning\n")
    assert _run(args, capsys)[0] == 1  # a team raises the fail level in its config
    assert _run([*args, "--fail-level", "error"], capsys)[0] == 0


def test_rules_states_the_level_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["rules", "--select", "Safeguarding.ChildProstitution"], capsys)
    assert code == 0
    for level, meaning in LEVEL_MEANINGS.items():
        assert f"  {level}: {meaning}." in out
    assert "A run fails on findings at error or above" in out
    assert "    level: error: a victim-blaming or minimising term" in out


def test_every_builtin_rule_gives_the_reason_for_its_level() -> None:
    for rule in all_rules(Config()):
        reason = rule.meta.level_reason
        assert reason, f"{rule.meta.id}: no level_reason"
        # The reason names the level the rule runs at by default, under the model.
        assert reason.split(":", 1)[0] == rule.meta.level.label, rule.meta.id


def test_init_writes_a_commented_config_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for kind in publisher_kinds():
        folder = tmp_path / kind
        folder.mkdir()
        code, out, _ = _run(["init", "--profile", kind, str(folder)], capsys)
        written = folder / ".sglint.yaml"
        assert code == 0 and str(written) in out
        text = written.read_text()
        assert text.startswith("# ") and "`sglint init" in text
        config = load_config(written)  # a valid config, every key known
        assert config.fail_level is Severity.ERROR
        active_rules(config)  # its profile exists
        code, _, err = _run(["init", "--profile", kind, str(folder)], capsys)
        assert code == 2 and "already here; not overwritten" in err
        assert written.read_text() == text
    assert {"standard", "govuk", "police", "charity", "news", "practice"} <= set(publisher_kinds())
    code, _, err = _run(["init", "--profile", "newsroom", str(tmp_path)], capsys)
    assert code == 2 and "choose one of" in err
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / ".sglint.yml").write_text("profile: news\n")
    code, _, err = _run(["init", str(tmp_path / "other")], capsys)
    assert code == 2 and ".sglint.yml" in err and not (tmp_path / "other" / ".sglint.yaml").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(["check", "--format", "xml", str(tmp_path)], capsys)
    assert code == 2 and "unknown --format 'xml'" in err
    code, _, err = _run(["check", "--select", "Safeguardin", str(tmp_path)], capsys)
    assert code == 2 and "did you mean 'Safeguarding'" in err
    code, _, err = _run(["check", "--bogus"], capsys)
    assert code == 2 and "unrecognized arguments: --bogus" in err


def test_folders_walk_in_stable_order_skipping_hidden_and_other_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (
        "b/z.md",
        "b/a.txt",
        "a.html",
        ".hidden/x.md",
        "b/.x.md",
        "c/data.json",
        "node_modules/y.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>care gangs</p>" if name.endswith("html") else "care gangs\n")
    code, out, _ = _run(
        ["check", "--format", "json", "--select", "Safeguarding", str(tmp_path)], capsys
    )
    assert code == 1
    paths = [Path(i["path"]).relative_to(tmp_path).as_posix() for i in json.loads(out)]
    assert paths == ["a.html", "b/a.txt", "b/z.md"]


def test_missing_and_binary_files_are_errors_but_the_rest_is_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("care gangs\n")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    code, out, err = _run(
        ["check", "--select", "Safeguarding", str(tmp_path / "nope.md"), str(binary), str(good)],
        capsys,
    )
    assert code == 2
    assert f"sglint: error: {tmp_path / 'nope.md'}: no such file or folder" in err
    assert f"sglint: error: {binary}: binary file, not a text document" in err
    assert "good.txt:1:1" in out


def test_binary_files_in_folders_are_skipped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("fine\n")
    code, _, err = _run(["check", str(tmp_path)], capsys)
    assert code == 0 and err == ""


def test_runaway_pattern_is_bounded_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team" / "Slow"
    pack.mkdir(parents=True)
    (pack / "Backtrack.yml").write_text(
        "extends: existence\nmessage: x\nnonword: true\ntimeout: 0.3\n"
        "tokens: ['(\\w|\\w\\w)*\\d']\n"
    )
    (pack / "Fast.yml").write_text("extends: existence\nmessage: fast\ntokens: [aaa]\n")
    (tmp_path / ".sglint.yaml").write_text("paths: [team]\npacks: [Slow]\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("aaa " + "a" * 80 + "!\n")
    code, out, err = _run(["check", str(draft)], capsys)
    assert code == 2
    assert (
        f"sglint: error: {draft}: Slow.Backtrack: pattern ran longer than 0.3s and was "
        "stopped; rule skipped for this file"
    ) in err
    assert f"{draft}:1:1: warning Slow.Fast fast" in out  # the other rules still ran


def test_rules_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert code == 0
    row = next(r for r in rows if r["id"] == "Safeguarding.Mistranslations")
    assert row["kind"] == "substitution" and row["level"] == "error"
    assert row["why"] and row["source"]


def test_registers_listing_shows_sizes_and_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["registers", "--format", "json"], capsys)
    rows = {r["kind"]: r for r in json.loads(out)}
    assert code == 0
    assert {"organisations", "people", "legislation"} <= set(rows)
    people = rows["people"]
    assert people["as_of"] and people["entries"] >= 30
    assert rows["organisations"]["entries"] >= 150 and rows["organisations"]["checked_to"]
    code, out, _ = _run(["registers"], capsys)
    assert code == 0
    assert "_people.yml  [people," in out and "as of: " in out and out.endswith("registers.\n")


@pytest.mark.slow
def test_python_dash_m_works(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("fine words\n")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(tmp_path / "d.txt")],
        capture_output=True,
        text=True,
        env={**os.environ},
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "No problems in 1 file." in proc.stdout


def test_streamed_json_equals_json_dumps(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON is written file by file; the bytes are those of one json.dumps of the array."""
    seeds = str(Path(__file__).resolve().parent.parent / "seeds")
    main(["check", "--format", "json", "-j", "1", seeds])
    out = capsys.readouterr().out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    empty = Path(seeds).parent / "tests" / "precision" / "clean"
    main(["check", "--format", "json", "--select", "Safeguarding", str(empty)])
    assert capsys.readouterr().out == "[]\n"


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            st.text(),
            st.integers(),
            st.none(),
            st.booleans(),
            st.floats(allow_nan=False),
            st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
            st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_json_items_are_written_as_json_dumps_writes_them(item: dict[str, object]) -> None:
    """The JSON report writes each finding's object by hand (the ``json`` module's
    indented encoder runs in Python): byte for byte ``json.dumps(indent=2)`` in an array."""
    from lint.report.json_format import item_text

    expected = json.dumps([item], ensure_ascii=False, indent=2)
    assert "[\n" + item_text(item) + "\n]" == expected
