"""Rule ids that were replaced or renamed, from ``rules/_redirects.yml``.

A team's configuration outlives a rule's name. Like ruff's redirects, an old id named in a
configuration, ``--select`` or ``--ignore`` is read as the rules that replaced it (with a
notice saying what to write instead) rather than failing the run as an unknown name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from lint.configfiles import builtin_rules_dir
from lint.errors import RuleError
from lint.validate import MAP, NAMES, STR, Option, check_keys
from lint.yamlload import LineDict, load_yaml, read_data_file

FILE_NAME = "_redirects.yml"


@dataclass(frozen=True)
class Redirect:
    to: tuple[str, ...]
    why: str


_TOP = {"redirects": Option(MAP, "Each replaced rule id and what replaced it.")}
_ENTRY = {
    "to": Option(NAMES, "The rule ids that replaced it."),
    "why": Option(STR, "One line: why it was replaced."),
}


@cache
def redirects() -> Mapping[str, Redirect]:
    """Old rule id → what replaced it (read once)."""
    path = builtin_rules_dir() / FILE_NAME
    where = str(path)
    data = load_yaml(read_data_file(path, "redirects", RuleError), where)
    if not isinstance(data, LineDict):
        raise RuleError("the redirects file must be a mapping", path=where)
    check_keys(data, _TOP, path=where, where=" in the redirects file", required=_TOP)
    out: dict[str, Redirect] = {}
    for old, entry in data["redirects"].items():
        if not isinstance(entry, LineDict):
            raise RuleError(
                f"redirect '{old}' must be a mapping",
                path=where,
                line=data["redirects"].line_of(old),
            )
        given = check_keys(
            entry, _ENTRY, path=where, where=f" in redirect '{old}'", required=_ENTRY
        )
        out[str(old)] = Redirect(tuple(given["to"]), given["why"])
    return out


def notice(old: str, where: str) -> str:
    """The one-line notice for an old id named in ``where``."""
    entry = redirects()[old]
    return (
        f"{where}'{old}' was replaced by {' and '.join(entry.to)}: {entry.why}; "
        f"the setting applies to them, so name them instead"
    )
