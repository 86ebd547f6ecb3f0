"""Each rule kind on small texts: what fires, what does not, and where."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from helpers import make_rule, matches, run

from lint.errors import RuleError
from lint.finding import FixSafety, Severity

# -- existence ---------------------------------------------------------------------------


def test_existence_words_and_boundaries() -> None:
    rule = make_rule("""
        extends: existence
        message: "Avoid '%s'."
        ignorecase: true
        tokens:
          - child porn(?:ography)?
          - rent boys?
    """)
    found = run(rule, "Child pornography and rent boys, not parenting or currentboy.")
    assert matches(found) == ["Child pornography", "rent boys"]
    assert found[0].message == "Avoid 'Child pornography'."
    assert (found[0].line, found[0].column, found[0].end_column) == (1, 1, 18)


def test_existence_phrase_across_a_line_break() -> None:
    rule = make_rule("extends: existence\nmessage: x\ntokens: [care gangs]\n")
    found = run(rule, "They said care\ngangs were active.")
    assert (found[0].line, found[0].column, found[0].end_line, found[0].end_column) == (1, 11, 2, 6)


def test_existence_raw_append_and_nonword() -> None:
    rule = make_rule(r"""
        extends: existence
        message: x
        nonword: true
        tokens: ['\.\s*\.']
    """)
    assert matches(run(rule, "with their lives. . Then")) == [". ."]
    rule = make_rule(r"""
        extends: existence
        message: x
        raw: ['\b(?:am|is|are|was|were|be)\s+']
        tokens: ['\w+ed']
    """)
    assert matches(run(rule, "It was decided. We decided.")) == ["was decided"]


def test_existence_exceptions_and_context_guards() -> None:
    rule = make_rule("""
        extends: existence
        message: x
        ignorecase: true
        tokens:
          - child prostitut(?:e|es|ion)
        exceptions:
          - sale of children, child prostitution and child pornography
        not_after: ["no such thing as an?", "cannot be an?"]
        not_before: [" is a term we reject"]
    """)
    text = (
        "The Optional Protocol on the sale of children, child prostitution and child "
        "pornography applies. There is no such thing as a child prostitute. "
        "A child cannot be a child prostitute. Child prostitute is a term we reject. "
        "Police called her a child prostitute."
    )
    found = run(rule, text)
    assert len(found) == 1 and text[found[0].start :].startswith("child prostitute.")
    assert found[0].start == text.rindex("child prostitute")


def test_matches_never_cross_paragraphs() -> None:
    rule = make_rule("extends: existence\nmessage: x\ntokens: [care gangs]\n")
    assert run(rule, "They need care\n\ngangs were active.") == []


def test_scope_selectors() -> None:
    rule = make_rule("extends: existence\nmessage: x\nscope: heading\ntokens: [Gangs]\n")
    found = run(rule, "# Gangs\n\nGangs here.\n\n- Gangs\n", fmt="markdown")
    assert [f.line for f in found] == [1]
    rule = make_rule(
        "extends: existence\nmessage: x\nscope: ['~heading & ~list']\ntokens: [Gangs]\n"
    )
    found = run(rule, "# Gangs\n\nGangs here.\n\n- Gangs\n", fmt="markdown")
    assert [f.line for f in found] == [3]


def test_quoted_speech_is_downgraded_and_never_fixed() -> None:
    yaml = dedent("""
        extends: substitution
        message: "Use '%s' not '%s'."
        level: error
        ignorecase: true
        swap: {care gangs: grooming gangs}
    """)
    text = 'He said "care gangs are evil". Care gangs again.'
    quoted, plain = run(make_rule(yaml), text)
    assert (quoted.severity, quoted.fix) == (Severity.SUGGESTION, None)
    assert (plain.severity, plain.fix) == (Severity.ERROR, "Grooming gangs")
    assert run(make_rule(yaml + "quoted: ignore\n"), text) == [plain]
    reported = run(make_rule(yaml + "quoted: report\n"), text)
    assert [f.severity for f in reported] == [Severity.ERROR, Severity.ERROR]


def test_limit() -> None:
    rule = make_rule("extends: existence\nmessage: x\nlimit: 2\ntokens: [a]\n")
    assert len(run(rule, "a a a a")) == 2


# -- substitution -------------------------------------------------------------------------


def test_substitution_longest_key_first_and_case_kept() -> None:
    rule = make_rule("""
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        swap:
          gangs: groups
          care gangs: grooming gangs
    """)
    found = run(rule, "Care gangs and CARE GANGS and gangs.")
    assert [(f.match, f.fix) for f in found] == [
        ("Care gangs", "Grooming gangs"),
        ("CARE GANGS", "GROOMING GANGS"),
        ("gangs", "groups"),
    ]
    assert found[0].message == "Use 'grooming gangs' instead of 'Care gangs'."
    assert found[0].fix_safety is FixSafety.SAFE


def test_substitution_entry_metadata_alternatives_and_capture_groups() -> None:
    rule = make_rule("""
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          had sex with: {to: sexually abused|raped, why: Implies consent.}
          organi(z)ed: {to: organised, fix: unsafe}
          (\\d+) percent: $1%
    """)
    found = run(rule, "He had sex with her. It was organized. 92 percent.")
    assert [(f.match, f.fix, f.fix_safety) for f in found] == [
        ("had sex with", None, FixSafety.DISPLAY),
        ("organized", "organised", FixSafety.UNSAFE),
        ("92 percent", "92%", FixSafety.SAFE),
    ]
    assert found[0].message == "Use 'sexually abused' or 'raped' instead of 'had sex with'."
    assert found[0].why == "Implies consent."


def test_substitution_is_silent_when_the_text_is_already_right() -> None:
    rule = make_rule("""
        extends: substitution
        message: x
        ignorecase: true
        swap: {napac: NAPAC}
    """)
    assert matches(run(rule, "NAPAC and Napac.")) == ["Napac"]


# -- occurrence ---------------------------------------------------------------------------


def test_occurrence_per_sentence() -> None:
    rule = make_rule(r"""
        extends: occurrence
        message: "%d words"
        scope: sentence
        token: \b\w+\b
        max: 5
    """)
    found = run(rule, "One two three. One two three four five six seven. Short one.")
    assert [f.message for f in found] == ["7 words"]
    assert found[0].match == "One two three four five six seven."


def test_occurrence_min() -> None:
    rule = make_rule("extends: occurrence\nmessage: '%d'\nscope: paragraph\ntoken: x\nmin: 1\n")
    assert [f.message for f in run(rule, "x here\n\nnone here")] == ["0"]


# -- repetition ---------------------------------------------------------------------------


def test_repetition() -> None:
    rule = make_rule(r"""
        extends: repetition
        message: "'%s' twice"
        alpha: true
        ignorecase: true
        tokens: ['[^\s.!?,]+']
    """)
    found = run(rule, "We support the The victims. The end. End of it.")
    assert [(f.match, f.message, f.fix) for f in found] == [("the The", "'The' twice", "the")]


# -- typos ---------------------------------------------------------------------------------


def test_typos_reads_codespells_list_and_spares_names() -> None:
    rule = make_rule("extends: typos\nmessage: \"'%s' for '%s'\"\nexceptions: [goverment]\n")
    found = run(
        rule,
        "Recieve the inidividual plan. The goverment agreed.\n\n"
        "Officers saw Tennant. Tennant lied. Brough said so. ACN and Inidividual Care Ltd.",
    )
    # lower case anywhere; capitalised only where a sentence starts, with one correction,
    # and never a word the document capitalises mid-sentence (a name)
    assert [(f.match, f.message, f.fix) for f in found] == [
        ("Recieve", "'Recieve' for 'Receive'", "Receive"),
        ("inidividual", "'inidividual' for 'individual'", "individual"),
    ]
    assert found[0].fix_safety is FixSafety.UNSAFE


def test_typos_offers_every_reading_and_fixes_only_one() -> None:
    rule = make_rule("extends: typos\nmessage: \"'%s' for '%s'\"\n")
    (found,) = run(rule, "The aache came back.")
    assert found.message == "'aache' for 'cache' or 'ache'"
    assert found.fix is None


def test_typos_rejects_an_unknown_list() -> None:
    with pytest.raises(RuleError, match="unknown list 'hunspell'"):
        make_rule("extends: typos\nmessage: x\nlists: [hunspell]\n")


@pytest.mark.parametrize("name", ["dictionary", "dictionary_rare", "dictionary_usage"])
def test_a_stored_typo_list_answers_as_codespells_own(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored form (buckets of lines in the cache folder) gives every misspelling of
    the installed list its correction, and nothing for a word the list lacks, whether
    built in this run or read back in a later one."""
    from lint.rules import typos

    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    table = typos.read_table(name)
    for run_ in ("built", "read back"):
        typos._read_list.cache_clear()
        stored = typos._read_list(name)
        assert all(stored.get(wrong) == right for wrong, right in table.items()), run_
        assert [stored.get(w) for w in ("", "a", "the", "zzqx", "recieve\nthe")] == [None] * 5
    assert list(tmp_path.glob(f"codespell-{name}-*.json"))
    typos._read_list.cache_clear()


