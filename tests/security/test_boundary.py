"""Item 1 of issue 18: nothing outside the project is read, printed or written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from security.hostile import BAD, SECRET


def link(at: Path, target: Path) -> Path:
    at.symlink_to(target, target_is_directory=target.is_dir())
    return at


def test_a_linked_draft_in_a_folder_is_skipped_with_a_notice(project: Path, sglint: Any) -> None:
    link(project / "drafts" / "notes.txt", project.parent / "outside" / "secret.txt")
    (project / "drafts" / "real.txt").write_text(BAD, encoding="utf-8")
    for fmt in ("text", "github", "json", "sarif"):
        done = sglint(project, "check", "--format", fmt, "drafts")
        assert done.status == 1  # the real draft's finding
        assert SECRET not in done.out + done.err
        assert "notes.txt" not in done.out
        assert (
            "sglint: notice: drafts/notes.txt: file is a symbolic link (or lies under one) "
            "that leads outside the project; skipped"
        ) in done.err


def test_a_linked_draft_named_explicitly_is_skipped(project: Path, sglint: Any) -> None:
    link(project / "drafts" / "notes.txt", project.parent / "outside" / "secret.txt")
    done = sglint(project, "check", "drafts/notes.txt")
    assert (done.status, done.out.count(SECRET), SECRET in done.err) == (0, 0, False)
    assert "drafts/notes.txt: file is a symbolic link" in done.err


def test_a_draft_under_a_linked_folder_is_skipped(project: Path, sglint: Any) -> None:
    link(project / "drafts" / "elsewhere", project.parent / "outside")
    done = sglint(project, "check", "drafts/elsewhere/secret.txt")
    assert done.status == 0 and SECRET not in done.out + done.err
    assert "leads outside the project; skipped" in done.err


def test_a_link_inside_the_project_is_read(project: Path, sglint: Any) -> None:
    (project / "drafts" / "real.txt").write_text(BAD, encoding="utf-8")
    link(project / "drafts" / "alias.txt", project / "drafts" / "real.txt")
    done = sglint(project, "check", "drafts/alias.txt")
    assert done.status == 1 and "care gangs" in done.out


def test_fix_never_writes_through_a_link(project: Path, sglint: Any) -> None:
    real = project / "drafts" / "real.txt"
    real.write_text(BAD, encoding="utf-8")
    link(project / "drafts" / "alias.txt", real)
    done = sglint(project, "check", "--fix", "drafts/alias.txt")
    assert done.status == 2
    assert (
        "sglint: error: drafts/alias.txt: is a symbolic link; fixes are never written "
        "through a link"
    ) in done.err
    assert real.read_text(encoding="utf-8") == BAD


def test_fix_never_touches_a_file_outside(project: Path, sglint: Any) -> None:
    secret = project.parent / "outside" / "secret.txt"
    before = secret.read_bytes()
    link(project / "drafts" / "notes.txt", secret)
    done = sglint(project, "check", "--fix", "drafts")
    assert done.status == 0 and secret.read_bytes() == before
    assert "notes.txt: file is a symbolic link" in done.err


def test_discovery_does_not_follow_a_link_out_of_the_root(project: Path, sglint: Any) -> None:
    outside = project.parent / "outside"
    # A config out there would break the run (an unknown profile) if discovery found it.
    (outside / ".sglint.yaml").write_text("profile: hostile\n", encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "draft.txt").write_text("Fine.\n", encoding="utf-8")
    link(project / "drafts" / "away", outside / "sub")
    done = sglint(project, "check", "drafts/away/draft.txt")
    assert done.status == 0, done.err
    assert "hostile" not in done.err


def test_a_config_that_links_out_is_skipped(project: Path, sglint: Any) -> None:
    outside = project.parent / "outside"
    (outside / "cfg.yaml").write_text("profile: hostile\n", encoding="utf-8")
    (project / ".sglint.yaml").unlink()
    link(project / ".sglint.yaml", outside / "cfg.yaml")
    (project / "drafts" / "a.txt").write_text("Fine.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert "hostile" not in done.err
    assert ".sglint.yaml: config is a symbolic link that leads out of its folder; skipped" in (
        done.err
    )


def test_team_rule_files_and_packs_that_link_out_are_skipped(project: Path, sglint: Any) -> None:
    outside = project.parent / "outside"
    (outside / "Evil").mkdir()
    (outside / "Evil" / "Rule.yml").write_text(
        "extends: existence\nmessage: x\ntokens: [Fine]\n", encoding="utf-8"
    )
    team = project / "team"
    (team / "Team").mkdir(parents=True)
    link(team / "Team" / "Linked.yml", outside / "Evil" / "Rule.yml")
    link(team / "Evil", outside / "Evil")
    (project / ".sglint.yaml").write_text("paths: [team]\n", encoding="utf-8")
    (project / "drafts" / "a.txt").write_text("Fine.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 0, done.err
    assert "team/Team/Linked.yml: rule file is a symbolic link that leads out of" in done.err
    assert "team/Evil: rule pack is a symbolic link that leads out of" in done.err


def test_vale_styles_path_outside_is_refused(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    (project / ".vale.ini").write_text(
        "StylesPath = ../outside\n[*]\nBasedOnStyles = Vale\n", encoding="utf-8"
    )
    (project / "drafts" / "a.md").write_text("Fine.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 2
    assert "StylesPath '../outside' leads outside the project; refused" in done.err


def test_vale_vocab_folder_that_links_out_is_skipped(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    outside = project.parent / "outside"
    (outside / "accept.txt").write_text("colour\n", encoding="utf-8")
    vocabularies = project / "styles" / "config" / "vocabularies"
    vocabularies.mkdir(parents=True)
    link(vocabularies / "Team", outside)
    (project / ".vale.ini").write_text(
        "StylesPath = styles\nVocab = Team\n[*]\nBasedOnStyles = Vale\n", encoding="utf-8"
    )
    (project / "drafts" / "a.md").write_text("Fine.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 0, done.err
    assert "Vocab folder is a symbolic link that leads out of" in done.err


def test_an_invalid_vocab_term_is_not_echoed_whole(project: Path, sglint: Any) -> None:
    (project / ".sglint.yaml").unlink()
    team = project / "styles" / "config" / "vocabularies" / "Team"
    team.mkdir(parents=True)
    term = "(" + "x" * 5000
    (team / "reject.txt").write_text(term + "\n", encoding="utf-8")
    (project / ".vale.ini").write_text(
        "StylesPath = styles\nVocab = Team\n[*]\nBasedOnStyles = Vale\n", encoding="utf-8"
    )
    (project / "drafts" / "a.md").write_text("Fine.\n", encoding="utf-8")
    done = sglint(project, "check", "drafts")
    assert done.status == 2
    assert "invalid regular expression" in done.err
    assert "x" * 200 not in done.err and len(done.err.splitlines()[0]) < 700
