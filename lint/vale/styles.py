"""Loading Vale styles from a ``StylesPath``: ``<Style>/**/<Rule>.yml`` → rules that run in
Vale-compat mode, plus Vale's built-in ``Vale`` style (Terms, Avoid, Repetition).

Only ``.yml`` files load (Vale ignores ``.yaml``). Rule kinds sglint cannot run yet
(see UNSUPPORTED_KINDS) are skipped with a notice rather than failing
the run, so that a style that mixes them still works for everything else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint import boundary
from lint.errors import RuleError
from lint.messages import plural
from lint.rules.contract import Rule
from lint.rules.loader import build_rule, within
from lint.vale.casing import vale_exceptions
from lint.vale.kinds import VALE_KINDS
from lint.vale.lenient import CannotRun, forgive
from lint.vale.vocab import Vocab, is_phrase
from lint.yamlload import LineDict, load_yaml, read_data_file

#: Vale's extension points sglint does not run.
UNSUPPORTED_KINDS = frozenset({"script"})

#: Kinds whose ``exceptions`` take the accepted Vocab when ``vocab`` is true (the default).
VOCAB_KINDS = frozenset(
    {"existence", "substitution", "repetition", "conditional", "capitalization"}
)

BUILTIN_STYLE = "Vale"
#: Where Vale keeps Hunspell dictionaries and spelling word lists (``core.DictDir``,
#: ``core.IgnoreDir``), under the StylesPath.
DICTIONARY_DIR = "config/dictionaries"
IGNORE_DIR = "config/ignore"


@dataclass(frozen=True)
class LoadedStyles:
    rules: dict[str, Rule]
    notices: tuple[str, ...]
    skipped: dict[str, str] = field(default_factory=dict)  # rule id -> why (its kind …)

    def skipped_summary(self) -> str | None:
        """The closing count of skipped rules, by reason (None when none was skipped)."""
        if not self.skipped:
            return None
        kinds = Counter(self.skipped.values())
        shown = ", ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items()))
        return f"{plural(len(self.skipped), 'Vale rule')} skipped ({shown})"


def rule_files(styles_path: Path, style: str) -> Iterator[tuple[str, Path]]:
    """(``Style.Rule``, file) for every ``.yml`` file under ``StylesPath/Style``."""
    for file in sorted((styles_path / style).rglob("*.yml")):
        if not any(part.startswith(".") for part in file.relative_to(styles_path).parts) and within(
            file, styles_path, "Vale rule file"
        ):
            yield f"{style}.{file.stem}", file


def _asset(styles_path: Path, value: str, *, under: tuple[str, ...] = ("",)) -> str:
    """A path a rule names, as Vale resolves it: as given when absolute, else under the
    StylesPath (or one of its ``under`` folders); '' for one outside the StylesPath and
    the project (never read)."""
    given = Path(value)
    candidates = [given] if given.is_absolute() else [styles_path / u / value for u in under]
    found = next((c for c in candidates if c.exists()), candidates[-1])
    if boundary.inside(found, styles_path) or boundary.inside(found, boundary.root()):
        return str(found)
    boundary.notice(f"{found}: a dictionary or word list outside the project; not read")
    return ""


def spelling_paths(raw: LineDict, styles_path: Path) -> None:
    """Resolve a ``spelling`` rule's files in place (``lint.vale.spelling`` reads them)."""
    for key in ("dic", "aff"):
        if raw.get(key):
            raw[key] = _asset(styles_path, str(raw[key]))
    raw["dicpath"] = _asset(styles_path, str(raw.get("dicpath") or DICTIONARY_DIR))
    ignore = raw.get("ignore") or []
    ignore = ignore if isinstance(ignore, list) else [ignore]
    found = [_asset(styles_path, str(i), under=("", IGNORE_DIR)) for i in ignore]
    raw["ignore"] = [f for f in found if f and Path(f).is_file()]


def vale_rule(raw: LineDict, *, rule_id: str, path: str, vocab: Vocab, styles_path: Path) -> Rule:
    """Build one rule with Vale's semantics: vocab terms as exceptions, compat mode."""
    kind = raw.get("extends")
    if kind == "spelling":
        spelling_paths(raw, styles_path)
    word_rule = not (kind == "existence" and raw.get("nonword"))  # Vale #1058
    existing = raw.get("exceptions") or []
    existing = existing if isinstance(existing, list) else [existing]
    line = raw.line_of("exceptions")
    # spelling always takes the accepted terms (Vale's addExceptions), whatever 'vocab'.
    takes_vocab = kind == "spelling" or (kind in VOCAB_KINDS and raw.get("vocab", True))
    if takes_vocab and word_rule and vocab.accept:
        raw["exceptions"] = [*existing, *vocab.accept]
        raw.lines["exceptions"] = line
    elif kind == "capitalization" and existing:
        # Nothing appended, so Vale's updateExceptions rewrote the rule's own list in
        # place and the case converter sees that list (see lint/vale/casing.py).
        raw["exceptions"] = vale_exceptions([str(e) for e in existing if e])
        raw.lines["exceptions"] = line
    return build_rule(raw, rule_id=rule_id, path=path, kinds=VALE_KINDS)


