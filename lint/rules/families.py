"""Word families: a term written once in a rule, matched in all its forms.

A rule of a pattern kind (``existence``, ``substitution``, ``figures``) may name families of word
forms and use them in its patterns, so one entry covers a verb's tenses, a noun's
plural, any determiner and a few intervening words, instead of one seed phrase:

    words_from: _words.yml          # shared families (a file with a 'words:' mapping)
    words:                          # the rule's own, added to (or replacing) those
      begin: [begin, begins, began, begun, beginning]
    swap:
      "{begin} {a?}sexual relationship with {det?}{child}": sexual abuse of a child

In any pattern of the rule (``swap`` keys, ``tokens``, ``raw``, ``exceptions``,
``not_after``, ``not_before``, ``near``, ``not_near``, ``nouns``):

* ``{name}`` is any form of the family (each form a regular expression; a family may
  use other families);
* ``{name?}`` is a form followed by white space, or nothing, so ``{det?}{child}``
  matches "the girl", "a 14-year-old" and "children";
* ``{~N}`` is up to N intervening words, each followed by white space.

Families are data: their forms live in YAML, never in Python. A name that is not
declared, a family that uses itself, or a file outside the packs folder is a located
error naming the rule file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from lint.errors import RuleError
from lint.registers import register_file
from lint.rules import schema
from lint.yamlload import LineDict, load_yaml

KEYS: dict[str, schema.Option] = {
    "words": schema.Option(schema.MAP, "The rule's own word families: name -> its forms."),
    "words_from": schema.Option(
        schema.STR_LIST, "Files of shared word families (a 'words:' mapping), relative to the rule."
    ),
}

#: Keys whose values are patterns, so may use families.
PATTERN_KEYS = (
    "swap",
    "tokens",
    "raw",
    "exceptions",
    "not_after",
    "not_before",
    "near",
    "not_near",
    "party",
    "party_pronouns",
    "nouns",
)

#: ``{name}``, ``{name?}`` (optional, with the space after it) and ``{~N}`` (a gap); not
#: ``\p{Lu}`` and friends, which are the regex module's own braces.
_PLACEHOLDER = regex.compile(
    r"(?<!\\[pPNX])\{(?:(?P<name>[A-Za-z_][\w-]*)(?P<opt>\?)?|~(?P<gap>\d{1,2}))\}"
)
#: One intervening word (or sum: "£4.50", "1,000") and the white space after it; never
#: a full stop that ends a sentence.
_GAP_WORD = r"(?:[\w'’£$€%-]+(?:[.,]\w+)*,?\s+)"


def expand_data(data: dict[str, Any], path: str, raw: LineDict) -> dict[str, Any]:
    """The rule's data (validated from ``raw``) with every family in its patterns
    written out; unchanged when the rule declares no families and uses no placeholders."""
    lines = raw.lines
    families = _families({**data, "words": raw.get("words", {})}, path, lines)
    if not families and not any(_uses_placeholders(data.get(k)) for k in PATTERN_KEYS):
        return data
    out = dict(data)
    for key in PATTERN_KEYS:
        if key not in data:
            continue
        line = lines.get(key, 0)
        value = data[key]
        if isinstance(value, dict):
            expanded: dict[str, Any] = {}
            for pattern, replacement in value.items():
                expanded[expand(str(pattern), families, path=path, line=line)] = replacement
            out[key] = expanded
        elif isinstance(value, list):
            out[key] = [expand(str(v), families, path=path, line=line) for v in value]
        elif isinstance(value, str):
            out[key] = expand(value, families, path=path, line=line)
    return out


def expand(pattern: str, families: Mapping[str, str], *, path: str, line: int) -> str:
    """One pattern with its placeholders replaced by the families' alternations."""

    def replace(m: regex.Match[str]) -> str:
        if m.group("gap"):
            return f"{_GAP_WORD}{{0,{int(m.group('gap'))}}}"
        name = m.group("name")
        if name not in families:
            known = ", ".join(sorted(families)) or "none declared"
            raise RuleError(
                f"unknown word family '{{{name}}}' (known: {known})", path=path, line=line
            )
        body = families[name]
        return rf"(?:{body}\s+)?" if m.group("opt") else body

    # An optional family takes the space after it with it: "{det?} {child}" and
    # "{det?}{child}" mean the same.
    if "{" not in pattern:  # no placeholder: nothing to replace
        return pattern
    pattern = _OPTIONAL_SPACE.sub(r"\1", pattern)
    return _PLACEHOLDER.sub(replace, pattern)


