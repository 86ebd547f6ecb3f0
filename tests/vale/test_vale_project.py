"""The .vale.ini reader, rule resolution per file, in-text switches and Vale's outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.errors import ConfigError
from lint.finding import Severity
from lint.vale.ini import glob_matches, parse_ini
from lint.vale.project import load_project

RULE = """extends: existence
message: "Avoid '%s'."
level: {level}
ignorecase: true
tokens: [{token}]
"""


def project(tmp_path: Path, ini: str) -> Path:
    styles = tmp_path / "styles"
    (styles / "A").mkdir(parents=True)
    (styles / "B").mkdir()
    (styles / "A" / "Very.yml").write_text(RULE.format(level="warning", token="very"))
    (styles / "A" / "Hint.yml").write_text(RULE.format(level="suggestion", token="hint"))
    (styles / "B" / "Foo.yml").write_text(RULE.format(level="error", token="foo"))
    vocab = styles / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("# team terms\nvery good\nSglint\n")
    (vocab / "reject.txt").write_text("badword\n")
    (tmp_path / ".vale.ini").write_text(ini)
    return tmp_path / ".vale.ini"


def test_repeated_keys_merge_and_inline_comments() -> None:
    ini = parse_ini(
        "StylesPath = styles  # where\nMinAlertLevel = warning\n[*.md]\n"
        "TokenIgnores = (\\$[^$]+\\$)\nTokenIgnores = a#b\nA.Very = error\n",
        Path("/p/.vale.ini"),
    )
    assert ini.core["StylesPath"].last == "styles"
    assert ini.min_alert_level is Severity.WARNING
    section = ini.sections[0]
    assert section.keys["TokenIgnores"].values == ("(\\$[^$]+\\$)", "a#b")
    assert section.toggles == (("A.Very", "error"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("BasedOnStyles = A\n", r"unknown core key 'BasedOnStyles' \(a section key"),
        ("[*]\nBasedOnStyle = A\n", "did you mean 'BasedOnStyles'"),
        ("[*]\nA.Very = maybe\n", "must be YES, NO"),
    ],
)
def test_bad_ini_is_a_located_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        parse_ini(text, Path("x/.vale.ini"))
    assert err.value.line is not None


def test_globs() -> None:
    assert glob_matches("*.{md,txt}", "docs/a.txt")
    assert glob_matches("docs/*.md", "docs/a.md")
    assert not glob_matches("*.md", "a.rst")
    assert glob_matches("!*.md", "a.rst")


def test_resolution_last_section_styles_toggles_merge_min_level(tmp_path: Path) -> None:
    path = project(
        tmp_path,
        "StylesPath = styles\nMinAlertLevel = warning\n"
        "[*]\nBasedOnStyles = A\nB.Foo = YES\n"
        "[*.md]\nBasedOnStyles = B\nA.Hint = error\n",
    )
    proj = load_project(path)
    on = {a.rule.meta.id: a.level for a in proj.settings(str(tmp_path / "x.md")).rules}
    # [*.md]'s BasedOnStyles replaces [*]'s; toggles of both apply; Hint raised to error.
    assert on == {"B.Foo": Severity.ERROR, "A.Hint": Severity.ERROR}
    on_txt = {a.rule.meta.id for a in proj.settings(str(tmp_path / "x.txt")).rules}
    assert on_txt == {"A.Very", "B.Foo"}  # A.Hint is a suggestion, below MinAlertLevel


def test_vocab_accept_is_an_exception_and_vale_style_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = A, Vale\n")
    (tmp_path / "doc.md").write_text(
        "# Notes\n\nA very good day, very.\n\nsglint found a badword. The the end.\n"
        "\n<!-- vale A.Very = NO -->\nvery quiet\n<!-- vale A.Very = YES -->\nvery loud\n"
    )
    status = main(
        [
            "check",
            "--config",
            str(tmp_path / ".vale.ini"),
            "--output=line",
            str(tmp_path / "doc.md"),
        ]
    )
    lines = [line.split(":", 1)[1] for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        "3:18:A.Very:Avoid 'very'.",  # 'very good' is accepted vocabulary
        "5:1:Vale.Terms:Use 'Sglint' instead of 'sglint'.",
        "5:16:Vale.Avoid:Avoid using 'badword'.",
        "5:25:Vale.Repetition:'the' is repeated!",
        "10:1:A.Very:Avoid 'very'.",
    ]
    assert status == 1  # Vale exits 1 on error-level alerts


def test_json_output_has_vales_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project(tmp_path, "StylesPath = styles\n[*.md]\nBasedOnStyles = A\n")
    (tmp_path / "doc.md").write_text("Very <good>.\n")
    (tmp_path / "clean.md").write_text("Fine.\n")
    main(["check", "--config", str(tmp_path / ".vale.ini"), "--output=JSON", str(tmp_path)])
    out = capsys.readouterr().out
    data = json.loads(out)
    assert list(data) == [f"{tmp_path}/doc.md".replace("\\", "/")]
    alert = data[next(iter(data))][0]
    assert list(alert) == [
        "Action",
        "Span",
        "Check",
        "Description",
        "Link",
        "Message",
        "Severity",
        "Match",
        "Line",
    ]
    assert alert["Span"] == [1, 4] and alert["Line"] == 1 and alert["Match"] == "Very"


def test_unknown_style_is_an_error(tmp_path: Path) -> None:
    path = project(tmp_path, "StylesPath = styles\n[*]\nBasedOnStyles = Aa\n")
    with pytest.raises(ConfigError, match=r"style 'Aa' does not exist.*did you mean 'A'"):
        load_project(path)


HEADINGS = """extends: capitalization
message: "'%s' should use sentence-style capitalization."
scope: heading
match: $sentence
exceptions: [VS, JSON]
"""


@pytest.mark.parametrize(
    ("vocab", "expected"),
    [
        # No Vocab: Vale's loader rewrote the exceptions to ``(?-i)VS`` in place, so the
        # sentence converter leaves "vs." alone and the heading conforms (3/3).
        ("", []),
        # With accepted terms appended the converter gets the plain list, matches "vs"
        # case-insensitively and expects "VS": 2 of 3 words conform, below 0.8.
        (
            "Vocab = Team\n",
            ["1:3:A.Headings:'Ship vs. boat' should use sentence-style capitalization."],
        ),
    ],
)
def test_capitalization_exceptions_as_vales_converter_sees_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], vocab: str, expected: list[str]
) -> None:
    project(tmp_path, f"StylesPath = styles\n{vocab}[*.md]\nA.Headings = YES\n")
    (tmp_path / "styles" / "A" / "Headings.yml").write_text(HEADINGS)
    (tmp_path / "doc.md").write_text("# Ship vs. boat\n\n# Reading JSON files\n")
    main(["check", "--config", str(tmp_path / ".vale.ini"), "--output=line", str(tmp_path)])
    lines = [line.split(":", 1)[1] for line in capsys.readouterr().out.splitlines()]
    assert lines == expected


SWAP = """extends: substitution
message: "Use '%s' instead of '%s'."
level: error
fix: safe
swap:
  utilise: use
