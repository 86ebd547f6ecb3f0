"""Hunspell dictionaries (``.dic`` + ``.aff``) read in pure Python, for Vale's ``spelling``.

Vale checks words with gospell, a Go port of Hunspell's core: a word is right when it
is a dictionary stem, or a stem with one prefix and/or one suffix the stem's flags
allow. This reader does the same, and reads what Vale's and LibreOffice's English
dictionaries use:

- ``SET`` (the file's encoding), ``FLAG`` (single characters, ``long`` pairs, ``num``
  lists, ``UTF-8``) and ``AF`` flag aliases;
- ``PFX`` / ``SFX`` groups with their strip, append and condition, and cross products
  (a prefix and a suffix that both allow it);
- ``FORBIDDENWORD``, ``NEEDAFFIX`` (and its old name ``PSEUDOROOT``), ``KEEPCASE``;
- ``ICONV`` input conversions (``’`` → ``'``), applied before a lookup;
- Hunspell's case rules: a capitalised word may be a lower-case stem, an upper-case word
  any stem.

Compounding (``COMPOUNDFLAG`` …), two-level suffixes and suggestions are not read; a
word that needs them is reported, as a missing word would be.
"""

from __future__ import annotations

import codecs
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from lint.errors import RuleError
from lint.yamlload import MAX_BYTES

#: Largest .dic or .aff read (a full English dictionary is under 1 MB).
MAX_DICTIONARY_BYTES = 8 * MAX_BYTES


@dataclass(frozen=True)
class Affix:
    flag: str
    cross: bool
    strip: str
    add: str
    condition: regex.Pattern[str]


@dataclass
class Dictionary:
    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, list[Affix]] = field(default_factory=lambda: defaultdict(list))
    suffixes: dict[str, list[Affix]] = field(default_factory=lambda: defaultdict(list))
    iconv: list[tuple[str, str]] = field(default_factory=list)
    forbidden: str | None = None
    needaffix: str | None = None
    keepcase: str | None = None

    def convert(self, word: str) -> str:
        for source, target in self.iconv:
            word = word.replace(source, target)
        return word

    def check(self, word: str) -> bool:
        """Whether ``word`` is spelt right (Hunspell's case rules included)."""
        word = self.convert(word)
        if self._known(word):
            return True
        if word[:1].isupper() and word[1:] == word[1:].lower():
            return self._known(word.lower(), keepcase=False)
        if word.isupper():
            lower = word.lower()
            return self._known(lower, keepcase=False) or self._known(lower.capitalize())
        return False

    def _stem(self, stem: str, *flags: str, keepcase: bool = True) -> bool:
        found = self.words.get(stem)
        if found is None or (self.forbidden and self.forbidden in found):
            return False
        if not keepcase and self.keepcase and self.keepcase in found:
            return False
        return all(f in found for f in flags)

    def _known(self, word: str, *, keepcase: bool = True) -> bool:
        found = self.words.get(word)
        if found is not None and not (self.needaffix and self.needaffix in found):
            return self._stem(word, keepcase=keepcase)
        return self._suffixed(word, None, keepcase) or self._prefixed(word, keepcase)

    def _suffixed(self, word: str, prefix: Affix | None, keepcase: bool) -> bool:
        for size in range(len(word) + 1):
            add = word[len(word) - size :] if size else ""
            for sfx in self.suffixes.get(add, ()):
                if prefix is not None and not (sfx.cross and prefix.cross):
                    continue
                stem = word[: len(word) - size] + sfx.strip
                if not stem or not sfx.condition.search(stem):
                    continue
                flags = (sfx.flag,) if prefix is None else (sfx.flag, prefix.flag)
                if self._stem(stem, *flags, keepcase=keepcase):
                    return True
        return False

    def _prefixed(self, word: str, keepcase: bool) -> bool:
        for size in range(len(word) + 1):
            for pfx in self.prefixes.get(word[:size], ()):
                stem = pfx.strip + word[size:]
                if not stem or not pfx.condition.search(stem):
                    continue
                if self._stem(stem, pfx.flag, keepcase=keepcase):
                    return True
                if pfx.cross and self._suffixed(stem, pfx, keepcase):
                    return True
        return False


def _read(path: Path, encoding: str = "utf-8") -> str:
    try:
        size = path.stat().st_size
        if size > MAX_DICTIONARY_BYTES:
            raise RuleError(
                f"dictionary too large ({size:,} bytes; the limit is {MAX_DICTIONARY_BYTES:,})",
                path=str(path),
            )
        return path.read_bytes().decode(encoding, errors="replace")
    except OSError as exc:
        raise RuleError(f"cannot read dictionary: {exc.strerror or exc}", path=str(path)) from None


