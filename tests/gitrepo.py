"""Throwaway git repositories for tests of the pre-commit hook and the GitHub Action."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_env(**extra: str) -> dict[str, str]:
    """The environment minus anything git inherited from a caller (a hook running pytest
    sets GIT_DIR and GIT_INDEX_FILE), with a fixed identity for fixture commits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    env.update(
        GIT_AUTHOR_NAME="sglint tests",
        GIT_AUTHOR_EMAIL="tests@sglint.invalid",
        GIT_COMMITTER_NAME="sglint tests",
        GIT_COMMITTER_EMAIL="tests@sglint.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    env.update(extra)
    return env


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=clean_env(), check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def new_repo(path: Path, files: dict[str, str], branch: str = "main") -> Path:
    """A repository at ``path`` whose first commit holds ``files``."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", branch)
    write(path, files)
    git(path, "add", "-A")
    git(path, "commit", "-q", "--no-gpg-sign", "-m", "first")
    return path


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def commit(repo: Path, files: dict[str, str], message: str = "change") -> str:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", message)
    return git(repo, "rev-parse", "HEAD")
