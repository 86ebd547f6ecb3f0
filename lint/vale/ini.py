"""Reading ``.vale.ini``: the subset of Vale's configuration sglint understands.

Vale's INI dialect differs from ``configparser`` in ways that matter: a repeated key
*merges* its values (several ``TokenIgnores`` lines add up), an inline comment needs a
space before ``#`` or ``;`` (so regexes keep their ``#``), and the keys above the first
section are the "core" settings. Unknown keys are reported with file and line, as Vale's
E201 does, except for keys Vale itself accepts that sglint does not act on: those are
kept and listed by :func:`ignored_keys` so that ``sglint`` can say so instead of failing.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

import regex

from lint.configfiles import read_config_text
from lint.errors import ConfigError, excerpt
from lint.finding import Severity
from lint.suggest import did_you_mean

#: Core keys (above any section) that sglint acts on.
CORE_KEYS = frozenset(
    {"StylesPath", "MinAlertLevel", "Vocab", "IgnoredScopes", "SkippedScopes", "WordTemplate"}
)
#: Core keys Vale knows that sglint accepts and ignores.
CORE_IGNORED = frozenset(
    {
        "Packages",
        "IgnoredClasses",
        "NLPEndpoint",
        "CommentDelimiters",
        "LTPath",
        "SphinxBuildPath",
        "SphinxAutoBuild",
    }
)
#: Keys of ``[*]`` and glob sections that sglint acts on (besides ``Style.Rule`` toggles).
SECTION_KEYS = frozenset({"BasedOnStyles", "TokenIgnores", "BlockIgnores"})
#: Section keys Vale knows that sglint accepts and ignores.
SECTION_IGNORED = frozenset({"Lang", "Transform", "View", "CommentDelimiters", "Blueprint"})
#: Section keys of older Vale releases, read as the key that replaced them.
LEGACY_KEYS = {"IgnorePatterns": "TokenIgnores"}
#: Sections that are not file globs.
SPECIAL_SECTIONS = frozenset({"formats", "asciidoctor"})

_TOGGLE = regex.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_TOGGLE_VALUES = {
    "yes": "on",
    "no": "off",
    "on": "on",
    "off": "off",
    "true": "on",
    "false": "off",
    "suggestion": "suggestion",
    "warning": "warning",
    "error": "error",
}


@dataclass(frozen=True)
class Entry:
    """One key with all the values its (possibly repeated) lines gave, in order."""

    values: tuple[str, ...]
    line: int

    @property
    def last(self) -> str:
        return self.values[-1]

    def items(self) -> list[str]:
        """Comma-separated items of every value, blank ones dropped."""
        return [item.strip() for v in self.values for item in v.split(",") if item.strip()]


@dataclass(frozen=True)
class Section:
    """A ``[glob]`` section: its keys, and its rule toggles in file order."""

    name: str
    line: int
    keys: Mapping[str, Entry]
    toggles: tuple[tuple[str, str], ...]  # (Style.Rule or Style, on|off|level)

    def matches(self, rel_path: str) -> bool:
        return glob_matches(self.name, rel_path)


@dataclass(frozen=True)
class ValeIni:
    """A parsed ``.vale.ini``. Relative paths in it are relative to its folder."""

    path: Path
    core: Mapping[str, Entry]
    sections: tuple[Section, ...]
    ignored: tuple[str, ...] = field(default=())
    legacy: tuple[tuple[str, int], ...] = field(default=())  # (old key, line), see LEGACY_KEYS

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def styles_path(self) -> Path | None:
        entry = self.core.get("StylesPath")
        return (self.root / entry.last).resolve() if entry else None

    @property
    def min_alert_level(self) -> Severity:
        entry = self.core.get("MinAlertLevel")
        if entry is None:
            return Severity.SUGGESTION
        try:
            return Severity.parse(entry.last)
        except KeyError:
            raise ConfigError(
                f"MinAlertLevel must be suggestion, warning or error, not {entry.last!r}",
                path=str(self.path),
                line=entry.line,
            ) from None

    def items(self, key: str) -> list[str]:
        entry = self.core.get(key)
        return entry.items() if entry else []

    def word_template(self) -> str | None:
        entry = self.core.get("WordTemplate")
        return entry.last if entry else None

    def matching(self, rel_path: str) -> Iterator[Section]:
        """Glob sections that apply to a path (relative to the ini's folder), in order."""
        return (s for s in self.sections if s.matches(rel_path))


#: The most patterns one section name may expand to: ``{a,b}{a,b}…`` doubles each time.
MAX_GLOBS = 256


class TooManyGlobs(ValueError):
    """A section name whose braces expand to more than MAX_GLOBS patterns."""


@lru_cache(maxsize=256)
def expand_braces(pattern: str) -> tuple[str, ...]:
    """``*.{md,txt}`` → ``*.md``, ``*.txt`` (nested braces work too); at most MAX_GLOBS
    patterns (TooManyGlobs beyond), each name expanded once per run."""
    done: list[str] = []
    todo = [pattern]
    while todo:
        current = todo.pop()
        m = _INNERMOST_BRACES.search(current)
        if m is None:
            done.append(current)
        else:
            todo.extend(
                current[: m.start()] + option + current[m.end() :]
                for option in reversed(m.group(1).split(","))
            )
        if len(done) + len(todo) > MAX_GLOBS:
            raise TooManyGlobs(f"expands to more than {MAX_GLOBS} patterns")
    return tuple(done)


_INNERMOST_BRACES = regex.compile(r"\{([^{}]*)\}")


def glob_matches(pattern: str, rel_path: str) -> bool:
    """Vale's section globs: ``*`` crosses folders, so ``*.md`` matches ``docs/a.md``;
    ``!`` before a pattern negates it."""
    negated = pattern.startswith("!")
    pattern = pattern[1:] if negated else pattern
    posix = PurePosixPath(rel_path.replace(os.sep, "/")).as_posix()
    hit = any(
        fnmatch.fnmatchcase(posix, p) or fnmatch.fnmatchcase(posix.rsplit("/", 1)[-1], p)
        for p in expand_braces(pattern)
    )
    return hit != negated


def _strip_comment(value: str) -> str:
    """Drop an inline comment: ``#`` or ``;`` preceded by white space."""
    m = regex.search(r"\s[#;]", value)
    return value[: m.start()] if m else value


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each logical line: a line ending in ``\\`` goes on
    with the next one (Vale's ini reader joins them; the ``\\`` and the line break go,
    the next line's leading white space stays)."""
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        stripped = raw.rstrip()
        if stripped.endswith("\\") and not stripped.lstrip().startswith(("#", ";")):
            pending.append(stripped[:-1])
            continue
        yield start, "".join(pending) + raw
        pending = []
    if pending:
        yield start, "".join(pending)


def parse_ini(text: str, path: Path) -> ValeIni:
    where = str(path)
    core: dict[str, Entry] = {}
    sections: list[Section] = []
    ignored: list[str] = []
    legacy: list[tuple[str, int]] = []
    current: dict[str, Entry] | None = None
    toggles: list[tuple[str, str]] = []
    name = ""
    start = 0

    def close() -> None:
        if current is not None and name.lower() not in SPECIAL_SECTIONS:
            sections.append(Section(name, start, dict(current), tuple(toggles)))

    for number, raw in logical_lines(text):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise ConfigError(
                    f"unclosed section header {excerpt(line)!r}", path=where, line=number
                )
            close()
            name, start, current, toggles = line[1:-1].strip(), number, {}, []
            try:
                expand_braces(name.removeprefix("!"))
            except TooManyGlobs as exc:
                shown = excerpt(name)
                raise ConfigError(f"section [{shown}] {exc}", path=where, line=number) from None
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), _strip_comment(value).strip()
        if current is not None and key in LEGACY_KEYS:
            legacy.append((key, number))
            key = LEGACY_KEYS[key]
        if not sep or not key:
            raise ConfigError(
                f"expected 'key = value', not {excerpt(line)!r}", path=where, line=number
            )
        if current is None:
            if key in CORE_IGNORED:
                ignored.append(key)
            elif key not in CORE_KEYS:
                hint = " (a section key; put it under [*])" if key in SECTION_KEYS else ""
                raise ConfigError(f"unknown core key '{key}'{hint}", path=where, line=number)
            target = core
        elif name.lower() in SPECIAL_SECTIONS:
            ignored.append(f"[{name}] {key}")
            continue
        elif key in SECTION_KEYS:
            target = current
        elif key in SECTION_IGNORED:
            ignored.append(key)
            target = current
        elif _TOGGLE.match(key):
            setting = _TOGGLE_VALUES.get(value.lower())
            if setting is None:
                raise ConfigError(
                    f"'{key}' must be YES, NO, suggestion, warning or error, not {value!r}",
                    path=where,
                    line=number,
                )
            toggles.append((key, setting))
            continue
        else:
            hint = (
                " (a core key; put it above the first section)"
                if key in CORE_KEYS
                else did_you_mean(key, sorted(SECTION_KEYS))
            )
            raise ConfigError(f"unknown key '{key}' in [{name}]{hint}", path=where, line=number)
        previous = target.get(key)
        values = (*previous.values, value) if previous else (value,)
        target[key] = Entry(values, previous.line if previous else number)
    close()
    return ValeIni(path, core, tuple(sections), tuple(dict.fromkeys(ignored)), tuple(legacy))


def load_ini(path: Path) -> ValeIni:
    """Read and parse a ``.vale.ini`` (at most lint.yamlload.MAX_BYTES, like YAML)."""
    return parse_ini(read_config_text(path), path)
