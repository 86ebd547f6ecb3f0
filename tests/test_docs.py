"""The generated reference (docs/rules.md, docs/kinds.md) matches the code and the packs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_docs_are_current() -> None:
    """Regenerate with: python scripts/gen_docs.py"""
    assert _generator().stale() == []


def test_every_rule_and_kind_is_documented() -> None:
    from lint.config import Config, all_rules
    from lint.rules.registry import REGISTRY

    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    kinds = (ROOT / "docs" / "kinds.md").read_text(encoding="utf-8")
    assert all(f"### {r.meta.id}\n" in rules for r in all_rules(Config()))
    assert all(f"\n## {name}\n" in kinds for name in REGISTRY)


def test_a_key_type_is_read_from_its_checker() -> None:
    from lint.rules import schema

    gen = _generator()
    assert gen.type_of(schema.STR_LIST) == "a string or a list of strings"
    assert gen.type_of(schema.BOOL) == "true or false"


def test_every_key_of_every_kind_says_what_it_does() -> None:
    from lint.rules import schema
    from lint.rules.registry import REGISTRY

    for name, kind in REGISTRY.items():
        for key, spec in {**schema.COMMON_KEYS, **kind.KEYS}.items():
            assert isinstance(spec, schema.Option), (name, key)
            assert spec.doc.strip(), (name, key)
            if spec.default is not None:  # a default passes its own checker
                spec.check(list(spec.default) if isinstance(spec.default, tuple) else spec.default)