def _encoding(aff: Path) -> str:
    head = aff.read_bytes()[:4096].decode("latin-1")
    m = regex.search(r"(?m)^SET\s+(\S+)", head)
    name = m.group(1).lower() if m else "iso-8859-1"
    name = {"microsoft-cp1251": "cp1251", "iso8859-1": "iso-8859-1"}.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return "utf-8"  # an encoding Python does not know: read as UTF-8, never fail
    return name


def _flags(text: str, kind: str, aliases: list[str]) -> set[str]:
    if aliases and text.isdigit():
        index = int(text) - 1
        text = aliases[index] if 0 <= index < len(aliases) else ""
    if kind == "long":
        return {text[i : i + 2] for i in range(0, len(text), 2)}
    if kind == "num":
        return {f for f in text.split(",") if f}
    return set(text)


def _condition(text: str, suffix: bool) -> regex.Pattern[str]:
    """A Hunspell condition (``.``, ``[abc]``, ``[^abc]`` and letters) as a pattern
    anchored at the stem's end (suffixes) or start (prefixes)."""
    if text == ".":
        return regex.compile("")
    parts = regex.findall(r"\[\^?[^\]]*\]|.", text)
    body = "".join(p if p.startswith("[") or p == "." else regex.escape(p) for p in parts)
    try:
        return regex.compile(f"(?:{body})$" if suffix else f"^(?:{body})")
    except regex.error:
        return regex.compile(regex.escape(text) + "$" if suffix else "^" + regex.escape(text))


def parse(dic: Path, aff: Path) -> Dictionary:
    encoding = _encoding(aff)
    out = Dictionary()
    kind = "char"
    aliases: list[str] = []
    lines = [line.split() for line in _read(aff, encoding).splitlines()]
    for fields in lines:
        if not fields or fields[0].startswith("#"):
            continue
        head = fields[0]
        if head == "FLAG" and len(fields) > 1:
            kind = {"long": "long", "num": "num"}.get(fields[1], "char")
        elif head == "AF" and len(fields) > 1 and not fields[1].isdigit():
            aliases.append(fields[1])
        elif head == "ICONV" and len(fields) == 3:
            out.iconv.append((fields[1], fields[2]))
        elif head == "FORBIDDENWORD" and len(fields) > 1:
            out.forbidden = fields[1]
        elif head in ("NEEDAFFIX", "PSEUDOROOT") and len(fields) > 1:
            out.needaffix = fields[1]
        elif head == "KEEPCASE" and len(fields) > 1:
            out.keepcase = fields[1]
    crosses: dict[tuple[str, str], bool] = {}
    for fields in lines:
        if len(fields) < 4 or fields[0] not in ("PFX", "SFX"):
            continue
        head, flag = fields[0], fields[1]
        if (head, flag) not in crosses:  # the group's header: PFX A Y 3
            crosses[(head, flag)] = fields[2] == "Y"
            continue
        strip = "" if fields[2] == "0" else fields[2]
        add = fields[3].split("/", 1)[0]
        add = "" if add == "0" else add
        condition = _condition(fields[4] if len(fields) > 4 else ".", head == "SFX")
        affix = Affix(flag, crosses[(head, flag)], strip, add, condition)
        (out.suffixes if head == "SFX" else out.prefixes)[add].append(affix)
    entries = _read(dic, encoding).splitlines()
    for line in entries[1:] if entries and entries[0].strip().isdigit() else entries:
        entry = line.split("\t", 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        entry = entry.split(" ", 1)[0]
        word, _, flags = entry.partition("/")
        word = word.replace("\\/", "/")
        out.words[word] |= _flags(flags, kind, aliases) if flags else set()
    return out


@lru_cache(maxsize=16)
def _cached(dic: Path, aff: Path, stamp: tuple[float, float]) -> Dictionary:
    return parse(dic, aff)


def load(dic: Path, aff: Path) -> Dictionary:
    """A dictionary, read once per run (per file version)."""
    try:
        stamp = (dic.stat().st_mtime, aff.stat().st_mtime)
    except OSError as exc:
        raise RuleError(f"cannot read dictionary: {exc.strerror or exc}", path=str(dic)) from None
    return _cached(dic, aff, stamp)
