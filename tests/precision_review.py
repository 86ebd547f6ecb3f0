"""Blind review of sglint's findings on the precision corpus.

Every ``error`` and ``warning`` finding that the default rule set makes on
``tests/precision/corpus/`` is judged by a reviewer who did not write the rule and sees
only the text and the finding: would an experienced editor change this? Verdicts live in
``tests/precision/reviews.yml``, keyed by file, position, rule and matched text, so a
verdict stays attached to its finding for as long as the rules keep making it.

    python tests/precision_review.py export OUT.json      # findings of the current rules
    python tests/precision_review.py batches OUT.json DIR N  # unreviewed ones, N batches
    python tests/precision_review.py merge REVIEWS.yml ...   # add a reviewer's verdicts
    python tests/precision_review.py tally OUT.json          # rates per rule and kind
    python tests/precision_review.py tally OUT.json --only tests/precision/batch3.txt
    python tests/precision_review.py tally OUT.json --not tests/precision/batch3.txt
    python tests/precision_review.py calibrate     # levels against first looks

``tally`` also reports the hook's view: how many texts with no substantive error (no entry
graded ``error`` in the front matter's ``editor_errors``, judged independently of the
rules) exit 0 at the default fail level.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml
from test_precision import cut_artefact, front_matter

ROOT = Path(__file__).resolve().parent.parent
PRECISION = ROOT / "tests" / "precision"
CORPUS = PRECISION / "corpus"
REVIEWS = PRECISION / "reviews.yml"
FIRST_LOOKS = PRECISION / "first_looks.yml"
LEVEL_FLOORS = PRECISION / "level_floors.yml"
SNAPSHOT = PRECISION / "findings.snapshot"
#: A rule at warning or error whose findings editors accepted less often than this on
#: copy it had never seen (first looks), over at least ``CALIBRATION_MIN`` verdicts, is
#: advice, not a point an editor would fix: it belongs at suggestion.
CALIBRATION_FLOOR = 0.2
#: An error fails the run. A rule at error whose first-look findings editors accepted
#: less often than this blocks more sound releases than it saves: at most a warning.
ERROR_FLOOR = 0.5
CALIBRATION_MIN = 10
VERDICTS = ("accepted", "debatable", "rejected")
LEVELS = ("error", "warning")


@dataclass(frozen=True)
class Item:
    """One error or warning finding, with the paragraph a reviewer needs to judge it."""

    file: str
    kind: str
    line: int
    column: int
    rule: str
    severity: str
    match: str
    message: str
    context: str

    @property
    def key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.match)


@dataclass(frozen=True)
class Review:
    file: str
    line: int
    column: int
    rule: str
    match: str
    verdict: str
    reason: str
    reviewer: str
    level_ok: bool = True

    @property
    def key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.match)


def paragraph(source: str, offset: int) -> str:
    """The paragraph (blank-line separated) around ``offset``, on one line."""
    start = source.rfind("\n\n", 0, offset)
    end = source.find("\n\n", offset)
    text = source[start + 2 if start >= 0 else 0 : end if end >= 0 else len(source)]
    return " ".join(text.split())


def collect(folder: Path = CORPUS) -> tuple[list[Item], dict[str, int], list[str]]:
    """Error and warning findings of the default rule set, each file's exit status, and
    the findings not counted: an unclosed quotation where the stored excerpt is cut
    (``cut: mid-quote``), which is the corpus's artefact, not the publisher's copy."""
    from lint.config import Config
    from lint.runner import check_paths

    config = Config(root=ROOT)
    items: list[Item] = []
    status: dict[str, int] = {}
    not_counted: list[str] = []
    for result in check_paths([str(folder)], config):
        path = Path(result.path)
        source = path.read_text(encoding="utf-8")
        meta = front_matter(source)
        kind = str(meta.get("kind", ""))
        findings = []
        for f in result.findings:
            if cut_artefact(meta, source, f.rule, f.start):
                not_counted.append(f"{path.name}:{f.line}:{f.column} {f.rule} [{f.match}]")
            else:
                findings.append(f)
        failing = [f for f in findings if f.severity >= config.fail_level]
        status[path.name] = 1 if failing or result.error else 0
        for f in findings:
            if f.severity.label not in LEVELS:
                continue
            items.append(
                Item(
                    path.name,
                    kind,
                    f.line,
                    f.column,
                    f.rule,
                    f.severity.label,
                    f.match,
                    f.message,
                    paragraph(source, f.start),
                )
            )
    return items, status, not_counted


def load_reviews(path: Path = REVIEWS) -> dict[tuple[str, int, int, str, str], Review]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    reviews: dict[tuple[str, int, int, str, str], Review] = {}
    for i, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: entry {i} is not a mapping")
        review = Review(
            str(entry["file"]),
            int(entry["line"]),
            int(entry["column"]),
            str(entry["rule"]),
            str(entry["match"]),
            str(entry["verdict"]),
            " ".join(str(entry["reason"]).split()),
            str(entry.get("reviewer", "")),
            bool(entry.get("level_ok", True)),
        )
        if review.verdict not in VERDICTS:
            raise ValueError(f"{path}: entry {i}: verdict must be one of {VERDICTS}")
        if not review.reason:
            raise ValueError(f"{path}: entry {i}: give a one-line reason")
        reviews[review.key] = review
    return reviews


def save_reviews(reviews: Iterable[Review], path: Path = REVIEWS) -> None:
    ordered = sorted(reviews, key=lambda r: r.key)
    path.write_text(
        "# Blind verdicts on error and warning findings (tests/precision_review.py).\n"
        + yaml.safe_dump(
            [asdict(r) for r in ordered], allow_unicode=True, sort_keys=False, width=100
        ),
        encoding="utf-8",
    )


def write_batches(items: Sequence[Item], folder: Path, count: int) -> list[Path]:
    """Split unreviewed items into ``count`` Markdown batches for blind reviewers."""
    reviews = load_reviews()
    pending = [i for i in items if i.key not in reviews]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for b in range(count):
        chunk = pending[b::count]
        if not chunk:
            continue
        lines = [f"# Batch {b + 1}: {len(chunk)} findings", ""]
        for n, i in enumerate(chunk, 1):
            lines += [
                f"## {n}. {i.file} line {i.line} column {i.column}",
                "",
                f"- key: `{json.dumps(list(i.key), ensure_ascii=False)}`",
                f"- level: {i.severity}; rule: {i.rule}",
                f"- matched: «{i.match}»",
                f"- message: {i.message}",
                f"- paragraph: {i.context}",
                "",
            ]
        path = folder / f"batch-{b + 1:02d}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def tally(items: Sequence[Item], status: dict[str, int], not_counted: Sequence[str] = ()) -> str:
    reviews = load_reviews()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    rejected_errors = []
    wrong_level = 0
    for i in items:
        review = reviews.get(i.key)
        verdict = review.verdict if review else "unreviewed"
        wrong_level += bool(review and not review.level_ok)
        by_rule[i.rule][verdict] += 1
        by_kind[i.kind][verdict] += 1
        if verdict == "rejected" and i.severity == "error":
            rejected_errors.append(f"{i.file}:{i.line}:{i.column} {i.rule} [{i.match}]")
    out = ["| rule | findings | accepted | debatable | rejected | unreviewed | accepted % |"]
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    total: Counter[str] = Counter()
    for rule in sorted(by_rule):
        c = by_rule[rule]
        total.update(c)
        out.append(_row(rule, c))
    out.append(_row("**all**", total))
    out += [
        "",
        "| publisher kind | findings | accepted | debatable | rejected | unreviewed | accepted % |",
    ]
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in sorted(by_kind):
        out.append(_row(kind, by_kind[kind]))
    clean = [name for name, s in status.items() if not _substantive_errors(name)]
    passing = [name for name in clean if status[name] == 0]
    out += [
        "",
        f"Texts with no substantive error (no `editor_errors` entry at level error): "
        f"{len(clean)}; "
        f"exit 0 at the default fail level: {len(passing)} "
        f"({100 * len(passing) / max(len(clean), 1):.0f}%).",
        f"Findings whose level the reviewer called wrong: {wrong_level}",
        f"Rejected findings at error level: {len(rejected_errors)}",
        *[f"- {r}" for r in rejected_errors],
    ]
    if not_counted:
        out += [
            "Not counted (a quotation the stored excerpt cuts off, `cut: mid-quote`): "
            f"{len(not_counted)}",
            *[f"- {r}" for r in not_counted],
        ]
    return "\n".join(out)


def _row(name: str, c: Counter[str]) -> str:
    n = sum(c.values())
    judged = n - c["unreviewed"]
    rate = f"{100 * c['accepted'] / judged:.0f}%" if judged else "-"
    return (
        f"| {name} | {n} | {c['accepted']} | {c['debatable']} | {c['rejected']} "
        f"| {c['unreviewed']} | {rate} |"
    )


def first_look_reviewers(path: Path = FIRST_LOOKS) -> dict[str, str]:
    """Each first-look reviewer's batch list (``first_looks.yml``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {str(who): str(entry["batch"]) for entry in data for who in entry["reviewers"]}


