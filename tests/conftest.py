"""Test-session settings: keep sglint's pattern cache out of the user's home folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("SGLINT_CACHE_DIR", tempfile.mkdtemp(prefix="sglint-test-cache-"))


@pytest.fixture(autouse=True)
def _fresh_project_boundary() -> Iterator[None]:
    """Each test starts with no project root set (lint.boundary keeps one per run)."""
    from lint import boundary

    boundary.reset()
    yield
    boundary.reset()
