"""Word families (lint/rules/families.py): a term written once, matched in every form."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule, matches, run

from lint.errors import RuleError
from lint.rules.families import expand
from lint.rules.loader import load_rule_text

FAMILY_RULE = """
    extends: substitution
    message: "Write '%s', not '%s'."
    ignorecase: true
    words:
      have: [have, has, had, having]
      det: [a, an, the, her]
      child: ['(?:[1-9]|1[0-7])-year-old', girls?, child]
    swap:
      '{have} sex with {det?}{child}': sexually abused the child
"""


def test_one_entry_matches_every_form_and_determiner() -> None:
    rule = make_rule(FAMILY_RULE)
    text = (
        "He had sex with a 14-year-old. He has sex with girls. "
        "He was having sex with the child. They have sex with her 15-year-old."
    )
    assert matches(run(rule, text)) == [
        "had sex with a 14-year-old",
        "has sex with girls",
        "having sex with the child",
        "have sex with her 15-year-old",
    ]


def test_the_family_keeps_its_bounds() -> None:
    rule = make_rule(FAMILY_RULE)
    assert run(rule, "They had sex with a 19-year-old. He had sex with childminders.") == []


def test_gaps_and_families_that_use_families() -> None:
    rule = make_rule("""
        extends: existence
        message: "'%s'"
        ignorecase: true
        words:
          noun: [girl, boy]
          child: ['{noun}s?']
        tokens:
          - 'paid {~2}{child} for sex'
    """)
    found = matches(run(rule, "He paid a young girl for sex. He paid them for sex."))
    assert found == ["paid a young girl for sex"]


def test_regex_braces_are_left_alone() -> None:
    families = {"x": "(?:a|b)"}
    assert expand(r"\p{Lu}{x}\d{2,3}", families, path="r.yml", line=1) == r"\p{Lu}(?:a|b)\d{2,3}"


def test_near_and_not_near_guards() -> None:
    rule = make_rule("""
        extends: existence
        message: "'%s'"
        ignorecase: true
        near: ['girls?', '1[0-7]-year-old']
        not_near: [both adults]
        tokens: [went along with it]
    """)
    text = (
        "The 14-year-old went along with it.\n\nThe board went along with it.\n\n"
        "The girl's mother said they were both adults and went along with it."
    )
    found = run(rule, text)
    assert len(found) == 1 and found[0].line == 1


def test_party_guard_reads_the_clause_and_a_pronoun_back() -> None:
    rule = make_rule("""
        extends: existence
        message: "'%s'"
        ignorecase: true
        party: ['girls?', '1[0-7]-year-olds?']
        party_pronouns: [she, her, they]
        tokens: [sold into prostitution]
    """)
    text = (
        "The girls, aged 13 to 15, were later sold into prostitution.\n\n"  # fires: subject
        "The women were sold into prostitution.\n\n"  # silent: adults
        "The girls were safe; their mothers were sold into prostitution.\n\n"  # silent: clause
        "The youngest was a 13-year-old. She was sold into prostitution.\n\n"  # fires: pronoun
        "The office was busy. She was sold into prostitution.\n\n"  # silent: no antecedent
        "Women were sold into prostitution, the girls said.\n\n"  # silent: the child is after
        "The girl was 14. He gave her a phone. She was sold into prostitution.\n\n"  # fires
        "The girl was 14. The flat was empty. She was sold into prostitution."  # chain broken
    )
    found = run(rule, text)
    assert [f.line for f in found] == [1, 7, 13]


def test_party_pronouns_need_a_party() -> None:
    with pytest.raises(RuleError, match="'party_pronouns' needs 'party'"):
        make_rule("""
            extends: existence
            message: x
            party_pronouns: [she]
            tokens: [sold]
        """)


def test_shared_families_come_from_a_file_beside_the_rule(tmp_path: Path) -> None:
    pack = tmp_path / "Pack"
    pack.mkdir()
    (pack / "_words.yml").write_text("words:\n  sell: [sell, sells, sold, selling]\n")
    rule_path = pack / "Rule.yml"
    text = "extends: existence\nmessage: x\nwords_from: _words.yml\ntokens: ['{sell} herself']\n"
    rule = load_rule_text(text, rule_id="Pack.Rule", path=str(rule_path))
    assert matches(run(rule, "She sold herself. She was selling herself.")) == [
        "sold herself",
        "selling herself",
    ]


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        (
            "extends: existence\nmessage: x\ntokens: ['{nope} sex']\n",
            r"Test/Rule.yml:3: unknown word family '\{nope\}' \(known: none declared\)",
        ),
        (
            "extends: existence\nmessage: x\nwords:\n  a: ['{b}']\n  b: ['{a}']\ntokens: ['{a}']\n",
            r"Test/Rule.yml:3: word family uses itself: a → b → a",
        ),
        (
            "extends: existence\nmessage: x\nwords:\n  a: []\ntokens: ['{a}']\n",
            r"Test/Rule.yml:4: word family 'a' must be a non-empty list of forms",
        ),
        (
            "extends: existence\nmessage: x\nwords_from: _missing.yml\ntokens: ['{a}']\n",
            r"Test/Rule.yml:3: 'words_from': register file not found: _missing.yml",
        ),
    ],
)
def test_bad_families_are_located_errors(yaml: str, expected: str) -> None:
    with pytest.raises(RuleError, match=expected):
        make_rule(yaml)
