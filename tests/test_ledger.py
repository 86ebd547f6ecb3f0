"""The ledger of reviewed findings (.sglint-reviewed.json): `sglint baseline`, `sglint
check --review` (answered from a script on standard input), `sglint check` honouring
it, `--fix` leaving kept words alone, and `sglint stats --acceptance`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.ledger import LEDGER_NAME

DRAFT = "Police investigate care gangs in the town.\n\nThe 16 year old girl was found.\n"
WRONG_TERM = "Safeguarding.Mistranslations"
AGE = "Numbers.AgeHyphens"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".sglint.yaml").write_text("profile: standard\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SGLINT_NO_CACHE", "1")
    return tmp_path


def _found(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["check", "--format", "json", *args, "draft.md"])
    return code, sorted(f["rule"] for f in json.loads(capsys.readouterr().out))


def test_baseline_quietens_findings_until_their_words_change(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _found(capsys) == (1, [AGE, WRONG_TERM])
    assert main(["baseline"]) == 0
    assert "2 new finding(s) recorded" in capsys.readouterr().out
    ledger = json.loads((project / LEDGER_NAME).read_text(encoding="utf-8"))
    assert {(f["rule"], f["path"], f["match"]) for f in ledger["findings"]} == {
        (AGE, "draft.md", "16 year old"),
        (WRONG_TERM, "draft.md", "care gangs"),
    }
    assert _found(capsys) == (0, [])

    # an unrelated edit elsewhere: still quiet
    draft = project / "draft.md"
    draft.write_text("A new opening paragraph.\n\n" + DRAFT, encoding="utf-8")
    assert _found(capsys) == (0, [])
    # the words round a finding change: it comes back; a new finding is reported
    draft.write_text(DRAFT.replace("in the town", "in Leeds") + "\nNew care gangs.\n", "utf-8")
    code, rules = _found(capsys)
    assert code == 1 and rules == [WRONG_TERM, WRONG_TERM]


def test_fix_leaves_kept_words_alone(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["baseline"])
    draft = project / "draft.md"
    draft.write_text(DRAFT + "\nNew care gangs.\n", encoding="utf-8")
    assert main(["check", "--fix", "draft.md"]) == 0
    assert draft.read_text(encoding="utf-8") == DRAFT + "\nNew grooming gangs.\n"
    assert "fix not applied" not in capsys.readouterr().err


def test_review_from_a_script_and_acceptance(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # first finding (care gangs): changed; second (16 year old): kept as written
    monkeypatch.setattr("sys.stdin", io.StringIO("x\nc\nk\n"))
    assert main(["check", "--review", "--color", "never", "draft.md"]) == 1
    out = capsys.readouterr().out
    assert out.count("[k]eep as written") == 3  # one answer was not understood
    assert "2 finding(s) decided, 1 still in the copy." in out
    # the kept one is quiet; the changed one is reported until the words change
    assert _found(capsys) == (1, [WRONG_TERM])

    assert main(["stats", "--acceptance", "--format", "json"]) == 0
    rows = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[WRONG_TERM] == {
        "rule": WRONG_TERM,
        "kept": 0,
        "changed": 1,
        "baseline": 0,
        "changed_share": 1.0,
    }
    assert rows[AGE]["kept"] == 1 and rows[AGE]["changed_share"] == 0.0
    assert main(["stats", "--acceptance"]) == 0
    assert "100% of reviewed findings led to a change" in capsys.readouterr().out


def test_review_ends_cleanly_when_input_ends(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["check", "--review", "draft.md"]) == 1
    assert "0 finding(s) decided, 2 still in the copy." in capsys.readouterr().out
    assert not (project / LEDGER_NAME).exists()


def test_a_broken_ledger_is_one_located_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / LEDGER_NAME).write_text('{"format": 1, "findings": [{"rule": 3}]}', "utf-8")
    assert main(["check", "draft.md"]) == 2
    assert f"{LEDGER_NAME}: finding 1 needs rule" in capsys.readouterr().err
