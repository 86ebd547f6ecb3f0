"""Command line: argument parsing and exit codes only.

Exit status: 0 no finding at or above --fail-level; 1 findings; 2 usage, configuration
or input error (including any file that could not be read).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lint import __version__
from lint.config import Config, active_rules, all_rules, resolve
from lint.errors import SglintError
from lint.finding import LEVEL_NAMES, Severity
from lint.project import open_project
from lint.report import REPORTERS, reporter, streamer
from lint.report.excerpt import in_paragraphs
from lint.report.text import fix_summary, terminal_width
from lint.report.text import render as render_text
from lint.runner import FileResult, check_many, default_jobs

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
VALE_OUTPUTS = {"line": "vale-line", "json": "vale-json", "cli": "text"}


class UsageError(Exception):
    """A command line that cannot be run."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sglint", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--version", action="version", version=f"sglint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="use this config file")
    common.add_argument("--profile", help="house style: govuk (default), news, practice")
    common.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help="only these rules or packs (repeat or comma-separate)",
    )
    common.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help="skip these rules or packs (repeat or comma-separate)",
    )

    check = sub.add_parser("check", parents=[common], help="lint files and folders")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", default="text", help=f"one of: {', '.join(REPORTERS)}")
    check.add_argument(
        "--fail-level",
        choices=LEVEL_NAMES,
        help="lowest level that fails the run (default: warning)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, also apply fixes that may change the meaning",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them "
        "(exit 1 if there would be changes)",
    )
    check.add_argument(
        "--show-why",
        action="store_true",
        help="text format: under each finding, why the rule exists and its source",
    )
    check.add_argument(
        "--sort-by",
        choices=("file", "level"),
        default="file",
        help="text format: by file and line (default), or errors first, then warnings, "
        "then suggestions",
    )
    check.add_argument(
        "--annotate",
        action="store_true",
        help="for each Word draft, write a copy (draft.sglint.docx) with a comment per finding",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="check files in N processes (default: one per core; 1 for a single file)",
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the config's exclude to files named on the command line too "
        "(for pre-commit and CI, which name every file)",
    )

    # Vale compatibility (lint/vale): Vale's flags, so scripts and tools built for Vale work.
    vale = check.add_argument_group("Vale compatibility")
    vale.add_argument(
        "--output",
        type=str.lower,
        choices=tuple(VALE_OUTPUTS),
        help="Vale's output names: line (= --format vale-line), json (= vale-json), cli (= text)",
    )
    vale.add_argument("--no-exit", action="store_true", help="exit 0 even with findings")
    for flag in ("--sort", "--normalize", "--relative", "--no-global"):
        vale.add_argument(
            flag, action="store_true", help="accepted for Vale; sglint always behaves this way"
        )

    stats = sub.add_parser("stats", help="readability figures per file")
    stats.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--config", metavar="FILE", help="use this config file (for exclude)")
    stats.add_argument(
        "--exclude-quotes", action="store_true", help="leave quoted speech out of the figures"
    )
    stats.add_argument(
        "--longest", type=int, default=3, metavar="N", help="list the N longest sentences (3)"
    )

    rule = sub.add_parser("rule", parents=[common], help="explain one rule: why, source, examples")
    rule.add_argument("rule_id", metavar="Pack.Rule")

    rules = sub.add_parser("rules", parents=[common], help="list the rules and why they exist")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include rules that are off")
    return parser


