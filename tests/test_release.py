"""Releases: the runtime dependencies are what sglint imports, the version has a
CHANGELOG entry, and the README's install lines pin that release from the repository."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from pathlib import Path

from lint import __version__

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_distributions() -> set[str]:
    """The distributions whose top-level modules lint/ imports (lazily or not)."""
    modules: set[str] = set()
    for path in (ROOT / "lint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.split(".")[0])
    owners = importlib.metadata.packages_distributions()
    return {dist.lower() for module in modules for dist in owners.get(module, ())}


def test_runtime_dependencies_are_exactly_what_sglint_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    imported = _imported_distributions() - {"sglint"}
    assert runtime == imported
    assert "pre-commit" not in runtime
    assert "pre-commit" in {_name(r) for r in project["optional-dependencies"]["test"]}


def test_the_version_has_a_changelog_entry() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", changelog, flags=re.M)
    assert headings[0] == __version__
    assert "0.1.0" in headings


def test_readme_install_lines_pin_the_release_from_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tag = f"v{__version__}"
    assert f"rev: {tag}" in readme  # pre-commit
    assert re.search(rf"pip install \"?git\+https://github\.com/[^ ]+@{tag}", readme)
    assert f"/sglint@{tag}" in readme  # the Action
    assert "sglint==" not in readme  # no index has sglint
