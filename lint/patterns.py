"""Compiling the patterns of sglint's own code, its rules and its configs.

One place compiles, so that every pattern goes through the same call. Compiled programs
are never cached on disk: a cache folder may come from another run (CI caches), and the
``regex`` engine trusts the programs it is given, so a cached program is code. Patterns
are compiled afresh from their strings on every run, and kept in memory for the run: the
``regex`` module's own cache works out the flags on every look-up (about 10 µs, which
counts in a loop) and drops entries past 500 patterns, which a rule set exceeds.

Compiling is the costliest part of a short run (``regex`` parses patterns in Python:
a long alternation takes tens of milliseconds), so a pattern that a run may never use
is made with ``lazy``: compiled when first used, once per process.

The ``regex`` parser tests its flags (``IGNORECASE``, ``VERBOSE`` …) hundreds of thousands
of times in a run, and on Python 3.11 each test of an ``enum.IntFlag`` constant is a call
into ``enum`` that builds a new flag object: a fifth of compiling. ``plain_flags`` gives
the parser the same values as plain integers (``int`` arithmetic gives the same numbers,
so the same programs: ``tests/test_patterns.py`` compares them for every pattern a run
over the seeds compiles). Set ``SGLINT_ENUM_FLAGS=1`` to leave ``regex`` as it is.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

import regex
import regex._main as _regex_main
import regex._regex_core as _regex_core

#: Set to 1 to keep the ``regex`` parser's flags as ``enum`` constants (see ``plain_flags``).
ENUM_FLAGS_ENV = "SGLINT_ENUM_FLAGS"

_ENUM_FLAGS: dict[tuple[object, str], object] = {}


def plain_flags(plain: bool = True) -> None:
    """Give the ``regex`` parser its flag constants as plain integers (``plain``), or
    back as they were. Only values that are ``RegexFlag`` members (or dictionaries of
    them) in the parser's own modules are touched; an unknown layout changes nothing."""
    flag_type = getattr(_regex_core, "RegexFlag", None)
    if not isinstance(flag_type, type):
        return
    if not plain:
        for (module, name), value in _ENUM_FLAGS.items():
            setattr(module, name, value)
        _ENUM_FLAGS.clear()
        return
    # The parser's modules, and the default version ``regex`` reads at each compile (the
    # public flags, ``regex.I`` and the rest, stay as they are).
    found = [(m, n, v) for m in (_regex_core, _regex_main) for n, v in list(vars(m).items())]
    found.append((regex, "DEFAULT_VERSION", getattr(regex, "DEFAULT_VERSION", None)))
    for module, name, value in found:
        if isinstance(value, int) and isinstance(value, flag_type):
            plain_value: object = int(value)
        elif (
            isinstance(value, dict)
            and value
            and any(isinstance(v, flag_type) for v in value.values())
        ):
            plain_value = {k: _plain(v, flag_type) for k, v in value.items()}
        else:
            continue
        _ENUM_FLAGS.setdefault((module, name), value)
        setattr(module, name, plain_value)


def _plain(value: object, flag_type: type) -> object:
    return int(value) if isinstance(value, int) and isinstance(value, flag_type) else value


if os.environ.get(ENUM_FLAGS_ENV, "").strip() in ("", "0"):
    plain_flags()


@lru_cache(maxsize=8192)
def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile``: the one call every pattern goes through."""
    return regex.compile(pattern, flags)


class Lazy:
    """A pattern compiled when first used. Its text (``pattern``) is known at once;
    anything else asked of it is asked of the compiled pattern, and kept, so later
    calls of the same method cost no more than on the pattern itself. ``compiler``
    compiles it (``compile`` unless given: a rule's pattern gives a located error)."""

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        compiler: Callable[[str, int], regex.Pattern[str]] | None = None,
    ) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiler = compiler or compile
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = self._compiler(self.pattern, self._flags)
        return found

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # found directly next time, without this call
        return value

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r})"


#: The flags every compiled pattern carries without being given them (Unicode, V0).
_DEFAULT_FLAGS = regex.compile("").flags


def given_flags(pattern: regex.Pattern[str]) -> int:
    """The flags ``pattern`` was given (``regex.M`` …), read without compiling a lazy one."""
    if isinstance(pattern, Lazy):
        return pattern._flags
    return pattern.flags & ~_DEFAULT_FLAGS


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``compile``, put off until the pattern is first used (see ``Lazy``)."""
    return cast("regex.Pattern[str]", Lazy(pattern, flags))
