"""Numbers.AgeMoments' search for its clause-first patterns: the same matches as the
pattern's own ``finditer``, found without trying the clause at every position."""

from __future__ import annotations

import random

from lint.rules.age_moments import after_clause, patterns_for

WORDS = (
    "when", "When", "WHEN", "she", "Child Q", "was", "were", "12", "14", "aged", "then",
    "then  aged", "then\taged", "at the age of", "At  the age of", "years", "the girl",
    "report", ",", ", ", "\xa0", "\u2028", "\n", ".", "made", "first", "a" * 50, "b" * 120,
)  # fmt: skip


def test_clause_first_patterns_match_as_finditer_does() -> None:
    clause_first = [(p, o) for p, _, o in patterns_for(["girl", "boy"]) if o is not None]
    assert len(clause_first) == 2
    rng = random.Random(7)
    matched = 0
    for _ in range(3000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        start = rng.randint(0, min(5, len(text)))
        end = rng.randint(start, len(text))
        for pattern, opening in clause_first:
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]
            found = after_clause(pattern, opening, text, start, end)
            assert [(m.span(), m.groupdict()) for m in found] == expected, (text, start, end)
            matched += len(expected)
    assert matched > 50  # the texts made do hold matches
