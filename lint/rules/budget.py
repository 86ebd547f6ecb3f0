"""The time budget: how long one rule may match in one file, and the deadline it runs to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from lint.document import Document

if TYPE_CHECKING:
    from lint.rules.contract import RuleMeta


#: Seconds one rule may spend matching in one file before it is stopped and reported.
DEFAULT_TIMEOUT = 2.0
#: Files longer than this many characters (twenty long press releases) get the timeout
#: once per this many, so a sound rule on a 50 MB file is not taken for a runaway one.
TIMEOUT_CHARS = 200_000


class RuleTimeout(Exception):
    """A rule's pattern ran past its time budget on one document."""


def remaining(deadline: float) -> float:
    """Seconds left before ``deadline``, for a regex call's ``timeout``; RuleTimeout if none.

    Every search with a pattern from a rule file passes one, so that a pattern that
    backtracks catastrophically stops the rule wherever it is used: main pattern, guard,
    prefilter or capitalisation ``match``.
    """
    import time

    left = deadline - time.monotonic()
    if left <= 0:
        raise RuleTimeout
    return left


@contextmanager
def bounded() -> Iterator[None]:
    """Turn the regex module's timeout into RuleTimeout."""
    try:
        yield
    except TimeoutError:
        raise RuleTimeout from None


def time_budget(meta: RuleMeta, doc: Document) -> float:
    """Seconds the rule may spend on ``doc``: its timeout, scaled with the file's size."""
    return meta.timeout * max(1.0, len(doc.source) / TIMEOUT_CHARS)


def deadline_for(meta: RuleMeta, doc: Document) -> float:
    """When the rule's time on ``doc`` runs out."""
    import time

    return time.monotonic() + time_budget(meta, doc)
