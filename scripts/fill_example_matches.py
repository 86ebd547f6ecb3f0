"""Write the ``match:`` of every bad example that has none, from what the rule finds today.

Usage: python scripts/fill_example_matches.py [--check] [RULE_FILE ...]

For each built-in rule (or each rule file named), every bad example without a ``match:``
is run as the test suite runs it (lint/examples.py) and given the text of its findings:
one string when the rule fires once, a list when it fires more often. An example written
as a bare string becomes a mapping (``- text: ...`` and ``match: ...``). Nothing else in
the file changes: comments, quoting and order stay; examples that already have a
``match:`` are left as they are, so the script can run again after rules change. A bad
example on which the rule does not fire is left alone (the suite reports it).

Read the diff afterwards: the script writes down what the rule does, right or wrong.
``--check`` writes nothing and exits 1 when some example has no ``match:``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint import examples  # noqa: E402
from lint.config import Config, all_rules  # noqa: E402
from lint.rules.contract import Rule  # noqa: E402


def _bad_nodes(text: str) -> list[yaml.Node]:
    """The YAML nodes of the file's bad examples, in order (with their positions)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for key, value in root.value if isinstance(root, yaml.MappingNode) else ():
        if key.value != "examples" or not isinstance(value, yaml.MappingNode):
            continue
        for group, items in value.value:
            if group.value == "bad" and isinstance(items, yaml.SequenceNode):
                return list(items.value)
    return []


def _value(matches: list[str]) -> str:
    """A ``match:`` value: JSON strings are YAML double-quoted strings."""
    if len(matches) == 1:
        return json.dumps(matches[0], ensure_ascii=False)
    return "[" + ", ".join(json.dumps(m, ensure_ascii=False) for m in matches) + "]"


def _line_end(text: str, index: int) -> int:
    """Where the line holding ``index`` ends (before its newline)."""
    end = text.find("\n", index)
    return len(text) if end == -1 else end


def _edit(text: str, node: yaml.Node, matches: list[str]) -> tuple[int, int, str]:
    """The edit (start, end, replacement) that gives one example its ``match:``."""
    if isinstance(node, yaml.ScalarNode):
        # "- 'text'" → "- text: 'text'" and "match:" under it, aligned with "text:".
        start, end = node.start_mark.index, node.end_mark.index
        indent = " " * node.start_mark.column
        one_line = node.start_mark.line == node.end_mark.line and node.style != "|"
        source = text[start:end] if one_line else json.dumps(node.value, ensure_ascii=False)
        return start, end, f"text: {source}\n{indent}match: {_value(matches)}"
    assert isinstance(node, yaml.MappingNode)
    for key, value in node.value:
        if key.value == "text":
            indent = " " * key.start_mark.column
            mark = value.end_mark
            if mark.column == 0:  # a block scalar ends at the start of the next line
                at = mark.index
                return at, at, f"{indent}match: {_value(matches)}\n"
            at = _line_end(text, mark.index)
            return at, at, f"\n{indent}match: {_value(matches)}"
    raise ValueError("an example mapping without 'text'")


def fill(path: Path, rules: list[Rule]) -> int:
    """Give the bad examples of the rule in ``path`` their ``match:``; how many changed
    (nothing is written when ``rules`` is empty of it)."""
    rule = next(r for r in rules if Path(r.meta.path).resolve() == path.resolve())
    text = path.read_text(encoding="utf-8")
    nodes = _bad_nodes(text)
    assert len(nodes) == len(rule.meta.bad), f"{path}: examples and nodes disagree"
    edits = []
    for node, example in zip(nodes, rule.meta.bad, strict=True):
        if example.match is not None:
            continue
        found = examples.findings(rule, example)
        if found:
            edits.append(_edit(text, node, [f.match for f in found]))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    if edits:
        path.write_text(text, encoding="utf-8")
    return len(edits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="rule files (default: built-in)")
    parser.add_argument("--check", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    rules = all_rules(Config())
    paths = [p.resolve() for p in args.files] or sorted(
        {Path(r.meta.path).resolve() for r in rules if r.meta.bad}
    )
    if args.check:
        missing = [
            f"{r.meta.path}:{ex.defined_at}"
            for r in rules
            if Path(r.meta.path).resolve() in paths
            for ex in r.meta.bad
            if ex.match is None
        ]
        print("\n".join(missing) or "every bad example has its match")
        return 1 if missing else 0
    changed = {path: fill(path, rules) for path in paths}
    for path, n in changed.items():
        if n:
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {n}")
    files = sum(map(bool, changed.values()))
    print(f"{sum(changed.values())} examples given a match in {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
