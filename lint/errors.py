"""Errors that end a run with one clear line, never a traceback: exit status 2 for a
usage, configuration or input error; 3 for a Crash (a bug in sglint)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

#: The longest error message printed: a message quoting hostile input stays one line.
MAX_MESSAGE = 600


def excerpt(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters of input, on one line, for quoting in a message."""
    flat = text.replace("\r", "\\r").replace("\n", "\\n")
    if len(flat) <= limit:
        return flat
    return f"{flat[: limit - 1]}… ({len(text):,} characters)"


class SglintError(Exception):
    """A usage, configuration or input error, located where possible."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = excerpt(message, MAX_MESSAGE)
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class RuleError(SglintError):
    """A rule file that cannot be loaded: malformed YAML, unknown key, bad regex, wrong type."""


class ConfigError(SglintError):
    """A configuration file or command line that cannot be used."""


class InputError(SglintError):
    """A document that cannot be read: undecodable, binary, unreadable, missing."""


class Crash(Exception):
    """An unexpected exception while working on one file: a bug in sglint. Carries the
    file and the traceback as text, so that it crosses process boundaries whole."""

    def __init__(self, path: str, detail: str, trace: str = "") -> None:
        super().__init__(path, detail, trace)
        self.path = path
        self.detail = detail
        self.trace = trace

    def __str__(self) -> str:
        return f"{self.path}: {self.detail}"


@contextmanager
def about(path: str) -> Iterator[None]:
    """Run the body on behalf of ``path``: an unexpected exception becomes a Crash that
    names the file. sglint's own errors and Ctrl-C pass through unchanged."""
    try:
        yield
    except (SglintError, Crash, KeyboardInterrupt):
        raise
    except Exception as exc:
        import traceback

        detail = excerpt(f"{type(exc).__name__}: {exc}", 300)
        raise Crash(path, detail, traceback.format_exc()) from exc
