"""``--format junit``: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testsuite`` per file checked and one ``testcase`` per finding, failed with the
finding's level as the failure type; a clean file is one passing testcase, so every file
checked appears in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from lint.finding import Finding
from lint.report.escape import printable, xml_text

if TYPE_CHECKING:
    from lint.runner import FileResult


def _detail(f: Finding) -> str:
    # The readable detail: one line per item, whatever the path holds.
    lines = [printable(f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}")]
    if f.match:
        lines.append(f"match: {f.match}")
    if f.fix is not None:
        lines.append(f"fix: {f.fix}")
    if f.why:
        lines.append(f"why: {f.why}")
    if f.source:
        lines.append(f"source: {f.source}")
    return xml_text("\n".join(lines))


def _suite(result: FileResult) -> ET.Element:
    findings = result.findings
    path = xml_text(result.path)
    suite = ET.Element(
        "testsuite",
        name=path,
        tests=str(max(1, len(findings))),
        failures=str(len(findings)),
        errors="0",
        skipped="0",
    )
    if not findings:
        ET.SubElement(suite, "testcase", name="sglint", classname=path, file=path)
    for f in findings:
        case = ET.SubElement(
            suite,
            "testcase",
            name=xml_text(f"{f.rule} at {f.line}:{f.column}"),
            classname=path,
            file=xml_text(f.path),
            line=str(f.line),
        )
        failure = ET.SubElement(case, "failure", message=xml_text(f.message), type=f.severity.label)
        failure.text = _detail(f)
    return suite


def render(results: Sequence[FileResult], color: bool = False) -> str:
    suites = [_suite(r) for r in results]
    root = ET.Element(
        "testsuites",
        name="sglint",
        tests=str(sum(int(s.get("tests", "0")) for s in suites)),
        failures=str(sum(int(s.get("failures", "0")) for s in suites)),
        errors="0",
    )
    root.extend(suites)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


__all__ = ["render"]
