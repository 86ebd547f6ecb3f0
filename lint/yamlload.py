"""Safe YAML loading that remembers where every key stands, for located errors.

Every YAML file sglint reads (configs, rule packs, registers, Vale styles) comes through
here, and may come from a pull request (SECURITY.md). So besides refusing arbitrary
objects (a SafeLoader), the loader refuses anchors and aliases outright (a 370-byte
"billion laughs" file would otherwise expand to gigabytes), files over ``MAX_BYTES``
and nesting deeper than ``MAX_DEPTH``; an error quotes at most a short excerpt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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


# libyaml's parser when PyYAML was built with it: several times faster on rule packs.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(yaml.YAMLError):
    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]
    """A safe loader: never constructs arbitrary objects (``!!python/object`` is refused),
    nor a node twice (an alias), nor deeper than MAX_DEPTH."""

    _depth = 0
    #: None: a repeated key is an error; a list: the last one wins and each repeat is
    #: recorded as (key, line) (Vale styles: Vale's YAML reader keeps the last value).
    repeated: list[tuple[str, int]] | None = None

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Without aliases every node is constructed exactly once; a node seen again is
        # an alias (libyaml resolves them to the anchored node before we see it).
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused("anchors and aliases (& and *) are not allowed", node.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
            return super().construct_object(node, deep=deep)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
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


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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
    try:
        loader = _Loader(text)  # a SafeLoader
        loader.repeated = repeated
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _Refused as exc:
        line = exc.mark.line + 1 if exc.mark else None
        raise SglintError(f"invalid YAML: {exc.problem}", path=path, line=line) from None
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
