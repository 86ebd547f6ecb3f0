"""Vale vocabularies: ``accept.txt`` and ``reject.txt`` lists named by ``Vocab``.

Accepted entries become exceptions of every rule with ``vocab: true`` and, as the
built-in ``Vale.Terms`` rule, a check that they are written in exactly that case;
rejected entries become the ``Vale.Avoid`` rule. Entries may be regexes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from lint.errors import ConfigError
from lint.rules.loader import within
from lint.yamlload import read_data_file

#: Where Vale 3 keeps vocabularies; Vale 2 used ``<StylesPath>/Vocab/<Name>``.
VOCAB_DIRS = ("config/vocabularies", "Vocab")

_PHRASE = regex.compile(r"^[\p{L}\p{N} '’-]+$")


@dataclass(frozen=True)
class Vocab:
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


def read_list(path: Path) -> list[str]:
    """One entry per line; blank lines and ``#`` comments are skipped."""
    lines = read_data_file(path, "vocabulary", ConfigError).splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def load_vocab(styles_path: Path, names: Sequence[str], *, ini: str) -> Vocab:
    accept: list[str] = []
    reject: list[str] = []
    for name in names:
        folder = next(
            (styles_path / d / name for d in VOCAB_DIRS if (styles_path / d / name).is_dir()), None
        )
        if folder is None:
            raise ConfigError(
                f"Vocab '{name}' not found under {styles_path / VOCAB_DIRS[0]}", path=ini
            )
        if not within(folder, styles_path, "Vocab folder"):
            continue
        for file, out in (("accept.txt", accept), ("reject.txt", reject)):
            if (folder / file).is_file() and within(folder / file, folder, "vocabulary"):
                out.extend(read_list(folder / file))
    return Vocab(tuple(dict.fromkeys(accept)), tuple(dict.fromkeys(reject)))


def is_phrase(term: str) -> bool:
    """A plain word or phrase (no regex syntax): Vale's ``core.IsPhrase``."""
    return bool(_PHRASE.match(term))
