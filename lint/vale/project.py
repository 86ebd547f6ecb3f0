"""A Vale project: a ``.vale.ini``, the styles it names, and which rules run on which file.

Resolution follows Vale (``internal/lint/lint.go: shouldRun``):

- ``BasedOnStyles`` comes from the *last* matching section in file order, not merged;
- ``Style.Rule = YES|NO|level`` toggles from every matching section merge, later wins;
- a toggle switches a rule on or off whatever its style; a level also switches it on;
- a rule below ``MinAlertLevel`` (default ``suggestion``) never runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from lint import boundary
from lint.document import Document
from lint.engine import ActiveRule
from lint.errors import ConfigError, excerpt
from lint.files import is_binary
from lint.finding import Severity
from lint.readers import format_for, read_bytes, reread
from lint.rules import budget
from lint.rules.budget import DEFAULT_TIMEOUT, TIMEOUT_CHARS
from lint.rules.contract import Rule
from lint.suggest import did_you_mean
from lint.vale.ignores import apply_ignores
from lint.vale.ini import ValeIni, load_ini
from lint.vale.styles import BUILTIN_STYLE, load_styles
from lint.vale.vocab import Vocab, load_vocab

#: Folders Vale never walks into.
SKIPPED_DIRS = frozenset({".git", "node_modules"})


@dataclass(frozen=True)
class FileSettings:
    """What the ini says about one file."""

    rules: tuple[ActiveRule, ...]
    token_ignores: tuple[regex.Pattern[str], ...]
    block_ignores: tuple[regex.Pattern[str], ...]


@dataclass(frozen=True)
class ValeProject:
    """A Vale project behind sglint's ``Project`` interface (``lint.project``).

    Vale walks every folder except ``.git`` and ``node_modules`` and lints each file that
    a section of the ini matches, reading it by its extension (any other as plain text),
    with the rules its sections switch on and its TokenIgnores / BlockIgnores masked.
    """

    ini: ValeIni
    rules: dict[str, Rule]
    notices: tuple[str, ...] = ()
    _settings: dict[str, FileSettings] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> Path:
        return self.ini.root

    def relative(self, path: str) -> str:
        """A path relative to the ini's folder, for matching section globs."""
        try:
            return os.path.relpath(Path(path).resolve(), self.root.resolve())
        except ValueError:  # another drive on Windows
            return path

    def applies(self, path: str) -> bool:
        """Vale lints only files that some section matches. A file sglint has no reader
        for (read as plain text) needs a section naming it, not just ``[*]``; the
        StylesPath itself (rules, vocabularies) is never linted."""
        styles = self.ini.styles_path
        resolved = Path(path).resolve()
        root = self.root.resolve()
        if (
            styles is not None
            and styles != root
            and styles not in root.parents
            and styles in resolved.parents
        ):
            return False
        known = format_for(path) is not None
        return any(known or s.name != "*" for s in self.ini.matching(self.relative(path)))

    def files(
        self, paths: Sequence[str], *, force_exclude: bool = False
    ) -> Iterator[tuple[str, bool]]:
        """Files to lint, in sorted order (Vale's ``--sort``), each once; Vale has no
        exclusions beyond its sections, so ``force_exclude`` changes nothing."""
        seen: set[str] = set()
        for name in paths:
            if not Path(name).is_dir():
                candidates: list[str] = [name]
            else:
                candidates = []
                for root, dirs, files in os.walk(name):
                    dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
                    candidates.extend(
                        os.path.join(root, f)
                        for f in sorted(files)
                        if not f.startswith(".") and not is_binary(Path(root) / f)
                    )
            for path in candidates:
                path = os.path.normpath(path)
                if path not in seen and (not Path(path).exists() or self.applies(path)):
                    seen.add(path)
                    yield path, True

    def rules_for(self, path: str) -> Sequence[ActiveRule]:
        return self.settings(path).rules

    def names(self, path: str) -> frozenset[str]:
        """The styles' rule ids and the style names (what ``<!-- vale X = NO -->`` takes)."""
        return frozenset(self.rules) | {rule_id.split(".", 1)[0] for rule_id in self.rules}

    def read(self, path: str, data: bytes) -> Document:
        return self._ignoring(read_bytes(path, data, format_for(path) or "text"))

    def reread(self, doc: Document, text: str) -> Document:
        return self._ignoring(reread(doc, text))

    def _ignoring(self, doc: Document) -> Document:
        """The document with its ignores masked; the ini's patterns run under the same
        time budget as a rule's, scaled with the file's size (lint.rules.budget)."""
        settings = self.settings(doc.path)
        seconds = DEFAULT_TIMEOUT * max(1.0, len(doc.source) / TIMEOUT_CHARS)
        try:
            with budget.within(seconds):
                return apply_ignores(
                    doc,
                    token_ignores=settings.token_ignores,
                    block_ignores=settings.block_ignores,
                    skipped_scopes=self.ini.items("SkippedScopes"),
                )
        except TimeoutError:
            raise ConfigError(
                f"a TokenIgnores or BlockIgnores pattern ran longer than {seconds:.3g}s on "
                "this file and was stopped; file not checked",
                path=doc.path,
            ) from None

    def settings(self, path: str) -> FileSettings:
        """What the ini says about one file (worked out once per file)."""
        found = self._settings.get(path)
        if found is None:
            found = self._settings[path] = self._settings_for(path)
        return found

    def _settings_for(self, path: str) -> FileSettings:
        sections = list(self.ini.matching(self.relative(path)))
        styles: list[str] = []
        toggles: dict[str, str] = {}
        tokens: list[regex.Pattern[str]] = []
        blocks: list[regex.Pattern[str]] = []
        for section in sections:
            if "BasedOnStyles" in section.keys:
                styles = section.keys["BasedOnStyles"].items()
            toggles.update(section.toggles)
            for key, out in (("TokenIgnores", tokens), ("BlockIgnores", blocks)):
                entry = section.keys.get(key)
                for pattern in entry.values if entry else ():
                    out.append(_compile(pattern, self.ini, entry.line if entry else 0, key))
        minimum = self.ini.min_alert_level
        active = []
        for rule_id, rule in self.rules.items():
            setting = toggles.get(rule_id, toggles.get(rule.meta.pack))
            if setting is None:
                setting = "on" if rule.meta.pack in styles else "off"
            if setting == "off":
                continue
            level = rule.meta.level if setting == "on" else Severity.parse(setting)
            if level >= minimum:
                active.append(ActiveRule(rule, level))
        return FileSettings(tuple(active), tuple(tokens), tuple(blocks))


