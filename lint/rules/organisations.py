"""organisations: names checked against a register of canonical forms (sglint's own kind).

The rule names a register data file (``register: _organisations.yml``, relative to the
rule file); the patterns are generated from its literal forms, so a team adds an
organisation without writing a regex. ``forms`` picks what the rule reports:

* ``wrong`` (default): each *wrong* form, with the canonical form as the fix;
* ``in_context``: each *in_context* form, only in a document that also names the
  organisation ("working groups" in a release about the taskforce);
* ``informal``: each *informal* form, a form readers understand as the body that is not
  its name ("Norfolk Police" for Norfolk Constabulary), at the rule's own level;
* ``style``: the forms that only the house style named by ``style: <profile>`` accepts
  ("Napac" in news copy); pair it with ``profiles: {<profile>: off}``;
* ``near``: near misses of the right forms, found without listing them (a letter off,
  a plural, an apostrophe, a word of the same kind swapped, an abbreviation with two
  letters swapped; see ``lint.registers.names``);
* ``case``: a right form with its generic word in lower case ("Merseyside police").

A reported form that lies inside a right form of its organisation is not reported
("Organised Exploitation Programme" inside "Tackling Organised Exploitation Programme").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from lint import patterns
from lint.context import lead_ins
from lint.document import Document
from lint.errors import RuleError
from lint.facts import Facts
from lint.finding import FixSafety, Severity
from lint.messages import format_message
from lint.registers import WORD_END, WORD_START, literal_pattern, normalise, register_file
from lint.registers.names import PHRASE, Found, NameIndex, name_index
from lint.registers.organisations import Organisation, Variant, load_organisations
from lint.rules import schema
from lint.rules.contract import ContextUse, Hit, RuleMeta, Source
from lint.rules.guards import Guards, build_guards
from lint.rules.matching import scan
from lint.rules.prefilter import Alternatives, required_sets
from lint.rules.regexes import compile_pattern
from lint.rules.substitution import keep_case

KEYS: dict[str, schema.Option] = {
    "register": schema.Option(
        schema.STR, "The organisations register file, relative to the rule file."
    ),
    "forms": schema.Option(
        schema.STR,
        "What to report: wrong (known wrong forms), in_context, informal (forms that are"
        " not the name but say it), near, case, or style when 'style' is given.",
    ),
    "style": schema.Option(schema.STR, "A house-style field of the register to enforce."),
    "descriptive_after": schema.Option(
        schema.STR_LIST,
        "Words that, right before a form written wholly in lower case, make it a"
        " description, not the name ('a new grooming gang taskforce').",
        [],
    ),
    "case_in": schema.Option(
        schema.STR,
        "forms: case only: report a lower-case form in any document (any), only where the"
        " document also writes the name with its capitals (mixed: an inconsistency), or only"
        " where it never does (consistent: a house style that lower-cases it).",
        "any",
    ),
    **schema.GUARD_KEYS,
}
DEFAULT_FIX = FixSafety.SAFE
#: It reads names, titles and quotes itself: the document's context does not apply.
CONTEXT = ContextUse.OWN


@dataclass(frozen=True)
class Watch:
    """One reported form and the organisation it belongs to."""

    org: Organisation
    variant: Variant


@dataclass(frozen=True)
class Organisations:
    meta: RuleMeta
    pattern: regex.Pattern[str] | None
    watches: tuple[Watch, ...]
    named: dict[str, regex.Pattern[str]]  # organisation name -> its right forms
    guards: Guards
    contextual: bool  # report only where the document also names the organisation
    needles: tuple[str, ...] | None = None  # a word of each form (lint.rules.matching.scan)
    proper_names: tuple[str, ...] = ()
    descriptive: regex.Pattern[str] | None = None  # before a lower-case form: no name
    choice: Alternatives | None = None  # the pattern as its forms' alternatives
    """The register's right forms, of every body on it (not only those with forms this
    rule reports): proper names other rules leave alone (lint.context), so "Children
    1st" is no ordinal. Abbreviations are not among them: "NPCC" still wants spelling
    out at first use."""

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        if self.pattern is None:
            return
        pattern, needles, chosen = self.pattern, self.needles, None
        if self.choice is not None:  # only the forms whose words the document holds
            found = self.choice.for_document(facts, pattern, needles)
            if found is None:
                return
            pattern, needles, chosen = found
        present: dict[str, bool] = {}
        for m, _unit in scan(pattern, doc, facts, self.meta, self.guards, needles):
            index = next(i for i, g in enumerate(m.groups()) if g is not None)
            watch = self.watches[index if chosen is None else chosen[index]]
            org = watch.org
            if self.contextual:
                if org.name not in present:
                    present[org.name] = bool(self.named[org.name].search(doc.text))
                if not present[org.name]:
                    continue
            observed = m.group()
            if normalise(observed) in {normalise(f) for f in org.right_forms}:
                continue  # a case-insensitive wrong form met the right one exactly
            if (
                self.descriptive is not None
                and not any(c.isupper() for c in observed)
                and self.descriptive.search(doc.text, max(0, m.start() - 40), m.start())
            ):
                continue  # "a new grooming gang taskforce": a description, not the name
            if _inside_right_form(self.named[org.name], doc.text, m.start(), m.end()):
                continue
            target = watch.variant.to
            fix = keep_case(observed, target) if target[:1].islower() else target
            yield Hit(
                m.start(),
                m.end(),
                format_message(self.meta.message, fix, normalise(observed), org.name),
                fix=fix,
                fix_safety=watch.variant.fix,
                why=watch.variant.why or org.why or None,
            )


@dataclass(frozen=True)
class NearMisses:
    """Names that miss a register form by a slip (``forms: near``) or by the case of a
    generic word (``forms: case``)."""

    meta: RuleMeta
    pattern: regex.Pattern[str]
    index: NameIndex
    case: bool
    guards: Guards
    case_in: str = "any"

    def check(self, doc: Document, facts: Facts) -> Iterator[Hit]:
        leads = lead_ins(doc)
        # What each test below finds in the whole text, once per document and question
        # (a large file has thousands of slips of a few names).
        named: dict[tuple[str, str], bool] = {}
        defined: dict[str, bool] = {}
        written: dict[str, bool] = {}
        read: dict[tuple[int, int], Found] = facts.shared(("names.scan", id(self.index)), dict)
        for m, _unit in scan(self.pattern, doc, facts, self.meta, self.guards):
            slips, case = self.index.scan(m.group(), m.start(), read)
            for slip in case if self.case else slips:
                if slip.confirm:
                    body = slip.org.name, slip.org.abbreviation
                    if body not in named:
                        named[body] = _names(doc.text, slip.org)
                    if not named[body]:
                        continue  # the body is not named
                    if slip.observed not in defined:
                        defined[slip.observed] = f"({slip.observed})" in doc.text
                    if defined[slip.observed]:
                        continue  # the letters are defined as another body's
                if any(s.start <= slip.start and slip.end <= s.end for s in leads):
                    continue  # a drop-capped word ("COPS have claimed …"), not initials
                if self.case_in != "any":
                    if slip.right not in written:
                        written[slip.right] = _written(doc.text, slip.right)
                    if written[slip.right] != (self.case_in == "mixed"):
                        continue
                yield Hit(
                    slip.start,
                    slip.end,
                    format_message(
                        self.meta.message, slip.right, normalise(slip.observed), slip.org.name
                    ),
                    fix=slip.right,
                    why=slip.org.why or None,
                    level=Severity.WARNING if slip.styling else None,
                )


def _names(text: str, org: Organisation) -> bool:
    """Whether the text names the body by its name or its abbreviation."""
    if org.name in text:
        return True
    return (
        bool(org.abbreviation)
        and regex.search(rf"\b{regex.escape(org.abbreviation)}\b", text) is not None
    )


def _written(text: str, name: str) -> bool:
    """Whether ``name`` appears in ``text`` exactly as written (any spacing)."""
    words = [regex.escape(w) for w in name.removesuffix("'s").removesuffix("’s").split()]
    return regex.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text) is not None


def _inside_right_form(right: regex.Pattern[str], text: str, start: int, end: int) -> bool:
    for r in right.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if r.start() <= start and end <= r.end():
            return True
    return False


def build(meta: RuleMeta, data: dict[str, Any], src: Source) -> Organisations | NearMisses:
    name = schema.require(data, "register", path=src.path, line=src.data.line, kind="organisations")
    register = register_file(src.path, name, line=src.data.line_of("register"))
    orgs = load_organisations(register)
    forms = schema.choice(
        data.get("forms", "style" if "style" in data else "wrong"),
        ("wrong", "in_context", "informal", "style", "near", "case"),
        key="forms",
        path=src.path,
        line=src.data.line_of("forms"),
    )
    if forms in ("near", "case"):
        if "style" in data:
            raise RuleError(
                "'style: <profile>' goes with 'forms: style', and only with it",
                path=src.path,
                line=src.data.line_of("style"),
            )
        guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
        case_in = schema.choice(
            schema.option(data, KEYS, "case_in"),
            ("any", "mixed", "consistent"),
            key="case_in",
            path=src.path,
            line=src.data.line_of("case_in"),
        )
        return NearMisses(meta, _PHRASE, name_index(orgs), forms == "case", guards, case_in)
    style = data.get("style")
    if (forms == "style") != (style is not None):
        raise RuleError(
            "'style: <profile>' goes with 'forms: style', and only with it",
            path=src.path,
            line=src.data.line_of("style" if style else "forms"),
        )
    if style is not None and not any(style in o.styles for o in orgs):
        raise RuleError(
            f"no organisation in {name} has forms for style '{style}'",
            path=src.path,
            line=src.data.line_of("style"),
        )
    watches: list[tuple[str, Watch]] = []
    for org in orgs:
        if style is not None:
            # A house style's forms differ from the right ones in case: match exactly.
            watches.extend(
                (literal_pattern(v.form, bounded=False), Watch(org, v))
                for v in org.styles.get(style, ())
            )
        else:
            variants = {"wrong": org.wrong, "in_context": org.in_context}.get(forms, org.informal)
            watches.extend(
                (literal_pattern(v.form, bounded=False), Watch(org, v)) for v in variants
            )
    # Longest form first, so "… Council of Police Chiefs" beats a shorter form inside it.
    watches.sort(key=lambda pw: len(pw[1].variant.form), reverse=True)
    line = src.data.line_of("register")
    pattern = choice = None
    form_needles = [_form_needle(w.variant.form) for _, w in watches]
    if watches:
        # One pair of bounds around the whole alternation, not one per form: the
        # engine can then skip ahead on the forms' first letters.
        # Wrong and in-context forms match in any case: one flag for the whole pattern.
        # A house style's forms and informal ones match exactly ("Durham police" in
        # lower case describes the police in Durham).
        alternatives = [f"({p})" for p, _ in watches]
        flags = "(?m)" if style is not None or forms == "informal" else "(?mi)"
        head, tail = f"{flags}{WORD_START}(?:", f"){WORD_END}"
        pattern = compile_pattern(
            head + "|".join(alternatives) + tail, path=src.path, line=line, key="register"
        )
        # A document runs only the forms whose words it holds (most hold one or two of
        # the register's forms): compiling the whole alternation costs tens of ms.
        # And only those whose every word it holds (each word a match needs).
        further = [required_sets(a) or () for a in alternatives]
        choice = Alternatives.of(
            head, alternatives, tail, form_needles, groups=True, as_words=False, further=further
        )
    named = {  # compiled when a form of the organisation is found (most never are)
        org.name: patterns.lazy("|".join(literal_pattern(f) for f in org.right_forms))
        for org in orgs
    }
    guards = build_guards(data, ignorecase=False, path=src.path, lines=src.data.lines)
    return Organisations(
        meta,
        pattern,
        tuple(w for _, w in watches),
        named,
        guards,
        forms == "in_context",
        _needles(form_needles),
        tuple(dict.fromkeys(f for o in orgs for f in o.right_forms if not f.isupper())),
        _descriptive(schema.option(data, KEYS, "descriptive_after"), src),
        choice,
    )


def _descriptive(words: list[str], src: Source) -> regex.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(regex.escape(w) for w in words)
    return compile_pattern(
        rf"(?i)(?<![\p{{L}}])(?:{body})[ \t]+$",
        path=src.path,
        line=src.data.line_of("descriptive_after"),
        key="descriptive_after",
    )


_PHRASE = patterns.compile(PHRASE)


def _needles(form_needles: list[frozenset[str] | None]) -> tuple[str, ...] | None:
    """The longest plain word of each form (``_form_needle``): a document with none of
    them has no form; None when a form has no such word."""
    if any(n is None for n in form_needles):
        return None
    return tuple(sorted({w for n in form_needles if n is not None for w in n}))


def _form_needle(form: str) -> frozenset[str] | None:
    """The longest plain word of a form (None when it has none of 3 characters)."""
    words = regex.findall(r"[\p{L}\p{N}]{3,}", normalise(form).lower())
    return frozenset({max(words, key=len)}) if words else None
