"""``--format html``: the page's content, and its highlights and filters in a real
headless Chromium (skipped, saying so, where no browser is installed)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from wordfiles import same_draft_folder

from lint.cli import main

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
#: The highlight backgrounds of lint/report/html_report.css, as RGB.
ERROR_BG, WARNING_BG = (0xFB, 0xD9, 0xD6), (0xFD, 0xEA, 0xB3)


def sglint(*args: str) -> str:
    """A GOV.UK team's run (the draft's "NSPCC" is a warning under govuk only)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["check", "--profile", "govuk", *args]) == 1
    return buffer.getvalue()


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same draft in Markdown, HTML, a Google Docs export and Word."""
    return same_draft_folder(tmp_path_factory.mktemp("report") / "drafts")


@pytest.fixture(scope="module")
def report(drafts: Path) -> Path:
    page = drafts.parent / "report.html"
    page.write_text(sglint("--format", "html", str(drafts)), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def findings(drafts: Path) -> list[dict[str, Any]]:
    """The same run's findings as JSON: what the page must show (the rules change)."""
    items: list[dict[str, Any]] = json.loads(sglint("--format", "json", str(drafts)))
    return items


def count(findings: list[dict[str, Any]], **match: str) -> int:
    return sum(all(f[k] == v for k, v in match.items()) for f in findings)


def ids(dom: str) -> set[int]:
    """The findings some highlight stands for, in a dumped DOM."""
    return {int(n) for group in re.findall(r'data-ids="([^"]*)"', dom) for n in group.split()}


# -- the page ----------------------------------------------------------------------------


def test_the_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "url(" not in page


def test_summary_by_level_and_pack_and_every_finding_with_why_and_source(
    report: Path, findings: list[dict[str, Any]]
) -> None:
    page = report.read_text(encoding="utf-8")
    total, errors = len(findings), count(findings, severity="error")
    warnings = count(findings, severity="warning")
    assert total == errors + warnings and errors and warnings
    assert f"{total} findings in 4 of 4 files: {errors} errors, {warnings} warnings." in page
    summary = page[page.index("<table id='summary'>") : page.index("</table>")]
    ours = sum(f["rule"].startswith("Safeguarding.") for f in findings)
    assert f"<tr><td>Safeguarding</td><td>{ours}</td><td></td><td></td><td>{ours}</td></tr>" in (
        summary
    )
    assert page.count("<li class='finding'") == total
    assert page.count("<dt>Why</dt>") == total and page.count("<dt>Source</dt>") == total
    with_fix = sum(f["fix"] is not None for f in findings)
    assert with_fix  # a finding without a fix shows none (every finding counted above)
    assert page.count("<dt>Suggested wording</dt>") == with_fix


def test_html_drafts_show_their_prose_and_word_drafts_their_paragraphs(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    export = page[page.index("gdocs-export.html</h2>") :]
    export = export[: export.index("</section>")]
    assert 'class="c' not in export and "&lt;/span" not in export and "&amp;nbsp;" not in export
    assert re.search(r"police found <a href='#f\d+'><mark [^>]*>child pornography</mark>", export)
    assert "paragraph 2, character 65" in page  # where a Word finding is


# -- in a browser ------------------------------------------------------------------------


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no headless Chromium installed (Debian: apt-get install chromium); "
        "the HTML report's browser checks did not run"
    )


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def marks(dom: str) -> list[tuple[str, str]]:
    """(class, text) of every highlight in a dumped DOM."""
    return re.findall(r'<mark [^>]*?class="([^"]*)"[^>]*>([^<]*)</mark>', dom)


@pytest.mark.slow  # a real browser: a few seconds each
def test_highlights_in_a_browser(
    report: Path, findings: list[dict[str, Any]], tmp_path: Path
) -> None:
    dom = chromium(tmp_path, "--dump-dom", report.as_uri())
    total = len(findings)
    assert f'<output id="shown">{total} of {total} findings shown</output>' in dom
    assert ids(dom) == set(range(1, total + 1))  # every finding is highlighted
    shown = marks(dom)
    assert shown.count(("on error", "child pornography")) == 8  # twice in each draft
    assert count(findings, rule="Safeguarding.AbuseMaterial") == 8
    assert ("on warning", "NSPCC") in shown


@pytest.mark.slow  # a real browser: a few seconds each
def test_a_filter_in_the_link_hides_a_level(
    report: Path, findings: list[dict[str, Any]], tmp_path: Path
) -> None:
    dom = chromium(tmp_path, "--dump-dom", report.as_uri() + "#hide=warning")
    total, warnings = len(findings), count(findings, severity="warning")
    assert f'<output id="shown">{total - warnings} of {total} findings shown</output>' in dom
    hidden = re.findall(r'<li class="finding"[^>]*data-level="warning"[^>]*hidden=""', dom)
    assert len(hidden) == warnings
    assert {cls for cls, _ in marks(dom)} == {"on error", ""}
    assert ("", "NSPCC") in marks(dom)


@pytest.mark.slow  # a real browser: a few seconds each
def test_unticking_a_pack_hides_its_findings_and_highlights(
    report: Path, findings: list[dict[str, Any]], tmp_path: Path
) -> None:
    page = tmp_path / "clicked.html"
    click = "<script>document.querySelector('#filters input[value=Safeguarding]').click()</script>"
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", click + "</body>"))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    total = len(findings)
    left = total - sum(f["rule"].startswith("Safeguarding.") for f in findings)
    assert f'<output id="shown">{left} of {total} findings shown</output>' in dom
    assert {cls for cls, text in marks(dom) if "child" in text} == {""}
    assert {cls for cls, text in marks(dom) if text == "NSPCC"} == {"on warning"}


@pytest.mark.slow  # a real browser: a few seconds each
def test_screenshot_shows_the_highlights(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(
        tmp_path,
        "--hide-scrollbars",
        "--window-size=1000,900",
        f"--screenshot={shot}",
        report.as_uri(),
    )
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (1000, 900)
    assert ERROR_BG in pixels and WARNING_BG in pixels


def read_png(data: bytes) -> tuple[int, int, set[tuple[int, int, int]]]:
    """Width, height and the set of RGB colours of an 8-bit RGB or RGBA PNG."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += size + 12
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        colours.update((line[i], line[i + 1], line[i + 2]) for i in range(0, stride, channels))
        previous = line
    return width, height, colours


def test_the_readme_shows_a_small_screenshot_of_the_report() -> None:
    root = Path(__file__).resolve().parents[2]
    assert "](docs/report.png)" in (root / "README.md").read_text(encoding="utf-8")
    data = (root / "docs" / "report.png").read_bytes()
    assert len(data) < 200_000
    width, _, colours = read_png(data)
    assert width <= 1200 and ERROR_BG in colours and WARNING_BG in colours
