"""A team's own registers: organisations, people, Acts and approved statements in YAML
files the configuration names (``registers: [team/registers.yml]``), added to the
built-in registers of each kind, with no rule and no regex to write.

A team file has up to four sections, each a list of entries written exactly as in the
built-in register of that kind (``rules/Organisations/_organisations.yml`` …)::

    organisations:            # read by Organisations.* and Acronyms.Undefined
      - name: Northshire Safeguarding Children Partnership
        abbreviation: NSCP
        wrong: [Northshire Safeguarding Childrens Partnership]
    people: [...]             # People.*, Quotes.* (the speakers)
    legislation: [...]        # Legislation.Titles
    statements: [...]         # Quotes.Misquoted, Quotes.Unapproved

Every mistake is an error naming the file and line: a section name that is not one of
these (with a suggestion), a section that is not a list, an entry key the built-in
register does not have.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from lint.errors import RuleError
from lint.registers import TEAM_FILES
from lint.suggest import did_you_mean
from lint.yamlload import LineDict, load_yaml, read_data_file

#: The sections a team file may have (the built-in registers' list keys).
SECTIONS = ("organisations", "people", "legislation", "statements")
#: Other top-level keys a register file may carry.
OTHER_KEYS = ("as_of",)


def _loaders() -> dict[str, Callable[[Path], object]]:
    from lint.registers.legislation import load_legislation
    from lint.registers.organisations import load_organisations
    from lint.registers.people import load_people
    from lint.registers.quotes import load_statements

    return {
        "organisations": load_organisations,
        "people": load_people,
        "legislation": load_legislation,
        "statements": load_statements,
    }


def read_team_file(path: Path) -> frozenset[str]:
    """Validate one team register file, every entry included; its sections."""
    data = load_yaml(read_data_file(path, "register", RuleError), str(path))
    if not isinstance(data, LineDict):
        raise RuleError(
            f"a team register must be a mapping with one or more of: {', '.join(SECTIONS)}",
            path=str(path),
            line=getattr(data, "line", 1),
        )
    for key in data:
        if key not in (*SECTIONS, *OTHER_KEYS):
            hint = did_you_mean(str(key), SECTIONS)
            raise RuleError(
                f"unknown section '{key}' in a team register{hint}; "
                f"sections are {', '.join(SECTIONS)}",
                path=str(path),
                line=data.line_of(key),
            )
    sections = frozenset(k for k in SECTIONS if k in data)
    if not sections:
        raise RuleError(
            f"a team register needs one or more of: {', '.join(SECTIONS)}",
            path=str(path),
            line=data.line or 1,
        )
    loaders = _loaders()
    for section in sorted(sections):
        loaders[section](path)  # every entry checked, located in this file
    return sections


@contextlib.contextmanager
def team_registers(paths: Sequence[Path]) -> Iterator[None]:
    """While compiling rules: the register loaders add these files' entries."""
    files = tuple((path, read_team_file(path)) for path in paths)
    token = TEAM_FILES.set(files)
    try:
        yield
    finally:
        TEAM_FILES.reset(token)
