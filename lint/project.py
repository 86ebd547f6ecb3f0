"""Projects: what a run lints. One interface for sglint's projects and Vale's.

A project says which files to lint, how to read each one and which rules run on it.
An sglint project (a ``.sglint.yaml``, a ``pyproject.toml`` or none) walks folders and
gives every file the same rules; a ``NearestConfig`` project gives each file the project
of the configuration nearest above it, as ruff does; a Vale project (a ``.vale.ini``,
``lint.vale.project``) lints the files its sections match, each with the rules and ignores
those sections give.
The runner, the fixer and the CLI see only this interface, so ``--fix``, ``--diff`` and
``--jobs`` work the same for both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from lint import timing
from lint.config import Config, active_rules, all_rules, output_settings, resolve, rule_folders
from lint.configfiles import discover
from lint.files import iter_files
from lint.readers import AsIs, Reading

if TYPE_CHECKING:
    from lint.document import Document
    from lint.engine import ActiveRule
    from lint.resultcache import ResultCache


class Project(Reading, Protocol):
    """What a run lints: the files, how each is read (``Reading``), and the rules each
    gets."""

    @property
    def notices(self) -> tuple[str, ...]: ...

    def files(
        self, paths: Sequence[str], *, force_exclude: bool = False
    ) -> Iterator[tuple[str, bool]]:
        """(path, named explicitly) for every file to lint, in a stable order."""
        ...

    def rules_for(self, path: str) -> Sequence[ActiveRule]: ...

    def names(self, path: str) -> frozenset[str]:
        """Every rule id and pack a file's inline comments may name (on or off)."""
        ...


class SglintProject(AsIs):
    """sglint's own project: every file found gets the configuration's active rules,
    compiled on first use (a run whose files are all in the results cache compiles none;
    the runner asks for them before it reads a file, so a bad configuration still fails
    before any file is checked)."""

    def __init__(
        self,
        config: Config,
        rules: Sequence[ActiveRule] | None = None,
        *,
        respect_gitignore: bool = True,
    ) -> None:
        self.config = config
        self._rules = rules
        self.respect_gitignore = respect_gitignore
        self._names: frozenset[str] | None = None

    @property
    def notices(self) -> tuple[str, ...]:
        return self.config.notices

    @property
    def rules(self) -> Sequence[ActiveRule]:
        if self._rules is None:
            with timing.measure("stage", "load rules"):
                self._rules = active_rules(self.config)
        return self._rules

    def names(self, path: str) -> frozenset[str]:
        if self._names is None:
            rules = all_rules(self.config)
            self._names = frozenset(r.meta.id for r in rules) | {r.meta.pack for r in rules}
        return self._names

    def files(
        self, paths: Sequence[str], *, force_exclude: bool = False
    ) -> Iterator[tuple[str, bool]]:
        walked = iter_files(paths, self.config, respect_gitignore=self.respect_gitignore)
        for path, explicit in walked:
            if not (explicit and force_exclude and self.config.excluded(Path(path))):
                yield path, explicit

    def rules_for(self, path: str) -> Sequence[ActiveRule]:
        return self.rules


def open_project(config: Config, *, respect_gitignore: bool = True) -> Project:
    """The project a configuration describes: Vale's when it came from a .vale.ini."""
    if config.vale is not None:
        return config.vale
    return SglintProject(config, respect_gitignore=respect_gitignore)


class NearestConfig(AsIs):
    """Each file linted with the configuration nearest above it, as ruff does: the
    ``.sglint.yaml`` (or ``.sglint.yml``, ``pyproject.toml`` with ``[tool.sglint]``,
    ``.vale.ini``) in its own folder or the closest folder above. So the findings for a
    file do not depend on which other paths share the command line, or their order.

    ``options`` are the command line's (``--profile``, ``--select`` … apply to every
    configuration); with ``options["config"]`` set, that one file configures every path.
    A folder named on the command line is walked with its own nearest configuration's
    excludes; a file found under a deeper configuration also obeys that one's.
    """

    def __init__(self, options: Mapping[str, Any], *, respect_gitignore: bool = True) -> None:
        self.options = dict(options)
        self.respect_gitignore = respect_gitignore
        self._by_config: dict[str | None, tuple[Config, Project]] = {}
        self._by_folder: dict[str, str | None] = {}
        self._caches: dict[str | None, ResultCache | None] = {}

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(n for _config, project in self._by_config.values() for n in project.notices)

    def _config_file(self, path: str) -> str | None:
        if self.options.get("config"):
            return str(self.options["config"])
        folder = path if os.path.isdir(path) else os.path.dirname(path) or "."
        if folder not in self._by_folder:
            found = discover(Path(folder))
            self._by_folder[folder] = None if found is None else str(found)
        return self._by_folder[folder]

    def _entry(self, path: str) -> tuple[Config, Project]:
        key = self._config_file(path)
        if key not in self._by_config:
            start = Path(key) if key is not None else Path(path)
            config = resolve({**self.options, "config": key}, start)
            project = open_project(config, respect_gitignore=self.respect_gitignore)
            self._by_config[key] = (config, project)
        return self._by_config[key]

    def config_for(self, path: str) -> Config:
        return self._entry(path)[0]

    def project_for(self, path: str) -> Project:
        return self._entry(path)[1]

    def files(
        self, paths: Sequence[str], *, force_exclude: bool = False
    ) -> Iterator[tuple[str, bool]]:
        seen: set[str] = set()
        for name in paths:
            walker = self.project_for(name)
            for path, explicit in walker.files([name], force_exclude=force_exclude):
                owner = self.project_for(path)
                if owner is not walker and not explicit and _excludes(owner, path):
                    continue
                key = os.path.normpath(path)
                if key not in seen:
                    seen.add(key)
                    yield path, explicit

    def rules_for(self, path: str) -> Sequence[ActiveRule]:
        return self.project_for(path).rules_for(path)

    def cache_for(self, path: str) -> ResultCache | None:
        """The results cache of a file's configuration (lint.resultcache): one per
        configuration and run, None for a Vale project or when caching is off."""
        key = self._config_file(path)
        if key not in self._caches:
            config = self.config_for(path)
            cache = None
            if config.vale is None:
                from lint.resultcache import open_cache

                cache = open_cache(output_settings(config), rule_folders(config))
            self._caches[key] = cache
        return self._caches[key]

    def names(self, path: str) -> frozenset[str]:
        return self.project_for(path).names(path)

    def read(self, path: str, data: bytes) -> Document:
        return self.project_for(path).read(path, data)

    def reread(self, doc: Document, text: str) -> Document:
        return self.project_for(doc.path).reread(doc, text)


def _excludes(project: Project, path: str) -> bool:
    """Whether a project (a deeper one than the walk's) leaves a found file out."""
    if isinstance(project, SglintProject):
        return project.config.excluded(Path(path))
    return not any(True for _ in project.files([path]))
