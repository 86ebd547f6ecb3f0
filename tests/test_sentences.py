"""The sentence splitter on hard cases from real press copy."""

from __future__ import annotations

import pytest

from lint.facts import Facts
from lint.readers import read_text
from lint.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Cleverly visited. He met officers.", ["Mr Cleverly visited.", "He met officers."]),
        ("Mr. Cleverly visited. Dr. Shaw spoke.", ["Mr. Cleverly visited.", "Dr. Shaw spoke."]),
        ("It cost £4.5 million. It helped.", ["It cost £4.5 million.", "It helped."]),
        (
            "He lives at No. 10 Downing Street. She does not.",
            ["He lives at No. 10 Downing Street.", "She does not."],
        ),
        ("There was no. Then there was yes.", ["There was no.", "Then there was yes."]),
        (
            "J. K. Rowling wrote it. Ian R. Critchley spoke.",
            ["J. K. Rowling wrote it.", "Ian R. Critchley spoke."],
        ),
        ('She said: "We will act." Then she left.', ['She said: "We will act."', "Then she left."]),
        ("“We will act.” Then she left.", ["“We will act.”", "Then she left."]),
        ('"Stop!" she said. They did.', ['"Stop!" she said.', "They did."]),
        ("Is it true? Yes. It is!", ["Is it true?", "Yes.", "It is!"]),
        ("Ranges e.g. 500 to 900 are fine. Next.", ["Ranges e.g. 500 to 900 are fine.", "Next."]),
        ("The U.K. team met in the U.K. office.", ["The U.K. team met in the U.K. office."]),
        ("Up 20%. 4,000 victims were protected.", ["Up 20%.", "4,000 victims were protected."]),
        ("Wait… Then go.", ["Wait…", "Then go."]),
        ("It ended (finally.) Then more.", ["It ended (finally.)", "Then more."]),
        ("The meeting is at 5pm. Then lunch.", ["The meeting is at 5pm.", "Then lunch."]),
        ("version 2.0 released. done", ["version 2.0 released. done"]),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_headings_without_full_stops_are_their_own_sentences() -> None:
    doc = read_text("x.md", "# Operation Makesafe\n\nHotels are trained. Staff report.\n")
    assert [doc.text[s.start : s.end] for s in Facts(doc).sentences] == [
        "Operation Makesafe",
        "Hotels are trained.",
        "Staff report.",
    ]
    assert Facts(doc).sentences[0].scope == "sentence.heading.h1"


def test_plain_text_heading_line_is_its_own_block() -> None:
    doc = read_text("x.txt", "Operation Makesafe\n\nHotels are trained.\n")
    assert [doc.text[s.start : s.end] for s in Facts(doc).sentences] == [
        "Operation Makesafe",
        "Hotels are trained.",
    ]
