"""Errors that end a run with exit status 2 and one clear line, never a traceback."""

from __future__ import annotations

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
