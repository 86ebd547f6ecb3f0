"""The anonymity register: the words the Anonymity pack reads a report by.

Format (``rules/Anonymity/_anonymity.yml``): each key is a list of plain phrases, except
``jigsaw`` (kind of detail → phrases), ``campaigners`` (full names) and
``pseudonym_marks`` (marks written straight after a name, matched as written)::

    sexual_offence: [rape, sexual assault, ...]
    victim_role: [victim, complainant, survivor, ...]
    jigsaw:
      school: ["{Name} Academy", "year {n} pupil"]

A phrase matches whole-word and ignores the case of its first letter only ("Victim Amy",
"the girl", never "the Child Sexual Exploitation team"). Placeholders: ``{he}`` (he, she,
they), ``{his}`` (his, her, their), ``{n}`` (a number in figures), ``{number}`` (in
figures or words: "11", "eleven"), ``{date}`` (a day, month and year) and ``{Name}`` (one
to three capitalised words). ``not_names`` are capitalised words matched exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from lint import lexicon, patterns
from lint.errors import RuleError
from lint.registers import register_loader
from lint.validate import ANY, Option, check_keys
from lint.yamlload import LineDict, load_yaml

LISTS = (
    "sexual_offence",
    "proceedings",
    "child",
    "passive_offence",
    "offence_adverbs",
    "plural_people",
    "age_nouns",
    "defendant_verbs",
    "not_plurals",
    "accused",
    "active_offence",
    "abuser",
    "agents",
    "praise",
    "praise_for",
    "sympathy",
    "comfort",
    "professions",
    "public_roles",
    "victim_statement",
    "victim_role",
    "child_role",
    "cared_for_role",
    "harm",
    "special_measures",
    "ordeal_verbs",
    "ordeal_nouns",
    "ordeal_after",
    "victim_account",
    "introductions",
    "quoted_praise",
    "quoted_possessions",
    "quoted_hope",
    "quoted_told",
    "children_owners",
    "subordinators",
    "offence_verbs",
    "story_openers",
    "not_after_subject",
    "expert_titles",
    "not_names",
    "not_name_endings",
    "child_kin",
    "child_age_words",
    "parents",
    "adult_kin",
    "trust_roles",
    "particular_people",
    "tie_words",
    "trust_ties",
    "kin_speaking",
    "partner_of",
    "partner_targets",
    "taught_groups",
    "joined_group",
    "support_verbs",
    "belonging",
    "victim_plurals",
    "parent_does",
    "family_members",
    "family_business",
    "business_verbs",
    "victim_anchor",
    "offence_place",
    "residence",
    "modifies",
    "other_anchor",
    "caption",
    "caption_family",
    "waiver",
    "pseudonym",
    "pseudonym_marks",
    "deceased",
    "restriction_lifted",
    "lifting",
    "restriction",
    "not_real",
    "harm_done",
    "person_nouns",
    "kin_qualifiers",
    "not_sexual_before",
    "victim_nouns",
    "female_nouns",
    "male_nouns",
    "relation_before",
    "coercion",
    "female_kin",
    "tie_agent",
    "confided_to",
    "kin_bystander",
    "no_tie",
    "kin_associates",
    "word_names",
    "colleague_nouns",
    "greetings",
    "acknowledgements",
    "eponym_heads",
    "idioms",
    "household_carers",
    "care_modals",
    "care_verbs",
    "cared_children",
    "care_settings",
    "kin_trusted",
    "family_membership",
    "also_link",
    "headline_offences",
    "headline_accused",
    "headline_verbs",
    "tie_withheld",
    "anonymised_accused",
    "kin_did",
    "offence_onsets",
    "kin_links",
    "her_antecedents",
    "her_others",
    "speaking_verbs",
    "male_titles",
    "female_titles",
    "her_belongings",
    "her_being",
    "girl_nouns",
    "boy_nouns",
    "taught_children",
    "taught_verbs",
    "carer_verbs",
    "headline_wards",
    "trust_settings",
    "quoted_kin",
    "trust_clauses",
    "tie_clauses",
    "credit_agencies",
    "community_nouns",
    "population_quantifiers",
    "population_nouns",
    "platforms",
    "account_nouns",
    "campaigners",
)
KEYS = (*LISTS, "jigsaw", "jigsaw_context")
#: Each key's shape is checked where it is read (lists of phrases, kinds of detail).
_ANY_KEY = Option(ANY, "A list of phrases, or a mapping of kinds of detail to lists.")

#: One to three capitalised words: a school's, street's, estate's or village's name.
CAPITALISED = r"\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}"
_PLACEHOLDERS = {
    "{date}": (
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{lexicon.alternation('months')})\s+\d{{4}}"
        r"|\d{1,2}/\d{1,2}/\d{2,4})"
    ),
    "{he}": r"(?:he|she|they)",
    "{his}": r"(?:his|her|their)",
    "{n}": r"\d{1,4}",
    "{number}": rf"(?:\d{{1,3}}|(?i:{lexicon.alternation('number_words')}))",
    "{Name}": CAPITALISED,
}
_PLACEHOLDER = regex.compile(r"\{(?:date|he|his|n|number|Name)\}")


def phrase_pattern(phrase: str) -> str:
    """A regex for one register phrase: placeholders expanded, spaces flexible, the
    first letter either case, the rest as written, bounded by word edges."""
    return _EDGE_BEFORE + _body(phrase, first=True) + _EDGE_AFTER


_EDGE_BEFORE = r"(?<![\p{L}\p{N}])"
_EDGE_AFTER = r"(?![\p{L}\p{N}])"
#: Phrases that open with a name ("{Name} Academy") share one scan for the name.
_NAME_LEAD = "{Name} "


def _body(phrase: str, *, first: bool) -> str:
    out = []
    pos = 0
    for m in _PLACEHOLDER.finditer(phrase):
        out.append(_literal(phrase[pos : m.start()], first=first))
        out.append(_PLACEHOLDERS[m.group()])
        first = False
        pos = m.end()
    out.append(_literal(phrase[pos:], first=first))
    return "".join(out)


def _literal(text: str, *, first: bool) -> str:
    parts = []
    for i, c in enumerate(text):
        if c == " ":
            parts.append(r"\s+")
        elif c in "'’":
            parts.append("['’]")
        elif i == 0 and first and c.isalpha():
            parts.append(f"[{c.lower()}{c.upper()}]")
        else:
            parts.append(regex.escape(c))
    return "".join(parts)


_PIECE = regex.compile(r"[\p{L}\p{N}]+")


def phrase_pieces(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Per phrase, its runs of letters and digits outside placeholders, in lower case and
    longest first. Every match of a phrase holds each of its runs (spaces, apostrophes
    and the first letter's case are all its pattern leaves open), so a text whose lower
    case lacks a run of every phrase cannot match ``alternation(phrases)``."""
    return tuple(
        tuple(
            sorted(
                {r.lower() for r in _PIECE.findall(_PLACEHOLDER.sub(" ", p))},
                key=lambda r: (-len(r), r),
            )
        )
        for p in phrases
    )


