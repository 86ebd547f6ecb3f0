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
from lint.yamlload import LineDict, load_yaml, read_data_file

FILE_NAME = "_redirects.yml"


@dataclass(frozen=True)
class Redirect:
    to: tuple[str, ...]
    why: str


@cache
def redirects() -> Mapping[str, Redirect]:
    """Old rule id → what replaced it (read once)."""
    path = builtin_rules_dir() / FILE_NAME
    where = str(path)
    data = load_yaml(read_data_file(path, "redirects", RuleError), where)
    if not isinstance(data, LineDict) or set(data) != {"redirects"}:
        raise RuleError(
            "the redirects file must be a mapping with one key, 'redirects'", path=where
        )
    table = data["redirects"]
    if not isinstance(table, LineDict):
        raise RuleError("'redirects' must map old rule ids to entries", path=where)
    out: dict[str, Redirect] = {}
    for old, entry in table.items():
        line = table.line_of(old)
        to = entry.get("to") if isinstance(entry, dict) else None
        why = entry.get("why") if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or set(entry) != {"to", "why"}
            or not isinstance(to, list)
            or not to
            or not all(isinstance(t, str) and "." in t for t in to)
            or not isinstance(why, str)
        ):
            raise RuleError(
                f"redirect '{old}' needs exactly 'to' (a list of rule ids) and 'why' (text)",
                path=where,
                line=line,
            )
        out[str(old)] = Redirect(tuple(to), why)
    return out


def notice(old: str, where: str) -> str:
    """The one-line notice for an old id named in ``where``."""
    entry = redirects()[old]
    return (
        f"{where}'{old}' was replaced by {' and '.join(entry.to)}: {entry.why}; "
        f"the setting applies to them, so name them instead"
    )
