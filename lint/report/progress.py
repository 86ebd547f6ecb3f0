"""A progress line on standard error for long folder runs on a terminal.

``checked 120 of 2000 files`` redrawn in place (at most ten times a second), cleared
before anything else is printed and at the end, so findings streamed to the same
terminal never mix with it. Off unless standard error is a terminal and the run has
at least ``MIN_FILES`` files; ``--quiet`` turns it off.
"""

from __future__ import annotations

import time
from typing import TextIO

MIN_FILES = 50
_INTERVAL = 0.1
_CLEAR = "\r\x1b[K"


class Progress:
    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.total = 0
        self.done = 0
        self.shown = False
        self._last = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.enabled = self.enabled and total >= MIN_FILES

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.enabled or (self.shown and now - self._last < _INTERVAL):
            return
        self.stream.write(f"{_CLEAR}sglint: checked {self.done} of {self.total} files")
        self.stream.flush()
        self.shown, self._last = True, now

    def clear(self) -> None:
        """Take the line away (before other output, and at the end)."""
        if self.shown:
            self.stream.write(_CLEAR)
            self.stream.flush()
            self.shown = False
