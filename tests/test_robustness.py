"""Bad input gets one clear line and the right exit status, and nothing is lost.

Files: other encodings, binary, empty, unreadable, not regular, broken symbolic links,
link loops, very long lines, large files, deep Markdown nesting, HTML tag soup.
Rules and config: unsafe YAML tags, paths that leave the project, runaway patterns in
every rule kind. (No network: test_robustness_network.py; killed --fix runs:
test_robustness_kill.py; any text at all: test_properties.py.)
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import make_rule

from lint.cli import main
from lint.config import Config, active_rules
from lint.engine import check_document
from lint.errors import RuleError, SglintError
from lint.facts import Facts
from lint.readers import read_bytes, read_text
from lint.rules.budget import TIMEOUT_CHARS, deadline_for
from lint.rules.loader import load_rule_text
from lint.runner import check_paths

SLOW = pytest.mark.skipif(
    not os.environ.get("SGLINT_SLOW_TESTS"), reason="slow; set SGLINT_SLOW_TESTS=1 to run"
)
#: A sentence with one safe fix (Safeguarding.Mistranslations), for counting findings.
BAD = "Police said care gangs were active."


def sglint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--color", "never", *args])
    out, err = capsys.readouterr()
    return code, out, err


def lines(stream: str) -> list[str]:
    return [line for line in stream.splitlines() if line]


def one_error_and_the_rest_linted(
    capsys: pytest.CaptureFixture[str], named: Path | str, error: str
) -> None:
    """Lint ``named`` beside a good file: one error line, the good file linted, exit 2."""
    good = Path(named).parent / "good.txt"
    good.write_text(BAD)
    code, out, err = sglint(capsys, "--select", "Safeguarding", str(named), str(good))
    assert code == 2
    assert lines(err) == [f"sglint: error: {error}"]
    assert f"{good}:1:" in out


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "notice"),
    [
        (
            "The victim’s family “said” care gangs. Café.\r\n".encode("cp1252"),
            "not UTF-8; decoded as Windows-1252",
        ),
        (
            codecs.BOM_UTF16_LE + "The victim’s family said care gangs.\r\n".encode("utf-16-le"),
            "decoded as UTF-16",
        ),
        (
            codecs.BOM_UTF16_BE + "The victim’s family said care gangs.\n".encode("utf-16-be"),
            "decoded as UTF-16",
        ),
    ],
    ids=["cp1252", "utf-16-le", "utf-16-be"],
)
def test_word_exports_are_decoded_with_a_notice_and_fixed_in_their_own_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, notice: str
) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    code, out, err = sglint(capsys, "--select", "Safeguarding", str(path))
    assert code == 1
    assert lines(err) == [f"sglint: notice: {path}: {notice}"]
    assert "Safeguarding.Mistranslations Use 'grooming gangs'" in out

    code, out, err = sglint(capsys, "--fix", "--select", "Safeguarding", str(path))
    assert code == 0, err
    expected = read_bytes("x", data).source.replace("care gangs", "grooming gangs")
    encoding = read_bytes("x", data).encoding
    bom = data[:2] if encoding == "utf-16" else b""
    codec = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(bom, encoding)
    assert path.read_bytes() == bom + expected.encode(codec)  # same encoding, BOM, CRLF


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        (
            "bad.txt",
            b"fine\nthen \x81 which no code page maps\n",
            ":2: cannot decode byte 0x81 as utf-8",
        ),
        ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ": binary file, not a text document"),
    ],
    ids=["undecodable", "binary"],
)
def test_a_file_that_is_not_text_named_explicitly_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, error: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    one_error_and_the_rest_linted(capsys, path, f"{path}{error}")


# -- binary, empty, unreadable, not regular ------------------------------------------------


@pytest.mark.parametrize("fix", [False, True])
def test_binary_files_in_folders_are_skipped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fix: bool
) -> None:
    (tmp_path / "photo.md").write_bytes(b"GIF89a\x00\x01" + bytes(range(256)))
    (tmp_path / "notes.txt").write_bytes(b"text, then a NUL\x00")
    (tmp_path / "good.txt").write_text(BAD)
    code, out, err = sglint(
        capsys, *(["--fix"] if fix else []), "--select", "Safeguarding", str(tmp_path)
    )
    assert err == ""
    if fix:
        assert code == 0 and "Fixed 1 problem in 1 file" in out
    else:
        assert code == 1 and "in 1 of 1 file." in out  # the binary files are not counted
    assert (tmp_path / "photo.md").read_bytes().startswith(b"GIF89a")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html"])
def test_empty_files_are_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert sglint(capsys, str(path)) == (0, "No problems in 1 file.\n", "")
    assert sglint(capsys, "--format", "json", str(path))[:2] == (0, "[]\n")
    assert sglint(capsys, "--fix", str(path))[0] == 0
    assert path.read_bytes() == b""


def test_a_file_of_white_space_or_a_lone_bom_is_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for data in (b"\n\n\r\n \t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE):
        path = tmp_path / "blank.md"
        path.write_bytes(data)
        code, _, err = sglint(capsys, str(path))
        assert code == 0 and "error" not in err


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads a chmod 000 file anyway; the monkeypatched test below covers the path",
)
def test_an_unreadable_file_is_an_error_line_and_the_rest_is_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BAD)
    locked.chmod(0)
    try:
        one_error_and_the_rest_linted(capsys, locked, f"{locked}: cannot read: Permission denied")
    finally:
        locked.chmod(0o644)


def _deny(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make opening ``path`` fail as a chmod 000 file does for anyone but root."""
    import builtins

    real_open = builtins.open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)) and Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded_open)


