"""The keys of rule files: those every rule accepts, the guards' keys, and the checks
rules share; the validator itself is lint/validate.py, shared with configuration and
registers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lint.errors import RuleError
from lint.finding import LEVEL_NAMES, FixSafety, Severity
from lint.rules.budget import DEFAULT_TIMEOUT
from lint.validate import (
    BOOL,
    INT,
    LIST_OF_ANY,
    LIST_OR_MAP,
    MAP,
    NUMBER,
    NUMBER_LIMIT,
    STR,
    STR_LIST,
    STR_MAP,
    Checker,
    Option,
    check_keys,
    choice,
    level_map,
    number_in,
    option,
    whole_in,
)

__all__ = [
    "BAD_ONLY",
    "BOOL",
    "COMMON_KEYS",
    "EXAMPLE_GROUPS",
    "EXAMPLE_KEYS",
    "GUARD_KEYS",
    "INT",
    "LIST_OR_MAP",
    "MAP",
    "NUMBER",
    "STR",
    "STR_LIST",
    "STR_MAP",
    "Checker",
    "Option",
    "choice",
    "fix_safety",
    "number_in",
    "option",
    "require",
    "validate",
    "whole_in",
]


def _list_map(value: Any) -> dict[str, list[str]]:
    """Profile or genre → list of strings (``profile_exceptions``, ``genre_exceptions``)."""
    if isinstance(value, dict):
        return {str(k): STR_LIST(v) for k, v in value.items()}
    raise TypeError("a mapping of profiles or genres to lists of strings")


#: Keys of the guards that silence a hit (lint.rules.guards.build_guards): Vale's
#: ``exceptions`` and sglint's context keys. Kinds that use build_guards accept them all.
GUARD_KEYS: dict[str, Option] = {
    "exceptions": Option(
        STR_LIST, "Words or phrases that excuse a match that contains or lies inside them.", ()
    ),
    "not_after": Option(
        STR_LIST, "Patterns that, right before the match, mean the term is negated or named.", ()
    ),
    "not_before": Option(
        STR_LIST, "Patterns that, right after the match, mean the term is defined or named.", ()
    ),
    "near": Option(
        STR_LIST, "Patterns of which one must be in the unit for the match to count.", ()
    ),
    "not_near": Option(STR_LIST, "Patterns that, anywhere in the unit, silence the match.", ()),
    "party": Option(
        STR_LIST,
        "Patterns for who the match must be about: one must be in the match's clause "
        "(its sentence, cut at semicolons and colons) before the match or inside it, or "
        "a party_pronouns word there must point back to one in the sentence before (or "
        "further back, through a pronoun in each sentence between).",
        (),
    ),
    "party_pronouns": Option(
        STR_LIST,
        "With party: pronouns that, in the match's clause before it, refer back to a "
        "party named in the sentence before.",
        (),
    ),
    "mentions": Option(
        STR, "ignore: a match in its own quote marks is a term mentioned, not used.", "report"
    ),
}

#: Keys every rule accepts (Vale's header plus sglint's additions).
COMMON_KEYS: dict[str, Option] = {
    "extends": Option(STR, "The rule's kind."),
    "message": Option(STR, "The finding's message; %s takes the match (Vale's template)."),
    "description": Option(STR, "A longer description of the rule.", ""),
    "level": Option(STR, "suggestion, warning or error.", "warning"),
    "limit": Option(
        whole_in(0, NUMBER_LIMIT),
        "Report at most this many findings per file (0: no limit).",
        0,
    ),
    "link": Option(STR, "A page explaining the rule.", ""),
    "scope": Option(
        STR_LIST, "Where the rule looks: Vale's scopes (raw: the source itself).", ["text"]
    ),
    "action": Option(MAP, "Vale's action block (kept for Vale styles).", {}),
    # sglint additions
    "why": Option(STR, "Why the rule matters, shown with each finding.", ""),
    "level_reason": Option(STR, "Why the rule has its level, under the level model.", ""),
    "source": Option(STR, "The authority the rule rests on.", ""),
    "examples": Option(MAP, "bad and good examples; the test suite runs them."),
    "profiles": Option(
        level_map("profiles"), "Profile -> level or off (govuk, news, practice ...).", {}
    ),
    "genres": Option(
        level_map("genres"),
        "Genre -> the most the rule reports there, or off (record, speech, release,"
        " criticism, guidance, news: lint/genre.py).",
        {},
    ),
    "profile_exceptions": Option(
        _list_map, "Profile -> matches that profile accepts (news: NSPCC, CPS ...).", {}
    ),
    "genre_exceptions": Option(
        _list_map,
        "Genre -> matches a document of that genre accepts (news copy: CPS, NSPCC ...;"
        " lint/genre.py).",
        {},
    ),
    "fix": Option(STR, "Fix safety: safe, unsafe or display (each kind has a default)."),
    # Required of every built-in rule that offers a fix (tests/rules/test_fix_reasons.py).
    "fix_reason": Option(STR, "Why the fix is safe, unsafe or display-only.", ""),
    "quoted": Option(STR, "Inside direct speech: report, suggest or ignore.", "suggest"),
    "dialect": Option(
        STR,
        "The dialect whose conventions the rule checks (en-GB): in a document that is"
        " consistent US English, its findings are one suggestion (lint/dialect.py).",
        "",
    ),
    "context": Option(
        STR,
        "Whether the document's context (names, titles, mentions, numbers, lead-ins) caps or"
        " drops the rule's findings: respect, or own (the rule reads names, titles and"
        " quotes itself). Each kind has a default.",
    ),
    # Seconds a rule may spend on one file: a minute is already far past any real rule.
    "timeout": Option(
        number_in(0.01, 60), "Seconds the rule may spend matching per file.", DEFAULT_TIMEOUT
    ),
    "vocab": Option(BOOL, "Vale: whether the project's vocabulary applies.", True),
}


#: Keys of one example under ``examples: bad`` or ``good`` (an example may also be just
#: its text). lint/examples.py says how the suite runs them.
EXAMPLE_KEYS: dict[str, Option] = {
    "text": Option(STR, "The example's text."),
    "format": Option(STR, "How the text is read: text, markdown or html.", "text"),
    "profile": Option(STR, "The profile to run the rule in (default: the first where it is on)."),
    "match": Option(
        STR_LIST,
        "Bad examples: the text of each finding, in order (one string: exactly one finding).",
    ),
    "line": Option(
        whole_in(1, NUMBER_LIMIT), "Bad examples: the line the first finding starts on."
    ),
    "column": Option(
        whole_in(1, NUMBER_LIMIT), "Bad examples: the column the first finding starts at."
    ),
    "fix": Option(
        STR,
        "Bad examples: the text after --fix --unsafe-fixes, through the real fix loop with"
        " only this rule on; the fixed text must not fire the rule again.",
    ),
    "level": Option(
        STR,
        "Bad examples: the level of every finding (a genre or context may lower it).",
    ),
}
#: The lists under ``examples:``.
EXAMPLE_GROUPS: dict[str, Option] = {
    "bad": Option(LIST_OF_ANY, "Examples the rule must fire on.", []),
    "good": Option(LIST_OF_ANY, "Examples the rule must stay silent on.", []),
}
#: Keys a good example may not have: they say what a finding is.
BAD_ONLY = ("match", "line", "column", "fix", "level")


def validate(
    data: Mapping[str, Any], kind_keys: Mapping[str, Option], *, path: str, kind: str
) -> dict[str, Any]:
    """Check every key's name and type; return the normalised values."""
    return check_keys(
        data, {**COMMON_KEYS, **kind_keys}, path=path, where=f" for a rule of kind '{kind}'"
    )


def require(data: Mapping[str, Any], key: str, *, path: str, line: int, kind: str) -> Any:
    if key not in data or data[key] in (None, "", [], {}):
        raise RuleError(f"a rule of kind '{kind}' needs '{key}'", path=path, line=line)
    return data[key]


def level_cap(
    data: Mapping[str, Any], keys: Mapping[str, Option], key: str, *, path: str, line: int
) -> Severity | None:
    """A key naming the most some findings are reported at (suggestion, warning or error);
    None when unset (the rule's level). Located error for any other value."""
    value = str(option(data, keys, key) or "")
    if not value:
        return None
    return Severity.parse(choice(value, LEVEL_NAMES, key=key, path=path, line=line))


def fix_safety(value: Any, *, key: str, path: str, line: int) -> FixSafety:
    """A ``fix:`` value: safe, unsafe or display (located error otherwise)."""
    return FixSafety(
        choice(str(value), tuple(s.value for s in FixSafety), key=key, path=path, line=line)
    )
