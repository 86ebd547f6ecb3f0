"""Configuration: discovery, validation, profiles, and the active rule set.

Precedence, lowest first: a rule file's own level; the profile's override in the rule;
the config file's ``rules:`` (pack entries, then rule entries); the command line's
``--select`` / ``--ignore``.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import validate
from lint.configfiles import (
    builtin_rules_dir,
    discover,
    is_vale_config,
    read_config_text,
    vale_config_beside,
)
from lint.errors import ConfigError, SglintError
from lint.finding import Severity
from lint.suggest import did_you_mean

# The rule machinery and YAML are imported on first use: a run whose files are all in
# the results cache (lint/resultcache.py) needs neither.
if TYPE_CHECKING:
    from lint.engine import ActiveRule
    from lint.rules.contract import Rule
    from lint.vale.packs import Packs
    from lint.vale.project import ValeProject
    from lint.yamlload import LineDict

PROFILES = ("standard", "govuk", "news", "practice")
DEFAULT_PROFILE = "standard"
LEVELS = ("off", "suggestion", "warning", "error")

#: The keys of a configuration file, checked by the one validator (lint/validate.py).
KEYS: dict[str, validate.Option] = {
    "profile": validate.Option(
        validate.STR, "The profile: standard, govuk, news, practice …", DEFAULT_PROFILE
    ),
    "packs": validate.Option(validate.LIST, "The packs that run (default: every pack)."),
    "rules": validate.Option(
        validate.level_map("rule ids or packs"), "Rule id or pack -> level or off.", {}
    ),
    "paths": validate.Option(validate.STR_LIST, "Folders of the team's own rule packs.", []),
    "registers": validate.Option(
        validate.STR_LIST, "The team's own register files (organisations, people …).", []
    ),
    "exclude": validate.Option(validate.STR_LIST, "Glob patterns of files not to lint.", []),
    "fail-level": validate.Option(
        validate.STR, "The lowest level that fails a run: suggestion, warning or error.", "error"
    ),
    "builtin": validate.Option(validate.BOOL, "Whether sglint's own packs run.", True),
    "dialect": validate.Option(
        validate.STR,
        "auto (US copy gets one suggestion, not a warning per word), en-GB or en-US.",
        "auto",
    ),
    "campaigners": validate.Option(
        validate.NAMES, "Public campaigners who have waived anonymity (full names).", []
    ),
}


@dataclass(frozen=True)
class Config:
    """Settings for one run, from a config file (or defaults) and the command line."""

    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    profile: str = DEFAULT_PROFILE
    packs: tuple[str, ...] | None = None  # None: every pack found
    rules: Mapping[str, str] = field(default_factory=dict)  # id or pack -> level | off
    paths: tuple[Path, ...] = ()
    #: The team's register files (lint.registers.team), added to the built-in registers.
    registers: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_level: Severity = Severity.ERROR  # only errors fail a run unless a team raises it
    builtin: bool = True
    # Public campaigners who have waived anonymity: the Anonymity pack may see them named.
    campaigners: tuple[str, ...] = ()
    #: The copy's dialect: auto (lint/dialect.py decides per document), en-GB or en-US
    #: (the rules that check UK conventions are off).
    dialect: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: The config file's line naming each profile, pack and rule, for located errors.
    lines: Mapping[str, int] = field(default_factory=dict)
    # Vale-compat (lint/vale): set when the config is a .vale.ini; its styles, sections
    # and vocabularies then decide the files and rules, not sglint's packs.
    vale: ValeProject | None = None
    #: Things worth saying about how the configuration was found (printed as notices).
    notices: tuple[str, ...] = ()

    def excluded(self, path: Path) -> bool:
        """Whether a path matches an ``exclude`` glob (relative to the config's folder)."""
        if not self.exclude:
            return False
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        return any(
            fnmatch.fnmatch(rel, pattern)
            or fnmatch.fnmatch(path.name, pattern)
            or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*")
            for pattern in self.exclude
        )


def load_config(path: Path | None) -> Config:
    from lint.yamlload import LineDict, load_yaml

    if path is None:
        return Config()
    text = read_config_text(path)
    if path.name == "pyproject.toml":
        import tomllib  # on first use: most runs read no TOML

        try:
            table = tomllib.loads(text).get("tool", {}).get("sglint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
        data = LineDict(table)
        data.lines = _toml_lines(text, table)
        return _parse(data, path, "[tool.sglint] ")
    raw = load_yaml(text, str(path))
    if raw is None:
        return Config(path=str(path), root=path.parent)
    if not isinstance(raw, LineDict):
        raise ConfigError("configuration must be a YAML mapping", path=str(path), line=1)
    return _parse(raw, path, "")


def _toml_lines(text: str, table: Mapping[str, Any]) -> dict[str, int]:
    """Where each key of [tool.sglint] and of its ``rules`` table stands: TOML keeps no
    positions, so the first line after ``[tool.sglint]`` that names it (bare or quoted)."""
    rows = text.splitlines()
    start = next((i for i, row in enumerate(rows) if row.strip() == "[tool.sglint]"), 0)
    rules = table.get("rules")
    names = [*table, *(rules if isinstance(rules, dict) else ())]
    lines = {}
    for name in names:
        for i in range(start, len(rows)):
            if any(form in rows[i] for form in (f'"{name}"', f"'{name}'", f"{name} =")):
                lines[name] = i + 1
                break
    return lines


def _parse(data: LineDict, path: Path, prefix: str) -> Config:
    from lint.yamlload import LineDict

    where = str(path)

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{prefix}'{key}': {message}", path=where, line=data.lines.get(key))

    given = validate.check_keys(data, KEYS, path=where, prefix=prefix, error=ConfigError)

    def setting(key: str) -> Any:
        return validate.option(given, KEYS, key)

    profile, packs, rules = setting("profile"), setting("packs"), setting("rules")
    levels = {}
    lines = {
        name: data.lines[key]
        for key in ("profile", "packs")
        if key in data.lines
        for name in ([profile] if key == "profile" else packs or ())
    }
    raw_rules = data.get("rules")
    for rule_id, level in rules.items():
        line = raw_rules.line_of(rule_id) if isinstance(raw_rules, LineDict) else None
        line = line or data.lines.get(str(rule_id)) or data.lines.get("rules")
        if line:
            lines[str(rule_id)] = line
        levels[str(rule_id)] = validate.choice(
            level,
            LEVELS,
            key=f"rules: {rule_id}",
            path=where,
            line=line,
            prefix=prefix,
            error=ConfigError,
        )
    rule_paths = []
    for p in setting("paths"):
        folder = (path.parent / p).resolve()
        if not _inside(folder, path.parent.resolve()):
            raise fail("paths", f"{p!r} lies outside the project; refused")
        if not folder.is_dir():
            raise fail("paths", f"rule folder {p!r} not found")
        rule_paths.append(folder)
    registers = _files(setting("registers"), "registers", path, fail)
    severity = Severity.parse(
        validate.choice(
            setting("fail-level"),
            LEVELS[1:],
            key="fail-level",
            path=where,
            line=data.lines.get("fail-level"),
            prefix=prefix,
            error=ConfigError,
        )
    )
    exclude, builtin, campaigners = setting("exclude"), setting("builtin"), setting("campaigners")
    dialect = validate.choice(
        setting("dialect"),
        ("auto", "en-gb", "en-us"),
        key="dialect",
        path=where,
        line=data.lines.get("dialect"),
        prefix=prefix,
        error=ConfigError,
    )
    return Config(
        path=where,
        root=path.parent,
        profile=profile,
        packs=tuple(packs) if packs is not None else None,
        rules=levels,
        paths=tuple(rule_paths),
        registers=registers,
        exclude=tuple(exclude),
        fail_level=severity,
        builtin=builtin,
        lines=lines,
        campaigners=tuple(campaigners),
        dialect=dialect,
    )


def _files(
    names: list[str], key: str, path: Path, fail: Callable[[str, str], ConfigError]
) -> tuple[Path, ...]:
    """Files named under ``key``, relative to the config's folder, each inside the
    project and present."""
    files = []
    for name in names:
        file = (path.parent / name).resolve()
        if not _inside(file, path.parent.resolve()):
            raise fail(key, f"{name!r} lies outside the project; refused")
        if not file.is_file():
            raise fail(key, f"file {name!r} not found")
        files.append(file)
    return tuple(files)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


# -- the rule set ----------------------------------------------------------------------


@lru_cache(maxsize=16)
def _load_folder_cached(
    folder: str, registers: tuple[tuple[str, int, int], ...] = ()
) -> tuple[Rule, ...]:
    """A folder's compiled rules, built once per run (and per set of team registers, by
    path and modification, whose entries the rules' registers take in). Never cached on
    disk: compiled rules hold compiled patterns, which are code (lint.diskcache,
    SECURITY.md)."""
    from lint.rules.loader import remember

    rules = _load_with_team(folder, registers)
    remember()
    return rules


def _load_with_team(folder: str, registers: tuple[tuple[str, int, int], ...]) -> tuple[Rule, ...]:
    """A folder's rules, their registers taking in the team's register files."""
    from lint.rules.loader import load_folder

    if not registers:
        return tuple(load_folder(Path(folder)))
    from lint.registers.team import team_registers

    with team_registers([Path(r) for r, _mtime, _size in registers]):
        return tuple(load_folder(Path(folder)))


def rule_folders(config: Config) -> list[Path]:
    """The folders a configuration's rules (and their registers) come from."""
    return ([builtin_rules_dir()] if config.builtin else []) + list(config.paths)


def output_settings(config: Config) -> dict[str, object]:
    """Every setting that changes what a run finds (not which files, nor the exit
    status): the results cache keys on these."""
    return {
        "profile": config.profile,
        "packs": config.packs,
        "rules": dict(config.rules),
        "select": config.select,
        "ignore": config.ignore,
        "builtin": config.builtin,
        "paths": [str(p) for p in config.paths],
        "registers": {str(p): _digest(p) for p in config.registers},
        "campaigners": list(config.campaigners),
        "dialect": config.dialect,
    }


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file as a cache key: its path, modification time and size."""
    try:
        stat = path.stat()
    except OSError:
        return str(path), 0, 0
    return str(path), stat.st_mtime_ns, stat.st_size


def _digest(path: Path) -> str:
    """A team register's content, for the results cache's key."""
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def all_rules(config: Config) -> list[Rule]:
    rules: dict[str, Rule] = {}
    registers = tuple(_stamp(p) for p in config.registers)
    for folder in rule_folders(config):
        for rule in _load_folder_cached(str(folder), registers):
            rules[rule.meta.id] = rule  # a team's pack may replace a built-in rule
    return sorted(rules.values(), key=lambda r: r.meta.id)


def known_profiles(rules: Iterable[Rule]) -> set[str]:
    return set(PROFILES) | {p for r in rules for p in r.meta.profiles}


def active_rules(config: Config, rules: Sequence[Rule] | None = None) -> list[ActiveRule]:
    """The rules that run, each at its effective level."""
    from lint.engine import ActiveRule
    from lint.rules.contract import TakesCampaigners

    rules = list(all_rules(config) if rules is None else rules)
    profiles = known_profiles(rules)
    if config.profile not in profiles:
        hint = did_you_mean(config.profile, profiles)
        line = config.lines.get(config.profile)
        raise ConfigError(f"unknown profile '{config.profile}'{hint}", path=config.path, line=line)
    ids = {r.meta.id for r in rules}
    packs = {r.meta.pack for r in rules}
    named: list[tuple[str, str, str | None]] = [("--select: ", n, None) for n in config.select]
    named += [("--ignore: ", n, None) for n in config.ignore]
    named += [("", n, config.path) for n in (*config.rules, *(config.packs or ()))]
    for option, name, path in named:
        if name not in ids and name not in packs:
            hint = did_you_mean(name, sorted(ids | packs))
            line = config.lines.get(name) if path else None
            raise ConfigError(f"{option}unknown rule or pack '{name}'{hint}", path=path, line=line)
    out = []
    for rule in rules:
        meta = rule.meta
        if config.packs is not None and meta.pack not in config.packs:
            continue
        setting = meta.level.label
        setting = meta.profiles.get(config.profile, setting)
        setting = config.rules.get(meta.pack, setting)
        setting = config.rules.get(meta.id, setting)
        if config.select and meta.id not in config.select and meta.pack not in config.select:
            continue
        if meta.id in config.ignore or meta.pack in config.ignore:
            continue
        if setting == "off" or (meta.dialect == "en-gb" and config.dialect == "en-us"):
            continue
        if config.campaigners and isinstance(rule, TakesCampaigners):
            rule = rule.with_campaigners(config.campaigners)
        out.append(ActiveRule(rule, Severity.parse(setting), config.profile, config.dialect))
    return out


def resolve(options: Mapping[str, Any], start: Path) -> Config:
    """The run's Config: ``--config`` or discovery from ``start``, then CLI overrides."""
    from dataclasses import replace

    explicit = options.get("config")
    found = Path(explicit) if explicit else discover(start)
    config = _load_vale(found) if found is None or is_vale_config(found) else load_config(found)
    overrides: dict[str, Any] = {}
    beside = None if found is None or is_vale_config(found) else vale_config_beside(found)
    if found is not None and beside is not None:
        overrides["notices"] = (
            f"{found.parent}: both {found.name} and {beside.name} configure this folder; "
            f"sglint uses {found.name} (its own configuration comes first) and does not "
            f"run the Vale styles. To run them with sglint's packs, name the packs in "
            f"{beside.name} (BasedOnStyles = Vale, Safeguarding) and remove {found.name}, "
            f"or pass --config {beside.name}",
        )
    if options.get("profile"):
        overrides["profile"] = options["profile"]
    if options.get("select"):
        overrides["select"] = tuple(options["select"])
    if options.get("ignore"):
        overrides["ignore"] = tuple(options["ignore"])
    if options.get("fail_level"):
        overrides["fail_level"] = Severity.parse(options["fail_level"])
    return _redirected(replace(config, **overrides))


def _redirected(config: Config) -> Config:
    """``config`` with every replaced rule id (rules/_redirects.yml) read as the rules that
    replaced it, and a notice for each."""
    from dataclasses import replace

    from lint.redirects import notice, redirects

    if not (config.rules or config.select or config.ignore):
        return config  # nothing named: the common case reads no redirects file
    table = redirects()
    where = f"{config.path}: " if config.path else ""
    notices: list[str] = []

    def names(given: tuple[str, ...], option: str) -> tuple[str, ...]:
        out: list[str] = []
        for name in given:
            if name in table:
                notices.append(notice(name, option))
                out.extend(t for t in table[name].to if t not in out)
            elif name not in out:
                out.append(name)
        return tuple(out)

    derived: dict[str, str] = {}
    explicit: dict[str, str] = {}
    lines = dict(config.lines)
    for name, setting in config.rules.items():
        if name not in table:
            explicit[name] = setting
            continue
        notices.append(notice(name, where))
        for new in table[name].to:
            derived[new] = setting
            if name in lines:
                lines.setdefault(new, lines[name])
    rules = {**derived, **explicit}  # a setting for the new id itself wins
    select = names(config.select, "--select: ")
    ignore = names(config.ignore, "--ignore: ")
    if not notices:
        return config
    return replace(
        config,
        rules=rules,
        select=select,
        ignore=ignore,
        lines=lines,
        notices=(*config.notices, *notices),
    )


def _load_vale(path: Path | None) -> Config:
    """Vale compat: a .vale.ini named by --config or found by discovery, else the one
    VALE_CONFIG_PATH names; no config at all gives the defaults."""
    env = os.environ.get("VALE_CONFIG_PATH")
    path = path or (Path(env) if env else None)
    if path is None:
        return Config()
    from lint.vale.project import load_project

    project = load_project(path, packs=builtin_packs)
    return Config(
        path=str(path), root=path.parent, builtin=False, vale=project, fail_level=Severity.ERROR
    )


def builtin_packs(names: Sequence[str]) -> Packs:
    """The built-in packs among ``names`` for a Vale project (``lint.vale.packs``): their
    rules and the levels of the default profile (None for a rule it leaves off)."""
    from lint.vale.packs import Packs

    every = all_rules(Config())
    available = frozenset(r.meta.pack for r in every)
    rules = {r.meta.id: r for r in every if r.meta.pack in names}
    if not rules:
        return Packs(available=available)
    config = Config(packs=tuple(sorted({r.meta.pack for r in rules.values()})))
    on = {a.rule.meta.id: a.level for a in active_rules(config, list(rules.values()))}
    levels = {rule_id: on.get(rule_id) for rule_id in rules}
    return Packs(rules, levels, config.profile, available)


__all__ = ["Config", "SglintError", "active_rules", "all_rules", "resolve"]
