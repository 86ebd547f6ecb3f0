"""Message templates in Vale's Go-fmt style: ``%s`` in order, ``%[n]s`` by index, ``%d``."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """White space, a line break and a verb, compiled on first use: a run that only
    reports (the results cache's warm run, ``plural``) never imports ``regex``."""
    from lint import patterns

    return (
        patterns.compile(r"\s+"),
        patterns.compile(r"\r\n|\r|\n"),
        patterns.compile(r"%(?:\[(\d+)\])?([sdvqf%])|%\.(\d)f"),
    )


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``: a count with its noun, for summaries."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_message(template: str, *args: object, keep_spaces: bool = False) -> str:
    """Fill a template; surplus arguments are dropped and missing ones become ''.
    White space collapses to single spaces, unless ``keep_spaces`` (see vale_message)."""
    position = 0

    def fill(m: regex.Match[str]) -> str:
        nonlocal position
        if m.group(2) == "%":
            return "%"
        if m.group(3) is not None:  # %.2f
            value = args[position] if position < len(args) else 0
            position += 1
            try:
                return f"{float(str(value)):.{int(m.group(3))}f}"
            except ValueError:
                return str(value)
        if m.group(1):
            index = int(m.group(1)) - 1
        else:
            index = position
            position += 1
        if index >= len(args):
            return ""
        value = args[index]
        if m.group(2) == "q":
            return f'"{value}"'
        return str(value)

    spaces, line_break, verb = _patterns()
    out = verb.sub(fill, template)
    if keep_spaces:
        return line_break.sub(" ", out)
    return spaces.sub(" ", out).strip()


def vale_message(template: str, *args: object) -> str:
    """A message as current Vale prints it: each line break becomes a space and all other
    white space stays as it is (a match's double space, a block message's last space).
    Vale 3.8 and earlier collapsed runs of white space, as ``format_message`` does."""
    return format_message(template, *args, keep_spaces=True)