def alternation(phrases: tuple[str, ...]) -> str:
    """The phrases as one group, longest first; a group that never matches when empty."""
    if not phrases:
        return r"(?!)"
    return "(?:" + "|".join(phrase_alternatives(phrases)) + ")"


def phrase_alternatives(phrases: tuple[str, ...]) -> list[str]:
    """The patterns of ``alternation``'s group, in its order."""
    return list(_phrase_alternatives(phrases))


@lru_cache(maxsize=4096)
def _phrase_alternatives(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """``phrase_alternatives``, written once per list of phrases in a run: every
    Anonymity rule reads the same register, and each built the same patterns from it,
    character by character."""
    named = [p[len("{Name}") :] for p in phrases if p.startswith(_NAME_LEAD)]
    ordered = sorted(
        (p for p in phrases if not p.startswith(_NAME_LEAD) or len(named) < 2),
        key=lambda p: (-len(p), p),
    )
    parts = [phrase_pattern(p) for p in ordered]
    if len(named) > 1:  # "{Name} Academy|{Name} College": the name once, then its ends
        ends = sorted(named, key=lambda p: (-len(p), p))
        # Every end opens with a space; where none opens with two, the space is matched
        # once before the ends, not once per end at every run of capitals. The same
        # matches: an end's next character is never a space, so each end could only
        # match after all the spaces.
        space = all(e[1:2] != " " for e in ends)
        parts.append(
            _EDGE_BEFORE
            + _PLACEHOLDERS["{Name}"]
            + (_literal(" ", first=False) if space else "")
            + "(?:"
            + "|".join(_body(e[1:] if space else e, first=False) for e in ends)
            + ")"
            + _EDGE_AFTER
        )
    return tuple(parts)


@dataclass(frozen=True)
class AnonymityWords:
    """The register, read: every list's phrases and the jigsaw details by kind."""

    lists: Mapping[str, tuple[str, ...]]
    jigsaw: tuple[tuple[str, tuple[str, ...]], ...]
    context: Mapping[str, tuple[str, ...]]

    def words(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def pattern(self, name: str) -> str:
        return alternation(self.lists[name])

    def compiled(self, name: str) -> regex.Pattern[str]:
        return patterns.compile(self.pattern(name))


@register_loader
def load_anonymity(path: Path) -> AnonymityWords:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read register: {exc}", path=where) from None
    data = load_yaml(text, where)
    if not isinstance(data, LineDict):
        raise RuleError("the anonymity register must be a mapping of lists", path=where, line=1)
    check_keys(data, dict.fromkeys(KEYS, _ANY_KEY), path=where)
    lists = {name: _phrases(data, name, where) for name in LISTS}
    block = data.get("jigsaw")
    if not isinstance(block, LineDict) or not block:
        raise RuleError(
            "'jigsaw' must map kinds of detail to lists of phrases",
            path=where,
            line=data.line_of("jigsaw") if "jigsaw" in data else 1,
        )
    jigsaw = tuple((kind, _phrases(block, kind, where)) for kind in block)
    context: dict[str, tuple[str, ...]] = {}
    near = data.get("jigsaw_context", LineDict())
    if not isinstance(near, LineDict):
        raise RuleError(
            "'jigsaw_context' must map kinds of detail to lists of words",
            path=where,
            line=data.line_of("jigsaw_context"),
        )
    for kind in near:
        if kind not in block:
            raise RuleError(
                f"'jigsaw_context' names '{kind}', which 'jigsaw' does not list",
                path=where,
                line=near.line_of(kind),
            )
        context[kind] = _phrases(near, kind, where)
    return AnonymityWords(lists, jigsaw, context)


def _phrases(data: LineDict, key: str, where: str) -> tuple[str, ...]:
    if key not in data:
        raise RuleError(f"missing list '{key}'", path=where, line=data.line or 1)
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"'{key}' must be a list of phrases", path=where, line=data.line_of(key))
    seen: set[str] = set()
    for v in value:
        if v.casefold() in seen:
            raise RuleError(f"'{key}' lists '{v}' twice", path=where, line=data.line_of(key))
        seen.add(v.casefold())
    return tuple(value)
