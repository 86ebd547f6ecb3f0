"""Test-session settings: keep sglint's pattern cache out of the user's home folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SGLINT_CACHE_DIR", tempfile.mkdtemp(prefix="sglint-test-cache-"))