def _compile(pattern: str, ini: ValeIni, line: int, key: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, regex.MULTILINE)
    except (regex.error, ValueError) as exc:
        raise ConfigError(
            f"{key}: invalid regular expression {excerpt(pattern)!r}: {exc}",
            path=str(ini.path),
            line=line,
        ) from None


def load_project(path: Path) -> ValeProject:
    ini = load_ini(path)
    where = str(ini.path)
    styles_path = ini.styles_path
    if (
        styles_path is not None
        and not boundary.inside(styles_path, ini.root)
        and not boundary.inside(styles_path, boundary.root())
    ):
        raise ConfigError(
            f"StylesPath {excerpt(ini.core['StylesPath'].last)!r} leads outside the "
            "project; refused",
            path=where,
            line=ini.core["StylesPath"].line,
        )
    wanted: dict[str, None] = {}
    for section in ini.sections:
        if "BasedOnStyles" in section.keys:
            wanted.update(dict.fromkeys(section.keys["BasedOnStyles"].items()))
        wanted.update(dict.fromkeys(key.split(".", 1)[0] for key, _ in section.toggles))
    vocab = Vocab()
    if ini.items("Vocab"):
        if styles_path is None:
            raise ConfigError("Vocab needs a StylesPath", path=where)
        vocab = load_vocab(styles_path, ini.items("Vocab"), ini=where)
    needs_path = [s for s in wanted if s != BUILTIN_STYLE]
    if needs_path and (styles_path is None or not styles_path.is_dir()):
        shown = ini.core["StylesPath"].last if "StylesPath" in ini.core else "(not set)"
        raise ConfigError(f"StylesPath {shown} is not a folder", path=where)
    for style in needs_path:
        assert styles_path is not None
        if not (styles_path / style).is_dir():
            present = sorted(p.name for p in styles_path.iterdir() if p.is_dir())
            hint = did_you_mean(style, present)
            raise ConfigError(
                f"style '{style}' does not exist on StylesPath {styles_path}{hint}", path=where
            )
    loaded = load_styles(styles_path or ini.root, list(wanted), vocab)
    notices = [f"{where}: '{key}' is a Vale setting sglint ignores" for key in ini.ignored]
    for section in ini.sections:
        for key, _ in section.toggles:
            if key.split(".", 1)[0] == BUILTIN_STYLE:
                continue  # Vale.Spelling and friends: nothing to check against
            if key not in loaded.rules and key not in loaded.skipped:
                # Vale ignores a toggle that names no rule; say so, but run.
                hint = did_you_mean(key, sorted(loaded.rules))
                notices.append(
                    f"{where}:{section.line}: [{section.name}] rule '{key}' not "
                    f"found; toggle ignored{hint}"
                )
    return ValeProject(ini, loaded.rules, (*notices, *loaded.notices))
