"""Vale's published style packages, run through sglint and held to their own tests.

Each scenario of each package's ``features/*.feature`` is one test: sglint runs in the
fixture folder the way the package's ``steps.rb`` runs Vale, and its output must equal
the scenario's expected output line for line.

Packages come from ``<repo>/../shared/vale-styles`` when that folder exists, else from the
vendored copy in ``tests/vale/styles``; any package dropped into ``tests/vale/packages``
(the same ``features/`` + ``fixtures/`` layout, one folder a package) runs too, and more
folders of packages can be named in ``SGLINT_VALE_STYLES``, separated by ``os.pathsep``.
``known_failures.txt`` lists scenarios that do not pass yet, one a line with its reason;
a listed scenario that passes fails the suite, so the list stays honest.
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest

from vale.features import Scenario, discover, run_scenario

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VENDORED = HERE / "styles"
SHARED = REPO.parent / "shared" / "vale-styles"
KNOWN_FAILURES = HERE / "known_failures.txt"
DROPPED = HERE / "packages"  # packages dropped in by hand (none are committed)


def package_roots() -> list[Path]:
    roots = [SHARED if SHARED.is_dir() else VENDORED]
    roots += [DROPPED] if DROPPED.is_dir() else []
    extra = os.environ.get("SGLINT_VALE_STYLES", "")
    roots += [Path(p).resolve() for p in extra.split(os.pathsep) if p.strip()]
    return roots


def known_failures() -> dict[str, str]:
    """``Package:Scenario name  # reason`` lines → {id: reason}."""
    out = {}
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            scenario, _, reason = line.partition("#")
            out[scenario.strip()] = reason.strip()
    return out


SCENARIOS: list[Scenario] = [s for root in package_roots() for s in discover(root)]
KNOWN = known_failures()


def test_scenarios_found() -> None:
    assert len(SCENARIOS) >= 42, [s.id for s in SCENARIOS]


def test_known_failures_name_real_scenarios() -> None:
    ids = {s.id for s in SCENARIOS}
    assert not set(KNOWN) - ids, f"stale entries in {KNOWN_FAILURES.name}"
    assert all(KNOWN.values()), "every known failure needs a reason"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    problems = run_scenario(scenario)
    if scenario.id in KNOWN:
        if not problems:
            pytest.fail(f"{scenario.id} passes now: remove it from {KNOWN_FAILURES.name}")
        pytest.xfail(KNOWN[scenario.id])
    assert not problems, f"{scenario.feature}:{scenario.line}\n" + "\n".join(problems)


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/vale-styles beside the repository")
def test_vendored_copy_matches_shared() -> None:
    """tests/vale/styles is a copy of the shared packages (their .gitignore files aside)."""

    def differences(cmp: filecmp.dircmp[str]) -> list[str]:
        out = [f"{cmp.left}/{n}" for n in cmp.left_only + cmp.diff_files if n != ".gitignore"]
        out += [f"{cmp.right}/{n}" for n in cmp.right_only]
        for sub in cmp.subdirs.values():
            out += differences(sub)
        return out

    packages = sorted(p.name for p in SHARED.iterdir() if p.is_dir())
    assert packages == sorted(p.name for p in VENDORED.iterdir() if p.is_dir())
    for name in packages:
        assert not differences(filecmp.dircmp(SHARED / name, VENDORED / name)), name
