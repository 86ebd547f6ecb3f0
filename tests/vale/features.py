"""Vale style packages' own Cucumber tests, read and run against sglint.

A package folder holds ``features/*.feature`` (Gherkin scenarios), ``features/steps.rb``
(the step that runs Vale) and ``fixtures/<Case>/`` (a ``.vale.ini`` and the files to
lint). The scenarios' steps are interpreted here:

- ``When I test "<Case>"``: the package's own step from ``steps.rb``, which cds to a
  folder (relative to aruba's working folder ``<package>/tmp/aruba``) and runs Vale's
  command line there;
- aruba's ``When I cd to "<dir>"`` and ``When I run `<command>` ``;
- ``Then the output should contain exactly:`` + a doc string, and
  ``Then the exit status should be <n>``.

``vale <args>`` is run as ``sglint check <args>`` in-process, with the working folder
changed as Vale's would be. The alerts (stdout) are compared; sglint's notices on stderr
(a toggle naming no rule, a Vale setting sglint ignores) are shown when a scenario fails.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

_SCENARIO = re.compile(r"^\s*Scenario(?: Outline)?:\s*(.+?)\s*$")
_STEP = re.compile(r"^\s*(Given|When|Then|And|But)\s+(.+?)\s*$")
_CMD = re.compile(r"""^\s*cmd\s*=\s*(['"])(.+)\1\s*$""", re.M)
_TEST_STEP = re.compile(r"""When\(/\^I test "\(\.\*\)"\$/\)\s+do\s*\|\w+\|(.*?)\nend""", re.S)
_CD = re.compile(r'I cd to "([^"]*)"')


@dataclass
class Step:
    keyword: str
    text: str
    doc: str | None = None


@dataclass
class Scenario:
    package: Path
    feature: Path
    name: str
    line: int
    steps: list[Step] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.package.name}:{self.name}"


def _dedent_doc(lines: list[str], indent: int) -> str:
    return "\n".join(
        line[indent:] if line[:indent].strip() == "" else line.lstrip() for line in lines
    )


def parse_feature(path: Path, package: Path) -> list[Scenario]:
    """Scenarios of one ``.feature`` file; commented-out lines are skipped."""
    scenarios: list[Scenario] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        i += 1
        if stripped.startswith("#") or not stripped:
            continue
        m = _SCENARIO.match(line)
        if m:
            scenarios.append(Scenario(package, path, m.group(1), i))
            continue
        m = _STEP.match(line)
        if m and scenarios:
            scenarios[-1].steps.append(Step(m.group(1), m.group(2)))
            continue
        if stripped in ('"""', "```") and scenarios and scenarios[-1].steps:
            indent = len(line) - len(line.lstrip())
            body: list[str] = []
            while i < len(lines) and lines[i].strip() != stripped:
                body.append(lines[i])
                i += 1
            i += 1
            scenarios[-1].steps[-1].doc = _dedent_doc(body, indent)
    return scenarios


@dataclass(frozen=True)
class Steps:
    """What a package's ``steps.rb`` says ``I test "<Case>"`` does."""

    command: str
    cd_template: str  # with {case} for the step's argument


def read_steps(package: Path) -> Steps:
    text = (package / "features" / "steps.rb").read_text(encoding="utf-8")
    cmd = _CMD.search(text)
    body = _TEST_STEP.search(text)
    cd = _CD.search(body.group(1)) if body else None
    if cmd is None or cd is None:
        raise ValueError(f"{package}/features/steps.rb: no 'cmd' or 'I test' step found")
    return Steps(cmd.group(2), cd.group(1).replace("#{rule}", "{case}"))


def discover(packages_root: Path) -> Iterator[Scenario]:
    """Every scenario of every package folder directly under ``packages_root``."""
    for package in sorted(p for p in packages_root.iterdir() if (p / "features").is_dir()):
        for feature in sorted((package / "features").glob("*.feature")):
            yield from parse_feature(feature, package)


@dataclass
class Outcome:
    output: str = ""  # stdout: Vale's alerts
    errors: str = ""  # stderr: sglint's notices (Vale's unknown-toggle silence, for one)
    status: int = 0


def _run_vale(command: str, cwd: Path, package: Path) -> Outcome:
    """Run one ``vale`` step as sglint would, with the package as the project: a
    package's fixtures reach its styles through ``StylesPath = ../../``, and outside a
    git checkout the boundary would otherwise stop at the fixture's own folder."""
    from unittest import mock

    from lint import boundary
    from lint.cli import main

    argv = shlex.split(command)
    if not argv or argv[0] != "vale":
        raise ValueError(f"only 'vale' commands can be run, not {command!r}")
    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with (
            mock.patch.object(boundary, "project_root", lambda _config, _start: package),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                status = main(["check", *argv[1:]])
            except SystemExit as exc:
                status = int(exc.code or 0)
    finally:
        os.chdir(previous)
    return Outcome(out.getvalue(), err.getvalue(), status)


def _normalise(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip().splitlines()]


def run_scenario(scenario: Scenario) -> list[str]:
    """Problems found running the scenario; empty when it passes."""
    steps = read_steps(scenario.package)
    cwd = scenario.package / "tmp" / "aruba"  # aruba's working folder
    outcome: Outcome | None = None
    problems: list[str] = []
    for step in scenario.steps:
        text = step.text
        if m := re.fullmatch(r'I test "(.*)"', text):
            cwd = (cwd / steps.cd_template.format(case=m.group(1))).resolve()
            outcome = _run_vale(steps.command + " .", cwd, scenario.package)
        elif m := re.fullmatch(r'I cd to "(.*)"', text):
            cwd = (cwd / m.group(1)).resolve()
        elif m := re.fullmatch(r"I (?:successfully )?run `(.*)`", text):
            outcome = _run_vale(m.group(1), cwd, scenario.package)
        elif text == "the output should contain exactly:":
            got = _normalise(outcome.output if outcome else "")
            want = _normalise(step.doc or "")
            if got != want:
                problems.append(_diff(want, got))
                if outcome and outcome.errors:
                    problems.append("stderr:\n" + outcome.errors)
        elif m := re.fullmatch(r"the exit status should be (\d+)", text):
            status = outcome.status if outcome else None
            if status != int(m.group(1)):
                problems.append(f"exit status {status}, expected {m.group(1)}")
        else:
            problems.append(f"unsupported step: {step.keyword} {text}")
    return problems


def _diff(want: list[str], got: list[str]) -> str:
    import difflib

    return "output differs:\n" + "\n".join(
        difflib.unified_diff(want, got, "expected (Vale)", "sglint", lineterm="")
    )
