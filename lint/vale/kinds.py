"""Vale's semantics as an overlay of the registry, not as flags inside the kinds.

Rules loaded from a ``.vale.ini``'s StylesPath are built with ``VALE_KINDS``: every kind
of the registry, with quoted speech not special (``quoted: report`` unless the rule
says otherwise) and matching block by block (``RuleMeta.vale_compat``, read by
``lint.rules.matching.scan``); and, where Vale's results differ from sglint's, a kind of
Vale's own:

- existence: ``%s`` is the match as found, white space included ('I ');
- consistency: forms accumulate block by block; a block that uses either form once both
  have been seen is reported once, at its last use;
- conditional: both patterns compiled as written (Vale ignores ``ignorecase`` there);
  a use is excused by a definition in its block or an earlier one;
- capitalization: Vale's own tokens, converters and counting (``lint.vale.casing``);
- readability: any length is judged (sglint waits for enough words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from lint.document import Document
from lint.facts import Facts
from lint.finding import FixSafety
from lint.messages import vale_message
from lint.rules import (
    capitalization,
    conditional,
    consistency,
    existence,
    metric,
    readability,
    schema,
    substitution,
)
from lint.rules.contract import ContextUse, Hit, Rule, RuleKind, RuleMeta, Source
from lint.rules.matching import scan
from lint.rules.registry import REGISTRY
from lint.scopes import Selector
from lint.vale import sequence, spelling
from lint.vale.casing import ValeCase, vale_case

Build = Callable[[RuleMeta, dict[str, Any], Source], Rule]


def _as(cls: type[Any], rule: Any) -> Any:
    """The same compiled rule as an instance of the Vale subclass ``cls``."""
    return cls(**{f.name: getattr(rule, f.name) for f in fields(rule)})


@dataclass(frozen=True)
class ValeExistence(existence.Existence):
    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        """``%s`` is the match as found, white space included ('I '), as Vale prints it
        (``vale_message``)."""
        for m, _unit in scan(self.pattern, doc, facts, self.meta, self.guards, self.needles):
            yield Hit(m.start(), m.end(), vale_message(self.meta.message, m.group()))


def to_sentence(words: list[str], conjunction: str = "or") -> str:
    """Vale's ``core.ToSentence``: ``'a'``, ``'a' or 'b'``, ``'a', 'b', or 'c'``."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 2:
        return f" {conjunction} ".join(quoted)
    return ", ".join([*quoted[:-1], f"{conjunction} {quoted[-1]}"])


def replace_options(expected: str) -> list[str]:
    """Vale's ``getOptions``: the ``|``-separated options (``\\|`` is a literal bar)."""
    return [o.replace("\0", "|") for o in expected.replace("\\|", "\0").split("|") if o]


def convert_message(message: str) -> str:
    """Vale's ``convertMessage``: of two ``'%s'`` (or ``"%s"``), the first loses its
    quotes, since ``to_sentence`` brings its own."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


@dataclass(frozen=True)
class ValeSubstitution(substitution.Substitution):
    def message_for(self, expected: str, observed: str) -> str:
        """As Vale's substitution builds it: with ``action: {name: replace}`` and no
        params, the options quoted by ``to_sentence`` (each capitalised for
        ``capitalize: true`` and a capitalised match); otherwise the replacement as
        written, bars and all."""
        action = self.meta.action
        if action.get("name") != "replace" or action.get("params"):
            return vale_message(self.meta.message, expected, observed)
        options = replace_options(expected)
        if self.capitalize and observed[:1] == observed[:1].upper():
            options = [o[:1].upper() + o[1:] for o in options]
        return vale_message(convert_message(self.meta.message), to_sentence(options), observed)


@dataclass(frozen=True)
class ValeConsistency(consistency.Consistency):
    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for pair in self.pairs:
            uses = list(scan(pair.pattern, doc, facts, self.meta))
            seen: set[int] = set()
            for i, (m, unit) in enumerate(uses):
                seen.add(1 if m.group(1) is not None else 2)
                last_in_block = i + 1 == len(uses) or uses[i + 1][1].start != unit.start
                if last_in_block and len(seen) == 2:
                    yield Hit(m.start(), m.end(), vale_message(self.meta.message, m.group()))


@dataclass(frozen=True)
class ValeConditional(conditional.Conditional):
    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        """A use is fine when its whole text was captured by ``second`` in this block
        or an earlier one; without a capture group, ``second`` anywhere in the block
        excuses every use in it."""
        grouped = self.second.groups > 0
        definitions: dict[int, list[str]] = {}
        for m, unit in scan(self.second, doc, facts, self.meta):
            captured = [g for g in m.groups() if g] if grouped else [""]
            definitions.setdefault(unit.start, []).extend(captured)
        defined: set[str] = set()
        done: set[int] = set()
        for m, unit in scan(self.first, doc, facts, self.meta, self.guards):
            for start in sorted(s for s in definitions if s <= unit.start and s not in done):
                defined.update(definitions[start])
                done.add(start)
            excused = m.group() in defined if grouped else unit.start in definitions
            if not excused:
                yield Hit(m.start(), m.end(), vale_message(self.meta.message, m.group()))


@dataclass(frozen=True)
class ValeCapitalization(capitalization.Capitalization):
    vale: ValeCase | None = None

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        assert self.vale is not None
        for unit in facts.units(self.meta.scope):
            text = doc.text[unit.start : unit.end]
            if not text.strip():
                continue
            expected, ok = self.vale.check(text)
            if not ok:
                yield Hit(unit.start, unit.end, vale_message(self.meta.message, text, expected))


class AtFileStart:
    """Vale puts a ``metric`` or ``readability`` alert at line 1, column 1 (``metric.go``,
    ``readability.go``: ``Span: []int{1, 1}``), whatever the document begins with."""

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        for hit in super().check(doc, facts):  # type: ignore[misc]
            yield replace(hit, start=0, end=0)


@dataclass(frozen=True)
class ValeMetric(AtFileStart, metric.Metric):
    pass


@dataclass(frozen=True)
class ValeReadability(AtFileStart, readability.Readability):
    def _message(self, result: float, values: dict[str, float]) -> str:
        """Vale's ``readability.go``: the grade to two decimal places."""
        return vale_message(self.meta.message, f"{result:.2f}")