"""


def _fixing_project(tmp_path: Path) -> Path:
    ini = project(
        tmp_path, "StylesPath = styles\n[*.md]\nBasedOnStyles = A\nTokenIgnores = `[^`]+`\n"
    )
    (tmp_path / "styles" / "A" / "Use.yml").write_text(SWAP)
    (tmp_path / "doc.md").write_text("We utilise it. Keep `utilise` as code.\n")
    return ini


def test_fix_and_diff_work_for_a_vale_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Vale branch of the CLI used to return before --fix and --diff."""
    ini = _fixing_project(tmp_path)
    doc = tmp_path / "doc.md"
    status = main(["check", "--config", str(ini), "--diff", str(doc)])
    out = capsys.readouterr().out
    assert status == 1
    assert "-We utilise it. Keep `utilise` as code.\n" in out
    assert "+We use it. Keep `utilise` as code.\n" in out
    assert doc.read_text() == "We utilise it. Keep `utilise` as code.\n"
    main(["check", "--config", str(ini), "--fix", str(doc)])
    # The TokenIgnores span is masked when the file is read again, as it was at first.
    assert doc.read_text() == "We use it. Keep `utilise` as code.\n"


def test_jobs_give_the_same_results_for_a_vale_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ini = _fixing_project(tmp_path)
    for i in range(12):
        (tmp_path / f"more{i:02}.md").write_text(f"Draft {i} is very long. We utilise it.\n")
    outputs = []
    for jobs in ("1", "3"):
        main(["check", "--config", str(ini), "--output=line", "--jobs", jobs, str(tmp_path)])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("A.Use") == 13
