"""The results cache: a warm run gives the cold run's findings without checking a file
again; any change to a file, a rule, a register or a setting is seen; a damaged entry is
rebuilt silently; --no-cache neither reads nor writes it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lint import config as config_module
from lint import diskcache, resultcache
from lint import project as project_module
from lint.cli import main

OPEN_CACHE = resultcache.open_cache
BAD = "The girl was described as a child prostitute by the council.\n"
OTHER = "Officers said the boy had been groomed online.\n"
RULE = "extends: existence\nmessage: 'Avoid %s.'\nlevel: warning\ntokens: [synergy]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(resultcache, "open_cache", OPEN_CACHE)  # off elsewhere (conftest)
    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SGLINT_NO_CACHE", raising=False)
    root = tmp_path / "copy"
    (root / "styles" / "Team").mkdir(parents=True)
    (root / "styles" / "Team" / "Jargon.yml").write_text(RULE)
    (root / ".sglint.yaml").write_text("paths: [styles]\n")
    for n in range(3):
        (root / f"draft{n}.txt").write_text(BAD + f"Our synergy {n} grows.\n")
    (root / "clean.md").write_text(OTHER)
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--format", "json", "-j", "1", *args])
    out = capsys.readouterr().out
    findings: list[dict[str, object]] = json.loads(out)
    return findings


def _no_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a rule was compiled on a warm run")

    monkeypatch.setattr(project_module, "active_rules", refuse)


def test_warm_run_gives_identical_findings_without_checking(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _run(capsys, str(project))
    assert {f["rule"] for f in cold} >= {"Team.Jargon"}
    assert len(list((project.parent / "cache").glob("results-*.json"))) == 1  # one folder
    with monkeypatch.context() as patch:
        _no_checking(patch)
        warm = _run(capsys, str(project))
    assert warm == cold
    assert _run(capsys, "--no-cache", str(project)) == cold
    main(["check", "-j", "1", str(project)])  # the text format shows cached source lines
    text = capsys.readouterr().out
    assert "Our synergy 1 grows." in text


def test_an_edited_file_is_checked_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cold = _run(capsys, str(project))
    (project / "draft1.txt").write_text(OTHER)
    warm = _run(capsys, str(project))
    assert warm == _run(capsys, "--no-cache", str(project))
    assert {f["path"] for f in cold} - {f["path"] for f in warm} == {str(project / "draft1.txt")}


@pytest.mark.parametrize(
    "change",
    [
        "rule",  # a rule file's content
        "register",  # any other file in a rule folder (registers, lexicon)
        "setting",  # a setting that changes what is found
    ],
)
def test_rules_registers_and_settings_invalidate(
    project: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    cold = _run(capsys, str(project))
    if change == "rule":
        (project / "styles" / "Team" / "Jargon.yml").write_text(
            RULE.replace("level: warning", "level: error")
        )
    elif change == "register":
        (project / "styles" / "Team" / "_people.yml").write_text("people: []\n")
    else:
        (project / ".sglint.yaml").write_text("paths: [styles]\nrules: {Team.Jargon: error}\n")
    if change == "rule":  # this process's own memo of rules (a register or setting keeps it)
        config_module._load_folder_cached.cache_clear()
    names = {p.name for p in (project.parent / "cache").glob("results-*.json")}
    warm = _run(capsys, str(project))
    assert warm == _run(capsys, "--no-cache", str(project))
    assert len({p.name for p in (project.parent / "cache").glob("results-*.json")} - names) == 1
    if change != "register":
        assert warm != cold
        assert {f["severity"] for f in warm if f["rule"] == "Team.Jargon"} == {"error"}


def test_select_is_part_of_the_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _run(capsys, str(project))
    team = _run(capsys, "--select", "Team", str(project))
    assert team == [f for f in everything if f["rule"] == "Team.Jargon"]
    assert _run(capsys, str(project)) == everything


#: What the results cache's stores are made by (``lint.diskcache.Store``).
METHOD = f"results {resultcache.FORMAT}"


def _wrong_shapes(path: Path) -> list[object]:
    """Entries that are well-formed data but not results: each must be ignored."""
    sha = resultcache.digest(path.read_bytes())
    row = ["Team.Jargon", 2, "m", "synergy", 1, 2, 1, 1, 1, 2, None, "display", "", "", ""]
    return [
        [],
        {"method": METHOD, "entries": []},
        {"method": METHOD, "entries": {str(path): {"sha256": sha, "findings": [row[:5]]}}},
        {"method": METHOD, "entries": {str(path): {"sha256": sha, "findings": [[7, *row[1:]]]}}},
        {
            "method": METHOD,
            "entries": {
                str(path): {"sha256": sha, "findings": [row], "notices": [], "lines": {"x": ""}}
            },
        },
        {
            "method": METHOD,
            "entries": {
                str(path): {
                    "sha256": sha,
                    "findings": [[*row[:11], "sometimes", *row[12:]]],
                    "notices": [],
                    "lines": {},
                }
            },
        },
    ]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "shapes"])
def test_a_damaged_entry_is_rebuilt_silently(
    project: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    cold = _run(capsys, str(project))
    (entry,) = (project.parent / "cache").glob("results-*.json")
    raw = entry.read_bytes()
    if damage == "shapes":
        for value in _wrong_shapes(project / "draft1.txt"):
            diskcache.write(entry.name, value)
            assert _run(capsys, str(project)) == cold
        return
    entry.write_bytes(raw[: len(raw) // 2] if damage == "truncated" else b"\x80not an entry")
    assert _run(capsys, str(project)) == cold
    assert capsys.readouterr().err == ""
    assert entry.read_bytes() != b"\x80not an entry"  # rebuilt


def test_no_cache_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "--no-cache", str(project))
    assert not list((project.parent / "cache").glob("results-*"))


def test_runs_at_once_keep_each_others_results(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs over different files under one key: a later run's save keeps the earlier
    runs' entries (it merges with what is on disk, then renames atomically)."""
    first = project / "first"
    first.mkdir()
    shutil.move(str(project / "draft0.txt"), first / "draft0.txt")
    _run(capsys, str(first))
    _run(capsys, str(project / "draft1.txt"))
    _run(capsys, str(project / "draft2.txt"))
    entries = sorted((project.parent / "cache").glob("results-*.json"))
    assert len(entries) == 2  # one per folder
    kept = {path for entry in entries for path in diskcache.read(entry.name)["entries"]}
    assert kept == {
        str(first / "draft0.txt"),
        str(project / "draft1.txt"),
        str(project / "draft2.txt"),
    }


