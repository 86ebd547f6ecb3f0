"""YAML rule files → compiled rules, validated strictly and located precisely."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lint.errors import RuleError, SglintError
from lint.finding import Severity
from lint.rules import schema
from lint.rules.contract import Example, Rule, RuleKind, RuleMeta, Source
from lint.rules.registry import REGISTRY
from lint.scopes import Selector
from lint.suggest import did_you_mean
from lint.yamlload import LineDict, load_yaml


def load_rule_text(text: str, *, rule_id: str, path: str) -> Rule:
    data = load_yaml(text, path)
    if not isinstance(data, LineDict):
        raise RuleError("a rule file must be a YAML mapping", path=path, line=1)
    return build_rule(data, rule_id=rule_id, path=path)


def build_rule(
    raw: LineDict, *, rule_id: str, path: str, kinds: Mapping[str, RuleKind] = REGISTRY
) -> Rule:
    """A rule from its YAML; ``kinds`` is the registry, or an overlay of it (Vale's:
    lint/vale/kinds.py)."""
    registry = kinds
    kind_name = raw.get("extends")
    if not isinstance(kind_name, str) or not kind_name:
        raise RuleError(
            f"a rule needs 'extends' naming its kind ({', '.join(sorted(registry))})",
            path=path,
            line=raw.line or 1,
        )
    kind = registry.get(kind_name)
    if kind is None:
        hint = did_you_mean(kind_name, registry)
        raise RuleError(
            f"unknown rule kind '{kind_name}'{hint}", path=path, line=raw.line_of("extends")
        )
    data = schema.validate(raw, kind.KEYS, path=path, kind=kind_name)
    meta = _meta(rule_id, kind_name, kind, data, raw, path)
    return kind.build(meta, data, Source(path, raw))


def _meta(
    rule_id: str, kind_name: str, kind: RuleKind, data: dict[str, Any], raw: LineDict, path: str
) -> RuleMeta:
    line = raw.line_of

    def common(key: str) -> Any:
        return schema.option(data, schema.COMMON_KEYS, key)

    message = schema.require(data, "message", path=path, line=raw.line or 1, kind=kind_name)
    level = schema.choice(
        common("level"),
        ("suggestion", "warning", "error"),
        key="level",
        path=path,
        line=line("level"),
    )
    fix = kind.DEFAULT_FIX
    if "fix" in data:
        fix = schema.fix_safety(data["fix"], key="fix", path=path, line=line("fix"))
    quoted = schema.choice(
        common("quoted"),
        ("report", "suggest", "ignore"),
        key="quoted",
        path=path,
        line=line("quoted"),
    )
    profiles = {}
    for profile, setting in common("profiles").items():
        profiles[profile] = schema.choice(
            setting,
            ("off", "suggestion", "warning", "error"),
            key=f"profiles.{profile}",
            path=path,
            line=line("profiles"),
        )
    scopes = common("scope")
    bad, good = _examples(raw, path)
    return RuleMeta(
        id=rule_id,
        kind=kind_name,
        path=path,
        message=message,
        level=Severity.parse(level),
        description=common("description"),
        link=common("link"),
        why=common("why"),
        source=common("source"),
        scope=Selector.parse(scopes),
        limit=common("limit"),
        fix=fix,
        quoted=quoted,
        profiles=profiles,
        bad=bad,
        good=good,
        action=common("action"),
        timeout=common("timeout"),
    )


def _examples(raw: LineDict, path: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    block = raw.get("examples")
    if block is None:
        return (), ()
    if not isinstance(block, LineDict):
        raise RuleError(
            "'examples' must be a mapping with 'bad' and 'good' lists",
            path=path,
            line=raw.line_of("examples"),
        )
    out: dict[str, tuple[Example, ...]] = {"bad": (), "good": ()}
    for key, items in block.items():
        where = block.line_of(key)
        if key not in out:
            raise RuleError(
                f"unknown key 'examples.{key}'; expected 'bad' or 'good'", path=path, line=where
            )
        if not isinstance(items, list):
            raise RuleError(f"'examples.{key}' must be a list", path=path, line=where)
        examples = []
        for item in items:
            if isinstance(item, str):
                examples.append(Example(item, line=where))
            elif isinstance(item, LineDict) and isinstance(item.get("text"), str):
                unknown = set(item) - {"text", "fix", "format", "profile"}
                if unknown:
                    raise RuleError(
                        f"unknown key '{sorted(unknown)[0]}' in an example",
                        path=path,
                        line=item.line,
                    )
                examples.append(
                    Example(
                        item["text"],
                        item.get("fix"),
                        item.get("format", "text"),
                        item.get("profile"),
                        item.line,
                    )
                )
            else:
                raise RuleError(
                    f"each 'examples.{key}' item must be a string or a mapping with 'text'",
                    path=path,
                    line=where,
                )
        out[key] = tuple(examples)
    return out["bad"], out["good"]


# -- rule folders ----------------------------------------------------------------------


def rule_files(root: Path) -> Iterable[tuple[str, Path]]:
    """(rule id, file) for ``root/<Pack>/<Rule>.yml``; names starting ``_`` are data."""
    if not root.is_dir():
        raise SglintError(f"rule folder not found: {root}")
    for pack_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if pack_dir.name.startswith((".", "_")):
            continue
        for file in sorted(pack_dir.glob("*.yml")):
            if not file.name.startswith("_"):
                yield f"{pack_dir.name}.{file.stem}", file


def load_folder(root: Path) -> list[Rule]:
    rules = []
    for rule_id, file in rule_files(root):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(f"cannot read rule file: {exc}", path=str(file)) from None
        rules.append(load_rule_text(text, rule_id=rule_id, path=str(file)))
    return rules
