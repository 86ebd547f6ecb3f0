"""Safe YAML loading that remembers where every key stands, for located errors.

Every YAML file sglint reads (configs, rule packs, registers, Vale styles) comes through
here, and may come from a pull request (SECURITY.md). So besides refusing arbitrary
objects (a SafeLoader), the loader refuses anchors and aliases outright (a 370-byte
"billion laughs" file would otherwise expand to gigabytes), files over ``MAX_BYTES``
and nesting deeper than ``MAX_DEPTH``; an error quotes at most a short excerpt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from lint import diskcache
from lint.errors import SglintError, excerpt

#: Largest YAML (and ``.vale.ini``) file read, in bytes; the built-in packs' largest
#: file is under 20 KB and a 2,500-name register about 300 KB.
MAX_BYTES = 2_000_000
#: Deepest nesting of mappings and lists (the deepest rule file needs 5).
MAX_DEPTH = 32


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows the line of itself and of each of its keys."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


@cache
def _yaml() -> tuple[Any, type[Exception]]:
    """The safe loader class and the refusal it raises, built when YAML is first parsed:
    a run whose YAML trees are all in the cache folder never imports ``yaml``."""
    import yaml

    # libyaml's parser when PyYAML was built with it: several times faster on rule packs.
    safe_base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Refused(yaml.YAMLError):
        def __init__(self, problem: str, mark: Any) -> None:
            super().__init__(problem)
            self.problem = problem
            self.mark = mark

    class _Loader(safe_base):  # type: ignore[valid-type,misc]
        """A safe loader: never constructs arbitrary objects (``!!python/object`` is
        refused), nor a node twice (an alias), nor deeper than MAX_DEPTH."""

        _depth = 0
        #: None: a repeated key is an error; a list: the last one wins and each repeat
        #: is recorded as (key, line) (Vale styles: Vale's YAML reader keeps the last
        #: value).
        repeated: list[tuple[str, int]] | None = None

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            # Without aliases every node is constructed exactly once; a node seen again
            # is an alias (libyaml resolves them to the anchored node before we see it).
            if node in self.constructed_objects or node in self.recursive_objects:
                raise _Refused("anchors and aliases (& and *) are not allowed", node.start_mark)
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise _Refused(f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
                return super().construct_object(node, deep=deep)
            finally:
                self._depth -= 1

    def construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result and loader.repeated is not None:
                loader.repeated.append((key, key_node.start_mark.line + 1))
            elif key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return _Loader, _Refused


def load_yaml(text: str, path: str, *, repeated: list[tuple[str, int]] | None = None) -> Any:
    """Parse YAML text; any problem becomes one located SglintError. With ``repeated``
    (a list), a key repeated in one mapping takes its last value and each repeat is
    appended there as (key, line) instead of failing."""
    if len(text) > MAX_BYTES:
        raise SglintError(
            f"file too large for a YAML data file ({len(text):,} characters; "
            f"the limit is {MAX_BYTES:,})",
            path=path,
        )
    if repeated is None:  # the tree an earlier run parsed from the same text
        cached = diskcache.read(_tree_name(text))
        if cached is not None:
            try:
                return _decode(cached)
            except _NotATree:
                pass
    tree = _parse(text, path, repeated)
    if repeated is None and tree is not None:
        with contextlib.suppress(_NotATree):  # not kept: parsed again next time
            diskcache.write(_tree_name(text), _encode(tree))
    return tree


def _parse(text: str, path: str, repeated: list[tuple[str, int]] | None) -> Any:
    import yaml

    loader_class, refused = _yaml()
    try:
        loader = loader_class(text)  # a SafeLoader
        loader.repeated = repeated
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except refused as exc:
        mark = exc.mark  # type: ignore[attr-defined]
        line = mark.line + 1 if mark else None
        problem = exc.problem  # type: ignore[attr-defined]
        raise SglintError(f"invalid YAML: {problem}", path=path, line=line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = excerpt(exc.problem or exc.context or "malformed YAML", 200)
        if "could not determine a constructor" in str(exc):
            tag = str(exc).split("tag '", 1)[-1].split("'", 1)[0]
            problem = f"unsafe or unknown YAML tag {excerpt(tag)!r} refused"
        raise SglintError(f"invalid YAML: {problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise SglintError(f"invalid YAML: {excerpt(str(exc), 200)}", path=path) from None
    except RecursionError:
        raise SglintError("invalid YAML: nested too deeply", path=path) from None


# -- parsed trees kept between runs ------------------------------------------------------
#
# Parsing is most of the cost of reading a rule pack (PyYAML builds each node in Python),
# so the tree parsed from a text is kept in the cache folder as plain JSON (lint.diskcache:
# data, never code), one file per text, named by the digest of the text, of this module
# and of the installed PyYAML: a changed file is a new name, so it is parsed afresh.
# A mapping is ``{"d": [[key, line, value], …], "n": line}``, a list ``{"l": [...]}``, a
# date ``{"date": "2026-12-06"}``; strings, integers, finite floats, booleans and None
# stand for themselves. A tree with anything else (a time stamp, a set, bytes) is not
# kept. A kept file is checked node by node as it is read back; one that fails any check
# is parsed again, silently.


@cache
def _method() -> str:
    """What a kept tree depends on besides its text: this module and PyYAML's version
    (read from its ``.dist-info`` folder's name, without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    found: list[str] = []
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        found += sorted(
            p.name for p in Path(folder).parent.glob("[Pp]y[Yy][Aa][Mm][Ll]-*.dist-info")
        )
    return diskcache.digest("\0".join([diskcache.source_digest(__file__), *found]))


def _tree_name(text: str) -> str:
    return f"yaml-{diskcache.digest(_method() + chr(0) + text)}.json"


def _encode(node: Any) -> Any:
    """The JSON form of a parsed tree (``_NotATree`` when it holds what JSON cannot
    keep)."""
    kind = type(node)
    if kind is str:
        try:
            node.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800" in a quoted string)
            raise _NotATree from None
        return node
    if (kind is int and -(2**63) < node < 2**63) or kind is bool or node is None:
        return node
    if kind is float and node - node == 0:  # not inf or nan
        return node
    if kind is list:
        return {"l": [_encode(item) for item in node]}
    if kind is dt.date:  # a register's "checked: 2026-12-06"
        return {"date": node.isoformat()}
    if kind is LineDict and len(node.lines) == len(node):
        rows = []
        for key, value in node.items():
            line = node.lines.get(key)
            if type(key) is not str or type(line) is not int:
                raise _NotATree
            rows.append([_encode(key), line, _encode(value)])
        return {"d": rows, "n": node.line}
    raise _NotATree


class _NotATree(Exception):
    pass


def _decode(node: Any, depth: int = 0) -> Any:
    """A tree back from its JSON form, checked at every node (``_NotATree`` if any node
    is not as ``_encode`` writes it)."""
    kind = type(node)
    if kind is str or kind is int or kind is bool or node is None:
        return node
    if kind is float:
        if node - node != 0:
            raise _NotATree
        return node
    if kind is not dict or depth > MAX_DEPTH:
        raise _NotATree
    if len(node) == 1 and type(node.get("l")) is list:
        return [_decode(item, depth + 1) for item in node["l"]]
    if len(node) == 1 and type(node.get("date")) is str:
        try:
            return dt.date.fromisoformat(node["date"])
        except ValueError:
            raise _NotATree from None
    rows, line = node.get("d"), node.get("n")
    if len(node) != 2 or type(rows) is not list or type(line) is not int:
        raise _NotATree
    result = LineDict()
    result.line = line
    result.lines = {}
    for row in rows:
        if type(row) is not list or len(row) != 3:
            raise _NotATree
        key, key_line, value = row
        if type(key) is not str or type(key_line) is not int or key in result:
            raise _NotATree
        result[key] = _decode(value, depth + 1)
        result.lines[key] = key_line
    return result


def read_data_file(path: Path, what: str, error: type[SglintError] = SglintError) -> str:
    """The text of a data file (YAML, ``.vale.ini``, a vocabulary): UTF-8, at most
    MAX_BYTES. Any problem is one located ``error``."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error(
                f"{what} too large ({size:,} bytes; the limit is {MAX_BYTES:,})", path=str(path)
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise error(f"{what} too large (the limit is {MAX_BYTES:,} bytes)", path=str(path))
        return data.decode("utf-8-sig")
    except OSError as exc:
        raise error(f"cannot read {what}: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"cannot read {what}: byte 0x{data[exc.start]:02x} is not UTF-8",
            path=str(path),
            line=line,
        ) from None
