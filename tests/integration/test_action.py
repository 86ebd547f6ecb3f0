"""The GitHub Action (action.yml): its two shell steps, run here on fixture repositories.

What needs GitHub itself (the runner turning commands into annotations, setup-python,
the SARIF upload) cannot run here; the README says how to try it. The install step is
run for real once (a virtual environment and a wheel of this repository, about 6 s) and
the lint step then uses that sglint, as the action does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from gitrepo import ROOT, clean_env, commit, git, new_repo

SCRIPTS = ROOT / "scripts" / "action"
BAD = "The police investigate care gangs.\n"

BASE_FILES = {
    "press/old.txt": BAD,  # unchanged in the pull request: not linted
    "press/gone.md": "Removed in the pull request.\n",
    "LICENSE": BAD,
}
PR_FILES = {
    "press/new, 100% draft.md": "# Arrests\n\nThey investigate care gangs.\n",
    "press/clean.HTML": "<p>The police investigate grooming gangs.</p>\n",
    "press/notes.py": f"# {BAD}",  # not a draft
    "tests/fixture.txt": BAD,  # a draft, excluded by pathspec in one case below
}


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def action_copy(dest: Path) -> Path:
    """The action's folder as a runner checks it out: the repository's files (tracked or
    new, as they are in the working tree) without ignored ones, so a stale ``build/`` left
    by an earlier local build cannot put a deleted rule file into the installed wheel."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is gone
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


