"""The lexicon: the words name, title and speech detection relies on, from YAML.

``rules/_lexicon.yml`` (shipped with the built-in packs) lists words by role: speech
verbs, honorifics, styles, ranks, post-nominals, title heads, role and organisation
words, places and force areas, months, days, sentence openers and abbreviations. The
quote model, the speaker finder, the people rules and the sentence splitter all read
them here, so one edit to the file teaches every one of them.
"""

from __future__ import annotations

from functools import cache

import regex

from lint.configfiles import builtin_rules_dir
from lint.errors import RuleError
from lint.validate import NAMES, Option, check_keys
from lint.yamlload import LineDict, load_yaml, read_data_file

ROLES = (
    "speech_verbs",
    "honorifics",
    "styles",
    "ranks",
    "rank_abbreviations",
    "post_nominals",
    "elected_letters",
    "title_heads",
    "role_words",
    "role_surnames",
    "role_first_names",
    "organisation_words",
    "places",
    "months",
    "days",
    "number_words",
    "sentence_openers",
    "abbreviations",
    "name_connectors",
    "name_place_connectors",
    "name_particles",
    "title_phrases",
    "office_titles",
    "organisation_kinds",
    "presenting_verbs",
    "other_abbreviations",
    "judicial_titles",
    "described_people",
    "uk_spellings",
    "offence_names",
    "framed_offences",
    "offence_frames",
    "name_heads",
    "person_nouns",
    "first_names",
    "common_words",
    "document_heads",
    "lower_title_heads",
)
FILE_NAME = "_lexicon.yml"


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Every role's words, in the file's order (read once)."""
    path = builtin_rules_dir() / FILE_NAME
    where = str(path)
    data = load_yaml(read_data_file(path, "lexicon", RuleError), where)
    if not isinstance(data, LineDict):
        raise RuleError("the lexicon must be a mapping of roles to word lists", path=where)
    roles = {role: Option(NAMES, f"The words of the role '{role}'.") for role in ROLES}
    given = check_keys(data, roles, path=where, where=" in the lexicon", required=ROLES)
    return {role: tuple(given[role]) for role in ROLES}


def words(*roles: str) -> frozenset[str]:
    """The words of these roles."""
    table = lexicon()
    return frozenset(w for role in roles for w in table[role])


def single_words(*roles: str) -> frozenset[str]:
    """The one-word entries of these roles ("Inspector", not "Chief Inspector")."""
    return frozenset(w for w in words(*roles) if " " not in w)


def parts(*roles: str) -> frozenset[str]:
    """Every word of these roles' entries ("Chief" and "Inspector" of "Chief Inspector")."""
    return frozenset(p for w in words(*roles) for p in w.split())


def alternation(*roles: str) -> str:
    """A regex alternation of these roles' entries, longest first (so that "Chief
    Inspector" is tried before "Inspector")."""
    ordered = sorted(words(*roles), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w, literal_spaces=True) for w in ordered)


@cache
def word_file(name: str) -> dict[str, frozenset[str]]:
    """A file of word lists beside the lexicon (``_given_names.yml``, ``_places.yml``):
    the longer lists only the Anonymity readings need, read when first asked for rather
    than with the lexicon every run loads."""
    path = builtin_rules_dir() / name
    where = str(path)
    data = load_yaml(read_data_file(path, "word list", RuleError), where)
    if not isinstance(data, LineDict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in data.values()
    ):
        raise RuleError("a word-list file must map names to lists of words", path=where)
    return {str(key): frozenset(value) for key, value in data.items()}