def load_style(styles_path: Path, style: str, vocab: Vocab) -> LoadedStyles:
    rules: dict[str, Rule] = {}
    notices: list[str] = []
    skipped: dict[str, str] = {}
    for rule_id, file in rule_files(styles_path, style):
        repeated: list[tuple[str, int]] = []
        text = read_data_file(file, "rule file", RuleError)
        raw = load_yaml(text, str(file), repeated=repeated)
        if not isinstance(raw, LineDict):
            raise RuleError("a rule file must be a YAML mapping", path=str(file), line=1)
        notices.extend(forgive(raw, path=str(file), repeated=repeated))
        kind = raw.get("extends")
        if kind in UNSUPPORTED_KINDS:
            notices.append(
                f"{file}:{raw.line_of('extends')}: {rule_id}: Vale rule kind '{kind}' "
                "is not run by sglint; rule skipped"
            )
            skipped[rule_id] = str(kind)
            continue
        try:
            rules[rule_id] = vale_rule(
                raw, rule_id=rule_id, path=str(file), vocab=vocab, styles_path=styles_path
            )
        except CannotRun as exc:
            notices.append(f"{exc}; {rule_id} skipped")
            skipped[rule_id] = exc.reason
    return LoadedStyles(rules, tuple(notices), skipped)


def _line_dict(data: dict[str, Any]) -> LineDict:
    out = LineDict(data)
    out.lines = {}
    out.line = 1
    return out


def builtin_rules(vocab: Vocab) -> dict[str, Rule]:
    """Vale's own style: ``Vale.Terms`` (accepted terms in their exact case),
    ``Vale.Avoid`` (rejected terms) and ``Vale.Repetition`` ("the the")."""
    specs: dict[str, dict[str, Any]] = {
        "Repetition": {
            "extends": "repetition",
            "message": "'%s' is repeated!",
            "level": "error",
            "ignorecase": True,
            "alpha": True,
            "tokens": [r"[^\s.!?]+"],
            "action": {"name": "edit", "params": ["truncate", " "]},
        },
    }
    terms = {t.lower(): t for t in vocab.accept if is_phrase(t)}
    if terms:
        specs["Terms"] = {
            "extends": "substitution",
            "message": "Use '%s' instead of '%s'.",
            "level": "error",
            "ignorecase": True,
            "vocab": False,
            "swap": terms,
        }
    if vocab.reject:
        specs["Avoid"] = {
            "extends": "existence",
            "message": "Avoid using '%s'.",
            "level": "error",
            "ignorecase": False,
            "tokens": list(vocab.reject),
        }
    return {
        f"{BUILTIN_STYLE}.{name}": build_rule(
            _line_dict(spec),
            rule_id=f"{BUILTIN_STYLE}.{name}",
            path="<Vale built-in>",
            kinds=VALE_KINDS,
        )
        for name, spec in specs.items()
    }


def builtin_spelling(styles_path: Path, vocab: Vocab) -> Rule:
    """``Vale.Spelling``: the default dictionary, with every word list in
    ``<StylesPath>/config/ignore`` (CannotRun without a default dictionary)."""
    folder = styles_path / IGNORE_DIR
    lists = sorted(str(f) for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []
    spec = {
        "extends": "spelling",
        "message": "Did you really mean '%s'?",
        "level": "error",
        "action": {"name": "suggest", "params": ["spellings"]},
        "ignore": lists,
    }
    rule_id = f"{BUILTIN_STYLE}.Spelling"
    return vale_rule(
        _line_dict(spec),
        rule_id=rule_id,
        path="<Vale built-in>",
        vocab=vocab,
        styles_path=styles_path,
    )


def load_styles(styles_path: Path, styles: Sequence[str], vocab: Vocab) -> LoadedStyles:
    rules: dict[str, Rule] = {}
    notices: list[str] = []
    skipped: dict[str, str] = {}
    for style in styles:
        if style == BUILTIN_STYLE:
            rules.update(builtin_rules(vocab))
            try:
                rules[f"{BUILTIN_STYLE}.Spelling"] = builtin_spelling(styles_path, vocab)
            except CannotRun as exc:
                notices.append(f"{exc}; {BUILTIN_STYLE}.Spelling skipped")
                skipped[f"{BUILTIN_STYLE}.Spelling"] = exc.reason
            continue
        loaded = load_style(styles_path, style, vocab)
        rules.update(loaded.rules)
        notices.extend(loaded.notices)
        skipped.update(loaded.skipped)
    return LoadedStyles(rules, tuple(notices), skipped)