def first_looks(
    levels: dict[str, str] | None = None, now: dict[tuple[str, int, int, str], str] | None = None
) -> dict[str, Counter[str]]:
    """Verdicts per rule given on held-out batches before any rule changed for them.

    With the rules' ``levels`` and the findings' levels ``now`` (``snapshot_levels``),
    only the verdicts that still speak to the rule's level: a finding the rule now makes
    below its own level (a context that lowers it, such as a text about the words
    themselves) is set aside; one it no longer makes still counts, so a fix tuned on a
    batch does not erase that batch's evidence."""
    reviewers = first_look_reviewers()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for review in load_reviews().values():
        if review.reviewer not in reviewers:
            continue
        if levels is not None and now is not None:
            level = now.get((review.file, review.line, review.column, review.rule))
            if level is not None and level != levels.get(review.rule, level):
                continue
        by_rule[review.rule][review.verdict] += 1
    return by_rule


_SNAPSHOT_LINE = re.compile(r"^(?P<file>[^:\s]+\.md):(\d+):(\d+): (\w+) (\S+) ")


def snapshot_levels(path: Path = SNAPSHOT) -> dict[tuple[str, int, int, str], str]:
    """Each finding's level now, by file, line, column and rule (the reviewed snapshot)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SNAPSHOT_LINE.match(line)
        if m:
            out[(m["file"], int(m[2]), int(m[3]), m[5])] = m[4]
    return out


def level_floors(path: Path = LEVEL_FLOORS) -> dict[str, str]:
    """Rules that stay at a level whatever their first looks say (``level_floors.yml``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    floors = {}
    for entry in data:
        if entry.get("floor") not in LEVELS or not str(entry.get("why", "")).strip():
            raise ValueError(f"{path.name}: {entry.get('rule')}: give a floor in {LEVELS} and why")
        floors[str(entry["rule"])] = str(entry["floor"])
    return floors


def default_levels() -> dict[str, str]:
    """Each rule's level in the default profile (rules it leaves off are absent)."""
    from lint.config import Config, active_rules

    return {a.rule.meta.id: a.level.label for a in active_rules(Config(root=ROOT))}


def miscalibrated(
    levels: dict[str, str] | None = None, looks: dict[str, Counter[str]] | None = None
) -> list[str]:
    """Rules whose level is above what editors' first looks support (see the floors);
    ``levels`` and ``looks`` when the caller has them already."""
    levels = default_levels() if levels is None else levels
    looks = first_looks(levels, snapshot_levels()) if looks is None else looks
    floors = level_floors()
    out = []
    for rule, c in sorted(looks.items()):
        n, level = sum(c.values()), levels.get(rule)
        if n < CALIBRATION_MIN or level not in LEVELS:
            continue
        rate = c["accepted"] / n
        low = rate < CALIBRATION_FLOOR and floors.get(rule) != level
        if low or (level == "error" and rate < ERROR_FLOOR):
            out.append(f"{rule} ({level}): {c['accepted']} of {n} accepted")
    return out


def calibrate() -> str:
    """Per rule: its default level beside how editors judged it on copy it had not seen."""
    levels, looks = default_levels(), first_looks()
    out = [
        "| rule | default level | first-look findings | accepted | debatable | rejected "
        "| unreviewed | accepted % |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total: Counter[str] = Counter()
    for rule in sorted(looks, key=lambda r: (-sum(looks[r].values()), r)):
        total.update(looks[rule])
        row = _row(rule, looks[rule])
        out.append(row.replace(f"| {rule} |", f"| {rule} | {levels.get(rule, 'off')} |", 1))
    out.append(_row("**all**", total).replace("| **all** |", "| **all** | |", 1))
    low = miscalibrated(levels, first_looks(levels, snapshot_levels()))
    out += [
        "",
        f"Rules above what their first looks support (errors under {ERROR_FLOOR:.0%} "
        f"accepted, warnings and errors under {CALIBRATION_FLOOR:.0%}, over "
        f"{CALIBRATION_MIN} or more, counting the findings a rule still makes at its own "
        f"level or no longer makes): {len(low)}",
        *[f"- {r}" for r in low],
    ]
    return "\n".join(out)


def _substantive_errors(name: str) -> list[Any]:
    """The entries of a text's answer key that an editor graded ``error``."""
    data = front_matter((CORPUS / name).read_text(encoding="utf-8"))
    errors = data.get("editor_errors") or []
    return [e for e in errors if not isinstance(e, dict) or e.get("level", "error") == "error"]


def batch_names(listing: Path) -> set[str]:
    """The corpus file names a batch list (tests/precision/batch2.txt) holds."""
    lines = listing.read_text(encoding="utf-8").splitlines()
    return {n.strip() for n in lines if n.strip() and not n.lstrip().startswith("#")}


def _load_items(path: Path) -> tuple[list[Item], dict[str, int], list[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return (
        [Item(**i) for i in data["items"]],
        dict(data["status"]),
        list(data.get("not_counted", [])),
    )


def main(argv: list[str]) -> int:
    command, args = (argv[1], argv[2:]) if len(argv) > 1 else ("", [])
    if command == "export" and len(args) == 1:
        items, status, not_counted = collect()
        Path(args[0]).write_text(
            json.dumps(
                {"items": [asdict(i) for i in items], "status": status, "not_counted": not_counted},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        print(f"{len(items)} error/warning findings on {len(status)} texts -> {args[0]}")
        return 0
    if command == "batches" and len(args) == 3:
        items, _, _ = _load_items(Path(args[0]))
        for path in write_batches(items, Path(args[1]), int(args[2])):
            print(path)
        return 0
    if command == "merge" and args:
        reviews = load_reviews()
        for name in args:
            reviews.update(load_reviews(Path(name)))
        save_reviews(reviews.values())
        print(f"{len(reviews)} verdicts in {REVIEWS.relative_to(ROOT)}")
        return 0
    if command == "calibrate" and not args:
        print(calibrate())
        return 0
    if command == "tally" and args and len(args) % 2 == 1:
        items, status, not_counted = _load_items(Path(args[0]))
        for flag, listing in zip(args[1::2], args[2::2], strict=True):
            if flag not in ("--only", "--not"):
                break
            names, wanted = batch_names(Path(listing)), flag == "--only"
            items = [i for i in items if (i.file in names) == wanted]
            status = {n: s for n, s in status.items() if (n in names) == wanted}
            not_counted = [r for r in not_counted if (r.split(":")[0] in names) == wanted]
        else:
            print(tally(items, status, not_counted))
            return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
