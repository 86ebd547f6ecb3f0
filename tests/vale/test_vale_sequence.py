"""Vale's ``sequence`` kind for word patterns (lint/vale/sequence.py), from Vale's
documented behaviour; tagged tokens are skipped with a notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.vale.sequence import sentence_scope
from vale.test_vale_parity import run_line, styled

YOURSELF = """extends: sequence
message: "Did you mean '%[1]s%[2]s'?"
level: warning
ignorecase: true
tokens:
  - pattern: your
  - pattern: self
"""
IN_ORDER = """extends: sequence
message: "'%[1]s %[2]s %[3]s' can usually be 'to'."
level: suggestion
tokens:
  - pattern: in
  - pattern: order
  - pattern: to
  - pattern: be
    negate: true
"""
VERY = """extends: sequence
message: "'%[1]s' then '%[2]s'."
level: warning
tokens:
  - pattern: very
  - pattern: unique
    skip: 2
"""
TAGGED = """extends: sequence
message: "x"
tokens:
  - tag: MD
  - pattern: be
"""


def test_word_sequences_with_negation_skip_and_indexed_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Yourself": YOURSELF, "InOrder": IN_ORDER, "Very": VERY})
    lines, _ = run_line(
        tmp_path,
        "Look after Your self. Your self-worth matters.\n\n"
        "We met in order to talk. We met in order to be seen. We left in order to.\n\n"
        "A very, very unique case. A very odd case.\n",
        capsys,
    )
    assert lines == [
        "1:12:T.Yourself:Did you mean 'Yourself'?",
        "3:8:T.InOrder:'in order to' can usually be 'to'.",
        "3:62:T.InOrder:'in order to' can usually be 'to'.",
        # Up to two words may stand between: the skipped words are part of the match
        # (%[2]s is the comma), and the second 'very' starts a match of its own.
        "5:3:T.Very:'very' then ','.",
        "5:9:T.Very:'very' then 'unique'.",
    ]


def test_a_sequence_with_tags_is_skipped_with_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(tmp_path, {"Tagged": TAGGED, "Yourself": YOURSELF})
    lines, err = run_line(tmp_path, "your self\n", capsys)
    assert lines == ["1:1:T.Yourself:Did you mean 'yourself'?"]
    assert "part-of-speech tags (tag/upos), which need a tagger" in err
    assert "1 Vale rule skipped (sequence with part-of-speech tags: 1)" in err


def test_sentence_scope_as_vale_narrows_it() -> None:
    assert sentence_scope([]) == ["sentence"]
    assert sentence_scope(["list", "~table", "paragraph", "sentence.heading"]) == [
        "sentence.list",
        "sentence&~table",
        "sentence",
        "sentence.heading",
    ]


def test_a_bad_skip_is_a_located_error_never_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styled(
        tmp_path,
        {
            "Bad": 'extends: sequence\nmessage: "x"\ntokens:\n'
            "  - pattern: a\n  - pattern: b\n    skip: lots\n"
        },
    )
    lines, err = run_line(tmp_path, "a b\n", capsys)
    assert lines == []
    assert "Bad.yml:3: token 'skip' must be a whole number from 0 to 100" in err
