"""sglint's own packs as Vale styles: ``BasedOnStyles = Vale, Safeguarding`` in a
``.vale.ini`` runs the Safeguarding pack beside the team's Vale styles.

A name in ``BasedOnStyles`` (or a ``Pack.Rule = …`` toggle) that is no folder on the
StylesPath but is one of sglint's built-in packs loads that pack. Its rules keep
sglint's semantics (context, quotations, fixes; never Vale's overlay) and the levels of
sglint's default profile; a rule that profile leaves off runs only when a toggle names
it. A StylesPath folder of the same name wins, as any Vale style would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lint.finding import Severity
from lint.rules.contract import Rule


@dataclass(frozen=True)
class Packs:
    rules: dict[str, Rule] = field(default_factory=dict)
    #: Rule id → its level under sglint's default profile, None when that profile
    #: leaves the rule off.
    levels: dict[str, Severity | None] = field(default_factory=dict)
    profile: str = ""
    available: frozenset[str] = frozenset()  # every built-in pack's name (for hints)


#: What gives a project the built-in packs of the given names (the names that exist);
#: ``lint.config`` provides it, so that this package never imports the configuration.
PackSource = Callable[[Sequence[str]], Packs]
