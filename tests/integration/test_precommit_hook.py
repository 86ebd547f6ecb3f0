"""The pre-commit hook, run by the real pre-commit against this repository.

``pre-commit try-repo`` builds the hook's virtual environment from the repository (from a
snapshot commit when the working tree has uncommitted changes), installing sglint from
PyPI-style packages exactly as a team's ``rev:`` would. About 5 s per run here, 11 s for
this file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import ROOT, clean_env, git, new_repo, write

BAD = "The police investigate care gangs.\n"
GOOD = "The police investigate grooming gangs.\n"


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=clean_env(PRE_COMMIT_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=600,
    )


def try_repo(cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    # No --files: the hook gets what is staged, as it does on `git commit`.
    return pre_commit(cwd, home, "try-repo", str(ROOT), "sglint", "--color", "never")


@pytest.mark.parametrize(
    "args", [("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config",)]
)
def test_hook_files_are_valid(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = pre_commit(ROOT, tmp_path, *args)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_fails_on_a_staged_error_and_passes_a_clean_draft(tmp_path: Path) -> None:
    repo = new_repo(
        tmp_path / "drafts",
        {"README.md": "# Drafts\n", ".sglint.yaml": "exclude:\n  - archive/*\n"},
    )
    home = tmp_path / "pre-commit-home"
    write(
        repo,
        {
            "press/bad.txt": BAD,
            "press/good.md": GOOD,
            # Not drafts: no suffix sglint reads, though identify calls LICENSE plain text.
            "LICENSE": BAD,
            "press/notes.py": f"# {BAD}",
            # Excluded in .sglint.yaml: passed by pre-commit, skipped by --force-exclude.
            "archive/old.txt": BAD,
            # Not staged: pre-commit must not pass it.
            "press/unstaged.txt": BAD,
        },
    )
    git(repo, "add", "press/bad.txt", "press/good.md", "LICENSE", "press/notes.py", "archive")

    failed = try_repo(repo, home)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "sglint (safeguarding language)" in out and "Failed" in out
    assert (
        "press/bad.txt:1:24: error Safeguarding.Mistranslations "
        "Use 'grooming gangs' instead of 'care gangs'." in out
    )
    # Exactly the two staged drafts were checked: one with the problem, one clean.
    assert "Found 1 problem (1 error) in 1 of 2 files." in out
    for other in ("unstaged.txt", "LICENSE", "notes.py", "archive"):
        assert other not in out

    git(repo, "commit", "-q", "--no-gpg-sign", "--no-verify", "-m", "drafts")
    write(repo, {"press/good.md": GOOD + "\nThe taskforce made 500 arrests.\n"})
    git(repo, "add", "press/good.md")

    passed = try_repo(repo, home)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "sglint (safeguarding language)" in out and "Passed" in out


def test_hook_checks_staged_word_drafts(tmp_path: Path) -> None:
    from wordfiles import draft

    repo = new_repo(tmp_path / "drafts", {"README.md": "# Drafts\n"})
    draft(repo / "press" / "draft.docx", [(None, ["Police found child pornography."])])
    (repo / "press" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not a draft
    git(repo, "add", "press")
    failed = try_repo(repo, tmp_path / "pre-commit-home")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "press/draft.docx:1:14: error Safeguarding.AbuseMaterial" in out
    assert "Found 1 problem (1 error) in 1 of 1 file." in out