def test_text_report_warm_run_keeps_the_fixable_count(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text report's "N fixable" line comes from a dry run of --fix; the cache keeps
    that count, so a warm text run checks nothing and prints the same report."""
    main(["check", "-j", "1", "--no-cache", str(project)])
    fresh = capsys.readouterr().out
    assert "fixable" in fresh
    main(["check", "-j", "1", str(project)])  # cold: fills the cache
    cold = capsys.readouterr().out
    with monkeypatch.context() as patch:
        _no_checking(patch)
        main(["check", "-j", "1", str(project)])
        warm = capsys.readouterr().out
    assert cold == warm == fresh


def test_each_configuration_has_its_own_cache(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with its own .sglint.yaml (NearestConfig) is cached under its own run
    key: its files keep their own findings on a warm run."""
    team = project / "team"
    team.mkdir()
    (team / ".sglint.yaml").write_text("packs: [Safeguarding]\n")
    (team / "draft.txt").write_text(BAD + "Our synergy grows.\n")
    cold = _run(capsys, str(project))
    ours = {f["rule"] for f in cold if "team" in str(f["path"])}
    assert ours and "Team.Jargon" not in ours
    assert _run(capsys, str(project)) == cold
    keys = {p.name.split("-")[1] for p in (project.parent / "cache").glob("results-*.json")}
    assert len(keys) == 2
