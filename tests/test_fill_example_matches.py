"""scripts/fill_example_matches.py: writes each bad example's match from what the rule
finds, changes nothing else in the file, and leaves stated matches alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from lint.rules.loader import load_rule_text

ROOT = Path(__file__).resolve().parent.parent

RULE = """\
extends: existence
message: "Avoid '%s'."
tokens: [synergy, leverage]
# A comment that stays.
examples:
  bad:
    - "Our synergy grows."   # a bare string
    - text: 'We leverage synergy.'
      profile: govuk
    - text: |
        First line.
        Then synergy.
      format: markdown
    - text: "Leverage it."
      match: "Leverage"
    - "Nothing here."
  good:
    - "We work together."
"""


def _script() -> Any:
    path = ROOT / "scripts" / "fill_example_matches.py"
    spec = importlib.util.spec_from_file_location("fill_example_matches", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_matches_are_filled_once_and_nothing_else_changes(tmp_path: Path) -> None:
    path = tmp_path / "Team" / "Jargon.yml"
    path.parent.mkdir()
    path.write_text(RULE, encoding="utf-8")
    script = _script()

    def rules() -> list[Any]:
        return [load_rule_text(path.read_text("utf-8"), rule_id="Team.Jargon", path=str(path))]

    assert script.fill(path, rules()) == 3  # not the stated one, nor the one that is silent
    text = path.read_text(encoding="utf-8")
    assert text == RULE.replace(
        '    - "Our synergy grows."   # a bare string\n',
        '    - text: "Our synergy grows."\n      match: "synergy"   # a bare string\n',
    ).replace(
        "    - text: 'We leverage synergy.'\n",
        '    - text: \'We leverage synergy.\'\n      match: ["leverage", "synergy"]\n',
    ).replace(
        "        Then synergy.\n",
        '        Then synergy.\n      match: "synergy"\n',
    )
    bad = rules()[0].meta.bad
    assert [ex.match for ex in bad] == [
        ("synergy",),
        ("leverage", "synergy"),
        ("synergy",),
        ("Leverage",),
        None,
    ]
    assert script.fill(path, rules()) == 0
    assert path.read_text(encoding="utf-8") == text
