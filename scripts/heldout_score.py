"""Score sglint against a held-out set (tests/recall/heldout and alike).

Usage: python scripts/heldout_score.py tests/recall/heldout [--sglint CMD] [--json]

Runs `CMD check --format json <set>/drafts`, maps every planted error and every trap in
<set>/key.yml to its line/column span in its draft, and reports:

* per class recall: a planted error is found when an error or warning finding about it
  overlaps its span (or the span of one of its `also` texts, the other mention of a
  two-mention error); how many were found at the level the key expects is reported too.
  A finding is *about* a text when its match is at most CONTEXT_WORDS words longer than
  the text: a sentence-length or quote finding that happens to cover it is about
  something else and does not count;
* per trap: whether any error or warning finding about it overlaps it (it should stay
  silent);
* per control draft: the number of error and warning findings anywhere in it;
* totals; with --json, the same as one JSON object.

Positions follow sglint's JSON output: lines and columns are 1-based, columns count code
points, the end is exclusive, and CR, LF and CRLF each end a line.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

COUNTED = ("error", "warning")
#: How many more words than the key's text a finding may match and still be about it.
CONTEXT_WORDS = 5

Pos = tuple[int, int]


@dataclass(frozen=True)
class Span:
    start: Pos
    end: Pos

    def overlaps(self, other: Span) -> bool:
        """True when the spans share a character; an empty span counts as the point it marks."""
        if other.start == other.end:
            return self.start <= other.start < self.end
        if self.start == self.end:
            return other.start <= self.start < other.end
        return self.start < other.end and other.start < self.end


@dataclass
class Item:
    """One planted error or trap of the key, placed in its draft."""

    draft: str
    text: str
    spans: list[Span]
    kind: str  # "planted" or "trap"
    cls: str = ""
    level: str = ""
    hits: list[dict[str, Any]] = field(default_factory=list)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line begins (CR, LF and CRLF end a line)."""
    starts = [0]
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 2
            starts.append(i)
            continue
        if ch in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


def position(starts: Sequence[int], offset: int) -> Pos:
    """1-based (line, column) of a code-point offset."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return (lo + 1, offset - starts[lo] + 1)


def span_of(text: str, needle: str, where: str) -> Span:
    """The span of `needle`, which must occur exactly once in `text`."""
    count = text.count(needle)
    if count != 1:
        raise ValueError(f"{where}: text occurs {count} times, expected once: {needle!r}")
    offset = text.index(needle)
    starts = line_starts(text)
    return Span(position(starts, offset), position(starts, offset + len(needle)))


def finding_span(finding: dict[str, Any]) -> Span:
    line = int(finding["line"])
    col = finding.get("column")
    if col is None:  # a whole-line finding
        return Span((line, 1), (line + 1, 1))
    end_line = finding.get("end_line")
    end_col = finding.get("end_column")
    start = (line, int(col))
    if end_line is None or end_col is None:
        return Span(start, start)
    return Span(start, (int(end_line), int(end_col)))


def about(finding: dict[str, Any], item: Item) -> bool:
    """Whether the finding's match is not much longer than the key's text."""
    match = str(finding.get("match") or "")
    return len(match.split()) <= len(item.text.split()) + CONTEXT_WORDS


def load_key(set_dir: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((set_dir / "key.yml").read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{set_dir / 'key.yml'}: expected a list of drafts")
    return data


def read_draft(set_dir: Path, name: str) -> str:
    with open(set_dir / "drafts" / name, encoding="utf-8", newline="") as handle:
        return handle.read()


def place_items(set_dir: Path, key: Iterable[dict[str, Any]]) -> list[Item]:
    items: list[Item] = []
    for entry in key:
        name = entry["draft"]
        text = read_draft(set_dir, name)
        for p in entry.get("planted") or []:
            texts = [p["text"], *(p.get("also") or [])]
            spans = [span_of(text, t, name) for t in texts]
            items.append(Item(name, p["text"], spans, "planted", p["class"], p["level"]))
        for t in entry.get("traps") or []:
            items.append(Item(name, t["text"], [span_of(text, t["text"], name)], "trap"))
    return items


def by_draft(findings: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        if f.get("severity") in COUNTED:
            out.setdefault(Path(str(f["path"])).name, []).append(f)
    return out


def score(set_dir: Path, findings: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Score findings (sglint's JSON objects) against the set's key."""
    key = load_key(set_dir)
    items = place_items(set_dir, key)
    counted = by_draft(findings)
    for item in items:
        for f in counted.get(item.draft, []):
            fs = finding_span(f)
            if any(s.overlaps(fs) for s in item.spans) and about(f, item):
                item.hits.append(f)

    classes: dict[str, dict[str, Any]] = {}
    for item in (i for i in items if i.kind == "planted"):
        c = classes.setdefault(item.cls, {"planted": 0, "found": 0, "at_level": 0, "missed": []})
        c["planted"] += 1
        if item.hits:
            c["found"] += 1
            if any(f.get("severity") == item.level for f in item.hits):
                c["at_level"] += 1
        else:
            c["missed"].append({"draft": item.draft, "text": item.text})
    for c in classes.values():
        c["recall"] = round(c["found"] / c["planted"], 3) if c["planted"] else None

    traps = [
        {
            "draft": i.draft,
            "text": i.text,
            "fired": bool(i.hits),
            "rules": sorted({str(f.get("rule")) for f in i.hits}),
        }
        for i in items
        if i.kind == "trap"
    ]
    controls = [
        {"draft": e["draft"], "findings": len(counted.get(e["draft"], []))}
        for e in key
        if e.get("control")
    ]
    planted = sum(c["planted"] for c in classes.values())
    found = sum(c["found"] for c in classes.values())
    totals = {
        "planted": planted,
        "found": found,
        "at_level": sum(c["at_level"] for c in classes.values()),
        "recall": round(found / planted, 3) if planted else None,
        "traps": len(traps),
        "traps_fired": sum(1 for t in traps if t["fired"]),
        "controls": len(controls),
        "controls_over_one": sum(c["findings"] > 1 for c in controls),
    }
    return {
        "classes": dict(sorted(classes.items())),
        "traps": traps,
        "controls": controls,
        "totals": totals,
    }


