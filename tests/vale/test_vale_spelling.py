"""Vale's ``spelling`` kind on a small Hunspell dictionary written for these tests (the
format as Vale's en_US-web and LibreOffice's dictionaries use it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main
from lint.vale.hunspell import parse

AFF = """SET UTF-8
ICONV 1
ICONV ’ '
NEEDAFFIX !
KEEPCASE K
FORBIDDENWORD X

PFX U Y 1
PFX U   0     un         .

SFX S Y 4
SFX S   y     ies        [^aeiou]y
SFX S   0     s          [aeiou]y
SFX S   0     es         [sxzh]
SFX S   0     s          [^sxzhy]

SFX D Y 3
SFX D   0     d          e
SFX D   y     ied        [^aeiou]y
SFX D   0     ed         [^ey]
"""

DIC = """14
safeguard/SD
child
abuse/SD
report/SDU
policy/S
don't
London
irregardless/X
lock/DU
the
we
a
to
and
"""


def dictionary(folder: Path, name: str = "en_US") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_text(AFF)
    (folder / f"{name}.dic").write_text(DIC)
    return folder / f"{name}.dic"


@pytest.mark.parametrize(
    ("word", "right"),
    [
        ("safeguard", True),
        ("safeguards", True),  # SFX S: 0 → s after [^sxzhy]
        ("safeguarded", True),  # SFX D: 0 → ed
        ("policies", True),  # SFX S: y → ies after a consonant
        ("abused", True),  # SFX D: 0 → d after e
        ("unreported", True),  # PFX U and SFX D, both cross products
        ("unlocked", True),
        ("Reports", True),  # a capitalised word may be a lower-case stem
        ("REPORTS", True),  # an upper-case word any stem
        ("don’t", True),  # ICONV ’ → '
        ("London", True),
        ("london", False),  # a capitalised stem needs its capital
        ("irregardless", False),  # FORBIDDENWORD
        ("unsafeguard", False),  # safeguard does not take U
        ("childs", False),  # child takes no suffix
        ("polices", False),
        ("safegaurd", False),
    ],
)
def test_hunspell_lookup(tmp_path: Path, word: str, right: bool) -> None:
    dic = dictionary(tmp_path)
    assert parse(dic, dic.with_suffix(".aff")).check(word) is right


def test_long_and_numeric_flags_and_aliases(tmp_path: Path) -> None:
    (tmp_path / "l.aff").write_text("FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n")
    (tmp_path / "l.dic").write_text("1\ncat/AaBb\n")
    assert parse(tmp_path / "l.dic", tmp_path / "l.aff").check("cats")
    (tmp_path / "n.aff").write_text("FLAG num\nAF 1\nAF 12,7\nSFX 12 Y 1\nSFX 12 0 s .\n")
    (tmp_path / "n.dic").write_text("1\ndog/1\n")
    assert parse(tmp_path / "n.dic", tmp_path / "n.aff").check("dogs")


SPELLING = """extends: spelling
message: "Did you really mean '%s'?"
level: error
dicpath: dicts
dictionaries: [team]
filters:
  - '[xX]yz\\w*'
ignore: [team.txt]
"""


def run(
    tmp_path: Path, ini: str, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[list[str], str]:
    (tmp_path / ".vale.ini").write_text(ini)
    (tmp_path / "doc.md").write_text(text)
    main(
        [
            "check",
            "--config",
            str(tmp_path / ".vale.ini"),
            "--output=line",
            str(tmp_path / "doc.md"),
        ]
    )
    out, err = capsys.readouterr()
    return [line.split(":", 1)[1] for line in out.splitlines()], err


def test_a_spelling_rule_with_its_dictionary_filters_ignore_list_and_vocab(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styles = tmp_path / "styles"
    dictionary(styles / "dicts", "team")
    (styles / "T").mkdir(parents=True)
    (styles / "T" / "Spelling.yml").write_text(SPELLING)
    (styles / "config" / "ignore").mkdir(parents=True)
    (styles / "config" / "ignore" / "team.txt").write_text("NSPCC\nbarnahus\n")
    vocab = styles / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Ofsted\nmea culpa\n")
    lines, err = run(
        tmp_path,
        "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = T\n",
        "We reported the abuse to a barnahus, ofsted and xyzzy.\n\n"
        "Policies safegaurd JavaScript, NASA and e.g. 2024 polcy.\n\nmea culpa, mea.\n",
        capsys,
    )
    assert lines == [
        "3:10:T.Spelling:Did you really mean 'safegaurd'?",
        "3:51:T.Spelling:Did you really mean 'polcy'?",
        # 'mea culpa' is accepted as a phrase only: 'mea' alone is checked (#1035).
        "5:12:T.Spelling:Did you really mean 'mea'?",
    ]
    assert "skipped" not in err


def test_vale_spelling_uses_the_default_dictionary_in_the_styles_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    styles = tmp_path / "styles"
    dictionary(styles / "config" / "dictionaries", "en_US")
    lines, _ = run(
        tmp_path,
        "StylesPath = styles\n[*.md]\nBasedOnStyles = Vale\n",
        "We reportd the the abuse.\n",
        capsys,
    )
    assert lines == [
        "1:4:Vale.Spelling:Did you really mean 'reportd'?",
        "1:12:Vale.Repetition:'the' is repeated!",
    ]


def test_without_a_dictionary_the_rule_is_skipped_with_a_notice_never_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "styles" / "T").mkdir(parents=True)
    (tmp_path / "styles" / "T" / "Spelling.yml").write_text(
        "extends: spelling\nmessage: \"'%s'?\"\n"
    )
    (tmp_path / "styles" / "T" / "Very.yml").write_text(
        "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [very]\n"
    )
    lines, err = run(
        tmp_path,
        "StylesPath = styles\n[*.md]\nBasedOnStyles = T, Vale\n",
        "So very nice speling.\n",
        capsys,
    )
    assert lines == ["1:4:T.Very:'very'"]
    assert "no default Hunspell dictionary" in err
    assert "T.Spelling skipped" in err and "Vale.Spelling skipped" in err
    assert "2 Vale rules skipped (spelling without a dictionary: 2)" in err


def test_an_unknown_encoding_name_reads_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "x.aff").write_text("SET X-NO-SUCH-CODEC\nSFX S Y 1\nSFX S 0 s .\n")
    (tmp_path / "x.dic").write_text("1\ncafé/S\n")
    assert parse(tmp_path / "x.dic", tmp_path / "x.aff").check("cafés")
