"""Past one machine: the Python API runs as a map on Dask's ``bag`` (README, "Archives
of millions of files"). Here with Dask's local schedulers over a few thousand small
generated files; a cluster runs the same graph. No scheduler of sglint's own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lint import Config, Finding, check_paths, check_text

dask_bag = pytest.importorskip("dask.bag")

TEMPLATES = [
    "The girl was described as a child prostitute by the council.\n",
    "Officers said the boy had been groomed online.\n",
    "She had sex with a 14-year-old, the court heard.\n",
    "The charity said 4,000 children were helped last year.\n",
    "A clean sentence about a safeguarding review.\n",
    "They investigate care gangs in the North.\n",
]
FILES = 2400


def _lint_partition(paths: list[str]) -> list[Finding]:
    """One map task: a partition of paths, checked by the public API."""
    config = Config()
    return [f for result in check_paths(paths, config) for f in result.findings]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_check_paths_maps_over_a_dask_bag(tmp_path: Path, scheduler: str) -> None:
    expected: dict[str, list[Finding]] = {}
    paths = []
    for n in range(FILES):
        path = tmp_path / f"{n // 100:02d}" / f"doc{n}.txt"
        path.parent.mkdir(exist_ok=True)
        text = TEMPLATES[n % len(TEMPLATES)]
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
        expected[str(path)] = [replace(f, path=str(path)) for f in _template(text)]
    assert sum(map(len, expected.values())) >= FILES // 2  # most templates have findings

    bag = dask_bag.from_sequence(paths, npartitions=24).map_partitions(_lint_partition)
    found = bag.compute(scheduler=scheduler)

    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for finding in found:
        by_path[finding.path].append(finding)
    assert by_path == expected


_SEEN: dict[str, list[Finding]] = {}


def _template(text: str) -> list[Finding]:
    if text not in _SEEN:
        _SEEN[text] = check_text(text, path="template.txt")
    return _SEEN[text]
