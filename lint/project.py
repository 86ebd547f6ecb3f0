"""Projects: what a run lints. One interface for sglint's projects and Vale's.

A project says which files to lint, how to read each one and which rules run on it.
An sglint project (a ``.sglint.yaml``, a ``pyproject.toml`` or none) walks folders and
gives every file the same rules; a Vale project (a ``.vale.ini``, ``lint.vale.project``)
lints the files its sections match, each with the rules and ignores those sections give.
The runner, the fixer and the CLI see only this interface, so ``--fix``, ``--diff`` and
``--jobs`` work the same for both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from lint.config import Config, active_rules
from lint.engine import ActiveRule
from lint.files import iter_files
from lint.readers import AsIs, Reading


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


class SglintProject(AsIs):
    """sglint's own project: every file found gets the configuration's active rules
    (compiled here, so a bad configuration fails before any file is read)."""

    notices: tuple[str, ...] = ()

    def __init__(self, config: Config, rules: Sequence[ActiveRule] | None = None) -> None:
        self.config = config
        self.rules = active_rules(config) if rules is None else rules

    def files(
        self, paths: Sequence[str], *, force_exclude: bool = False
    ) -> Iterator[tuple[str, bool]]:
        for path, explicit in iter_files(paths, self.config):
            if not (explicit and force_exclude and self.config.excluded(Path(path))):
                yield path, explicit

    def rules_for(self, path: str) -> Sequence[ActiveRule]:
        return self.rules


def open_project(config: Config) -> Project:
    """The project a configuration describes: Vale's when it came from a .vale.ini."""
    return config.vale if config.vale is not None else SglintProject(config)
