"""lint/fixfile.py and ``sglint check --fix/--unsafe-fixes/--diff``: files come back
byte for byte except for the fixes, the write is atomic, and the loop settles."""

from __future__ import annotations

import codecs
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from fix_rules import TERMS, active, builtin, substitution
from seed_snapshot import SEEDS

from lint.cli import main
from lint.config import Config, active_rules
from lint.engine import ActiveRule, check_document
from lint.facts import Facts
from lint.fix import DocumentGuard, fixable, plan_fixes, splice
from lint.fixfile import fix_document, fix_file, unified_diff
from lint.readers import read_bytes, read_text

SEED = SEEDS / "000_4eb367382f9f58e7.txt"
BUILTIN = ["Safeguarding.Mistranslations", "Consistency.Taskforce", "Spelling.Repetition"]


def rules(*ids: str) -> list[ActiveRule]:
    return active(*builtin(*ids))


def sglint(*args: str) -> int:
    return main(["check", "--color", "never", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "sglint" in p.name)


# -- seed 000 ---------------------------------------------------------------------------


@pytest.mark.parametrize("unsafe", [False, True])
def test_seed_fix_then_check(
    tmp_path: Path, unsafe: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / SEED.name
    path.write_bytes(SEED.read_bytes())
    original = SEED.read_text(encoding="utf-8")
    chosen = rules(*BUILTIN)
    before = check_document(read_text(str(path), original), chosen).findings
    flags = ["--unsafe-fixes"] if unsafe else []
    select = ["--select", ",".join(BUILTIN)]

    # --diff writes nothing and exits 1; its hunks hold only lines with fixed findings.
    assert sglint("--diff", *flags, *select, str(path)) == 1
    diff = capsys.readouterr().out
    assert path.read_bytes() == SEED.read_bytes()
    fixed_lines = {f.line for f in before if fixable(f, unsafe=unsafe)}
    removed = [ln[1:] for ln in diff.splitlines() if ln.startswith("-") and ln[:3] != "---"]
    source_lines = original.split("\n")
    assert sorted(source_lines.index(ln) + 1 for ln in removed) == sorted(fixed_lines)

    sglint("--fix", *flags, *select, str(path))
    out = capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    # One pass over the seed's fixes suffices: the file is the original with exactly
    # those spans replaced, and nothing else.
    doc = read_text(str(path), original)
    plan = plan_fixes(original, before, unsafe=unsafe, guard=DocumentGuard(Facts(doc)))
    assert after == splice(original, plan.edits)
    # Every fixable finding is fixed (none of the seed's fixes overlap).
    assert plan.edits
    assert len(plan.edits) == len([f for f in before if fixable(f, unsafe=unsafe)])
    remaining = check_document(read_text(str(path), after), chosen).findings
    assert not [f for f in remaining if fixable(f, unsafe=unsafe)]
    # None of the fixed findings comes back: each (rule, match) left over is one that
    # was never fixable (e.g. the same term inside quoted speech).
    fixed = Counter((f.rule, f.match) for f in plan.fixed)
    before_count = Counter((f.rule, f.match) for f in before)
    after_count = Counter((f.rule, f.match) for f in remaining)
    for key, n in fixed.items():
        assert after_count[key] == before_count[key] - n, key
    left = f"{len(remaining)} remain (" if remaining else "no problems remain"
    assert f"Fixed {len(plan.edits)} problems in 1 file; {left}" in out

    # Idempotent: a second run changes nothing, and --diff has nothing to show.
    assert sglint("--fix", *flags, *select, str(path)) in (0, 1)
    assert path.read_text(encoding="utf-8") == after
    capsys.readouterr()
    assert sglint("--diff", *flags, *select, str(path)) == 0
    assert capsys.readouterr().out == ""


def test_seed_with_every_builtin_rule(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    all_active = active_rules(Config())
    first = fix_file(str(path), all_active, unsafe=True)
    assert first.written and first.result.fixed
    second = fix_file(str(path), all_active, unsafe=True)
    assert not second.changed and second.result.fixed == []
    assert second.result.findings == first.result.findings


# -- bytes, encodings, line endings ------------------------------------------------------

TEXT = (
    "Police say “care gangs” is wrong.\r\n"
    "Care gangs\r\nprey on children, says Napac.\n"
    "café — £1.6m\r\n"
    "Trailing line without newline: care gangs"
)
FIXED = (  # the curly quotes make “care gangs” direct speech, which is never changed
    "Police say “care gangs” is wrong.\r\n"
    "Grooming gangs\r\nprey on children, says NAPAC.\n"
    "café — £1.6m\r\n"
    "Trailing line without newline: grooming gangs"
)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"", "cp1252"),
    ],
)
def test_encoding_bom_and_line_endings_survive(tmp_path: Path, bom: bytes, codec: str) -> None:
    path = tmp_path / "draft.txt"
    original = bom + TEXT.encode(codec)
    if codec == "cp1252":
        original += b" \xe9"  # an é that is not UTF-8, so the file reads as Windows-1252
    path.write_bytes(original)
    chosen = active(*builtin("Safeguarding.Mistranslations"), substitution("Test.Napac", TERMS))
    outcome = fix_file(str(path), chosen)
    assert outcome.result.error is None
    expected = bom + FIXED.encode(codec) + (b" \xe9" if codec == "cp1252" else b"")
    assert path.read_bytes() == expected
    assert len(outcome.result.fixed or ()) == 3
    assert read_bytes(str(path), path.read_bytes()).source == outcome.after