@pytest.mark.parametrize("fix", [False, True])
def test_a_file_that_cannot_be_opened_is_an_error_line_and_the_rest_is_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fix: bool
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BAD)
    good = tmp_path / "good.txt"
    good.write_text(BAD)
    _deny(monkeypatch, locked)
    code, out, err = sglint(
        capsys, *(["--fix"] if fix else []), "--select", "Safeguarding", str(tmp_path)
    )
    monkeypatch.undo()
    assert code == 2
    assert lines(err) == [f"sglint: error: {locked}: cannot read: Permission denied"]
    assert locked.read_text() == BAD
    if fix:
        assert "grooming gangs" in good.read_text()
    else:
        assert "good.txt:1:" in out


def test_a_pipe_or_device_is_refused_not_read_forever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block until someone writes
    good = tmp_path / "good.txt"
    good.write_text(BAD)
    code, out, err = sglint(capsys, "--select", "Safeguarding", str(tmp_path), os.devnull)
    assert code == 2
    assert lines(err) == [
        f"sglint: error: {fifo}: not a regular file (a device, pipe or socket)",
        f"sglint: error: {os.devnull}: not a regular file (a device, pipe or socket)",
    ]
    assert "good.txt:1:" in out


# -- symbolic links ----------------------------------------------------------------------


def test_broken_symbolic_links_are_an_error_line_each_and_the_rest_is_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "deleted.md")
    (tmp_path / "good.txt").write_text(BAD)
    elsewhere = tmp_path / "named.txt"
    elsewhere.symlink_to("nowhere.txt")
    code, out, err = sglint(capsys, "--select", "Safeguarding", str(tmp_path))
    assert code == 2
    assert lines(err) == [
        f"sglint: error: {tmp_path / 'gone.md'}: broken symbolic link",
        f"sglint: error: {elsewhere}: broken symbolic link",
    ]
    assert "good.txt:1:" in out
    code, _, err = sglint(capsys, str(elsewhere))
    assert (code, lines(err)) == (2, [f"sglint: error: {elsewhere}: broken symbolic link"])


def test_a_symbolic_link_loop_named_explicitly_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    loop = tmp_path / "a.txt"
    one_error_and_the_rest_linted(capsys, loop, f"{loop}: symbolic link loop")


def test_folder_walks_end_despite_linked_folders_that_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "up").symlink_to(docs, target_is_directory=True)  # a cycle
    (docs / "sub" / "self").symlink_to(docs / "sub", target_is_directory=True)
    (docs / "one.txt").write_text(BAD)
    (docs / "sub" / "two.md").write_text(BAD)
    code, out, err = sglint(capsys, "--format", "json", "--select", "Safeguarding", str(docs))
    assert (code, err) == (1, "")
    assert sorted(Path(f["path"]).relative_to(docs).as_posix() for f in json.loads(out)) == [
        "one.txt",
        "sub/two.md",
    ]