def run_sglint(command: str, drafts: Path) -> list[dict[str, Any]]:
    """sglint's findings on the drafts at default settings: unless ``command`` names a
    ``--config``, an empty one, so the repository's own .sglint.yaml (which leaves
    ``tests/`` out of a folder walk) neither hides the drafts nor changes the rules."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        argv = [*shlex.split(command), "check", "--format", "json", str(drafts)]
        if "--config" not in argv:
            empty = Path(tmp) / "sglint.yaml"
            empty.write_text("{}\n", encoding="utf-8")
            argv += ["--config", str(empty)]
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(proc.stderr)
        raise SystemExit(
            f"heldout_score: {argv[0]} gave no JSON (exit {proc.returncode})"
        ) from None
    if not isinstance(data, list):
        raise SystemExit("heldout_score: expected a JSON array of findings")
    return data


def render(result: dict[str, Any]) -> str:
    lines = ["class            planted  found  at-level  recall"]
    for name, c in result["classes"].items():
        lines.append(
            f"{name:<16} {c['planted']:>7}  {c['found']:>5}  {c['at_level']:>8}  {c['recall']:>6}"
        )
    t = result["totals"]
    lines.append(
        f"{'total':<16} {t['planted']:>7}  {t['found']:>5}  {t['at_level']:>8}  {t['recall']:>6}"
    )
    missed = [(n, m) for n, c in result["classes"].items() for m in c["missed"]]
    if missed:
        lines.append("")
        lines.append("missed:")
        lines.extend(f"  {n}: {m['draft']}: {m['text']!r}" for n, m in missed)
    lines.append("")
    lines.append(f"traps fired: {t['traps_fired']} of {t['traps']}")
    lines.extend(
        f"  {x['draft']}: {x['text']!r} ({', '.join(x['rules'])})"
        for x in result["traps"]
        if x["fired"]
    )
    lines.append("")
    lines.append(
        f"controls with more than one finding: {t['controls_over_one']} of {t['controls']}"
    )
    lines.extend(f"  {c['draft']}: {c['findings']}" for c in result["controls"])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("set", type=Path, help="held-out set folder (with drafts/ and key.yml)")
    parser.add_argument("--sglint", default="sglint", help="command that runs sglint")
    parser.add_argument("--json", action="store_true", help="print a machine-readable result")
    args = parser.parse_args(argv)
    findings = run_sglint(args.sglint, args.set / "drafts")
    result = score(args.set, findings)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
