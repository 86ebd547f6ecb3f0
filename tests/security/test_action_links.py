"""The Action's script on a fixture repository whose pull request adds a symbolic link
to a file outside it: the link is dropped from the changed files, nothing leaks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import ROOT, clean_env, commit, git, new_repo

from security.hostile import BAD, SECRET

#: The GitHub Action's script in a real git repository: an integration test.
pytestmark = pytest.mark.slow

SCRIPT = ROOT / "scripts" / "action" / "lint-changed.sh"


def test_action_drops_symbolic_links_from_the_changed_files(tmp_path: Path) -> None:
    secret = tmp_path / "runner" / ".credentials"
    secret.parent.mkdir()
    secret.write_text(f"{BAD}token = {SECRET}\n", encoding="utf-8")
    repo = new_repo(tmp_path / "repo", {"press/old.txt": "Fine.\n"})
    base = git(repo, "rev-parse", "HEAD")
    (repo / "press" / "notes.txt").symlink_to(secret)
    (repo / "press" / "config.md").symlink_to(repo / ".git" / "config")
    commit(
        repo,
        {
            "press/new.md": BAD,
            # A draft that would close the summary's code fence and add an image.
            "press/fence.txt": "Care gangs.```\n![x](https://evil.example/p.png)\n",
        },
    )
    summary = tmp_path / "summary"
    done = subprocess.run(
        ["bash", str(SCRIPT)],
        cwd=repo,
        env=clean_env(
            SGLINT=str(Path(sys.executable).parent / "sglint"),
            SGLINT_BASE=base,
            GITHUB_STEP_SUMMARY=str(summary),
            GITHUB_OUTPUT=str(tmp_path / "output"),
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    everything = done.stdout + done.stderr + summary.read_text(encoding="utf-8")
    assert done.returncode == 1, everything  # press/new.md's finding
    assert SECRET not in everything and "[core]" not in everything
    assert "sglint: press/notes.txt is a symbolic link; skipped" in done.stdout
    assert "sglint: press/config.md is a symbolic link; skipped" in done.stdout
    assert (
        "::group::sglint: 2 draft(s) to lint\ndraft: press/fence.txt\ndraft: press/new.md\n"
        "::endgroup::"
    ) in done.stdout
    assert "file=press/new.md" in done.stdout
    # The summary's fence is longer than the draft's, so the image stays inside it.
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### sglint\n````\n") and text.endswith("\n````\n")
    assert (tmp_path / "output").read_text(encoding="utf-8") == "files=2\n"
