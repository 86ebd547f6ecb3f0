"""A plain (non-editable) install must find the built-in rules: they ship in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_every_rule_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(tmp_path.glob("sglint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = sorted(
        p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file()
    )
    assert rules
    missing = [r for r in rules if f"lint/builtin_rules/{r}" not in names]
    assert not missing
    assert "lint/py.typed" in names
