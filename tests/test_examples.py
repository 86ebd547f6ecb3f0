"""lint/examples.py: what a rule's examples may claim, and that a false claim is caught."""

from __future__ import annotations

from helpers import make_rule

from lint import examples
from lint.rules.contract import Example

SWAP = make_rule(
    """
    extends: substitution
    message: "Use '%s' instead of '%s'."
    ignorecase: true
    fix: safe
    swap:
      care gangs?: grooming gangs
    """
)
SHOWN = make_rule("extends: existence\nmessage: Avoid '%s'.\ntokens: [tackling]\n")


def _problems(text: str, **claims: object) -> list[str]:
    return examples.problems(SWAP, Example(text, **claims), bad=True)  # type: ignore[arg-type]


def test_a_true_example_has_no_problems() -> None:
    text = "Police said:\nthe care gang was jailed."
    assert _problems(text, match=("care gang",), line=2, column=5) == []
    assert _problems(text, fix="Police said:\nthe grooming gangs was jailed.") == []


def test_each_false_claim_is_named() -> None:
    text = "Police said:\nthe care gang was jailed."
    assert _problems(text, match=("care gangs",)) == [
        "matched ['care gang'], the example says ['care gangs']"
    ]
    assert _problems(text, line=1, column=4) == [
        "first finding on line 2, the example says 1",
        "first finding at column 5, the example says 4",
    ]
    assert _problems(text, fix="Police said:\nthe grooming gang was jailed.") == [
        "--fix gives 'Police said:\\nthe grooming gangs was jailed.', the example says "
        "'Police said:\\nthe grooming gang was jailed.'"
    ]


def test_one_match_means_exactly_one_finding() -> None:
    problems = _problems("A care gang and a care gang.", match=("care gang",))
    assert problems == ["matched ['care gang', 'care gang'], the example says ['care gang']"]
    assert _problems("A care gang and a care gang.", match=("care gang", "care gang")) == []


def test_the_fix_goes_through_the_real_loop() -> None:
    """A fix the fixer refuses (inside a direct quote) is not the example's fix: the
    claim is checked against --fix itself, not against the rule's suggestion."""
    reported = make_rule(
        """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        fix: safe
        quoted: report
        swap:
          care gang: grooming gang
        """
    )
    text = 'She said: "The care gang was jailed."'
    fixed = 'She said: "The grooming gang was jailed."'
    assert examples.problems(reported, Example(text, fix=fixed), bad=True)[0] == (
        f"--fix gives {text!r}, the example says {fixed!r}"
    )
    (left,) = examples.problems(reported, Example(text, fix=text), bad=True)
    assert left.startswith(f"leaves fixes undone in {text!r}: 'care gang' (1:16)")


def test_a_fix_that_fires_the_rule_again_is_caught() -> None:
    again = make_rule(
        """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        fix: safe
        swap:
          abuse: sexual abuse
        """
    )
    problems = examples.problems(again, Example("The abuse.", fix="The sexual abuse."), bad=True)
    assert problems[0].startswith("--fix gives 'The sexual sexual sexual")
    assert "the fix loop did not settle after 10 passes" in problems
    assert any(p.startswith("fires again on its own fix") for p in problems)


def test_silence_and_noise() -> None:
    assert examples.problems(SWAP, Example("No gangs here."), bad=True) == [
        "did not fire on: 'No gangs here.'"
    ]
    problems = examples.problems(SWAP, Example("A care gang."), bad=False)
    assert problems and problems[0].startswith("fired on a good example: 'care gang' (1:3)")


def test_which_rules_have_a_fix() -> None:
    assert examples.has_fix(SWAP)
    assert not examples.has_fix(SHOWN)
