"""sglint's own packs as Vale styles: ``BasedOnStyles = Vale, Safeguarding`` in a
``.vale.ini`` runs the Safeguarding pack beside the team's Vale styles.

A name in ``BasedOnStyles`` (or a ``Pack.Rule = …`` toggle) that is no folder on the
StylesPath but is one of sglint's built-in packs loads that pack. Its rules keep
sglint's semantics (context, quotations, fixes; never Vale's overlay) and the levels of
sglint's default profile; a rule that profile leaves off runs only when a toggle names
it. A StylesPath folder of the same name wins, as any Vale style would.
"""

from __future__ import annotations

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


def builtin_pack_names() -> frozenset[str]:
    from lint.config import Config, all_rules

    return frozenset(r.meta.pack for r in all_rules(Config()))


def load_packs(names: list[str]) -> Packs:
    """The rules of sglint's built-in packs ``names``, with their default levels."""
    if not names:
        return Packs()
    from lint.config import Config, active_rules, all_rules

    config = Config(packs=tuple(names))
    on = {a.rule.meta.id: a.level for a in active_rules(config)}
    rules = {r.meta.id: r for r in all_rules(config) if r.meta.pack in names}
    return Packs(rules, {rule_id: on.get(rule_id) for rule_id in rules}, config.profile)
