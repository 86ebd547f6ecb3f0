"""``--timing`` and ``lint.timing``: CPU time per rule, document fact and stage. These
tests check what the report holds (every rule that ran, times never negative, rows that
add up to the total, calls per file), never how long anything took."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lint import timing
from lint.cli import main
from lint.config import Config, active_rules
from lint.report.timing import render
from lint.runner import PARALLEL_MIN_FILES

COPY = (
    "# Police charge man\n\n"
    'Detective Inspector Jane Smith said: "We investigated care gangs for years."\n\n'
    "A child prostitute was found in 2019, aged 14.\n"
)


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_times_are_exclusive_and_add_up() -> None:
    timings = timing.Timings()
    with timings.measure("rule", "A"):
        _spin(0.01)
        with timings.measure("fact", "f"):
            _spin(0.02)
    with timings.measure("rule", "A"):
        pass
    (rule, rule_calls), (fact, fact_calls) = timings.rows["rule", "A"], timings.rows["fact", "f"]
    assert (rule_calls, fact_calls) == (2, 1)
    assert fact >= 0.02 and 0.01 <= rule < 0.02  # the fact's time is not the rule's too
    merged = timing.Timings()
    merged.add(timings.rows)
    merged.add(timings.rows)
    assert merged.rows["rule", "A"] == [2 * rule, 4]


def test_nothing_is_measured_unless_a_run_keeps_timings() -> None:
    assert timing.active() is None
    with timing.measure("rule", "A"):
        pass
    assert timing.timed("fact", "f", lambda: 3) == 3
    kept = timing.Timings()
    with timing.keeping(kept):
        assert timing.active() is kept
        assert timing.timed("fact", "f", lambda: 4) == 4
    assert timing.active() is None
    assert list(kept.rows) == [("fact", "f")]


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for n in range(PARALLEL_MIN_FILES):
        (tmp_path / f"{n}.md").write_text(COPY, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_report_lists_every_rule_and_adds_up(
    drafts: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--timing", "--format", "json", "-j", jobs, "."])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # the findings still set the exit status
    assert report["files"] == PARALLEL_MIN_FILES
    rows = report["rows"]
    ran = {a.rule.meta.id for a in active_rules(Config())}
    by_kind: dict[str, dict[str, dict[str, float]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], {})[row["name"]] = row
    assert set(by_kind["rule"]) == ran  # every rule that ran, and only those
    # each rule once a file, in whichever process checked it
    assert {row["calls"] for row in by_kind["rule"].values()} == {PARALLEL_MIN_FILES}
    assert {"sentences", "quote_model", "cast"} <= set(by_kind["fact"])
    assert {"read", "engine", "context", "load rules"} <= set(by_kind["stage"])
    assert all(row["seconds"] >= 0 and row["calls"] >= 1 for row in rows)
    assert [row["seconds"] for row in rows] == sorted((r["seconds"] for r in rows), reverse=True)
    assert sum(row["seconds"] for row in rows) == pytest.approx(report["total"], abs=1e-4)
    assert sum(row["share"] for row in rows) == pytest.approx(1, abs=1e-3)


def test_text_report_has_a_line_per_row_and_the_total(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--timing", "-j", "1", "0.md"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("CPU time over 1 file(s)")
    assert lines[1].split() == ["seconds", "share", "ms/file", "calls", "kind", "name"]
    body = [line.split() for line in lines[2:-1]]
    assert {"Safeguarding.ChildProstitution", "sentences", "read"} <= {row[-1] for row in body}
    assert all(float(row[0]) >= 0 and row[4] in timing.KINDS for row in body)
    assert lines[-1].split()[-1] == "total"
    assert float(lines[-1].split()[0]) == pytest.approx(
        sum(float(row[0]) for row in body), abs=0.002 * len(body)
    )


def test_timing_checks_afresh_and_reports_no_findings(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "0.md"])  # fills the results cache
    capsys.readouterr()
    main(["check", "--timing", "--format", "json", "0.md"])
    report = json.loads(capsys.readouterr().out)
    assert any(row["kind"] == "rule" for row in report["rows"])  # checked, not a cache hit
    assert set(report) == {"files", "total", "rows"}
    assert main(["check", "--timing", "--statistics", "0.md"]) == 2
    assert "--timing prints text or json" in capsys.readouterr().err


def test_render_keeps_the_costliest_rows() -> None:
    timings = timing.Timings()
    timings.rows = {("rule", "A"): [0.5, 2], ("fact", "f"): [1.5, 2], ("stage", "s"): [0.0, 1]}
    report = json.loads(render(timings, 2, "json", top=2))
    assert [(r["kind"], r["name"]) for r in report["rows"]] == [("fact", "f"), ("rule", "A")]
    assert report["total"] == 2.0 and report["rows"][0]["share"] == 0.75
