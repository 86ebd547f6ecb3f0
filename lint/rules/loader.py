"""YAML rule files → compiled rules, validated strictly and located precisely."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lint import boundary, genre
from lint.errors import RuleError, SglintError
from lint.finding import Severity
from lint.rules import schema
from lint.rules.contract import ContextUse, Example, Rule, RuleKind, RuleMeta, Source
from lint.rules.registry import REGISTRY
from lint.scopes import Selector
from lint.suggest import did_you_mean
from lint.validate import check_keys
from lint.yamlload import LineDict, load_yaml, read_data_file


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
    context = kind.CONTEXT
    if "context" in data:
        context = ContextUse(
            schema.choice(
                data["context"],
                tuple(c.value for c in ContextUse),
                key="context",
                path=path,
                line=line("context"),
            )
        )
    dialect = common("dialect")
    if dialect:
        dialect = schema.choice(
            dialect, ("en-gb", "en-us"), key="dialect", path=path, line=line("dialect")
        )
    profiles = _levels(common("profiles"), "profiles", path, line("profiles"))
    genres = _levels(common("genres"), "genres", path, line("genres"), genre.genres().names)
    genre_exceptions = {}
    for name, accepted in common("genre_exceptions").items():
        schema.choice(
            name,
            genre.genres().names,
            key="genre_exceptions",
            path=path,
            line=line("genre_exceptions"),
        )
        genre_exceptions[name] = frozenset(accepted)
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
        level_reason=common("level_reason"),
        source=common("source"),
        scope=Selector.parse(scopes),
        limit=common("limit"),
        fix=fix,
        quoted=quoted,
        context=context,
        dialect=dialect,
        profiles=profiles,
        genres=genres,
        profile_exceptions={k: frozenset(v) for k, v in common("profile_exceptions").items()},
        genre_exceptions=genre_exceptions,
        bad=bad,
        good=good,
        action=common("action"),
        timeout=common("timeout"),
    )


def _levels(
    given: Mapping[str, str],
    key: str,
    path: str,
    line: int | None,
    known: tuple[str, ...] | None = None,
) -> dict[str, str]:
    """A ``profiles:`` or ``genres:`` map, each name (when ``known`` lists them) and level
    checked: name -> level or "off"."""
    out = {}
    for name, setting in given.items():
        if known is not None:
            schema.choice(name, known, key=key, path=path, line=line)
        out[name] = schema.choice(
            setting,
            ("off", "suggestion", "warning", "error"),
            key=f"{key}.{name}",
            path=path,
            line=line,
        )
    return out


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
    groups = check_keys(block, schema.EXAMPLE_GROUPS, path=path, where=" in 'examples'")
    for key, items in groups.items():
        where = block.line_of(key)
        examples = []
        for item in items:
            if isinstance(item, str):
                examples.append(Example(item, defined_at=where))
            elif isinstance(item, LineDict):
                examples.append(_example(item, bad=key == "bad", path=path))
            else:
                raise RuleError(
                    f"each 'examples.{key}' item must be a string or a mapping with 'text'",
                    path=path,
                    line=where,
                )
        out[key] = tuple(examples)
    return out["bad"], out["good"]


def _example(item: LineDict, *, bad: bool, path: str) -> Example:
    """One example written as a mapping (``text`` and what it should give)."""
    data = check_keys(
        item, schema.EXAMPLE_KEYS, path=path, where=" in an example", required=["text"]
    )
    if not bad:
        for key in schema.BAD_ONLY:
            if key in data:
                raise RuleError(
                    f"'{key}' describes a finding: only a bad example may have it",
                    path=path,
                    line=item.line_of(key),
                )
    fmt = schema.choice(
        schema.option(data, schema.EXAMPLE_KEYS, "format"),
        ("text", "markdown", "html"),
        key="format",
        path=path,
        line=item.line_of("format"),
    )
    match = data.get("match")
    level = data.get("level")
    if level is not None:
        level = schema.choice(
            level,
            ("suggestion", "warning", "error"),
            key="level",
            path=path,
            line=item.line_of("level"),
        )
    return Example(
        data["text"],
        data.get("fix"),
        fmt,
        data.get("profile"),
        item.line,
        None if match is None else tuple(match),
        data.get("line"),
        data.get("column"),
        level,
    )


# -- rule folders ----------------------------------------------------------------------


def rule_files(root: Path) -> Iterable[tuple[str, Path]]:
    """(rule id, file) for ``root/<Pack>/<Rule>.yml``; names starting ``_`` are data."""
    if not root.is_dir():
        raise SglintError(f"rule folder not found: {root}")
    for pack_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if pack_dir.name.startswith((".", "_")) or not within(pack_dir, root, "rule pack"):
            continue
        for file in sorted(pack_dir.glob("*.yml")):
            if not file.name.startswith("_") and within(file, root, "rule file"):
                yield f"{pack_dir.name}.{file.stem}", file


def within(path: Path, root: Path, what: str) -> bool:
    """Whether a file or folder found under ``root`` really lies there (a symbolic link
    leading out of the rule folder is skipped with a notice; lint.boundary)."""
    if boundary.inside(path, root):
        return True
    boundary.notice(f"{path}: {what} is a symbolic link that leads out of {root}; skipped")
    return False


def load_folder(root: Path) -> list[Rule]:
    rules = []
    for rule_id, file in rule_files(root):
        text = read_data_file(file, "rule file", RuleError)
        rules.append(load_rule_text(text, rule_id=rule_id, path=str(file)))
    return rules


def remember() -> None:
    """Store in the cache folder what this run read of its patterns for the first time:
    which compile (a later run compiles them when first used), their needles and which
    are only words. Called once the rule set is loaded, and again when a run's files are
    checked: rules read some patterns' needles only when a document first needs them
    (the choices of an alternation), and those too are the next run's to take as read."""
    from lint.rules import prefilter, regexes, words

    regexes.remember_valid()
    prefilter.remember()
    words.remember()