@pytest.fixture(scope="module")
def sglint_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    runner = tmp_path_factory.mktemp("runner")
    github_path = runner / "github_path"
    action = action_copy(tmp_path_factory.mktemp("action"))
    done = subprocess.run(
        ["bash", str(SCRIPTS / "install.sh")],
        env=clean_env(
            RUNNER_TEMP=str(runner), GITHUB_PATH=str(github_path), GITHUB_ACTION_PATH=str(action)
        ),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("sglint ")
    (folder,) = github_path.read_text().splitlines()
    return Path(folder)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A remote with ``main`` and a pull request branch ``feature``; returns (repo, base)."""
    repo = new_repo(tmp_path_factory.mktemp("remote") / "origin", BASE_FILES)
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "press" / "gone.md").unlink()
    commit(repo, PR_FILES)
    git(repo, "checkout", "-q", "main")
    return repo, base


def clone(upstream: Path, dest: Path, *args: str) -> Path:
    git(dest.parent, "clone", "-q", *args, "--branch", "feature", upstream.as_uri(), dest.name)
    return dest


@pytest.fixture
def work(upstream: tuple[Path, str], tmp_path: Path) -> Path:
    """A full clone with the pull request branch checked out."""
    return clone(upstream[0], tmp_path / "work")


def run_action(
    cwd: Path, sglint_bin: Path, tmp_path: Path, **settings: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    files = {name: tmp_path / name for name in ("output", "summary")}
    env = clean_env(
        SGLINT=str(sglint_bin / "sglint"),
        GITHUB_OUTPUT=str(files["output"]),
        GITHUB_STEP_SUMMARY=str(files["summary"]),
        **settings,
    )
    done = subprocess.run(
        ["bash", str(SCRIPTS / "lint-changed.sh")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    written = {k: p.read_text(encoding="utf-8") if p.exists() else "" for k, p in files.items()}
    return done, written


def annotated(stdout: str) -> list[str]:
    return re.findall(r"^::\w+ file=([^,]*),", stdout, flags=re.M)


def test_action_runs_its_scripts_with_inputs_as_environment() -> None:
    action = load(ROOT / "action.yml")
    assert action["runs"]["using"] == "composite"
    inputs = set(action["inputs"])
    steps = action["runs"]["steps"]
    scripts = [s["run"] for s in steps if "run" in s]
    assert scripts == [
        'bash "$GITHUB_ACTION_PATH/scripts/action/install.sh"',
        'bash "$GITHUB_ACTION_PATH/scripts/action/lint-changed.sh"',
    ]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"]  # no input pasted into shell code
        for value in step.get("env", {}).values():
            for name in re.findall(r"inputs\.([\w-]+)", value):
                assert name in inputs
    lint_env = next(s for s in steps if s.get("id") == "lint")["env"]
    script = (SCRIPTS / "lint-changed.sh").read_text()
    for variable in lint_env:
        assert f"${{{variable}" in script, variable


def test_example_workflow_uploads_the_sarif_the_action_writes() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "sglint.yml")
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    lint = next(s for s in steps if s.get("uses") == "./")
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload"))
    assert upload["with"]["sarif_file"] == lint["with"]["sarif-file"]
    assert "always()" in upload["if"]
    # a fork's pull request has a read-only token: the upload is skipped there
    assert "head.repo.full_name == github.repository" in upload["if"]
    assert workflow["permissions"] == {
        "contents": "read",
        "actions": "read",
        "security-events": "write",
    }


def test_actions_used_are_the_current_majors() -> None:
    """December 2026: checkout v6, setup-python v6, codeql-action v4 (v3 is deprecated)."""
    used = re.findall(
        r"uses: ([\w./-]+@\S+)",
        (ROOT / "action.yml").read_text() + (ROOT / ".github/workflows/sglint.yml").read_text(),
    )
    assert sorted(set(used) - {"./"}) == [
        "actions/checkout@v6",
        "actions/setup-python@v6",
        "github/codeql-action/upload-sarif@v4",
    ]


def test_readme_workflow_is_the_repositorys_own() -> None:
    """The README's example is the repository's workflow, with `uses:` naming the action
    at a release tag instead of ./ and `paths:` a drafts folder: nothing else differs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### On pull requests: GitHub Actions") :]
    example = re.search(r"```yaml\n(.*?)```", section, flags=re.S)
    assert example is not None
    own = (ROOT / ".github" / "workflows" / "sglint.yml").read_text(encoding="utf-8")
    own = own[own.index("name: sglint") :]

    def normal(text: str) -> str:
        text = re.sub(r"(?m)^(\s+uses: )(\./|<owner>/sglint@v[\d.]+)( #.*)?$", r"\1ACTION", text)
        return re.sub(r"(?m)^(\s+paths: ).*$", r"\1PATHS", text)

    assert normal(example.group(1)) == normal(own)
    assert "uses: <owner>/sglint@v" in example.group(1)


def test_pull_request_lints_only_changed_drafts(
    work: Path, sglint_bin: Path, tmp_path: Path
) -> None:
    sarif_file = tmp_path / "sglint.sarif"
    done, written = run_action(
        work, sglint_bin, tmp_path, SGLINT_BASE="main", SGLINT_SARIF=str(sarif_file)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    # Only the changed drafts: the .HTML one (suffixes ignore case) is clean.
    assert "::group::sglint: 3 draft(s) to lint" in done.stdout
    assert annotated(done.stdout) == ["press/new%2C 100%25 draft.md", "tests/fixture.txt"]
    assert (
        "::error file=press/new%2C 100%25 draft.md,line=3,col=18,endLine=3,endColumn=28,"
        "title=Safeguarding.Mistranslations::Use 'grooming gangs' instead of 'care gangs'."
        in done.stdout
    )
    assert written["output"] == "files=3\n"
    assert written["summary"].startswith("### sglint\n```\n")
    assert "Found 2 problems (2 errors) in 2 of 3 files." in written["summary"]
    log = json.loads(sarif_file.read_text(encoding="utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"press/new%2C%20100%25%20draft.md", "tests/fixture.txt"}


def test_shallow_checkout_fetches_the_base_commit(
    upstream: tuple[Path, str], sglint_bin: Path, tmp_path: Path
) -> None:
    # actions/checkout's default: one commit, no base branch; the base arrives as a sha.
    work = clone(upstream[0], tmp_path / "work", "--depth", "1")
    done, _ = run_action(
        work,
        sglint_bin,
        tmp_path,
        SGLINT_BASE=upstream[1],
        SGLINT_PATHS=". :(exclude)tests",
        SGLINT_ARGS="--select Safeguarding",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert annotated(done.stdout) == ["press/new%2C 100%25 draft.md"]


def test_a_clean_changed_draft_passes(work: Path, sglint_bin: Path, tmp_path: Path) -> None:
    done, _ = run_action(
        work, sglint_bin, tmp_path, SGLINT_BASE="main", SGLINT_PATHS="press/clean.HTML"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert annotated(done.stdout) == []


def test_nothing_changed_writes_an_empty_report(
    work: Path, sglint_bin: Path, tmp_path: Path
) -> None:
    sarif_file = tmp_path / "sglint.sarif"
    done, written = run_action(
        work,
        sglint_bin,
        tmp_path,
        SGLINT_BASE="main",
        SGLINT_EXTENSIONS="rst",
        SGLINT_SARIF=str(sarif_file),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "sglint: no drafts changed; nothing to lint.\n"
    assert written == {"output": "files=0\n", "summary": ""}
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["runs"][0]["results"] == []


@pytest.mark.parametrize("base", ["", "0" * 40])
def test_without_a_base_every_draft_is_linted(
    work: Path, sglint_bin: Path, tmp_path: Path, base: str
) -> None:
    done, _ = run_action(work, sglint_bin, tmp_path, SGLINT_BASE=base)
    assert done.returncode == 1
    assert annotated(done.stdout) == [
        "press/new%2C 100%25 draft.md",
        "press/old.txt",
        "tests/fixture.txt",
    ]


def test_unknown_base_is_an_error(work: Path, sglint_bin: Path, tmp_path: Path) -> None:
    sarif_file = tmp_path / "sglint.sarif"
    done, _ = run_action(
        work, sglint_bin, tmp_path, SGLINT_BASE="no-such-branch", SGLINT_SARIF=str(sarif_file)
    )
    assert done.returncode == 2
    assert "::error title=sglint::cannot find or fetch the base 'no-such-branch'" in done.stderr
    # the report is valid all the same, so the upload step does not fail on it
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["runs"][0]["results"] == []


def test_annotations_beyond_githubs_limit_are_announced_first(
    sglint_bin: Path, tmp_path: Path
) -> None:
    repo = new_repo(tmp_path / "many", {"draft.txt": (BAD + "\n") * 11, "small.txt": BAD})
    done, _ = run_action(repo, sglint_bin, tmp_path, SGLINT_BASE="")
    assert done.returncode == 1
    commands = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert commands[2] == (
        "::notice title=sglint::12 errors, 0 warnings and 0 suggestions; "
        "GitHub shows 10 of each here. The job summary lists all."
    )
    assert len(annotated(done.stdout)) == 12

    done, _ = run_action(repo, sglint_bin, tmp_path, SGLINT_BASE="", SGLINT_PATHS="small.txt")
    assert "title=sglint::" not in done.stdout


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ("rules:\n  Safeguarding.Mistranslation: off\n", "file=.sglint.yaml,line=2,"),
        ("rulez: {}\n", "file=.sglint.yaml,line=1,"),
    ],
)
def test_a_configuration_error_is_one_annotation_and_a_valid_report(
    sglint_bin: Path, tmp_path: Path, config: str, where: str
) -> None:
    repo = new_repo(tmp_path / "bad", {"draft.txt": BAD, ".sglint.yaml": config})
    sarif_file = tmp_path / "sglint.sarif"
    done, written = run_action(
        repo, sglint_bin, tmp_path, SGLINT_BASE="", SGLINT_SARIF=str(sarif_file)
    )
    assert done.returncode == 2
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and errors[0].startswith(f"::error {where}title=sglint::")
    logged = [line for line in done.stderr.splitlines() if line.startswith("sglint: error: ")]
    assert len(logged) == 1 and "/.sglint.yaml:" in logged[0]
    assert written["summary"].count("sglint: error: ") == 1
    log = json.loads(sarif_file.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []


def test_changed_word_drafts_are_linted_and_annotated_with_their_paragraph(
    sglint_bin: Path, tmp_path: Path
) -> None:
    from wordfiles import draft

    repo = new_repo(tmp_path / "repo", {"README.md": "# Drafts\n"})
    draft(repo / "press" / "draft.docx", [(None, ["Police found child pornography."])])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", "a Word draft")
    done, written = run_action(repo, sglint_bin, tmp_path, SGLINT_BASE="", SGLINT_PATHS="press")
    assert done.returncode == 1, done.stdout + done.stderr
    assert annotated(done.stdout) == ["press/draft.docx"]
    assert (
        "::error file=press/draft.docx,line=1,col=14,endLine=1,endColumn=31,"
        "title=Safeguarding.AbuseMaterial::" in done.stdout
    )
    assert "%0A%0AParagraph 1: Police found child pornography." in done.stdout
    assert written["output"] == "files=1\n"