def test_curly_quoted_speech_stays_and_mixed_endings_stay(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    text = "He said: “Care gangs are everywhere.”\r\nThe care gangs\nwere ‘named’.\r\n"
    path.write_bytes(text.encode("utf-8"))
    fix_file(str(path), rules("Safeguarding.Mistranslations"))
    assert (
        path.read_bytes()
        == (
            "He said: “Care gangs are everywhere.”\r\nThe grooming gangs\nwere ‘named’.\r\n"
        ).encode()
    )


def test_unencodable_fix_is_skipped_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    original = "We smile at caf\xe9 care gangs.\n".encode("cp1252")
    path.write_bytes(original)
    config = tmp_path / "rules" / "Test"
    config.mkdir(parents=True)
    (config / "Emoji.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' not '%s'.\"\nlevel: warning\nfix: safe\n"
        'why: test\nsource: test\nswap:\n  smile: "\\U0001F600"\n',
        encoding="utf-8",
    )
    (tmp_path / ".sglint.yaml").write_text("paths: [rules]\n", encoding="utf-8")
    code = sglint("--fix", "--select", "Test,Safeguarding", str(path))
    captured = capsys.readouterr()
    assert path.read_bytes() == "We smile at caf\xe9 grooming gangs.\n".encode("cp1252")
    assert "Test.Emoji: fix not applied: '\U0001f600' cannot be written" in captured.err
    assert "(cp1252)" in captured.err
    assert "Fixed 1 problem in 1 file; 1 remains (1 warning)" in captured.out
    assert code == 1


# -- the write --------------------------------------------------------------------------


def test_permissions_and_symlinks_are_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("Care gangs.\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert fix_file(str(link), rules("Safeguarding.Mistranslations")).written
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "Grooming gangs.\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["write", "fsync", "chmod", "replace"])
def test_a_failed_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failing: str,
) -> None:
    path = tmp_path / "draft.txt"
    original = b"Police investigate care gangs.\r\n"
    path.write_bytes(original)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, fd: int, mode: str) -> None:
                self.file = real_fdopen(fd, mode)

            def __enter__(self) -> FullDisk:
                return self

            def __exit__(self, *exc: object) -> None:
                self.file.close()

            write = boom

        monkeypatch.setattr(os, "fdopen", FullDisk)
    else:
        monkeypatch.setattr(os, failing, boom)
    code = sglint("--fix", "--select", "Safeguarding", str(path))
    monkeypatch.undo()
    assert code == 2
    assert path.read_bytes() == original
    assert leftovers(tmp_path) == []
    assert "cannot write fixes (No space left on device); file left unchanged" in (
        capsys.readouterr().err
    )


