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
        in_context:                   # wrong only where the document also names it
          - form: working groups
            to: taskforce
        styles:                       # forms a house style accepts, keyed by profile
          news: [Napac]
        former: [Names it had before]  # right in copy about the past (optional)
        why: Why the right name matters.
        source: Where the canonical form comes from.
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
from lint.registers import (
    check_keys,
    date_value,
    load_entries,
    normalise,
    register_loader,
    str_list,
    with_team,
)
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
    styles: Mapping[str, tuple[Variant, ...]] = field(default_factory=dict)
    why: str = ""
    source: str = ""
    line: int = 0
    former: tuple[str, ...] = ()
    checked: dt.date | None = None
    note: str = ""

    @property
    def right_forms(self) -> tuple[str, ...]:
        """Every form that is right in every profile (a former name is right in copy
        about the past, so it is never reported as a slip of the current one)."""
        forms = (self.name, self.abbreviation, *self.accepted, *self.former)
        return tuple(f for f in forms if f)


_KEYS = {
    "name",
    "abbreviation",
    "accepted",
    "former",
    "wrong",
    "in_context",
    "styles",
    "why",
    "source",
    "checked",
    "note",
}
_VARIANT_KEYS = {"form", "to", "fix", "fix_reason", "why"}


@with_team("organisations")
@register_loader
def load_organisations(path: Path) -> tuple[Organisation, ...]:
    out = []
    for entry in load_entries(path, "organisations"):
        check_keys(entry, _KEYS, {"name"}, path)
        name = _text(entry, "name", path)
        abbreviation = _text(entry, "abbreviation", path)
        accepted = str_list(entry, "accepted", path)
        former = str_list(entry, "former", path)
        right = tuple(f for f in (name, abbreviation, *accepted, *former) if f)
        styles_data = entry.get("styles")
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
                styles=styles,
                why=_text(entry, "why", path),
                source=_text(entry, "source", path),
                line=entry.line,
                former=former,
                checked=date_value(entry, "checked", path),
                note=_text(entry, "note", path),
            )
        )
    return tuple(out)


def _text(entry: LineDict, key: str, path: Path) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RuleError(f"'{key}' must be a string", path=str(path), line=entry.line_of(key))
    return value.strip()


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
            form, to, fix, why = item, None, None, None
        elif isinstance(item, LineDict):
            check_keys(item, _VARIANT_KEYS, {"form"}, path)
            line = item.line
            form, to, why = _text(item, "form", path), _text(item, "to", path), None
            why = _text(item, "why", path) or None
            fix = None
            if item.get("fix") is not None:
                value = str(item["fix"]).strip().lower()
                if value not in ("safe", "unsafe", "display"):
                    raise RuleError(
                        f"'fix' must be safe, unsafe or display, not {value!r}",
                        path=str(path),
                        line=item.line_of("fix"),
                    )
                fix = FixSafety(value)
        else:
            raise RuleError(
                f"each '{key}' item must be a form or a mapping with 'form'",
                path=str(path),
                line=line,
            )
        if not form.strip():
            raise RuleError(f"an empty form in '{key}'", path=str(path), line=line)
        out.append(Variant(form.strip(), to or _default_target(form, right), fix, why, line))
    return tuple(out)


def _default_target(form: str, right: tuple[str, ...]) -> str:
    """The right form this one differs from only in case ("Napac" → "NAPAC"), else the
    name."""
    key = normalise(form).casefold()
    for candidate in right:
        if normalise(candidate).casefold() == key:
            return candidate
    return right[0]
