"""Vale's published style packages, run through sglint and held to their own tests.

Each scenario of each package's ``features/*.feature`` is one test: sglint runs in the
fixture folder the way the package's ``steps.rb`` runs Vale, and its output must equal
the scenario's expected output line for line.

Packages come from ``<repo>/../shared/vale-styles`` when that folder exists, else from the
vendored copy in ``tests/vale/styles.tar.gz`` (one archive rather than 284 files, unpacked
into a temporary folder); any package dropped into ``tests/vale/packages``
(the same ``features/`` + ``fixtures/`` layout, one folder a package) runs too, and more
folders of packages can be named in ``SGLINT_VALE_STYLES``, separated by ``os.pathsep``.
``known_failures.txt`` lists scenarios that do not pass yet, one a line with its reason;
a listed scenario that passes fails the suite, so the list stays honest.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

import pytest

from vale.features import Scenario, discover, run_scenario

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VENDORED = HERE / "styles.tar.gz"
SHARED = REPO.parent / "shared" / "vale-styles"
KNOWN_FAILURES = HERE / "known_failures.txt"
DROPPED = HERE / "packages"  # packages dropped in by hand (none are committed)


def unpacked(archive: Path) -> Path:
    """The vendored packages, unpacked into a temporary folder for this test run."""
    folder = Path(tempfile.mkdtemp(prefix="sglint-vale-styles-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.12, and 3.11.4 on
            tar.extractall(folder, filter="data")
        else:  # our own archive, of plain files only
            tar.extractall(folder)
    return folder


def package_roots() -> list[Path]:
    roots = [SHARED if SHARED.is_dir() else unpacked(VENDORED)]
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
    """tests/vale/styles.tar.gz holds the shared packages byte for byte (their .gitignore
    files aside)."""
    shared = {
        p.relative_to(SHARED).as_posix(): p.read_bytes()
        for p in sorted(SHARED.rglob("*"))
        if p.is_file() and p.name != ".gitignore"
    }
    with tarfile.open(VENDORED) as tar:
        vendored = {
            m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile()
        }
    assert sorted(vendored) == sorted(shared)
    assert all(vendored[name] == data for name, data in shared.items())
