"""``sglint init``: write a commented ``.sglint.yaml`` for one kind of publisher.

The templates are data, in the built-in rules' ``_init`` folder, one per kind of
publisher; each names the profile that suits it and says what the levels mean.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.configfiles import CONFIG_NAMES, builtin_rules_dir
from lint.errors import ConfigError


def templates_dir() -> Path:
    return builtin_rules_dir() / "_init"


def publisher_kinds() -> tuple[str, ...]:
    """The kinds ``init`` can write a config for (standard, govuk, police, …)."""
    return tuple(sorted(p.stem for p in templates_dir().glob("*.yaml")))


def template(kind: str) -> str:
    path = templates_dir() / f"{kind}.yaml"
    if not path.is_file():
        raise ConfigError(
            f"no configuration template for '{kind}'; choose one of {', '.join(publisher_kinds())}"
        )
    return path.read_text(encoding="utf-8")


def write_config(folder: Path, kind: str) -> Path:
    """Write ``folder/.sglint.yaml`` for ``kind``; never overwrite a config already there."""
    text = template(kind)
    for name in CONFIG_NAMES:
        existing = folder / name
        if existing.exists():
            raise ConfigError(
                "a configuration file is already here; not overwritten", path=str(existing)
            )
    target = folder / CONFIG_NAMES[0]
    try:
        # O_EXCL: refuse, rather than overwrite, a file created meanwhile.
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise ConfigError(
            "a configuration file is already here; not overwritten", path=str(target)
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot write configuration: {exc}", path=str(target)) from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return target
