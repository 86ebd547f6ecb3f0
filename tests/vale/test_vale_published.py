"""A published Vale style, downloaded unchanged (tests/vale/published/RedHat: a
selection of the RedHat style's rule files, MIT; SOURCE.md names each file's commit),
loads without aborting; every rule sglint cannot run is named in a notice and counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint.cli import main
from vale.test_vale_spelling import dictionary

PUBLISHED = Path(__file__).resolve().parent / "published" / "RedHat"

EXPECTED = [
    "1:3:RedHat.Headings:Use sentence-style capitalization in 'Configuring The Server.'.",
    "1:3:RedHat.NoGerundsInTitles:Avoid gerunds in topic titles. Use the imperative form instead.",
    "1:24:RedHat.HeadingPunctuation:Don't use end punctuation in headings.",
    "3:12:RedHat.PassiveVoice:'was configured' is passive voice. In general, use active voice. "
    "Consult the style guide for acceptable use of passive voice.",
    "3:40:RedHat.TermsWarnings:Consider using 'through', 'by', 'from', 'on', or 'by using' "
    "rather than 'Via' unless updating existing content that uses it.",
    "3:57:RedHat.TermsWarnings:Consider using 'you' rather than 'he' unless updating existing "
    "content that uses it.",
    "3:72:RedHat.TermsWarnings:Consider using 'hostname' rather than 'host name' unless "
    "updating existing content that uses it.",
    "5:13:RedHat.Slash:Use either 'or' or 'and' in 'and/or'",
    "5:38:RedHat.OxfordComma:Use the Oxford comma in 'users, groups and roles.'.",
    "7:4:RedHat.RepeatedWords:'is' is repeated!",
    "7:12:RedHat.SmartQuotes:Do not use smart quotation marks. Use '\"' rather than “.",
    "7:18:RedHat.SmartQuotes:Do not use smart quotation marks. Use '\"' rather than ”.",
]


def run(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str, int]:
    status = main(
        ["check", "--config", str(folder / ".vale.ini"), "--output=line", str(folder / "doc.md")]
    )
    out, err = capsys.readouterr()
    return [line.split(":", 1)[1] for line in out.splitlines()], err, status


def test_the_published_style_loads_unchanged_and_names_what_it_skips(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines, err, status = run(PUBLISHED, capsys)
    assert lines == EXPECTED
    assert status == 0  # suggestions and warnings only
    notices = [n for n in err.splitlines() if n.startswith("sglint: notice:")]
    assert any("RedHat.ProcedureStepLimit: Vale rule kind 'script'" in n for n in notices)
    assert any("no default Hunspell dictionary" in n and "RedHat.Spelling" in n for n in notices)
    assert notices[-1].endswith(
        "2 Vale rules skipped (script: 1, spelling without a dictionary: 1)"
    )


def test_with_a_dictionary_the_published_spelling_rule_runs_with_its_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(PUBLISHED, tmp_path / "RedHat")
    folder = tmp_path / "RedHat"
    dictionary(folder / "styles" / "config" / "dictionaries", "en_US")
    lines, err, _ = run(folder, capsys)
    spelling = [line for line in lines if "RedHat.Spelling" in line]
    # 'Kubernetes' is one of the rule's filters and 'namespace' matches '[nN]amespace';
    # the small test dictionary knows few words, so most others are reported too.
    assert (
        "7:38:RedHat.Spelling:Verify the word 'speling'. It is not in the American "
        "English spelling dictionary used by Vale." in spelling
    )
    assert not any("'Kubernetes'" in line or "'namespace'" in line for line in spelling)
    assert "1 Vale rule skipped (script: 1)" in err
