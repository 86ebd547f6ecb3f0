"""``--format junit``: one testsuite per file, one failed testcase per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from findings import finding

from lint.finding import Severity
from lint.report import junit
from lint.runner import FileResult


def test_suites_cases_and_counts() -> None:
    results = [
        FileResult(
            "press/a & b.md",
            [
                finding("press/a & b.md", message='Use "x" <not> y & z.'),
                finding("press/a & b.md", line=7, severity=Severity.SUGGESTION, fix=None),
            ],
        ),
        FileResult("press/clean.txt", []),
    ]
    out = junit.render(results)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")

    dirty, clean = root.findall("testsuite")
    assert (dirty.get("name"), dirty.get("tests"), dirty.get("failures")) == (
        "press/a & b.md",
        "2",
        "2",
    )
    first, second = dirty.findall("testcase")
    assert first.get("name") == "Safeguarding.Mistranslations at 3:5"
    assert (first.get("classname"), first.get("file"), first.get("line")) == (
        "press/a & b.md",
        "press/a & b.md",
        "3",
    )
    failure = first.find("failure")
    assert failure is not None
    assert failure.get("message") == 'Use "x" <not> y & z.'
    assert failure.get("type") == "error"
    assert failure.text == (
        'press/a & b.md:3:5: error Safeguarding.Mistranslations Use "x" <not> y & z.\n'
        "match: care gangs\n"
        "fix: grooming gangs\n"
        "why: Machine translation turned 'grooming' into 'care'.\n"
        "source: domain.md §1"
    )
    second_failure = second.find("failure")
    assert second_failure is not None and second_failure.get("type") == "suggestion"

    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
    (case,) = clean.findall("testcase")
    assert case.find("failure") is None


def test_nothing_checked() -> None:
    root = ET.fromstring(junit.render([]).encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), list(root)) == ("0", "0", [])