#: An optional family or a gap, and the space after it.
_OPTIONAL_SPACE = regex.compile(r"(\{[A-Za-z_][\w-]*\?\}|\{~\d{1,2}\}) ")


def _uses_placeholders(value: Any) -> bool:
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, str):
        value = [value]
    return isinstance(value, list) and any(
        "{" in str(v) and _PLACEHOLDER.search(str(v)) for v in value
    )


def _families(data: Mapping[str, Any], path: str, lines: Mapping[str, int]) -> dict[str, str]:
    """Every family the rule can use, each as one alternation, longest forms first."""
    raw: dict[str, list[str]] = {}
    for name in data.get("words_from", []):
        file = register_file(path, name, line=lines.get("words_from", 0), key="words_from")
        raw.update(_read(file))
    raw.update(_forms(data.get("words", {}), path, lines.get("words", 0)))
    key = tuple((name, tuple(forms)) for name, forms in raw.items())
    found = _RESOLVED.get(key)
    if found is None:  # an error is raised for each rule, located in its own file
        found = _RESOLVED[key] = _resolve(raw, path, lines)
    return dict(found)


#: Families resolved, by their forms: the rules of a pack take in one file's families.
_RESOLVED: dict[tuple[tuple[str, tuple[str, ...]], ...], dict[str, str]] = {}


def _resolve(raw: dict[str, list[str]], path: str, lines: Mapping[str, int]) -> dict[str, str]:
    """Each family of ``raw`` as one alternation, longest forms first."""
    resolved: dict[str, str] = {}

    def resolve(name: str, stack: tuple[str, ...]) -> str:
        if name in resolved:
            return resolved[name]
        if name in stack:
            cycle = " → ".join((*stack, name))
            raise RuleError(
                f"word family uses itself: {cycle}", path=path, line=lines.get("words", 0)
            )
        inner = {n: resolve(n, (*stack, name)) for n in _names_in(raw[name]) if n in raw}
        forms = sorted(raw[name], key=len, reverse=True)
        body = "|".join(
            expand(f, {**resolved, **inner}, path=path, line=lines.get("words", 0)) for f in forms
        )
        resolved[name] = f"(?:{body})"
        return resolved[name]

    for name in raw:
        resolve(name, ())
    return resolved


def _names_in(forms: list[str]) -> set[str]:
    return {m.group("name") for f in forms for m in _PLACEHOLDER.finditer(f) if m.group("name")}


def _forms(value: Any, path: str, line: int) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise RuleError("'words' must be a mapping of family names to forms", path=path, line=line)
    out: dict[str, list[str]] = {}
    for name, forms in value.items():
        at = value.line_of(name) if isinstance(value, LineDict) else line
        if not regex.fullmatch(r"[A-Za-z_][\w-]*", str(name)):
            raise RuleError(f"word family name {name!r} must be a plain word", path=path, line=at)
        if isinstance(forms, str):
            forms = [forms]
        if (
            not isinstance(forms, list)
            or not forms
            or not all(isinstance(f, str) and f.strip() for f in forms)
        ):
            raise RuleError(
                f"word family '{name}' must be a non-empty list of forms", path=path, line=at
            )
        out[str(name)] = list(forms)
    return out


def _read(file: Path) -> dict[str, list[str]]:
    """A word families file's families (read once per run and version of the file,
    however many of its pack's rules take them in)."""
    try:
        stat = file.stat()
    except OSError as exc:
        raise RuleError(f"cannot read word families: {exc}", path=str(file)) from None
    return dict(_read_once(file, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=64)
def _read_once(file: Path, _mtime: int, _size: int) -> dict[str, list[str]]:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read word families: {exc}", path=str(file)) from None
    data = load_yaml(text, str(file))
    if not isinstance(data, LineDict) or not isinstance(data.get("words"), dict):
        raise RuleError(
            "a word families file must be a mapping with a 'words' mapping",
            path=str(file),
            line=getattr(data, "line", 1),
        )
    return _forms(data["words"], str(file), data.line_of("words"))
