"""The organisations register: canonical names, accepted forms, and known wrong ones.

A team adds its own organisations by writing data, never a regex
(``rules/Organisations/_organisations.yml`` or a file of its own)::

    organisations:
      - name: National Police Chiefs' Council
        abbreviation: NPCC
        accepted: [National Police Chiefs Council's]   # other right forms (optional)
        wrong:                                          # wrong in any copy
          - National Council of Police Chiefs
          - form: NPCC's National Policing Lead         # a mapping names its own fix
            to: NPCC lead
            fix: display                                # safe (default) | unsafe | display
            why: The NPCC has no "National Policing Lead" for this portfolio.
        informal:                     # understood, but not its name: a warning
          - Norfolk Police
        in_context:                   # wrong only where the document also names it
          - form: working groups
            to: taskforce
        styles:                       # forms a house style accepts, keyed by profile
          news: [Napac]
        former: [Names it had before]  # right in copy about the past (optional)
        why: Why the right name matters.
        source: Where the canonical form comes from.
        coined: true                  # a one-word coined name: its slips are found
        unlike: [Barnard]             # real names a slip from a coined one (optional)
        checked: 2026-12-06          # when a person last compared the entry with its source
        note: Any doubt about the entry (optional).

Every form is literal text: straight and curly apostrophes and any run of white
space (a line break) match each other. ``to`` defaults to the entry's name, or to its
abbreviation or accepted form when the wrong form differs from one only in case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.errors import RuleError
from lint.finding import FixSafety
from lint.registers import entry_values, load_entries, normalise, register_loader, with_team
from lint.validate import ANY, BOOL, DATE, STR, STR_LIST, Option, choice
from lint.yamlload import LineDict


@dataclass(frozen=True)
class Variant:
    """A form of a name that is reported, and what to write instead."""

    form: str
    to: str
    fix: FixSafety | None = None  # None: the rule's default
    why: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Organisation:
    name: str
    abbreviation: str = ""
    accepted: tuple[str, ...] = ()
    wrong: tuple[Variant, ...] = ()
    in_context: tuple[Variant, ...] = ()
    #: Forms understood as the body that are not its name ("Norfolk Police").
    informal: tuple[Variant, ...] = ()
    styles: Mapping[str, tuple[Variant, ...]] = field(default_factory=dict)
    why: str = ""
    source: str = ""
    line: int = 0
    former: tuple[str, ...] = ()
    checked: dt.date | None = None
    note: str = ""
    #: A one-word name (or abbreviation: "Cafcass") that is no English word or common
    #: surname ("Ofsted"): a capitalised word a slip away from it is a misspelling of it
    #: ("Ofstead").
    coined: bool = False
    #: Real words or names a slip away from a coined name, never taken for it.
    unlike: tuple[str, ...] = ()

    @property
    def coined_word(self) -> str:
        """The coined one-word name: the name, or else the abbreviation ("Cafcass")."""
        if not self.coined:
            return ""
        return self.name if len(self.name.split()) == 1 else self.abbreviation

    @property
    def right_forms(self) -> tuple[str, ...]:
        """Every form that is right in every profile (a former name is right in copy
        about the past, so it is never reported as a slip of the current one)."""
        forms = (self.name, self.abbreviation, *self.accepted, *self.former)
        return tuple(f for f in forms if f)


#: The keys of an organisation's entry, and of a variant written as a mapping.
KEYS: dict[str, Option] = {
    "name": Option(STR, "The name, as the body gives it now."),
    "abbreviation": Option(STR, "The abbreviation it uses.", ""),
    "accepted": Option(STR_LIST, "Other right forms.", ()),
    "former": Option(STR_LIST, "Former names: right in copy about the past.", ()),
    "wrong": Option(ANY, "Wrong forms: a form, or a mapping (VARIANT_KEYS).", ()),
    "in_context": Option(ANY, "Forms wrong only in this body's context.", ()),
    "informal": Option(
        ANY,
        "Forms readers understand as the body but that are not its name (a force's"
        " county and 'Police' where it is a Constabulary): reported at warning.",
        (),
    ),
    "styles": Option(ANY, "Profile -> forms that house style replaces.", None),
    "why": Option(STR, "Why the wrong forms are wrong.", ""),
    "source": Option(STR, "Where the entry was checked.", ""),
    "checked": Option(DATE, "When a person compared it with the source."),
    "note": Option(STR, "Any doubt, in words.", ""),
    "coined": Option(
        BOOL,
        "true: the one-word name is coined (no English word or common surname), so a"
        " capitalised word a slip away from it is a misspelling of it.",
        False,
    ),
    "unlike": Option(
        STR_LIST, "Real words or names a slip away from a coined name: never taken for it.", ()
    ),
}
VARIANT_KEYS: dict[str, Option] = {
    "form": Option(STR, "The form reported."),
    "to": Option(STR, "What to write instead (default: the right form it differs from).", ""),
    "fix": Option(STR, "Its fix safety: safe, unsafe or display."),
    "fix_reason": Option(STR, "Why the fix has that safety.", ""),
    "why": Option(STR, "Why the form is wrong.", ""),
}


@with_team("organisations")
@register_loader
def load_organisations(path: Path) -> tuple[Organisation, ...]:
    out = []
    for entry in load_entries(path, "organisations"):
        values = entry_values(entry, KEYS, path, required=["name"])
        name = values["name"].strip()
        abbreviation = values["abbreviation"].strip()
        accepted, former = tuple(values["accepted"]), tuple(values["former"])
        right = tuple(f for f in (name, abbreviation, *accepted, *former) if f)
        styles_data = values["styles"]
        if styles_data is not None and not isinstance(styles_data, LineDict):
            raise RuleError(
                "'styles' must map a profile to a list of forms",
                path=str(path),
                line=entry.line_of("styles"),
            )
        styles = {}
        if styles_data is not None:
            for profile in styles_data:
                styles[str(profile)] = _variants(styles_data, str(profile), right, path)
        out.append(
            Organisation(
                name=name,
                abbreviation=abbreviation,
                accepted=accepted,
                wrong=_variants(entry, "wrong", right, path),
                in_context=_variants(entry, "in_context", right, path),
                informal=_variants(entry, "informal", right, path),
                styles=styles,
                why=values["why"].strip(),
                source=values["source"].strip(),
                line=entry.line,
                former=former,
                checked=values["checked"],
                note=values["note"].strip(),
                coined=_coined(values["coined"], name, abbreviation, path, entry),
                unlike=tuple(values["unlike"]),
            )
        )
    return tuple(out)


def _coined(value: bool, name: str, abbreviation: str, path: Path, entry: LineDict) -> bool:
    if value and len(name.split()) != 1 and len(abbreviation.split()) != 1:
        raise RuleError(
            f"'coined' is for a one-word name or abbreviation, not '{name}'",
            path=str(path),
            line=entry.line_of("coined"),
        )
    return value


def _variants(entry: LineDict, key: str, right: tuple[str, ...], path: Path) -> tuple[Variant, ...]:
    items: Any = entry.get(key, []) or []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        raise RuleError(f"'{key}' must be a list of forms", path=str(path), line=entry.line_of(key))
    out = []
    for item in items:
        line = entry.line_of(key)
        if isinstance(item, str):
            form, to, fix, why = item, "", None, ""
        elif isinstance(item, LineDict):
            values = entry_values(item, VARIANT_KEYS, path, required=["form"])
            line = item.line
            form, to, why = values["form"], values["to"].strip(), values["why"].strip()
            fix = None
            if values["fix"] is not None:
                fix = FixSafety(
                    choice(
                        values["fix"],
                        tuple(s.value for s in FixSafety),
                        key="fix",
                        path=str(path),
                        line=item.line_of("fix"),
                    )
                )
        else:
            raise RuleError(
                f"each '{key}' item must be a form or a mapping with 'form'",
                path=str(path),
                line=line,
            )
        if not form.strip():
            raise RuleError(f"an empty form in '{key}'", path=str(path), line=line)
        out.append(
            Variant(form.strip(), to or _default_target(form, right), fix, why or None, line)
        )
    return tuple(out)


def _default_target(form: str, right: tuple[str, ...]) -> str:
    """The right form this one differs from only in case ("Napac" → "NAPAC"), else the
    name."""
    key = normalise(form).casefold()
    for candidate in right:
        if normalise(candidate).casefold() == key:
            return candidate
    return right[0]
