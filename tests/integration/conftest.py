"""Integration tests: real git repositories, pre-commit, the GitHub Action's script,
wheel builds, killed processes and a blocked network. All are marked ``slow``, so the
fast loop (``pytest -m "not slow"``) leaves them out; plain ``pytest`` runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.slow)
