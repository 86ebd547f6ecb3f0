"""The seeds' reviewed snapshot: every finding sglint makes on seeds/, one per line.

Regenerate after changing rules, then read the diff before committing it:

    python tests/seed_snapshot.py --update && git diff seeds/findings.snapshot
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.config import load_config
from lint.runner import check_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SNAPSHOT = SEEDS / "findings.snapshot"
#: The seeds are Home Office releases: they are checked as a GOV.UK team would check
#: them, with the config `sglint init --profile govuk` writes.
CONFIG = SEEDS / ".sglint.yaml"
#: The originals, where the workplace's shared folder sits beside the repository.
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def render() -> str:
    lines = []
    for result in check_paths([str(p) for p in seed_files()], load_config(CONFIG)):
        name = Path(result.path).name
        assert result.error is None, result.error
        for f in result.findings:
            fix = f" -> {f.fix!r}" if f.fix is not None else ""
            lines.append(
                f"{name}:{f.line}:{f.column}: {f.severity.label} {f.rule} "
                f"{f.message} [{f.match}]{fix}"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[1:] != ["--update"]:
        print(__doc__)
        return 2
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}; review it with git diff before committing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