# -- size ----------------------------------------------------------------------------------


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@pytest.mark.slow
def test_a_very_long_line_is_linted_and_shown_in_linear_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every finding on a line of megabytes used to copy (and expand) the whole line."""

    def run(size: int) -> float:
        path = tmp_path / f"line{size}.txt"
        path.write_text((BAD[:-1] + ", ") * (size // (len(BAD) + 1)))
        return _timed(lambda: sglint(capsys, "--select", "Safeguarding", str(path)))

    small, large = run(250_000), run(1_000_000)
    code, out, _ = sglint(capsys, "--select", "Safeguarding", str(tmp_path / "line1000000.txt"))
    assert code == 1
    assert f"Found {1_000_000 // (len(BAD) + 1)} problems" in out
    shown = [line for line in out.splitlines() if line.startswith("    …")]
    assert shown and max(len(line) for line in shown) < 200  # a window, not the line
    assert large < 8 * small + 1.0, (small, large)  # 4x the text: about 4x the time


def test_the_time_budget_grows_with_the_file() -> None:
    """A sound rule on a 50 MB file is not a runaway: the timeout is per rule per file,
    once per TIMEOUT_CHARS characters."""
    rule = make_rule("extends: existence\nmessage: x\ntokens: [a]\ntimeout: 2\n")
    small = read_text("a.txt", "a" * 100)
    large = read_text("a.txt", "a" * (TIMEOUT_CHARS * 25))
    now = time.monotonic()
    assert deadline_for(rule.meta, small) - now == pytest.approx(2, abs=0.5)
    assert deadline_for(rule.meta, large) - now == pytest.approx(50, abs=0.5)


def _press_copy(size: int) -> str:
    from seed_snapshot import seed_files

    copy = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_files())
    return (copy * (size // len(copy) + 1))[:size]


@pytest.mark.slow
def test_a_large_file_completes_with_every_default_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "large.txt"
    path.write_text(_press_copy(600_000), encoding="utf-8")
    code, out, err = sglint(capsys, "--format", "json", str(path))
    assert (code, err) == (1, "")
    assert len(json.loads(out)) > 1000


@SLOW
@pytest.mark.parametrize("megabytes", [5, 20])
def test_press_copy_of_many_megabytes(tmp_path: Path, megabytes: int) -> None:
    """Slow: no rule is taken for a runaway on a big file, and time grows with size."""
    path = tmp_path / "large.txt"
    path.write_text(_press_copy(megabytes * 1_000_000), encoding="utf-8")
    results = list(check_paths([str(path)]))
    assert results[0].problems == [] and results[0].error is None
    assert len(results[0].findings) > 1000 * megabytes


@SLOW
def test_a_five_megabyte_line_with_every_default_rule(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(_press_copy(5_000_000).replace("\n", " "), encoding="utf-8")
    (result,) = check_paths([str(path)])
    assert result.problems == [] and result.error is None
    assert len(result.lines) == 1


# -- deep nesting and tag soup ----------------------------------------------------------------

DEPTH = 1000


@pytest.mark.slow
@pytest.mark.parametrize(
    "source",
    [
        "".join("  " * i + f"- item {i}: {BAD}\n" for i in range(DEPTH)),
        "".join(">" * i + f" {BAD}\n" for i in range(1, DEPTH + 1)),
        "- " * DEPTH + f"{BAD}\n\n" + "> " * DEPTH + f"{BAD}\n\n" + "1. > - " * 300 + f"{BAD}\n",
        "\n".join("  " * i + ("- " if i % 2 else "> ") + BAD for i in range(DEPTH)),
    ],
    ids=["list", "quotes", "one-line", "alternating"],
)
def test_deeply_nested_markdown_is_read_to_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    """markdown-it stops at 20 levels and drops what is deeper; we read it as plain text
    and say so once."""
    path = tmp_path / "deep.md"
    path.write_text(source)
    code, out, err = sglint(capsys, "--format", "json", "--select", "Safeguarding", str(path))
    assert code == 1
    assert lines(err) == [
        f"sglint: notice: {path}:{_first_deep_line(source)}: Markdown nested more than 20 "
        "levels deep; the deeper lines are read as plain text"
    ]
    findings = json.loads(out)
    assert len(findings) == source.count("care gangs")
    for f in findings:
        line = source.splitlines()[f["line"] - 1]
        assert line[f["column"] - 1 : f["end_column"] - 1] == "care gangs" == f["match"]


def _first_deep_line(source: str) -> int:
    doc = read_text("deep.md", source)
    (notice,) = doc.notices
    return int(notice.split(":")[1])


def test_nesting_within_the_limit_gives_no_notice() -> None:
    doc = read_text("a.md", "".join("  " * i + f"- {BAD}\n" for i in range(8)))
    assert doc.notices == ()
    assert [b.scope for b in doc.blocks] == ["list"] * 8


@pytest.mark.parametrize(
    "source",
    [
        "<div>" * DEPTH + BAD + "</div>" * DEPTH,
        "<b><i>" * DEPTH + BAD,
        f"<p>{BAD}" + "</span></p></td>" * DEPTH,
        f"<p>{BAD}<p><<>><a href='x>{BAD}</a> <!-- unclosed comment {BAD}",
        f"<p>{BAD}</p><script>var x = '{BAD}'",
        f"<p>{BAD} &#xffffffff; &#0; &bogus; &amp &#x; &</p><p>{BAD}",
        f"</p></body></html><p>{BAD}<br/><img src=x<p>{BAD}",
        f"<![CDATA[ {BAD} ]]><?php echo 1 ?><!DOCTYPE html><p>{BAD}",
    ],
)
def test_html_tag_soup_is_read_without_error(source: str) -> None:
    rules = active_rules(Config(select=("Safeguarding",)))
    doc = read_text("soup.html", source)
    findings = check_document(doc, rules).findings
    for f in findings:
        assert doc.source[f.start : f.end] == f.match
    assert any(f.match == "care gangs" for f in findings)


@pytest.mark.slow
def test_html_stray_end_tags_cost_linear_time() -> None:
    """Each stray end tag used to search the stack of every unclosed tag before it."""

    def run(n: int) -> float:
        return _timed(lambda: read_text("a.html", "<p>x " * n + "</span>" * n))

    small, large = run(10_000), run(40_000)
    assert large < 8 * small + 0.5, (small, large)


def test_markdown_with_old_mac_line_endings_is_read_whole() -> None:
    """Lone CRs end lines for markdown-it; counting only LFs lost all but the heading."""
    source = f"# Title\r{BAD}\rmore\r\r- {BAD}\r\r> {BAD}\r"
    rules = active_rules(Config(select=("Safeguarding",)))
    for fmt in ("a.md", "a.txt"):
        doc = read_text(fmt, source)
        findings = check_document(doc, rules).findings
        assert len(findings) == 3, fmt
        assert all(source[f.start : f.end] == "care gangs" for f in findings)
    assert len(read_text("a.txt", source).blocks) == 3  # blank lines split paragraphs


# -- rules and configuration: unsafe YAML ------------------------------------------------------

UNSAFE = "!!python/object/apply:os.system ['touch {marker}']\n"


def _refused(err: str, where: str) -> None:
    (line,) = lines(err)
    assert line.startswith(f"sglint: error: {where}:1: invalid YAML: unsafe or unknown YAML tag")
    assert line.endswith("refused")


def test_an_unsafe_tag_in_the_config_is_refused_never_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    config = tmp_path / ".sglint.yaml"
    config.write_text("rules: " + UNSAFE.format(marker=marker))
    (tmp_path / "a.txt").write_text(BAD)
    code, out, err = sglint(capsys, str(tmp_path / "a.txt"))
    assert (code, out) == (2, "")
    _refused(err, str(config))
    assert not marker.exists()


@pytest.mark.parametrize(
    ("rule", "register", "name"),
    [
        ("extends: people\nmessage: x\ncheck: Spelling\nregister: _people.yml\n", "people", "P"),
        ("extends: organisations\nmessage: x\nregister: _people.yml\n", "organisations", "O"),
        ("extends: approved-quote\nmessage: x\nregister: _people.yml\n", "statements", "Q"),
        ("extends: quote-speaker\nmessage: x\npeople: _people.yml\n", "people", "S"),
    ],
)
def test_an_unsafe_tag_in_a_register_is_refused_never_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str, register: str, name: str
) -> None:
    marker = tmp_path / "ran"
    pack = tmp_path / "team" / "Team"
    pack.mkdir(parents=True)
    (pack / f"{name}.yml").write_text(rule)
    people = pack / "_people.yml"
    people.write_text(f"{register}:\n  - " + UNSAFE.format(marker=marker))
    (tmp_path / ".sglint.yaml").write_text("paths: [team]\n")
    (tmp_path / "a.txt").write_text(BAD)
    code, out, err = sglint(capsys, str(tmp_path / "a.txt"))
    assert (code, out) == (2, "")
    (line,) = lines(err)
    assert line.startswith(f"sglint: error: {people}:2: invalid YAML: unsafe or unknown YAML tag")
    assert not marker.exists()


def test_an_unsafe_tag_in_a_rule_or_vale_style_is_refused_never_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    pack = tmp_path / "team" / "Team"
    pack.mkdir(parents=True)
    rule = pack / "Evil.yml"
    rule.write_text(UNSAFE.format(marker=marker))
    (tmp_path / ".sglint.yaml").write_text("paths: [team]\n")
    (tmp_path / "a.txt").write_text(BAD)
    code, _, err = sglint(capsys, str(tmp_path / "a.txt"))
    assert code == 2
    _refused(err, str(rule))
    (tmp_path / ".sglint.yaml").unlink()
    (tmp_path / ".vale.ini").write_text("StylesPath = team\n[*]\nBasedOnStyles = Team\n")
    code, _, err = sglint(capsys, str(tmp_path / "a.txt"))
    assert code == 2
    _refused(err, str(rule))
    assert not marker.exists()


# -- rules and configuration: paths that leave the project ---------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("register", "../../etc/passwd"),
        ("register", "/etc/passwd"),
        ("register", "../../outside.yml"),
        ("people", "../../outside.yml"),
    ],
)
def test_a_register_outside_the_rule_folder_is_refused(
    tmp_path: Path, key: str, value: str
) -> None:
    root = tmp_path / "project" / "styles"
    (root / "Team").mkdir(parents=True)
    (tmp_path / "project" / "outside.yml").write_text("people: []\n")
    kind = {"register": "people\ncheck: Spelling", "people": "quote-speaker"}[key]
    rule = root / "Team" / "Names.yml"
    with pytest.raises(RuleError) as caught:
        load_rule_text(
            f"extends: {kind}\nmessage: x\n{key}: {value}\n", rule_id="Team.Names", path=str(rule)
        )
    assert str(caught.value) == (
        f"{rule}:{4 if key == 'register' else 3}: '{key}': register {value!r} lies outside "
        "the rule folder "
        f"{str(root.resolve())!r}; refused"
    )


def test_a_register_linked_from_outside_is_refused_and_one_in_another_pack_is_fine(
    tmp_path: Path,
) -> None:
    root = tmp_path / "styles"
    (root / "Team").mkdir(parents=True)
    (root / "People").mkdir()
    (root / "People" / "_people.yml").write_text("people: []\n")
    secret = tmp_path / "secret.yml"
    secret.write_text("people: []\n")
    (root / "Team" / "_linked.yml").symlink_to(secret)
    rule = str(root / "Team" / "Names.yml")
    shared = "extends: people\nmessage: x\ncheck: Spelling\nregister: ../People/_people.yml\n"
    assert load_rule_text(shared, rule_id="Team.Names", path=rule).meta.id == "Team.Names"
    with pytest.raises(RuleError, match=r"'_linked\.yml' lies outside the rule folder"):
        load_rule_text(
            shared.replace("../People/_people.yml", "_linked.yml"), rule_id="T.N", path=rule
        )


def test_a_rule_folder_outside_the_project_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (project / ".sglint.yaml").write_text("paths:\n  - ../elsewhere\n")
    (project / "a.txt").write_text(BAD)
    code, out, err = sglint(capsys, str(project / "a.txt"))
    assert (code, out) == (2, "")
    assert lines(err) == [
        f"sglint: error: {project / '.sglint.yaml'}:1: 'paths': '../elsewhere' lies outside "
        "the project; refused"
    ]


# -- runaway patterns, in every kind and every place a rule's pattern is used --------------------

RUNAWAY = r"(\w|\w\w)*\d"  # exponential on a long word with no digit


@pytest.mark.parametrize(
    ("rule", "fmt", "text"),
    [
        (f"extends: existence\nnonword: true\ntokens: ['{RUNAWAY}']", "text", None),
        (f"extends: substitution\nnonword: true\nswap: {{'{RUNAWAY}': y}}", "text", None),
        (f"extends: occurrence\nmax: 1\ntoken: '{RUNAWAY}'", "text", None),
        (f"extends: conditional\nfirst: '{RUNAWAY}'\nsecond: zz", "text", None),
        (f"extends: conditional\nfirst: aaa\nsecond: '{RUNAWAY}'", "text", None),
        (f"extends: consistency\neither: {{'{RUNAWAY}': bbb}}", "text", None),
        (f"extends: repetition\ntokens: ['{RUNAWAY}']", "text", None),
        (f"extends: repetition\nalpha: true\ntokens: ['{RUNAWAY}']", "text", None),
        (f"extends: existence\ntokens: [aaa]\nnot_after: ['{RUNAWAY}']", "text", None),
        (f"extends: existence\ntokens: [aaa]\nnot_before: ['{RUNAWAY}']", "text", None),
        (
            f"extends: existence\nnonword: true\ntokens: ['a+!']\nexceptions: ['{RUNAWAY}']",
            "text",
            None,
        ),
        (
            f"extends: capitalization\nmatch: '{RUNAWAY}'\nscope: heading",
            "markdown",
            "# " + "a" * 40 + "!\n",
        ),
        (
            f"extends: capitalization\nmatch: $title\nprefix: '{RUNAWAY}'\nscope: heading",
            "markdown",
            "# " + "a" * 40 + "!\n",
        ),
    ],
    ids=[
        "existence",
        "substitution",
        "occurrence",
        "conditional-first",
        "conditional-second",
        "consistency",
        "repetition",
        "repetition-alpha",
        "not_after",
        "not_before",
        "exceptions",
        "capitalization-match",
        "capitalization-prefix",
    ],
)
def test_a_runaway_pattern_is_stopped_and_reported_in_every_kind(
    rule: str, fmt: str, text: str | None
) -> None:
    runaway = make_rule(f"{rule}\nmessage: x\ntimeout: 0.2\n", rule_id="Slow.Rule")
    fine = make_rule("extends: existence\nmessage: fine\ntokens: [aaa]\n", rule_id="Fast.Rule")
    text = text or ("aaa the the " + "a" * 40 + "! aaa " + "a" * 40 + "!\n")
    doc = read_text("draft.md" if fmt == "markdown" else "draft.txt", text)
    start = time.perf_counter()
    outcome = check_document(doc, active_rules(Config(), [runaway, fine]))
    assert time.perf_counter() - start < 5
    assert [(p.rule, p.message) for p in outcome.problems] == [
        ("Slow.Rule", "pattern ran longer than 0.2s and was stopped; rule skipped for this file")
    ]
    if fmt == "text":
        assert {f.rule for f in outcome.findings} == {"Fast.Rule"}


def test_errors_are_sglint_errors_with_one_line() -> None:
    """What the CLI prints for each bad input above is str(error): one line."""
    with pytest.raises(SglintError) as caught:
        read_bytes("f.txt", b"\x00\x01")
    assert "\n" not in str(caught.value)


@pytest.mark.slow
def test_quote_attribution_costs_linear_time() -> None:
    """Attributing each quote used to scan every quote and block before it."""
    speech = 'The officer said: "We will find them." Then "it ends," she added.\n\n'

    def run(n: int) -> float:
        doc = read_text("a.txt", speech * n)
        return _timed(lambda: Facts(doc).quotes)

    small, large = run(2_000), run(8_000)
    assert len(Facts(read_text("a.txt", speech * 10)).quotes) == 20
    assert large < 8 * small + 0.5, (small, large)
