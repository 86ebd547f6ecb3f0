"""The Anonymity pack: its register, the team's campaigners, the quote model, and the
development drafts in tests/anonymity/dev/ to dev6/ (every planted detail
found, at its level and with no other finding; nothing on the lawful controls).

The held-out set (tests/anonymity/heldout/) is never read here: it measures the pack."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import yaml
from helpers import run

from lint.config import Config, active_rules, all_rules, load_config
from lint.errors import ConfigError, RuleError
from lint.finding import Finding, Severity
from lint.registers.anonymity import load_anonymity, phrase_pattern
from lint.rules.contract import Rule
from lint.runner import check_paths

ROOT = Path(__file__).resolve().parent.parent.parent
SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
DEV = {name: ROOT / "tests" / "anonymity" / name for name in SETS}
KEY = [
    {**entry, "set": name}
    for name in SETS
    for entry in yaml.safe_load((DEV[name] / "key.yml").read_text(encoding="utf-8"))
]
PACK = [r for r in all_rules(Config()) if r.meta.pack == "Anonymity"]
LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING}
#: Each rule's level by default: a planted detail is found at the key's level or, where the
#: rule runs lower by calibration (tests/precision/first_looks.yml), at the rule's own level.
RULE_LEVELS = {a.rule.meta.id: a.level for a in active_rules(Config())}
CLASSES = {
    "named-victim": "Anonymity.NamedVictim",
    "relationship": "Anonymity.Relationship",
    "jigsaw": "Anonymity.Jigsaw",
    "named-child": "Anonymity.NamedChild",
}


def _rule(name: str) -> Rule:
    return next(r for r in PACK if r.meta.id == f"Anonymity.{name}")


@pytest.fixture(scope="module")
def dev_findings() -> dict[tuple[str, str], list[Finding]]:
    config = Config(select=("Anonymity",))
    return {
        (name, Path(res.path).name): res.findings
        for name in SETS
        for res in check_paths([str(DEV[name] / "drafts")], config)
    }


def _draft_id(entry: dict[str, object]) -> str:
    return f"{entry['set']}/{entry['draft']}"


def test_pack_is_on_by_default() -> None:
    ids = {a.rule.meta.id for a in active_rules(Config())}
    assert set(CLASSES.values()) <= ids


@pytest.mark.parametrize("name", SETS)
def test_dev_set_is_half_lawful(name: str) -> None:
    key = [e for e in KEY if e["set"] == name]
    controls = [e for e in key if e["control"]]
    assert len(key) >= 20 and len(controls) * 2 >= len(key)
    assert {p["class"] for e in key for p in e.get("planted", [])} <= set(CLASSES)
    assert {p["class"] for e in KEY for p in e.get("planted", [])} == set(CLASSES)


@pytest.mark.parametrize("entry", [e for e in KEY if not e["control"]], ids=_draft_id)
def test_dev_planted_detail_is_found(
    entry: dict[str, object], dev_findings: dict[tuple[str, str], list[Finding]]
) -> None:
    (planted,) = entry["planted"]  # type: ignore[misc]
    body = (DEV[str(entry["set"])] / "drafts" / str(entry["draft"])).read_text(encoding="utf-8")
    start = body.index(planted["text"])
    end = start + len(planted["text"])
    findings = dev_findings.get((str(entry["set"]), str(entry["draft"])), [])
    found = [f for f in findings if f.start < end and start < f.end]
    assert found, f"missed {planted['text']!r}: {[f.match for f in findings]}"
    assert found[0].rule == CLASSES[planted["class"]]
    rule = CLASSES[planted["class"]]
    assert found[0].severity == min(LEVELS[planted["level"]], RULE_LEVELS[rule])
    assert len(findings) == len(found), f"other findings: {[f.match for f in findings]}"


@pytest.mark.parametrize("entry", [e for e in KEY if e["control"]], ids=_draft_id)
def test_dev_control_stays_silent(
    entry: dict[str, object], dev_findings: dict[tuple[str, str], list[Finding]]
) -> None:
    findings = dev_findings.get((str(entry["set"]), str(entry["draft"])), [])
    assert not findings, [(f.rule, f.match) for f in findings]


def test_named_victim_quoted_keeps_its_level_and_says_so() -> None:
    text = 'Survivor Jane Hart said: "I was groomed when I was 13."'
    (finding,) = run(_rule("NamedVictim"), text)
    level = RULE_LEVELS["Anonymity.NamedVictim"]
    assert finding.severity == level and finding.match == "Jane Hart"
    assert "is quoted" in finding.message


def test_named_victim_inside_quotation_marks_keeps_the_rule_s_level() -> None:
    text = 'The officer said: "Victim Amy Jones was brave." He was jailed for rape.'
    (finding,) = run(_rule("NamedVictim"), text)
    level = RULE_LEVELS["Anonymity.NamedVictim"]
    assert finding.severity == level and finding.match == "Amy Jones"


def test_campaigners_from_the_config_are_not_reported(tmp_path: Path) -> None:
    text = "Survivor Sammy Woodhouse said the men who raped her must be jailed.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".sglint.yaml").write_text(
        "packs: [Anonymity]\ncampaigners: [Sammy Woodhouse]\n", encoding="utf-8"
    )
    plain = list(check_paths([str(tmp_path / "a.txt")], Config(packs=("Anonymity",))))
    assert [f.match for f in plain[0].findings] == ["Sammy Woodhouse"]
    config = load_config(tmp_path / ".sglint.yaml")
    assert config.campaigners == ("Sammy Woodhouse",)
    results = list(check_paths([str(tmp_path / "a.txt")], config))
    assert results[0].findings == []


def test_campaigners_must_be_names(tmp_path: Path) -> None:
    path = tmp_path / ".sglint.yaml"
    path.write_text("campaigners: Sammy Woodhouse\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="campaigners"):
        load_config(path)


def test_rules_survive_pickling_with_campaigners() -> None:
    rule = _rule("NamedVictim").with_campaigners(["Jane Hart"])  # type: ignore[attr-defined]
    again = pickle.loads(pickle.dumps(rule))
    assert not run(again, 'Survivor Jane Hart said: "I was groomed when I was 13."')


def test_register_errors_are_located(tmp_path: Path) -> None:
    source = (ROOT / "rules" / "Anonymity" / "_anonymity.yml").read_text(encoding="utf-8")
    bad = tmp_path / "_anonymity.yml"
    bad.write_text(source.replace("victim_role:", "victim_roles:"), encoding="utf-8")
    with pytest.raises(RuleError, match="did you mean 'victim_role'") as info:
        load_anonymity(bad)
    assert info.value.line and info.value.line > 1
    bad.write_text(source.replace("waiver:\n", "waiver:\n  - Has Waived\n", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="twice"):
        load_anonymity(bad)


def test_phrase_placeholders_and_first_letter() -> None:
    import regex

    waived = regex.compile(phrase_pattern("waived {his} right to anonymity"))
    assert waived.search("She waived her right\nto anonymity.")
    role = regex.compile(phrase_pattern("the girl"))
    assert role.search("The girl, Amy,") and not role.search("the Girls Network")
    dob = regex.compile(phrase_pattern("born on {date}"))
    assert dob.search("born on 3 May 2012") and dob.search("born on 03/05/2012")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("child_role", "referred to its Child Trafficking Advice Centre"),
        ("cared_for", "Resident Liaison Officer Team members said she was abused there."),
    ],
)
def test_a_role_before_two_names_never_cuts_a_word(pattern: str, text: str) -> None:
    # Two capitalised words after a role, where a third follows (a body's name), are no
    # name; the pattern must not backtrack into a shorter, cut word ("Trafficking Advic").
    pats = _rule("NamedVictim").pats  # type: ignore[attr-defined]
    for m in getattr(pats, pattern).finditer(text):
        end = m.end("name")
        assert end == len(text) or not text[end].isalpha(), m.group("name")
