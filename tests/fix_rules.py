"""Rules the fix tests share: built-in ones by id, and substitutions defined inline
(so the tests do not depend on what other packs grow to contain)."""

from __future__ import annotations

import json

from helpers import make_rule

from lint.config import Config, active_rules, all_rules
from lint.engine import ActiveRule
from lint.rules.contract import Rule

#: Wrong term → the term to use; the inline terms most fix tests run with.
TERMS = {"care gangs?": "grooming gangs", "napac": "NAPAC"}


def substitution(rule_id: str, swap: dict[str, str], *, quoted: str = "suggest") -> Rule:
    """A safe-fix substitution rule; ``quoted: report`` keeps fixes inside quotes, to show
    that the fixer refuses them on its own."""
    entries = "".join(
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}\n"
        for k, v in swap.items()
    )
    return make_rule(
        "extends: substitution\n"
        "message: \"Use '%s' instead of '%s'.\"\n"
        f"ignorecase: true\nfix: safe\nquoted: {quoted}\nswap:\n{entries}",
        rule_id=rule_id,
    )


def active(*rules: Rule) -> list[ActiveRule]:
    return active_rules(Config(), list(rules))


def builtin(*ids: str) -> list[Rule]:
    chosen = [r for r in all_rules(Config()) if r.meta.id in ids]
    assert len(chosen) == len(ids), f"missing built-in rules: {ids}"
    return chosen
