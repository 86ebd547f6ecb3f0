"""The terminology data tested like code (after codespell's test_dictionary): no
duplicates, no self-substitutions, no A→B→A loops across swaps and registers."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
import regex
from helpers import split_between

from lint.config import Config, all_rules
from lint.engine import ActiveRule, check_document
from lint.finding import Finding, Severity
from lint.readers import read_text
from lint.registers import normalise
from lint.registers.organisations import load_organisations
from lint.registers.people import load_people
from lint.rules.organisations import Organisations
from lint.rules.substitution import Substitution

ROOT = Path(__file__).resolve().parents[2] / "rules"
ORGS = load_organisations(ROOT / "Organisations" / "_organisations.yml")
PEOPLE = load_people(ROOT / "People" / "_people.yml")
PACKS = ("Safeguarding", "Organisations", "People")
MINE = [r for r in all_rules(Config()) if r.meta.pack in PACKS]


def _key(form: str) -> str:
    return normalise(form).casefold()


def test_registers_are_not_empty() -> None:
    assert len(ORGS) >= 12
    assert len(PEOPLE) >= 7


def test_organisation_names_and_abbreviations_are_unique() -> None:
    names = Counter(_key(o.name) for o in ORGS)
    abbreviations = Counter(o.abbreviation for o in ORGS if o.abbreviation)
    assert [n for n, c in names.items() if c > 1] == []
    assert [a for a, c in abbreviations.items() if c > 1] == []


def test_no_form_is_listed_twice() -> None:
    # Case matters here: a house style's "Napac" is a different form from "NAPAC".
    forms = Counter(
        normalise(form)
        for o in ORGS
        for form in (
            *o.right_forms,
            *(v.form for v in o.wrong),
            *(v.form for v in o.in_context),
            *(v.form for vs in o.styles.values() for v in vs),
        )
    )
    assert [f for f, c in forms.items() if c > 1] == []


def test_no_wrong_form_is_a_right_form() -> None:
    # Exactly: "Operation MakeSafe" is wrong because of its case.
    right = {normalise(f) for o in ORGS for f in o.right_forms}
    wrong = {normalise(v.form) for o in ORGS for v in (*o.wrong, *o.in_context)}
    assert right & wrong == set()


def test_wrong_forms_point_into_their_own_organisation() -> None:
    for org in ORGS:
        for v in org.wrong:
            assert normalise(v.to) != normalise(v.form), f"self-substitution: {v.form}"
            assert any(_key(v.to) in _key(f) for f in org.right_forms), (org.name, v.to)
        for vs in org.styles.values():
            for v in vs:
                assert _key(v.to) in {_key(f) for f in org.right_forms}, (org.name, v.to)


def test_people_are_unique_and_misspellings_are_not_names() -> None:
    names = Counter(p.name for p in PEOPLE)
    assert [n for n, c in names.items() if c > 1] == []
    real = {w for p in PEOPLE for w in p.name.split()}
    for person in PEOPLE:
        for wrong in person.misspellings:
            assert wrong != person.name and wrong != person.surname
            assert not set(wrong.split()) <= real, f"{wrong!r} is a real name in the register"


def test_wrong_titles_are_nobody_s_title() -> None:
    accepted = {_key(t) for p in PEOPLE for r in p.roles for t in r.accepted}
    for person in PEOPLE:
        for role in person.roles:
            for wrong in role.wrong:
                assert _key(wrong) not in accepted, (person.name, wrong)


def test_rule_ids_are_unique() -> None:
    ids = Counter(r.meta.id for r in all_rules(Config()))
    assert [i for i, c in ids.items() if c > 1] == []


def test_a_swap_key_belongs_to_one_rule() -> None:
    """The same term in two rules would be reported twice with two different fixes,
    unless the two rules split the text between them: one reports it only near some
    words (``near``), the other only away from them (``not_near``)."""
    owners: dict[str, Substitution] = {}
    for rule in MINE:
        if not isinstance(rule, Substitution):
            continue
        for entry in rule.entries:
            key = entry.key.pattern.removeprefix("(?i)")
            other = owners.get(key)
            assert other is None or split_between(rule, other), (
                f"{key!r} in {other.meta.id if other else ''} and {rule.meta.id}"
            )
            owners[key] = rule


def _replacements() -> list[tuple[str, str]]:
    """(rule id, replacement) for every swap and register target in these packs."""
    out: list[tuple[str, str]] = []
    for rule in MINE:
        if isinstance(rule, Substitution):
            for entry in rule.entries:
                target = regex.sub(r"\$\d", "children", entry.replacement)
                out.extend((rule.meta.id, option) for option in target.split("|"))
        if isinstance(rule, Organisations):
            out.extend((rule.meta.id, w.variant.to) for w in rule.watches)
    for person in PEOPLE:
        out.extend(("People.Titles", r.title) for r in person.roles if r.wrong)
        out.extend(("People.Spelling", person.name) for _ in person.misspellings)
    return out


def _check(text: str, profile: str) -> list[Finding]:
    active = []
    for rule in MINE:
        setting = rule.meta.profiles.get(profile, rule.meta.level.label)
        if setting != "off":
            active.append(ActiveRule(rule, Severity.parse(setting)))
    doc = read_text("fix.txt", f"They said {text} was named.", "text")
    return check_document(doc, active).findings


@pytest.mark.parametrize(("rule_id", "replacement"), _replacements())
@pytest.mark.parametrize("profile", ["govuk", "news", "practice"])
def test_a_fix_is_final(rule_id: str, replacement: str, profile: str) -> None:
    """What a rule suggests, no rule of these packs reports as a warning or error; and
    a suggestion made about it (practice language) never leads back: no A→B→A."""
    for finding in _check(replacement, profile):
        assert finding.severity == Severity.SUGGESTION, (
            f"{rule_id} suggests {replacement!r}, then {finding.rule}: {finding.message}"
        )
        for option in (finding.fix or "").split("|"):
            assert _check(option, profile) == [], f"loop: {replacement!r} -> {option!r}"


def _rule(rule_id: str) -> object:
    return next(r for r in all_rules(Config()) if r.meta.id == rule_id)


def _findings(rule_id: str, text: str) -> list[Finding]:
    doc = read_text("register.txt", text, "text")
    rule = _rule(rule_id)
    return check_document(doc, [ActiveRule(rule, Severity.ERROR)]).findings  # type: ignore[arg-type]


def test_no_right_form_is_a_near_miss_of_another() -> None:
    """Every listed name, alone in a sentence, is silent: two real bodies with similar
    names never report each other."""
    forms = sorted({normalise(f) for o in ORGS for f in o.right_forms})
    text = "\n\n".join(f"We met {form} today." for form in forms)
    for rule_id in ("Organisations.NearMiss", "Organisations.Case", "Organisations.Names"):
        assert [f.match for f in _findings(rule_id, text)] == [], rule_id


def test_every_statute_title_is_silent_and_sourced() -> None:
    from lint.registers.legislation import load_legislation

    statutes = load_legislation(ROOT / "Legislation" / "_legislation.yml")
    titles = Counter(s.title for s in statutes)
    assert [t for t, c in titles.items() if c > 1] == []
    assert all(s.source and s.checked for s in statutes)
    text = "\n\n".join(f"Under the {s.title}, it is an offence." for s in statutes)
    assert _findings("Legislation.Titles", text) == []


def test_new_register_entries_are_sourced_and_dated() -> None:
    assert all(o.source for o in ORGS)
    dated = [p for p in PEOPLE if p.checked is not None]
    assert len(dated) >= 20 and all(p.source for p in dated)


#: A list item written in YAML's flow style ("[A, B]"), unquoted.
_FLOW = regex.compile(r"^[ \t]*(?:-[ \t]*)?[\w-]+:[ \t]*\[(?P<body>[^\]\"']*)\][ \t]*$", regex.M)
_BODY_HEADS = ("Department", "Ministry", "Office")


def test_a_name_with_a_comma_in_a_flow_list_is_quoted() -> None:
    """ "former: [Department for Children, Schools and Families]" is two forms to YAML,
    "Department for Children" and "Schools and Families": a wrong right form of the
    Department for Education (and "Culture" one of another). A department's name with a
    comma goes in quotes."""
    split = []
    for path in sorted(ROOT.glob("*/_*.yml")):
        for m in _FLOW.finditer(path.read_text(encoding="utf-8")):
            items = [i.strip() for i in m.group("body").split(",")]
            for one, other in itertools.pairwise(items):
                if (
                    one.startswith(_BODY_HEADS)
                    and other[:1].isupper()
                    and not other.startswith(_BODY_HEADS)
                ):
                    split.append(f"{path.name}: {m.group().strip()}")
    assert not split
    dfe = next(o for o in ORGS if o.name == "Department for Education")
    assert dfe.former == ("Department for Children, Schools and Families",)