def _split(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if args.command == "stats":
        return _stats(args)
    options = {
        "config": args.config,
        "profile": args.profile,
        "select": _split(args.select),
        "ignore": _split(args.ignore),
        "fail_level": getattr(args, "fail_level", None),
    }
    try:
        if args.command == "rules":
            config = resolve(options, Path.cwd())
            return _list_rules(config, args.format, args.all)
        if args.command == "rule":
            return _explain_rule(resolve(options, Path.cwd()), args.rule_id)
        if args.output:
            args.format = VALE_OUTPUTS[args.output]
        if args.format not in REPORTERS:
            parser.error(f"unknown --format '{args.format}' (choose from {', '.join(REPORTERS)})")
        if args.format != "text" and (args.sort_by != "file" or args.show_why):
            parser.error("--sort-by and --show-why are for the text format")
        if args.annotate and (args.fix or args.diff):
            parser.error("--annotate writes a commented copy; it does not go with --fix or --diff")
        start = Path(args.paths[0]) if args.paths else Path.cwd()
        config = resolve(options, start)
        return _check(args, config)
    except (SglintError, UsageError) as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _results(args: argparse.Namespace, config: Config, diffs: list[str]) -> Iterator[FileResult]:
    """Lint (or fix) each file of the project; a fix's diff is appended to ``diffs``.
    sglint and Vale projects (a .vale.ini) go the same way: --fix, --diff and --jobs
    work for both."""
    project = open_project(config)
    for notice in project.notices:
        print(f"sglint: notice: {notice}", file=sys.stderr)
    files = list(project.files(args.paths, force_exclude=args.force_exclude))
    if args.fix or args.diff:
        from lint.fixfile import fix_file

        for path, _explicit in files:
            fixed = fix_file(
                path,
                project.rules_for(path),
                unsafe=args.unsafe_fixes,
                write=not args.diff,
                reading=project,
            )
            diffs.append(fixed.diff())
            yield fixed.result
        return
    yield from check_many(files, project, jobs=args.jobs or default_jobs())


def _check(args: argparse.Namespace, config: Config) -> int:
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    # Text and JSON stream: each file's findings are written as they arrive and only
    # counts are kept. Other formats need every result before they can write.
    # (--fix with another format keeps the results: its summary goes to stderr.)
    by_level = args.sort_by == "level"
    keep = args.diff or (args.fix and args.format != "text") or by_level
    text_options: dict[str, Any] = {}
    if args.format == "text":
        text_options = {"show_why": args.show_why, "width": terminal_width()}
    stream = None if keep else streamer(args.format, color, **text_options)
    results: list[FileResult] = []
    failed = False
    worst: Severity | None = None
    diffs: list[str] = []
    for result in _results(args, config, diffs):
        for notice in result.notices:
            print(f"sglint: notice: {notice}", file=sys.stderr)
        if result.error is not None:
            print(f"sglint: error: {result.error}", file=sys.stderr)
            failed = True
            continue
        for problem in result.problems:
            print(
                f"sglint: error: {problem.path}: {problem.rule}: {problem.message}", file=sys.stderr
            )
            failed = True
        if args.annotate:
            failed = _annotate(result) or failed
        levels = [f.severity for f in result.findings] + ([worst] if worst else [])
        worst = max(levels, default=None)
        if stream is not None:
            sys.stdout.write(stream.add(result))
            sys.stdout.flush()
        else:
            if not (by_level or in_paragraphs(result.path)):  # Word: paragraphs are excerpts
                result.lines = {}  # only the text format shows source lines; keep memory small
            results.append(result)
    if args.diff:  # as ruff: the diff alone on stdout; exit 1 when there would be changes
        sys.stdout.write("".join(diffs))
        print(f"sglint: {fix_summary(results, dry_run=True)}", file=sys.stderr)
        return EXIT_ERROR if failed else EXIT_FINDINGS if any(diffs) else EXIT_OK
    if stream is not None:
        sys.stdout.write(stream.summary())
    elif by_level:
        sys.stdout.write(render_text(results, color, by_level=True, **text_options))
    else:
        sys.stdout.write(reporter(args.format)(results, color))
    if args.fix and args.format != "text":
        print(f"sglint: {fix_summary(results)}", file=sys.stderr)
    if args.no_exit:
        return EXIT_OK
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if worst is not None and worst >= config.fail_level else EXIT_OK


def _annotate(result: FileResult) -> bool:
    """Write a Word draft's annotated copy; True if that failed."""
    from lint.annotate import annotate_result

    try:
        done = annotate_result(result)
    except SglintError as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return True
    if done is None:
        done = f"notice: {result.path}: not a Word document; --annotate writes .docx copies only"
    print(f"sglint: {done}", file=sys.stderr)
    return False


def _stats(args: argparse.Namespace) -> int:
    from lint.stats import collect, render

    if args.longest < 0:
        print("sglint: error: --longest must be 0 or more", file=sys.stderr)
        return EXIT_ERROR
    quotes = not args.exclude_quotes
    try:
        config = resolve({"config": args.config}, Path(args.paths[0]))
        stats, errors = collect(args.paths, config, quotes=quotes, longest=args.longest)
    except SglintError as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for error in errors:
        print(f"sglint: error: {error}", file=sys.stderr)
    sys.stdout.write(render(stats, args.format, quotes=quotes))
    return EXIT_ERROR if errors else EXIT_OK


def _explain_rule(config: Config, rule_id: str) -> int:
    """``sglint rule Pack.Rule``: what the rule checks, why, its source and examples."""
    from lint.suggest import did_you_mean

    rules = {rule.meta.id: rule for rule in all_rules(config)}
    if rule_id not in rules:
        hint = did_you_mean(rule_id, rules) or "; `sglint rules --all` lists them"
        print(f"sglint: error: no rule {rule_id!r}{hint}", file=sys.stderr)
        return EXIT_ERROR
    meta = rules[rule_id].meta
    level = next((a.level for a in active_rules(config) if a.rule.meta.id == rule_id), None)
    print(f"{meta.id}  [{meta.kind}, {level.label if level else 'off'} ({config.profile} profile)]")
    for label, value in (
        ("what", meta.description),
        ("why", meta.why),
        ("source", meta.source),
        ("see", meta.link),
    ):
        if value:
            print(f"  {label}: {value}")
    for label, examples in (("flags", meta.bad), ("allows", meta.good)):
        for example in examples[:3]:
            print(f"  {label}: {example.text.strip()}")
            if example.fix is not None:
                print(f"     fix: {example.fix.strip()}")
    return EXIT_OK


def _list_rules(config: Config, fmt: str, include_off: bool) -> int:
    import json

    active = {a.rule.meta.id: a.level for a in active_rules(config)}
    rows = []
    for rule in all_rules(config):
        meta = rule.meta
        level = active.get(meta.id)
        if level is None and not include_off:
            continue
        rows.append(
            {
                "id": meta.id,
                "kind": meta.kind,
                "level": level.label if isinstance(level, Severity) else "off",
                "why": meta.why or meta.description,
                "source": meta.source,
                "link": meta.link,
            }
        )
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        print(f"{row['id']}  [{row['kind']}, {row['level']}]")
        if row["why"]:
            print(f"    why: {row['why']}")
        if row["source"]:
            print(f"    source: {row['source']}")
    print(f"{len(rows)} rules ({config.profile} profile).")
    return EXIT_OK