def _overlaid(cls: type[Any], build: Build) -> Build:
    """The kind's own builder, its rule given the Vale subclass ``cls``."""

    def build_vale(meta: RuleMeta, data: dict[str, Any], src: Source) -> Rule:
        rule: Rule = _as(cls, build(meta, data, src))
        return rule

    return build_vale


def _capitalization(meta: RuleMeta, data: dict[str, Any], src: Source) -> Rule:
    base = capitalization.build(meta, data, src)
    case = vale_case(
        data["match"],
        data.get("exceptions", []),
        data.get("indicators", []),
        data.get("threshold", 0.8),
        data.get("prefix", ""),
    )
    rule: Rule = replace(_as(ValeCapitalization, base), vale=case)
    return rule


def _readability(meta: RuleMeta, data: dict[str, Any], src: Source) -> Rule:
    rule: Rule = _as(ValeReadability, readability.build(meta, {"min_words": 0, **data}, src))
    return rule


OWN: dict[str, Build] = {
    "existence": _overlaid(ValeExistence, existence.build),
    "substitution": _overlaid(ValeSubstitution, substitution.build),
    "consistency": _overlaid(ValeConsistency, consistency.build),
    "conditional": _overlaid(ValeConditional, conditional.build_from),
    "capitalization": _capitalization,
    "readability": _readability,
    "metric": _overlaid(ValeMetric, metric.build),
}


def paragraph_sentences(scope: Selector) -> Selector:
    """Vale's ``sentence`` scope covers paragraph text only (not headings, list items or
    table cells): a bare ``sentence`` term becomes ``sentence.paragraph``."""
    if scope.family != "sentence":
        return scope
    names = [
        " & ".join(
            "sentence.paragraph" if t.strip() == "sentence" else t.strip() for t in n.split("&")
        )
        for n in scope.names
    ]
    return Selector.parse(names)


@dataclass(frozen=True)
class ValeKind:
    """A registry kind with Vale's semantics (see the module's docstring)."""

    kind: RuleKind
    own: Build | None = None

    @property
    def KEYS(self) -> Mapping[str, schema.Option]:
        return self.kind.KEYS

    @property
    def DEFAULT_FIX(self) -> FixSafety:
        return self.kind.DEFAULT_FIX

    @property
    def CONTEXT(self) -> ContextUse:
        return self.kind.CONTEXT

    def build(self, meta: RuleMeta, data: dict[str, Any], src: Source) -> Rule:
        meta = replace(
            meta,
            vale_compat=True,
            quoted=data.get("quoted", "report"),
            scope=paragraph_sentences(meta.scope),
        )
        return (self.own or self.kind.build)(meta, data, src)


#: Vale's kinds sglint has no kind of its own for: built only for Vale styles.
VALE_ONLY: dict[str, RuleKind] = {"spelling": spelling, "sequence": sequence}

VALE_KINDS: dict[str, RuleKind] = {
    name: ValeKind(kind, OWN.get(name)) for name, kind in {**REGISTRY, **VALE_ONLY}.items()
}
