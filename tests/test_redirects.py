"""Replaced rule ids (rules/_redirects.yml) keep a team's configuration working."""

from __future__ import annotations

from pathlib import Path

from helpers import run

from lint.config import active_rules, all_rules, resolve
from lint.engine import unknown_switches
from lint.readers import read_text
from lint.redirects import redirects
from lint.rules.contract import Rule
from lint.rules.loader import load_rule_text


def _ids(options: dict[str, object], folder: Path) -> dict[str, str]:
    config = resolve(options, folder)
    return {a.rule.meta.id: a.level.label for a in active_rules(config)}


def test_every_redirect_points_at_rules_that_exist(tmp_path: Path) -> None:
    ids = {r.meta.id for r in all_rules(resolve({}, tmp_path))}
    for old, entry in redirects().items():
        assert old not in ids, f"{old} is still a rule: it needs no redirect"
        assert set(entry.to) <= ids, f"{old} points at {entry.to}, not all of them rules"


def test_select_with_an_old_id_runs_the_new_rules_with_a_notice(tmp_path: Path) -> None:
    config = resolve({"select": ["Numbers.Figures"]}, tmp_path)
    assert set(config.select) == {"Numbers.OneClaim", "Numbers.OneClaimLikely"}
    assert any("'Numbers.Figures' was replaced by" in n for n in config.notices)
    assert set(_ids({"select": ["Numbers.Figures"]}, tmp_path)) == set(config.select)


def test_a_config_setting_for_an_old_id_applies_to_the_new_rules(tmp_path: Path) -> None:
    cfg = tmp_path / ".sglint.yaml"
    cfg.write_text("rules:\n  Numbers.Figures: off\n", encoding="utf-8")
    ids = _ids({"config": str(cfg)}, tmp_path)
    assert "Numbers.OneClaim" not in ids and "Numbers.OneClaimLikely" not in ids
    assert any(i.startswith("Numbers.") for i in ids)  # the rest of the pack still runs
    notices = resolve({"config": str(cfg)}, tmp_path).notices
    assert any(str(cfg) in n and "Numbers.OneClaim" in n for n in notices)


def test_a_setting_for_the_new_id_itself_wins(tmp_path: Path) -> None:
    cfg = tmp_path / ".sglint.yaml"
    cfg.write_text(
        "rules:\n  Numbers.OneClaim: warning\n  Numbers.Figures: off\n", encoding="utf-8"
    )
    ids = _ids({"config": str(cfg)}, tmp_path)
    assert ids.get("Numbers.OneClaim") == "warning"
    assert "Numbers.OneClaimLikely" not in ids


def test_no_notice_without_an_old_id(tmp_path: Path) -> None:
    assert resolve({"select": ["Numbers"]}, tmp_path).notices == ()


def _claim_rules() -> list[Rule]:
    root = Path(__file__).resolve().parents[1] / "rules" / "Numbers"
    return [
        load_rule_text(
            (root / f"{n}.yml").read_text(encoding="utf-8"),
            rule_id=f"Numbers.{n}",
            path=str(root / f"{n}.yml"),
        )
        for n in ("OneClaim", "OneClaimLikely")
    ]


CLAIMS = "Six men were jailed.\n\n{comment}The seven men were jailed.\n"


def test_an_inline_comment_naming_an_old_id_switches_the_new_rules() -> None:
    rules = _claim_rules()
    plain = run(rules, CLAIMS.format(comment=""), fmt="markdown", profile="standard")
    assert [f.rule for f in plain] == ["Numbers.OneClaim"]
    off = "<!-- sglint-disable Numbers.Figures -->\n\n"
    assert run(rules, CLAIMS.format(comment=off), fmt="markdown", profile="standard") == []


def test_an_inline_comment_naming_an_old_id_gets_a_located_notice() -> None:
    doc = read_text(
        "draft.md", CLAIMS.format(comment="<!-- sglint-disable Numbers.Claims -->\n\n"), "markdown"
    )
    (notice,) = unknown_switches(doc, {"Numbers.OneClaim", "Numbers.OneClaimLikely"})
    assert notice.startswith("draft.md:3: inline comment: 'Numbers.Claims' was replaced by")