@pytest.mark.parametrize(
    "stored", [[], {"rec": "ieve->receive"}, {"": "\n"}, {"rec": 3}, {"reci": "\nx->y\n"}]
)
def test_a_malformed_stored_typo_list_is_built_again(
    stored: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint import diskcache
    from lint.rules import typos

    monkeypatch.setenv("SGLINT_CACHE_DIR", str(tmp_path))
    version = diskcache.stamp("codespell", "codespell_lib")
    diskcache.write(f"codespell-dictionary-{version}-{typos.KEY}.json", stored)
    typos._read_list.cache_clear()
    assert typos._read_list("dictionary").get("recieve") == "receive"
    typos._read_list.cache_clear()


# -- consistency --------------------------------------------------------------------------


def test_consistency_reports_the_form_not_used_first() -> None:
    rule = make_rule("""
        extends: consistency
        message: "'%s', but '%s' first"
        ignorecase: true
        either: {taskforce: task force}
    """)
    found = run(rule, "The taskforce met.\n\nThe Task Force said.\n\nThe taskforce and task force.")
    assert [(f.line, f.match, f.fix) for f in found] == [
        (3, "Task Force", "Taskforce"),
        (5, "task force", "taskforce"),
    ]
    assert run(rule, "The task force met. The task force said.") == []


def test_consistency_headings_apart_judges_headlines_on_their_own() -> None:
    yaml = (
        "extends: consistency\nmessage: \"'%s', but '%s' first\"\nnonword: true\n"
        "either: {'(?<=\\d) ?%': '(?<=\\d) per cent'}\n"
    )
    text = "# Calls up 9%\n\nCalls rose 9 per cent and texts 3 per cent.\n"
    together = run(make_rule(yaml), text, fmt="markdown")
    assert [f.match for f in together] == [" per cent", " per cent"]
    apart = make_rule(yaml + "headings: apart\n")
    assert run(apart, text, fmt="markdown") == []
    mixed = "# Calls up 9%\n\nCalls rose 9 per cent and texts 3%.\n"
    assert [f.match for f in run(apart, mixed, fmt="markdown")] == ["%"]


def test_consistency_rejects_an_unknown_headings_value() -> None:
    with pytest.raises(RuleError, match="headings"):
        make_rule("extends: consistency\nmessage: x\neither: {a: b}\nheadings: sometimes\n")


# -- conditional --------------------------------------------------------------------------


def test_conditional_first_use_only_and_definitions() -> None:
    yaml = dedent(r"""
        extends: conditional
        message: "Define '%s'"
        first: \b([A-Z]{2,5})\b
        second: (?:\b[A-Z][\w']*(?:\s+(?:of|for|and))?\s+)+\(([A-Z]{2,5})\)
        exceptions: [UK]
    """)
    text = (
        "The NPCC met. The NPCC spoke. The National Police Chiefs' Council (NPCC) "
        "leads. The UK and the Crown Prosecution Service (CPS) agree. The CPS said."
    )
    found = run(make_rule(yaml), text)
    assert [f.match for f in found] == ["NPCC"]
    every = run(make_rule(yaml + "occurrences: all\n"), text)
    assert [f.match for f in every] == ["NPCC", "NPCC"]


# -- capitalization -----------------------------------------------------------------------


def test_capitalization_sentence_case_headings() -> None:
    rule = make_rule("""
        extends: capitalization
        message: "'%s' should be '%s'"
        match: $sentence
        scope: heading
    """)
    found = run(
        rule, "# Grooming Gangs Task Force Arrests\n\n# Grooming gangs in the NHS\n", fmt="markdown"
    )
    assert [f.message for f in found] == [
        "'Grooming Gangs Task Force Arrests' should be 'Grooming gangs task force arrests'"
    ]


def test_capitalization_title_and_regex() -> None:
    title = make_rule("extends: capitalization\nmessage: '%[2]s'\nmatch: $title\nscope: heading\n")
    found = run(title, "# The rise of the taskforce\n", fmt="markdown")
    assert [f.message for f in found] == ["The Rise of the Taskforce"]
    upper = make_rule("extends: capitalization\nmessage: x\nmatch: '[A-Z ]+'\nscope: heading\n")
    assert len(run(upper, "# SHOUT\n\n# Quiet\n", fmt="markdown")) == 1


# -- metric -------------------------------------------------------------------------------


def test_metric_formula_and_condition() -> None:
    rule = make_rule("""
        extends: metric
        message: "%s words a sentence"
        formula: words / sentences
        condition: "> 4"
    """)
    assert run(rule, "One two three four five six. One two.") == []  # 4.0 is not > 4
    found = run(rule, "One two three four five six seven. One two three.")
    assert [f.message for f in found] == ["5.00 words a sentence"]
    assert run(rule, "One two. Three four.") == []


def test_metric_with_syllables_and_math() -> None:
    rule = make_rule("""
        extends: metric
        message: "%s"
        formula: math.sqrt(syllables) + heading.h1
        condition: ">= 0"
    """)
    found = run(rule, "# Title\n\nRecognise the children.\n", fmt="markdown")
    assert found and float(found[0].message) > 2


def test_consistency_house_form_and_plural_fixes() -> None:
    rule = make_rule("""
        extends: consistency
        message: "'%s': write '%s'"
        ignorecase: true
        prefer: left
        either: {taskforces?: task forces?}
    """)
    found = run(rule, "The Task Force met. Two task forces and the taskforce spoke.")
    assert [(f.match, f.fix) for f in found] == [
        ("Task Force", "Taskforce"),
        ("task forces", "taskforces"),
    ]
