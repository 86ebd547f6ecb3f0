"""The package's shape: imports point one way, and small modules stay small to import.

The import graph is read from the source, not from a run: every ``import`` counts,
including those inside functions (a lazy import that points back up is still a cycle),
except those under ``if TYPE_CHECKING:``, which never run. Importing ``lint.a.b`` first
runs ``lint/a/__init__.py``, so a module also depends on its subpackage; the root
``lint/__init__.py`` (the public API, loaded lazily) is the one exception.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

LINT = Path(__file__).resolve().parent.parent / "lint"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(LINT.rglob("*.py")):
        parts = list(path.relative_to(LINT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _import_nodes(other)
            continue
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        yield from _import_nodes(child)


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
            continue
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
        for alias in node.names:
            full = f"{base}.{alias.name}"
            if full in modules:
                out.add(full)  # a submodule
            elif base in modules:
                out.add(base)
    parent = name.rpartition(".")[0]
    if parent and parent != "lint":
        out.add(parent)
    out.discard(name)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_import_cycle_in_lint() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_sees_lazy_imports() -> None:
    """The finder itself: a function-level import back up is a cycle; a TYPE_CHECKING
    one is not."""
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert cycles(graph) == [["a", "b"]]
    graph = import_graph()
    assert "lint.facts" in graph["lint.engine"]
    assert "lint.facts" not in graph["lint.rules.contract"]  # type-only import
    assert "lint.rules" in graph["lint.rules.registry"]  # its package


def test_kinds_import_the_contract_not_the_loader() -> None:
    graph = import_graph()
    from lint.rules.registry import REGISTRY

    for kind in REGISTRY.values():
        deps = graph[kind.__name__]
        assert "lint.rules.loader" not in deps, kind.__name__
        assert "lint.rules.registry" not in deps, kind.__name__


@pytest.mark.parametrize("module", ["lint.finding", "lint.errors"])
def test_small_modules_import_little(module: str) -> None:
    """``import lint.finding`` used to load 46 of sglint's modules and rapidfuzz."""
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"import {module}\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = run.stdout.split()
    assert len(loaded) < 20, loaded
    assert not [m for m in loaded if m.split(".")[0] in {"regex", "rapidfuzz", "yaml"}]


def test_the_runner_leaves_checking_to_a_cache_miss() -> None:
    """A run whose files are all in the results cache imports ``lint.runner`` but never
    checks a document: the engine, the document's facts (quotes, speakers, context) and
    the fix planner are imported when a file is checked, not with the runner; the TOML
    parser only when a ``pyproject.toml`` is read (compiling its patterns was about a
    tenth of a warm run)."""
    script = "import sys, lint.cli\nprint('\\n'.join(sorted(sys.modules)))\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "lint.runner" in loaded
    assert not loaded & {"lint.engine", "lint.facts", "lint.fixdoc", "lint.quotes", "tomllib"}


def test_one_did_you_mean() -> None:
    """Every unknown-name message gets its hint from lint.suggest; nothing else in
    lint/ calls difflib's matcher."""
    from lint.suggest import did_you_mean

    assert did_you_mean("warnin", ["warning", "error"]) == "; did you mean 'warning'?"
    assert did_you_mean("zzz", ["warning", "error"]) == ""
    callers = [
        p.relative_to(LINT.parent).as_posix()
        for p in LINT.rglob("*.py")
        if "get_close_matches" in p.read_text(encoding="utf-8")
    ]
    assert callers == ["lint/suggest.py"]


def test_architecture_md_has_one_line_per_module() -> None:
    """ARCHITECTURE.md names every module of lint/, once, and no module that is gone."""
    import re

    text = (LINT.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- `(lint/[\w/]+\.py)` — ", text, flags=re.M)
    actual = sorted(p.relative_to(LINT.parent).as_posix() for p in LINT.rglob("*.py"))
    assert sorted(listed) == actual
    assert len(listed) == len(set(listed))
