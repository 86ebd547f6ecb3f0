"""Command line: argument parsing and exit codes only.

Exit status: 0 no finding at or above --fail-level; 1 findings; 2 usage, configuration
or input error (including any file that could not be read).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from lint import __version__
from lint.config import Config, active_rules, all_rules, resolve
from lint.errors import SglintError
from lint.finding import LEVEL_NAMES, Severity
from lint.report import REPORTERS
from lint.runner import FileResult, check_file, iter_files

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
VALE_OUTPUTS = {"line": "vale-line", "json": "vale-json", "cli": "text"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"sglint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


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

    rules = sub.add_parser("rules", parents=[common], help="list the rules and why they exist")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include rules that are off")
    return parser


def _split(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
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
        if args.output:
            args.format = VALE_OUTPUTS[args.output]
        if args.format not in REPORTERS:
            parser.error(f"unknown --format '{args.format}' (choose from {', '.join(REPORTERS)})")
        start = Path(args.paths[0]) if args.paths else Path.cwd()
        config = resolve(options, start)
        return _check(args, config)
    except SglintError as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _results(args: argparse.Namespace, config: Config) -> Iterator[FileResult]:
    if config.vale is not None:  # Vale compat: the .vale.ini decides files and rules
        from lint.vale.run import check_paths

        for notice in config.vale.notices:
            print(f"sglint: notice: {notice}", file=sys.stderr)
        yield from check_paths(args.paths, config.vale)
        return
    rules = active_rules(config)
    for path, explicit in iter_files(args.paths, config):
        yield check_file(path, rules, explicit=explicit)


def _check(args: argparse.Namespace, config: Config) -> int:
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    results: list[FileResult] = []
    failed = False
    for result in _results(args, config):
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
        results.append(result)
    sys.stdout.write(REPORTERS[args.format](results, color))
    if args.no_exit:
        return EXIT_OK
    if failed:
        return EXIT_ERROR
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= config.fail_level else EXIT_OK


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
