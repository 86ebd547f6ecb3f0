"""Vale's ``spelling`` kind (``internal/check/spelling.go``): each word of the scope
checked against Hunspell dictionaries (``lint.vale.hunspell``).

- Dictionaries: ``dic`` + ``aff`` files; else ``dictionaries`` (names) in ``dicpath``
  (default ``<StylesPath>/config/dictionaries``); with none named, the default
  dictionary, which Vale builds in (en_US-web) and sglint looks for as
  ``en_US-web`` or ``en_US`` in that folder; ``append: true`` adds the named ones to it.
  sglint ships no dictionary: a rule whose dictionary is missing is skipped with a
  notice (``lint.vale.lenient.CannotRun``), never the run.
- A word is skipped when a ``filters`` pattern occurs in it, or (unless ``custom:
  true``) by Vale's default filters: camel case, an upper-case ending, or any character
  but a letter, ``_`` or ``'``.
- A word is right when a dictionary or an ``ignore`` list (one word a line) has it, or
  when it is one of the ``exceptions`` (the accepted Vocab terms among them) as a whole
  word, in any case; a multi-word accepted phrase is masked before words are taken.
- ``%s`` is the word (after the dictionary's ``ICONV`` conversions).

``lint.vale.styles`` resolves every path of the rule (relative to the StylesPath, as
Vale does) before the rule is built, so the kind sees absolute paths only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import vale_message
from lint.rules import budget, schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.vale.hunspell import Dictionary, load
from lint.vale.lenient import CannotRun
from lint.yamlload import read_data_file

KEYS: dict[str, schema.Option] = {
    "aff": schema.Option(schema.STR, "A Hunspell .aff file (with 'dic').", ""),
    "dic": schema.Option(schema.STR, "A Hunspell .dic file (with 'aff').", ""),
    "dicpath": schema.Option(schema.STR, "The folder of the named 'dictionaries'.", ""),
    "dictionaries": schema.Option(
        schema.STR_LIST, "Dictionary names (<name>.dic + <name>.aff in dicpath).", ()
    ),
    "append": schema.Option(schema.BOOL, "Add the named dictionaries to the default.", False),
    "filters": schema.Option(schema.STR_LIST, "Patterns of words not to check.", ()),
    "custom": schema.Option(schema.BOOL, "Drop Vale's default filters.", False),
    "ignore": schema.Option(schema.STR_LIST, "Word lists (one word a line) of right words.", ()),
    "exceptions": schema.Option(schema.STR_LIST, "Words right as whole words, any case.", ()),
    "threshold": schema.Option(schema.INT, "Kept for Vale styles (Vale ignores it too).", 0),
}
DEFAULT_FIX = FixSafety.DISPLAY
CONTEXT = ContextUse.RESPECT

#: Names of the default dictionary, looked for in ``dicpath``.
DEFAULT_NAMES = ("en_US-web", "en_US")

#: Vale's words: letters, digits and ``_``, joined by ``'``, ``’``, ``-`` or ``.``.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+(?:['’.\-][\p{L}\p{M}\p{N}_]+)*")
#: Vale's default filters (``defaultFilters``), each searched anywhere in the word.
_DEFAULT_FILTERS = (
    regex.compile(r"[A-Z]{1}[a-z]+[A-Z]+\w+"),
    regex.compile(r"[\p{Lu}]+$"),
    regex.compile(r"[^\p{L}_']"),
)


def missing(message: str, path: str) -> CannotRun:
    """The rule names (or needs) a dictionary that is not there: the rule is skipped."""
    return CannotRun(message, reason="spelling without a dictionary", path=path)


@dataclass(frozen=True)
class Spelling:
    meta: RuleMeta
    dictionaries: tuple[Dictionary, ...]
    ignored: frozenset[str]
    filters: tuple[regex.Pattern[str], ...]
    exceptions: regex.Pattern[str] | None
    phrases: regex.Pattern[str] | None

    def right(self, word: str) -> bool:
        if word in self.ignored or word.lower() in self.ignored:
            return True
        if self.exceptions is not None and self.exceptions.search(word):
            return True
        return any(d.check(word) for d in self.dictionaries)

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        convert = self.dictionaries[0].convert
        for unit in facts.units(self.meta.scope):
            text = doc.text[unit.start : unit.end]
            if self.phrases is not None:
                text = self.phrases.sub(lambda m: " " * len(m.group()), text, timeout=budget.left())
            for m in _WORD.finditer(text, timeout=budget.left()):
                word = convert(m.group())
                if any(f.search(word) for f in self.filters) or self.right(word):
                    continue
                start = unit.start + m.start()
                yield Hit(start, unit.start + m.end(), vale_message(self.meta.message, word))


def _pair(folder: Path, name: str) -> tuple[Path, Path] | None:
    dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
    return (dic, aff) if dic.is_file() and aff.is_file() else None


def dictionary_files(data: dict[str, Any], path: str) -> list[tuple[Path, Path]]:
    """The (.dic, .aff) pairs a rule names, as Vale's ``makeSpeller`` finds them."""
    dic, aff = data.get("dic", ""), data.get("aff", "")
    if dic and aff and Path(dic).is_file() and Path(aff).is_file():
        return [(Path(dic), Path(aff))]
    folder = Path(data.get("dicpath") or ".")
    names = list(data.get("dictionaries", ()))
    pairs = []
    if not names or data.get("append"):
        default = next((p for n in DEFAULT_NAMES if (p := _pair(folder, n))), None)
        if default is None:
            raise missing(
                "no default Hunspell dictionary: sglint ships none (Vale builds in "
                f"en_US-web); put en_US-web.dic and .aff (or en_US) in {folder}, or "
                "name one with dic/aff or dictionaries",
                path,
            )
        pairs.append(default)
    for name in names:
        pair = _pair(folder, name)
        if pair is None:
            raise missing(f"dictionary '{name}' not found in {folder}", path)
        pairs.append(pair)
    return pairs


def _word_list(file: str) -> list[str]:
    text = read_data_file(Path(file), "word list", RuleError)
    return [w for w in (line.strip() for line in text.splitlines()) if w]


def _compile(patterns: list[str], what: str, path: str, line: int) -> list[regex.Pattern[str]]:
    out = []
    for pattern in patterns:
        try:
            out.append(regex.compile(pattern))
        except (regex.error, ValueError) as exc:
            raise RuleError(
                f"{what}: invalid pattern {pattern!r}: {exc}", path=path, line=line
            ) from None
    return out


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Spelling:
    line = src.data.line_of
    dictionaries = tuple(load(dic, aff) for dic, aff in dictionary_files(data, src.path))
    ignored = frozenset(w for f in data.get("ignore", ()) for w in _word_list(f))
    filters = _compile(list(data.get("filters", ())), "filters", src.path, line("filters"))
    if not data.get("custom"):
        filters += _DEFAULT_FILTERS
    terms = [t for t in data.get("exceptions", ()) if t]
    exceptions = phrases = None
    if terms:
        whole = [t if t.startswith("\\b") or t.endswith("\\b") else rf"\b{t}\b" for t in terms]
        exceptions = _compile(
            ["(?i)" + "|".join(whole)], "exceptions", src.path, line("exceptions")
        )[0]
        multi = [t for t in terms if " " in t or "\\s" in t]
        if multi:
            phrase = r"(?i)\b(?:" + "|".join(multi) + r")\b"
            phrases = _compile([phrase], "exceptions", src.path, line("exceptions"))[0]
    return Spelling(meta, dictionaries, ignored, tuple(filters), exceptions, phrases)
