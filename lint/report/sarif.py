"""``--format sarif``: SARIF 2.1.0, the format code scanning (GitHub, Azure DevOps, IDEs) reads.

One run: the tool with every rule that fired, then one result per finding with its region
and, where the finding has a fix, a ``fixes`` entry replacing that region. Columns are code
points, so the run sets ``columnKind`` (SARIF's default counts UTF-16 code units).

The rule descriptors are built from the findings (which carry why, source and link), so a
descriptor says only what holds for all of its rule's results: its default level is the
highest level seen (quoted speech can lower single results), and a per-term ``why`` that
differs between results stays on each result instead of the descriptor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from lint import __version__
from lint.finding import Finding, Severity
from lint.report.excerpt import paragraph_excerpt
from lint.report.paths import ci_root, relative_path

if TYPE_CHECKING:
    from lint.runner import FileResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + dot.strip() if dot else text


def _artifact(path: str, root: str) -> dict[str, str]:
    rel = relative_path(path, root)
    if Path(rel).is_absolute():
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel), "uriBaseId": SRCROOT}


def _folder_uri(folder: str) -> str:
    return Path(folder).absolute().as_uri().rstrip("/") + "/"


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


def _descriptor(rule: str, findings: Sequence[Finding]) -> dict[str, Any]:
    first = findings[0]
    whys = {f.why for f in findings}
    why = first.why if len(whys) == 1 else ""
    descriptor: dict[str, Any] = {
        "id": rule,
        "name": rule.rsplit(".", 1)[-1],
        "shortDescription": {"text": _first_sentence(why) if why else rule},
    }
    # A rule whose entries carry their own reasons (a substitution list) gives each
    # result its reason; the rule itself then says so.
    full = why or "Each result gives the reason for its own term."
    descriptor["fullDescription"] = {"text": full}
    descriptor["help"] = {"text": f"{full}\n\nSource: {first.source}" if first.source else full}
    if first.link:
        descriptor["helpUri"] = first.link
    descriptor["defaultConfiguration"] = {"level": LEVELS[max(f.severity for f in findings)]}
    properties: dict[str, Any] = {"tags": ["sglint", rule.split(".", 1)[0]]}
    if first.source:
        properties["source"] = first.source
    descriptor["properties"] = properties
    return descriptor


def _result(
    f: Finding, index: int, rule_why: str, root: str, excerpt: str | None = None
) -> dict[str, Any]:
    artifact = _artifact(f.path, root)
    text = f.message
    if f.why and f.why != rule_why:
        text = f"{f.message} {f.why}"
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {**_region(f), "snippet": {"text": f.match}},
                }
            }
        ],
    }
    if excerpt is not None:  # a Word draft: the paragraph (line) the region lies in
        context = {"startLine": f.line, "snippet": {"text": excerpt}}
        result["locations"][0]["physicalLocation"]["contextRegion"] = context
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f"Replace '{f.match}' with '{f.fix}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {"deletedRegion": _region(f), "insertedContent": {"text": f.fix}}
                        ],
                    }
                ],
            }
        ]
        result["properties"] = {"fixSafety": f.fix_safety.value}
    return result


def sarif_log(results: Sequence[FileResult], root: str) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    excerpts = [paragraph_excerpt(f, r.lines) for r in results for f in r.findings]
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    rules = [_descriptor(rule, fs) for rule, fs in sorted(by_rule.items())]
    index = {d["id"]: i for i, d in enumerate(rules)}
    rule_why = {d["id"]: d.get("fullDescription", {}).get("text", "") for d in rules}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sglint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(f, index[f.rule], rule_why[f.rule], root, excerpt)
                    for f, excerpt in zip(findings, excerpts, strict=True)
                ],
            }
        ],
    }


def render(results: Sequence[FileResult], color: bool = False) -> str:
    return json.dumps(sarif_log(results, ci_root()), ensure_ascii=False, indent=2) + "\n"


__all__ = ["render", "sarif_log"]
