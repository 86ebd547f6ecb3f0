"""Configuration files: which names count, finding the nearest one, and reading it; and
where the built-in packs (and the data beside them) are.

A neutral module: both sglint's own configuration (``lint.config``) and Vale's
(``lint.vale.ini``) use it, and it imports neither.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.boundary import config_candidate
from lint.errors import ConfigError

CONFIG_NAMES = (".sglint.yaml", ".sglint.yml")
#: File names Vale looks for, in its order of preference.
INI_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``: .sglint.yaml, .sglint.yml, a
    pyproject.toml with a [tool.sglint] table, or (Vale compat) a .vale.ini."""
    # Walk up the path as spelled: a link in a pull request must not lead discovery to
    # a config elsewhere on the machine (lint.boundary).
    here = Path(os.path.abspath(start))
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if config_candidate(folder / name):
                return folder / name
        pyproject = folder / "pyproject.toml"
        if config_candidate(pyproject) and _has_tool_table(pyproject):
            return pyproject
        for name in INI_NAMES:  # Vale compat: a Vale project's own config
            if config_candidate(folder / name):
                return folder / name
    return None


def vale_config_beside(config: Path) -> Path | None:
    """A Vale configuration in the same folder as ``config`` (another file), if any."""
    return next(
        (
            config.parent / name
            for name in INI_NAMES
            if config.parent / name != config and config_candidate(config.parent / name)
        ),
        None,
    )


def _has_tool_table(pyproject: Path) -> bool:
    import tomllib  # on first use: most runs read no TOML

    try:
        return "sglint" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def read_config_text(path: Path) -> str:
    if not path.is_file():
        raise ConfigError("configuration file not found", path=str(path))
    from lint.yamlload import read_data_file  # YAML is loaded only when a file needs it

    return read_data_file(path, "configuration", ConfigError)


def is_vale_config(path: Path) -> bool:
    return path.name in INI_NAMES or path.suffix == ".ini"


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    installed = here / "builtin_rules"
    return installed if installed.is_dir() else here.parent / "rules"
