"""The rule contract: what a kind module provides and what a compiled rule returns.

Kinds import this module (and the helpers beside it), never the loader or the registry."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from lint.document import Document
from lint.finding import FixSafety, Severity
from lint.rules import schema
from lint.rules.budget import DEFAULT_TIMEOUT
from lint.scopes import Selector
from lint.yamlload import LineDict

if TYPE_CHECKING:
    from lint.facts import Facts


class ContextUse(enum.Enum):
    """Whether the document's context (``lint/context.py``: names, titles, mentions,
    numbers, lead-ins) applies to a rule's findings. Speech applies to every rule, as its
    ``quoted`` key says. Each kind has a default (its module's ``CONTEXT``); a rule's
    ``context:`` key overrides it."""

    RESPECT = "respect"  # a finding inside a name, title, mention … is capped or dropped
    OWN = "own"  # the rule reads names, titles and quotes itself (registers, quotes)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw result: a span of the document the rule was given (``doc.text``).

    Rules never choose coordinates: the engine gives a ``raw``-scoped rule the raw view
    (the source itself) and every other rule the prose view, and maps the span back."""

    start: int
    end: int
    message: str
    fix: str | None = None
    fix_safety: FixSafety | None = None  # None: the rule's default
    why: str | None = None  # per-entry reason, overriding the rule's
    # The most this hit is reported at, when the rule itself knows it is less sure here
    # (a quotation still open where the text ends); None: the rule's level.
    level: Severity | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """One of a rule's examples (``lint/examples.py`` says how the suite runs them)."""

    text: str
    fix: str | None = None  # expected text after --fix, for bad examples
    fmt: str = "text"
    profile: str | None = None
    defined_at: int = 0  # the example's line in the rule file
    match: tuple[str, ...] | None = None  # the text of each finding, in order
    line: int | None = None  # where the first finding starts (1-based)
    column: int | None = None
    level: str | None = None  # the level of every finding (bad examples)


@dataclass(frozen=True)
class RuleMeta:
    """The header every rule has, validated and defaulted in one place."""

    id: str
    kind: str
    path: str
    message: str
    level: Severity = Severity.WARNING
    description: str = ""
    link: str = ""
    why: str = ""
    level_reason: str = ""  # why the rule has its level, under the level model
    source: str = ""
    scope: Selector = field(default_factory=lambda: Selector.parse(["text"]))
    limit: int = 0
    fix: FixSafety = FixSafety.DISPLAY
    quoted: str = "suggest"  # inside direct speech: report | suggest | ignore
    context: ContextUse = ContextUse.RESPECT  # whether names, titles … cap its findings
    dialect: str = (
        ""  # the dialect whose conventions it checks ("en-gb": en-GB, case aside): lint/dialect.py
    )
    profiles: Mapping[str, str] = field(default_factory=dict)  # profile -> level | "off"
    # document genre (lint/genre.py) -> the most the rule reports there, or "off"
    genres: Mapping[str, str] = field(default_factory=dict)
    # profile -> matches that profile accepts (a newsroom's "NSPCC" needs no spelling out)
    profile_exceptions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # document genre -> matches a document of that genre accepts (news copy's "CPS")
    genre_exceptions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    action: Mapping[str, Any] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    # Vale-compat mode (set by lint/vale for rules loaded from a .vale.ini's StylesPath):
    # kinds reproduce Vale's own results where they differ from sglint's.
    vale_compat: bool = False

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]


class Rule(Protocol):
    """A compiled rule: a pure function from a Document to hits."""

    @property
    def meta(self) -> RuleMeta: ...

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]: ...


@runtime_checkable
class TakesCampaigners(Protocol):
    """A rule that a team's ``campaigners:`` (public campaigners who have waived
    anonymity, from the configuration) adjusts: the Anonymity kinds."""

    def with_campaigners(self, names: Iterable[str]) -> Rule: ...


@dataclass(frozen=True)
class Source:
    """Where a rule's YAML came from, for located errors."""

    path: str
    data: LineDict


class RuleKind(Protocol):
    """A rule kind module: the keys it accepts and how it compiles a rule."""

    @property
    def KEYS(self) -> Mapping[str, schema.Option]: ...
    @property
    def DEFAULT_FIX(self) -> FixSafety: ...
    @property
    def CONTEXT(self) -> ContextUse: ...

    def build(self, meta: RuleMeta, data: dict[str, Any], src: Source) -> Rule: ...
