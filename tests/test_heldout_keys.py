"""The held-out sets' answer keys are valid, and the held-out scorer matches spans right.

The key checks read only the keys and drafts; they never run sglint, so they say nothing
about how well the rules do (that is scripts/heldout_score.py's job).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ROOT / "tests" / "recall" / "heldout",
    ROOT / "tests" / "recall" / "heldout2",
    ROOT / "tests" / "recall" / "heldout3",
    ROOT / "tests" / "recall" / "heldout4",
    ROOT / "tests" / "recall" / "heldout5",
    ROOT / "tests" / "recall" / "heldout6",
    ROOT / "tests" / "recall" / "heldout7",
    ROOT / "tests" / "recall" / "heldout8",
    ROOT / "tests" / "recall" / "heldout9",
    ROOT / "tests" / "recall" / "heldout9b",
    ROOT / "tests" / "recall" / "heldout10",
    ROOT / "tests" / "recall" / "heldout11",
    ROOT / "tests" / "recall" / "quotes12",
    ROOT / "tests" / "recall" / "heldout12",
    ROOT / "tests" / "recall" / "dev",
    ROOT / "tests" / "recall" / "dev2",
    ROOT / "tests" / "recall" / "dev3",
    ROOT / "tests" / "recall" / "dev4",
    ROOT / "tests" / "recall" / "dev5",
    ROOT / "tests" / "recall" / "dev6",
    ROOT / "tests" / "recall" / "dev8",
    ROOT / "tests" / "recall" / "dev9",
    ROOT / "tests" / "recall" / "dev10",
    ROOT / "tests" / "recall" / "dev11",
    ROOT / "tests" / "recall" / "dev13claims",
    ROOT / "tests" / "recall" / "heldout13",
    ROOT / "tests" / "anonymity" / "heldout13",
    ROOT / "tests" / "recall" / "heldout14",
    ROOT / "tests" / "anonymity" / "heldout14",
    ROOT / "tests" / "anonymity" / "dev13",
    ROOT / "tests" / "recall" / "heldout15a",
    ROOT / "tests" / "recall" / "heldout15b",
    ROOT / "tests" / "recall" / "heldout16",
    ROOT / "tests" / "anonymity" / "heldout15",
    ROOT / "tests" / "anonymity" / "heldout",
    ROOT / "tests" / "anonymity" / "heldout2",
    ROOT / "tests" / "anonymity" / "heldout3",
    ROOT / "tests" / "anonymity" / "heldout4",
    ROOT / "tests" / "anonymity" / "heldout5",
    ROOT / "tests" / "anonymity" / "heldout6",
    ROOT / "tests" / "anonymity" / "heldout7",
    ROOT / "tests" / "anonymity" / "heldout8",
    ROOT / "tests" / "anonymity" / "heldout9",
    ROOT / "tests" / "anonymity" / "heldout9b",
    ROOT / "tests" / "anonymity" / "heldout10",
    ROOT / "tests" / "anonymity" / "heldout11",
    ROOT / "tests" / "anonymity" / "heldout12",
    ROOT / "tests" / "anonymity" / "dev",
    ROOT / "tests" / "anonymity" / "dev2",
    ROOT / "tests" / "anonymity" / "dev3",
    ROOT / "tests" / "anonymity" / "dev6",
    ROOT / "tests" / "anonymity" / "dev7",
]
PRESENT = [s for s in SETS if (s / "key.yml").is_file()]
PUBLISHERS = {"govuk", "police", "charity", "news"}
LEVELS = {"error", "warning"}


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "heldout_score", ROOT / "scripts" / "heldout_score.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["heldout_score"] = module
    spec.loader.exec_module(module)
    return module


scorer = load_scorer()


def allowed_classes(set_dir: Path) -> set[str]:
    """Class names listed under the 'Classes' heading of the set's README.

    The README is <set>/README.md or, failing that, the one in the folder above. Each class
    is a bullet whose first backticked word is the class name.
    """
    for readme in (set_dir / "README.md", set_dir.parent / "README.md"):
        if readme.is_file():
            break
    else:
        pytest.fail(f"{set_dir}: no README.md listing the allowed classes")
    classes: set[str] = set()
    in_section = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            in_section = "classes" in line.lower()
            continue
        match = re.match(r"\s*(?:[-*]|\|)\s+`([a-z][a-z0-9-]*)`", line)
        if in_section and match:
            classes.add(match.group(1))
    assert classes, f"{readme}: no bullet list of `class` names under a 'Classes' heading"
    return classes


def draft_text(set_dir: Path, name: str) -> str:
    with open(set_dir / "drafts" / name, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.mark.parametrize("set_dir", PRESENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_key_is_valid(set_dir: Path) -> None:
    key = yaml.safe_load((set_dir / "key.yml").read_text(encoding="utf-8"))
    assert isinstance(key, list) and key
    classes = allowed_classes(set_dir)
    names = [e["draft"] for e in key]
    assert len(names) == len(set(names)), "a draft has two key entries"
    on_disk = sorted(p.name for p in (set_dir / "drafts").glob("*.md"))
    assert sorted(names) == on_disk, "every draft needs exactly one key entry"
    problems: list[str] = []
    for entry in key:
        name = entry["draft"]
        text = draft_text(set_dir, name)
        assert text.startswith("# "), f"{name}: must start with a '# Title' line"
        assert entry.get("publisher") in PUBLISHERS, f"{name}: publisher"
        assert isinstance(entry.get("control"), bool), f"{name}: control must be true or false"
        planted = entry.get("planted") or []
        traps = entry.get("traps") or []
        if entry["control"]:
            assert not planted, f"{name}: a control has no planted errors"
        else:
            assert planted, f"{name}: not a control, so it needs planted errors"
        for p in planted:
            assert p.get("class") in classes, f"{name}: class {p.get('class')!r} not allowed"
            assert p.get("level") in LEVELS, f"{name}: level {p.get('level')!r}"
            assert p.get("correct") and p.get("note"), f"{name}: correct and note are required"
        for t in traps:
            assert t.get("note"), f"{name}: trap {t.get('text')!r} needs a note"
        for item in [*planted, *traps]:
            for needle in [item["text"], *(item.get("also") or [])]:
                count = text.count(needle)
                if count != 1:
                    problems.append(f"{name}: {needle!r} occurs {count} times")
    assert not problems, "\n".join(problems)


def make_set(tmp_path: Path) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir(parents=True)
    # line 3 of a.md: "The Lucy Faithful Foundation gave 500 to\r\nchildren." (CRLF ends line 3)
    (drafts / "a.md").write_bytes(
        (
            "# A\n\nThe Lucy Faithful Foundation gave 500 to\r\n"
            "children. DS Ray then DC Ray.\rÉtat.\n"
        ).encode()
    )
    (drafts / "b.md").write_text("# B\n\nCall Childline on 0800 1111.\n", encoding="utf-8")
    key: list[dict[str, Any]] = [
        {
            "draft": "a.md",
            "publisher": "charity",
            "control": False,
            "planted": [
                {"class": "organisation", "text": "Lucy Faithful Foundation", "level": "error"},
                {"class": "money", "text": "gave 500", "level": "error"},
                {"class": "rank-change", "text": "DC Ray", "also": ["DS Ray"], "level": "error"},
            ],
            "traps": [{"text": "children."}, {"text": "État"}],
        },
        {
            "draft": "b.md",
            "publisher": "charity",
            "control": True,
            "planted": [],
            "traps": [{"text": "0800 1111"}],
        },
    ]
    (tmp_path / "key.yml").write_text(yaml.safe_dump(key), encoding="utf-8")
    return tmp_path


def finding(
    path: str, line: int, col: int, end_line: int, end_col: int, severity: str
) -> dict[str, Any]:
    return {
        "path": path,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "rule": "x",
        "severity": severity,
        "message": "m",
        "match": "",
        "fix": None,
    }


def test_positions_follow_cr_lf_and_crlf() -> None:
    text = "ab\r\ncd\ref\ngh"
    starts = scorer.line_starts(text)
    assert [scorer.position(starts, text.index(c)) for c in "acegh"] == [
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 1),
        (4, 2),
    ]
    assert scorer.span_of(text, "cd", "t") == scorer.Span((2, 1), (2, 3))


def test_scorer_matches_spans(tmp_path: Path) -> None:
    set_dir = make_set(tmp_path)
    findings = [
        # "Faithful" only, a warning: found, but not at the expected level
        finding("x/drafts/a.md", 3, 9, 3, 17, "warning"),
        # only the space between the two: the organisation ends at 29 and "gave 500" starts
        # at 30 (ends are exclusive), so it overlaps neither
        finding("drafts/a.md", 3, 29, 3, 30, "error"),
        # on the other mention ("DS Ray", line 4 columns 11-17): counts for rank-change
        finding("a.md", 4, 11, 4, 17, "error"),
        # a suggestion over "children." never counts
        finding("a.md", 4, 1, 4, 10, "suggestion"),
        # "État" is on line 5 (a lone CR ended line 4); column counts code points
        finding("a.md", 5, 2, 5, 3, "error"),
        # one finding in the control, one of them a suggestion that does not count
        finding("b.md", 3, 6, 3, 15, "warning"),
        finding("b.md", 3, 1, 3, 5, "suggestion"),
    ]
    result = scorer.score(set_dir, findings)
    classes = result["classes"]
    assert classes["organisation"] == {
        "planted": 1,
        "found": 1,
        "at_level": 0,
        "missed": [],
        "recall": 1.0,
    }
    assert classes["money"]["found"] == 0
    assert classes["money"]["missed"] == [{"draft": "a.md", "text": "gave 500"}]
    assert classes["rank-change"]["at_level"] == 1
    fired = {t["text"]: t["fired"] for t in result["traps"]}
    assert fired == {"children.": False, "État": True, "0800 1111": False}
    assert result["controls"] == [{"draft": "b.md", "findings": 1}]
    assert result["totals"]["recall"] == round(2 / 3, 3)
    assert result["totals"]["controls_over_one"] == 0


def test_scorer_runs_a_command_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_dir = make_set(tmp_path / "set")
    fake = tmp_path / "fake_sglint.py"
    fake.write_text(
        "import json, sys\n"
        "assert sys.argv[1:4] == ['check', '--format', 'json']\n"
        "print(json.dumps([{'path': sys.argv[4] + '/a.md', 'line': 3, 'column': 34,"
        " 'end_line': 3, 'end_column': 37, 'rule': 'money', 'severity': 'error',"
        " 'message': 'm', 'match': '500', 'fix': None}]))\n"
        "sys.exit(1)\n",
        encoding="utf-8",
    )
    assert scorer.main([str(set_dir), "--sglint", f"{sys.executable} {fake}", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["classes"]["money"]["found"] == 1
    assert result["totals"]["found"] == 1
