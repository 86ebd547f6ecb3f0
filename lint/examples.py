"""A rule's own examples, run as the test suite runs them.

Every rule ships examples that must fire (``bad``) and must not (``good``). A bad example
may say more than "it fires":

- ``match``: the text of each finding of the rule, in order (one string: exactly one
  finding, with that text);
- ``line`` and ``column``: where the first finding starts (1-based, in the source);
- ``level``: the level of every finding (a document's genre or context may lower it);
- ``fix``: the text after ``--fix --unsafe-fixes``, through the real fix loop
  (:func:`lint.fixdoc.fix_document`, with only this rule on); the fixed text must not
  fire the rule again, except where a finding is shown and never fixed (display).

:func:`problems` says what an example gets wrong, in words, and is empty when it holds;
``tests/rules/test_rule_examples.py`` runs it on every rule, and
``scripts/fill_example_matches.py`` writes the ``match`` of bad examples from
:func:`findings`.
"""

from __future__ import annotations

from collections import Counter

from lint.config import PROFILES
from lint.engine import ActiveRule, check_document
from lint.finding import Finding, FixSafety, Severity, fixable
from lint.fixdoc import DocumentFix, fix_document
from lint.readers import SUFFIXES, read_text
from lint.rules.contract import Example, Rule

#: Format → a file name of that format, for the example's Document.
_NAMES = {fmt: f"example{suffix}" for suffix, fmt in reversed(SUFFIXES.items())}


def level(rule: Rule, profile: str | None) -> Severity | None:
    """The rule's level in the example's profile (or the first profile where it is on);
    None when the example's profile turns it off."""
    candidates = [profile] if profile else ["govuk", *sorted({*PROFILES, *rule.meta.profiles})]
    for name in candidates:
        setting = rule.meta.profiles.get(name, rule.meta.level.label)
        if setting != "off":
            return Severity.parse(setting)
    return None


def _active(rule: Rule, example: Example) -> list[ActiveRule]:
    on = level(rule, example.profile)
    if on is None:
        raise ValueError(f"{rule.meta.id} is off in profile {example.profile}")
    return [ActiveRule(rule, on, example.profile or "")]


def findings(rule: Rule, example: Example) -> list[Finding]:
    """The rule's findings on the example, in the order the engine reports them."""
    doc = read_text(_NAMES[example.fmt], example.text, example.fmt)
    outcome = check_document(doc, _active(rule, example))
    return [f for f in outcome.findings if f.rule == rule.meta.id]


def fixed(rule: Rule, example: Example) -> DocumentFix:
    """The example through the fix loop, unsafe fixes included, with only this rule on."""
    doc = read_text(_NAMES[example.fmt], example.text, example.fmt)
    return fix_document(doc, _active(rule, example), unsafe=True)


def has_fix(rule: Rule) -> bool:
    """Whether ``--fix`` can change what the rule finds: its fixes are not display-only,
    or a finding on one of its bad examples carries a fix to apply."""
    if rule.meta.fix is not FixSafety.DISPLAY:
        return True
    return any(fixable(f, unsafe=True) for ex in rule.meta.bad for f in findings(rule, ex))


def problems(rule: Rule, example: Example, *, bad: bool) -> list[str]:
    """What the example gets wrong about the rule, one sentence each; [] when it holds."""
    found = findings(rule, example)
    if not bad:
        return [f"fired on a good example: {_show(found)}"] if found else []
    if not found:
        return [f"did not fire on: {example.text!r}"]
    out = [
        f"finding at {f.start}-{f.end} says it matched {f.match!r}, the text there is "
        f"{example.text[f.start : f.end]!r}"
        for f in found
        if example.text[f.start : f.end] != f.match
    ]
    matches = [f.match for f in found]
    if example.match is not None and matches != list(example.match):
        out.append(f"matched {matches}, the example says {list(example.match)}")
    first = found[0]
    if example.line is not None and first.line != example.line:
        out.append(f"first finding on line {first.line}, the example says {example.line}")
    if example.column is not None and first.column != example.column:
        out.append(f"first finding at column {first.column}, the example says {example.column}")
    if example.level is not None:
        out += [
            f"{f.match!r} reported at {f.severity.label}, the example says {example.level}"
            for f in found
            if f.severity.label != example.level
        ]
    if example.fix is not None:
        out += _fix_problems(rule, example, found)
    return out


def _fix_problems(rule: Rule, example: Example, found: list[Finding]) -> list[str]:
    result = fixed(rule, example)
    text = result.doc.source
    out = []
    if text != example.fix:
        out.append(f"--fix gives {text!r}, the example says {example.fix!r}")
    if not result.settled:
        out.append(f"the fix loop did not settle after {result.passes} passes")
    # Fixed, the text may keep only the findings the loop did not fix (shown, never
    # fixed; or refused, reported below), never one that a fix brought.
    kept = Counter(f.match for f in found if f not in result.fixed)
    again = [f for f in result.outcome.findings if f.rule == rule.meta.id]
    if Counter(f.match for f in again) - kept:
        out.append(f"fires again on its own fix {text!r}: {_show(again)}")
    left = [f for f in again if fixable(f, unsafe=True)]
    if left:
        out.append(f"leaves fixes undone in {text!r}: {_show(left)}")
    return out


def _show(found: list[Finding]) -> str:
    return "; ".join(f"{f.match!r} ({f.line}:{f.column}) {f.message}" for f in found)