def test_a_file_changed_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("care gangs\n", encoding="utf-8")
    import lint.fixfile as fixfile

    real_fix = fixfile.fix_document

    def fix_then_someone_saves(*args: object, **kwargs: object) -> object:
        done = real_fix(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text("care gangs, edited by hand\n", encoding="utf-8")
        return done

    monkeypatch.setattr(fixfile, "fix_document", fix_then_someone_saves)
    outcome = fixfile.fix_file(str(path), rules("Safeguarding.Mistranslations"))
    assert outcome.result.error is not None
    assert "changed on disk while being fixed" in str(outcome.result.error)
    assert path.read_text(encoding="utf-8") == "care gangs, edited by hand\n"


def test_unreadable_input_is_an_error_not_a_write(tmp_path: Path) -> None:
    outcome = fix_file(str(tmp_path / "missing.txt"), rules("Safeguarding.Mistranslations"))
    assert outcome.result.error is not None and not outcome.written


# -- the loop -----------------------------------------------------------------------------


def test_fixes_repeat_until_nothing_changes() -> None:
    # Overlapping repetitions: each pass can take only one of "the the" and "the the".
    doc = read_text("t.txt", "We support the the the the victims.")
    done = fix_document(doc, rules("Spelling.Repetition"), unsafe=True)
    assert done.doc.source == "We support the victims."
    assert done.settled and done.passes == 2 and len(done.fixed) == 3


def test_rules_undoing_each_other_stop_without_looping() -> None:
    there = active(
        substitution("Test.AB", {"alpha": "beta"}), substitution("Test.BA", {"beta": "alpha"})
    )
    doc = read_text("t.txt", "alpha\n")
    done = fix_document(doc, there)
    assert not done.settled
    assert done.doc.source == "beta\n" and done.passes == 1


def test_the_pass_cap_is_respected() -> None:
    grow = active(substitution("Test.Grow", {"(x+)": "$1x"}))
    doc = read_text("t.txt", "x\n")
    done = fix_document(doc, grow, max_passes=4)
    assert done.passes == 4 and not done.settled


# -- output ------------------------------------------------------------------------------


def test_diff_format() -> None:
    assert unified_diff("a.txt", "one\r\ntwo", "one\r\nTWO") == (
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n one\r\n"
        "-two\n\\ No newline at end of file\n+TWO\n\\ No newline at end of file\n"
    )
    assert unified_diff("a.txt", "x\u2028y\n", "x\u2028y\n") == ""


def test_summary_for_json_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The taskforce met. Care gangs and the the task force.\n", encoding="utf-8")
    code = sglint("--fix", "--format", "json", "--select", ",".join(BUILTIN), str(path))
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.startswith("[")
    assert "sglint: Fixed 1 problem in 1 file; 2 remain (2 warnings) in 1 of 1 file." in (
        captured.err
    )


def test_check_hints_at_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The taskforce met. Care gangs and the the task force.\n", encoding="utf-8")
    sglint("--select", ",".join(BUILTIN), str(path))
    assert "1 fixable with --fix (2 more with --unsafe-fixes)." in capsys.readouterr().out
    sglint("--fix", "--unsafe-fixes", "--select", ",".join(BUILTIN), str(path))
    out = capsys.readouterr().out
    assert out == "Fixed 3 problems in 1 file; no problems remain in 1 file.\n"
    assert path.read_text(encoding="utf-8") == (
        "The taskforce met. Grooming gangs and the taskforce.\n"
    )
