"""``--format sarif``: valid against the official SARIF 2.1.0 schema, and exact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from findings import finding
from gitrepo import ROOT
from seed_snapshot import seed_files

from lint.config import Config
from lint.finding import Severity
from lint.fix import apply_fixes
from lint.report import sarif
from lint.runner import FileResult, check_paths, check_text

SCHEMA_NAME = "sarif-schema-2.1.0.json"
#: The official schema: beside the repository in CI, and vendored so the test never skips.
SHARED_SCHEMA = ROOT.parent / "shared" / "schemas" / SCHEMA_NAME
VENDORED_SCHEMA = ROOT / "tests" / "data" / SCHEMA_NAME


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    path = SHARED_SCHEMA if SHARED_SCHEMA.is_file() else VENDORED_SCHEMA
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(autouse=True)
def _no_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def valid(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> dict[str, Any]:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)
    ]
    assert not errors, "\n".join(errors)
    return log


def render(results: list[FileResult]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(results))
    return log


def test_vendored_schema_is_the_official_one() -> None:
    if SHARED_SCHEMA.is_file():
        assert VENDORED_SCHEMA.read_bytes() == SHARED_SCHEMA.read_bytes()


def test_seed_findings_are_valid_sarif(
    validator: jsonschema.protocols.Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    results = list(check_paths([str(p.relative_to(ROOT)) for p in seed_files()], Config(root=ROOT)))
    findings = [f for r in results for f in r.findings]
    log = valid(validator, render(results))
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "sglint"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule for f in findings})
    assert len(run["results"]) == len(findings) > 0
    for result, f in zip(run["results"], findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "snippet": {"text": f.match},
        }
        assert ("fixes" in result) == (f.fix is not None)
    assert any("fixes" in r for r in run["results"])
    for rule in rules:
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["properties"]["source"]


def test_no_findings_is_valid(validator: jsonschema.protocols.Validator) -> None:
    log = valid(validator, render([FileResult("a.txt", [])]))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def _offset(text: str, line: int, column: int) -> int:
    """A SARIF (line, column) in code points back to an offset into ``text``."""
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + column - 1


def test_fix_regions_count_code_points(validator: jsonschema.protocols.Validator) -> None:
    # Emoji outside the BMP take two UTF-16 units: a UTF-16 column would be off by two.
    text = "Intro 😀😀 line.\nThe 🙂 police investigate care gangs and vigilante gangs.\n"
    findings = check_text(text, path="draft.txt")
    log = valid(validator, render([FileResult("draft.txt", findings)]))
    results = log["runs"][0]["results"]
    assert len(results) == 2
    out = text
    for result in reversed(results):
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "draft.txt"
        (replacement,) = change["replacements"]
        region = replacement["deletedRegion"]
        start = _offset(out, region["startLine"], region["startColumn"])
        end = _offset(out, region["endLine"], region["endColumn"])
        out = out[:start] + replacement["insertedContent"]["text"] + out[end:]
    assert out == apply_fixes(text, findings, unsafe=True)[0]
    assert "care gangs" not in out and "grooming gangs and grooming gangs" in out


def test_rule_descriptor_from_findings(validator: jsonschema.protocols.Validator) -> None:
    same = [
        finding(
            "a.md",
            severity=Severity.SUGGESTION,
            why="One. Two.",
            link="https://example.org/r",
        ),
        finding("a.md", line=9, why="One. Two.", link="https://example.org/r"),
    ]
    log = valid(validator, render([FileResult("a.md", same)]))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"] == {"text": "One."}
    assert rule["fullDescription"] == {"text": "One. Two."}
    assert rule["help"] == {"text": "One. Two.\n\nSource: domain.md §1"}
    assert rule["helpUri"] == "https://example.org/r"
    # The highest level seen: quoted speech lowers single findings, not the rule.
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert [r["level"] for r in log["runs"][0]["results"]] == ["note", "error"]
    assert all(r["message"]["text"] == same[0].message for r in log["runs"][0]["results"])


def test_per_term_why_stays_on_the_result(validator: jsonschema.protocols.Validator) -> None:
    mixed = [finding("a.md", why="Term one."), finding("a.md", line=5, why="Term two.")]
    log = valid(validator, render([FileResult("a.md", mixed)]))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["fullDescription"] == {"text": "Each result gives the reason for its own term."}
    assert rule["shortDescription"] == {"text": "Safeguarding.Mistranslations"}
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert texts == [f"{mixed[0].message} Term one.", f"{mixed[1].message} Term two."]


def test_uris(validator: jsonschema.protocols.Validator, tmp_path: Path) -> None:
    outside = tmp_path / "out side.md"
    results = [
        FileResult("press/new draft#2.md", [finding("press/new draft#2.md")]),
        FileResult(str(outside), [finding(str(outside))]),
    ]
    log = valid(validator, render(results))
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]
    ]
    assert uris == [
        {"uri": "press/new%20draft%232.md", "uriBaseId": "%SRCROOT%"},
        {"uri": outside.as_uri()},
    ]
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"
