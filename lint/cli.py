"""Command line: argument parsing and exit codes only.

Exit status: 0 no finding at or above --fail-level; 1 findings; 2 usage, configuration
or input error (including any file that could not be read); 3 an internal error (a bug
in sglint: one line names the file; ``--debug`` adds the traceback); 141 the reader of
standard output went away (`sglint check . | head -1`).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lint import __version__, boundary
from lint.config import Config, active_rules, all_rules, resolve
from lint.configfiles import discover
from lint.errors import Crash, SglintError, excerpt
from lint.finding import LEVEL_MEANINGS, LEVEL_NAMES, Severity
from lint.ledger import LEDGER_NAME, Ledgers
from lint.project import NearestConfig
from lint.report import REPORTERS, reporter, streamer
from lint.report.escape import printable
from lint.report.excerpt import in_paragraphs
from lint.report.progress import Progress
from lint.report.text import terminal_width
from lint.runner import FileResult, check_cached, check_file, check_many, default_jobs
from lint.timing import Timings, keeping

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
REPORT_HINT = "this is a bug in sglint; please report it with the file that caused it"
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `cmd | head -1`
VALE_OUTPUTS = {"line": "vale-line", "json": "vale-json", "cli": "text"}


class UsageError(Exception):
    """A command line that cannot be run."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(message)


DESCRIPTION = """\
sglint checks press releases and other copy about child sexual abuse and exploitation
against the language guidance of UK authorities: victim-blaming terms, mistranslations,
names and titles, quotes and house style."""

EXAMPLES = {
    None: """\
examples:
  sglint check drafts/                 lint every draft in a folder
  sglint check --fix release.md        apply the safe fixes
  sglint rules --all                   every rule, with why it exists
  sglint stats release.md              readability figures
  sglint COMMAND --help                the options of one command

exit status: 0 nothing at or above the fail level, 1 findings, 2 a usage,
configuration or input error.""",
    "check": """\
examples:
  sglint check .                              lint the folder (.gitignore respected)
  sglint check release.md --fix               apply the safe fixes
  sglint check release.md --diff              show the fixes without writing them
  sglint check . --select Safeguarding        only one pack
  sglint check . --statistics                 how many findings each rule made
  sglint check . --format sarif -o out.sarif  a report for GitHub code scanning
  cat draft.md | sglint check - --stdin-filename press/draft.md

Each file uses the .sglint.yaml (or pyproject.toml [tool.sglint], .vale.ini) nearest
above it; --config FILE overrides them all.
exit status: 0 nothing at or above the fail level, 1 findings, 2 a usage,
configuration or input error.""",
    "stats": """\
examples:
  sglint stats release.md                     figures and the longest sentences
  sglint stats drafts/ --exclude-quotes       without what people are quoted saying
  sglint stats drafts/ --format json""",
    "baseline": """\
examples:
  sglint baseline                             accept what is there now, then
  sglint check .                              report only new findings
  sglint check . --review                     decide finding by finding
  sglint stats --acceptance                   which rules' findings lead to changes""",
    "rules": """\
examples:
  sglint rules                                the rules that run, with why and source
  sglint rules --all --format json            every rule, including those that are off
  sglint rules --profile news                 what the news profile runs""",
}


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sglint",
        description=DESCRIPTION,
        epilog=EXAMPLES[None],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sglint {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="on an internal error, print the traceback"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="use this config file")
    common.add_argument("--profile", help="house style: standard (default), govuk, news, practice")
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

    check = _command(sub, "check", "lint files and folders", "(- reads standard input)", common)
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", default="text", help=f"one of: {', '.join(REPORTERS)}")
    check.add_argument(
        "--fail-level",
        choices=LEVEL_NAMES,
        help="lowest level that fails the run (default: error)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set; "
        "FORCE_COLOR turns it on anywhere)",
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print the findings and errors only: no summary line, no notices",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule made instead of the findings "
        "(text or --format json)",
    )
    check.add_argument(
        "--timing",
        action="store_true",
        help="print the CPU time each rule, document fact and stage took instead of the "
        "findings, costliest first (text or --format json; every file checked afresh)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="with - as the path: the name standard input stands for (its format, its "
        "nearest config, --force-exclude, and the name in the report)",
    )
    check.add_argument(
        "--output-file",
        "-o",
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
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
        "--review",
        action="store_true",
        help="walk the findings one by one: keep the words as written (the finding is "
        "recorded in .sglint-reviewed.json and not shown again), or mark it changed",
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
        "--no-cache",
        action="store_true",
        help="check every file afresh and keep no results (see the cache folder in README)",
    )
    check.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="also lint files that .gitignore and .ignore files leave out of a folder walk",
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

    stats = _command(sub, "stats", "readability figures per file", "(grade, sentence lengths)")
    stats.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--config", metavar="FILE", help="use this config file (for exclude)")
    stats.add_argument(
        "--exclude-quotes", action="store_true", help="leave quoted speech out of the figures"
    )
    stats.add_argument(
        "--longest", type=int, default=3, metavar="N", help="list the N longest sentences (3)"
    )

    stats.add_argument(
        "--acceptance",
        action="store_true",
        help="per rule, how often reviewed findings were kept as written or changed "
        "(from .sglint-reviewed.json)",
    )

    baseline = _command(
        sub,
        "baseline",
        "accept every current finding as written",
        "(recorded in .sglint-reviewed.json beside the configuration; sglint check then "
        "reports only new findings)",
        common,
    )
    baseline.add_argument("paths", nargs="*", default=["."], metavar="PATH")

    init = sub.add_parser(
        "init", help="write a commented .sglint.yaml for your kind of publisher (never overwrites)"
    )
    init.add_argument(
        "--profile",
        default="standard",
        help="standard (default), govuk, police, charity, news or practice",
    )
    init.add_argument("folder", nargs="?", default=".", metavar="FOLDER")

    rule = sub.add_parser("rule", parents=[common], help="explain one rule: why, source, examples")
    rule.add_argument("rule_id", metavar="Pack.Rule")

    rules = _command(sub, "rules", "list the rules and why they exist", "(level, source)", common)
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include rules that are off")

    registers = sub.add_parser(
        "registers", parents=[common], help="list the registers, their size and their dates"
    )
    registers.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser(
        "server",
        help="a language server for editors (LSP on standard input and output; needs sglint[lsp])",
        description="Run the language server: diagnostics as you type, quick fixes for "
        "safe fixes. Start it from your editor (see the README's Editors section).",
    )
    return parser


def _command(
    sub: argparse._SubParsersAction[_Parser],
    name: str,
    summary: str,
    more: str,
    *parents: _Parser,
) -> argparse.ArgumentParser:
    """A subcommand whose --help opens with what it does and ends with examples."""
    return sub.add_parser(
        name,
        parents=list(parents),
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]} {more}.",
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _split(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def _quiet_on_closed_pipe(run: Callable[..., int]) -> Callable[..., int]:
    """``sglint check . | head -1``: when the reader of standard output goes away, stop
    quietly (no traceback, as grep and ruff do) with the shell's status for SIGPIPE."""

    @functools.wraps(run)
    def wrapper(*args: object, **kwargs: object) -> int:
        try:
            return run(*args, **kwargs)
        except BrokenPipeError:
            # Python would report the failed flush of stdout at exit: point it at devnull.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_CLOSED_PIPE

    return wrapper


def _color(choice: str) -> bool:
    """--color; with auto, NO_COLOR (no-color.org) then FORCE_COLOR, then a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _to_file(name: str, run: Callable[[], int]) -> int:
    """Run with standard output written to the file ``name`` (--output-file)."""
    import contextlib

    try:
        out = open(name, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"--output-file: cannot write {name}: {exc.strerror or exc}") from None
    with out, contextlib.redirect_stdout(out):
        return run()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        return _main(argv)
    except Crash as exc:
        _say(f"sglint: internal error: {exc} ({REPORT_HINT})")
        if debug:
            print(exc.trace, file=sys.stderr, end="")
        return EXIT_CRASH
    except Exception as exc:
        detail = excerpt(f"{type(exc).__name__}: {exc}", 300)
        _say(f"sglint: internal error: {detail} ({REPORT_HINT})")
        if debug:
            import traceback

            traceback.print_exc()
        return EXIT_CRASH


@_quiet_on_closed_pipe  # inside main: a closed pipe is not a crash
def _main(argv: list[str]) -> int:
    parser = _parser()
    if "--debug" in argv:  # accepted anywhere on the line, before or after the command
        argv = [a for a in argv if a != "--debug"]
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        _say(f"sglint: error: {exc}")
        return EXIT_ERROR
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if args.command == "stats":
        return _acceptance(args) if args.acceptance else _stats(args)
    if args.command == "init":
        return _init(args)
    if args.command == "server":
        return _server()
    options = {
        "config": args.config,
        "profile": args.profile,
        "select": _split(args.select),
        "ignore": _split(args.ignore),
        "fail_level": getattr(args, "fail_level", None),
    }
    try:
        if args.command == "rules":
            _set_project(options["config"], Path.cwd())
            config = resolve(options, Path.cwd())
            return _list_rules(config, args.format, args.all)
        if args.command == "registers":
            return _list_registers(resolve(options, Path.cwd()), args.format)
        if args.command == "rule":
            return _explain_rule(resolve(options, Path.cwd()), args.rule_id)
        if args.command == "baseline":
            return _baseline(args.paths, options)
        if args.output:
            args.format = VALE_OUTPUTS[args.output]
        if args.format not in REPORTERS:
            parser.error(f"unknown --format '{args.format}' (choose from {', '.join(REPORTERS)})")
        if "-" in args.paths and (len(args.paths) > 1 or args.fix or args.diff):
            parser.error("- (standard input) must be the only path, without --fix or --diff")
        if args.statistics and args.format not in ("text", "json"):
            parser.error("--statistics prints text or json")
        if args.timing and (args.format not in ("text", "json") or args.statistics):
            parser.error("--timing prints text or json, without --statistics")
        if args.format != "text" and (args.sort_by != "file" or args.show_why):
            parser.error("--sort-by and --show-why are for the text format")
        if args.annotate and (args.fix or args.diff):
            parser.error("--annotate writes a commented copy; it does not go with --fix or --diff")
        start = Path(args.paths[0]) if args.paths else Path.cwd()
        _set_project(options["config"], start)
        project = NearestConfig(options, respect_gitignore=args.respect_gitignore)
        if args.review:
            if args.fix or args.diff or args.paths == ["-"] or args.format != "text":
                parser.error("--review is for the text format, without --fix, --diff or -")
            return _review(args, project)
        if args.output_file:
            return _to_file(args.output_file, lambda: _check(args, project))
        return _check(args, project)
    except (SglintError, UsageError) as exc:
        _say(f"sglint: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _say(line: str) -> None:
    """One line to stderr, its control characters shown escaped: a path or message from
    a pull request cannot start a workflow command or drive the terminal."""
    print(printable(line), file=sys.stderr)


def _set_project(config: str | None, start: Path) -> None:
    """The project boundary (lint.boundary), fixed before any config or rule is read."""
    found = config or discover(start)
    boundary.set_project(str(found) if found else None, start)


def _print_boundary_notices() -> None:
    for notice in boundary.drain_notices():
        _say(f"sglint: notice: {notice}")


def _results(
    args: argparse.Namespace, project: NearestConfig, diffs: list[str], progress: Progress
) -> Iterator[FileResult]:
    """Lint (or fix) each file with its nearest configuration's project; a fix's diff is
    appended to ``diffs``. sglint and Vale projects (a .vale.ini) go the same way: --fix,
    --diff and --jobs work for both."""
    if args.paths == ["-"]:  # standard input, named by --stdin-filename
        name = args.stdin_filename or "<stdin>"
        if any(project.files([name], force_exclude=args.force_exclude)):
            yield check_file(name, project, data=sys.stdin.buffer.read())
        return
    files = list(project.files(args.paths, force_exclude=args.force_exclude))
    progress.start(len(files))
    for notice in () if args.quiet else project.notices:
        _say(f"sglint: notice: {notice}")
    if args.fix or args.diff:
        from lint.fixfile import fix_file

        ledgers = Ledgers()
        for path, _explicit in files:
            ledger = ledgers.for_folder(project.config_for(path).root)
            fixed = fix_file(
                path,
                project.rules_for(path),
                unsafe=args.unsafe_fixes,
                write=not args.diff,
                reading=project,
                keep=ledger.kept if ledger.entries else None,
            )
            diffs.append(fixed.diff())
            yield fixed.result
        return
    jobs = args.jobs or default_jobs()
    # the text report's "N fixable" line (--timing reports no findings, so no count)
    count_fixes = args.format == "text" and not args.timing
    if not files:  # nothing to check, but a bad configuration is still an error
        project.rules_for(args.paths[0] if args.paths else ".")
    if args.no_cache or args.timing:  # --timing: the time of a check, not of a cache hit
        yield from check_many(files, project, jobs=jobs, count_fixes=count_fixes)
    else:
        yield from check_cached(
            files, project, project.cache_for, jobs=jobs, count_fixes=count_fixes
        )


def _check(args: argparse.Namespace, project: NearestConfig) -> int:
    color = _color(args.color)
    # Text and JSON stream: each file's findings are written as they arrive and only
    # counts are kept. Other formats need every result before they can write.
    # (--fix with another format keeps the results: its summary goes to stderr.)
    by_level = args.sort_by == "level"
    keep = (
        args.diff
        or args.statistics
        or args.timing
        or (args.fix and args.format != "text")
        or by_level
    )
    text_options: dict[str, Any] = {}
    if args.format == "text":
        text_options = {"show_why": args.show_why, "width": terminal_width()}
    stream = None if keep else streamer(args.format, color, **text_options)
    results: list[FileResult] = []
    failed = False
    failing = False  # a finding at or above its file's configuration's fail level
    diffs: list[str] = []
    progress = Progress(sys.stderr, enabled=not args.quiet)
    ledgers = Ledgers()
    kept = 0
    timings = Timings() if args.timing else None
    for result in _timed(_results(args, project, diffs, progress), timings):
        kept += _drop_kept(result, ledgers, project)
        if result.notices or result.error or result.problems:
            progress.clear()
        _print_boundary_notices()
        for notice in () if args.quiet else result.notices:
            _say(f"sglint: notice: {notice}")
        if result.error is not None:
            _say(f"sglint: error: {result.error}")
            failed = True
            progress.step()
            continue
        for problem in result.problems:
            _say(f"sglint: error: {problem.path}: {problem.rule}: {problem.message}")
            failed = True
        fail_level = project.config_for(result.path).fail_level
        failing = failing or any(f.severity >= fail_level for f in result.findings)
        if args.annotate:
            failed = _annotate(result) or failed
        if stream is not None:
            out = stream.add(result)
            if out:
                progress.clear()
            sys.stdout.write(out)
            sys.stdout.flush()
        else:
            if not (by_level or in_paragraphs(result.path)):  # Word: paragraphs are excerpts
                result.lines = {}  # only the text format shows source lines; keep memory small
            results.append(result)
        progress.step()
    progress.clear()
    if args.diff or args.fix:
        from lint.report.text import fix_summary
    _print_boundary_notices()
    if kept and not args.quiet:
        _say(f"sglint: notice: {kept} finding(s) kept as written in {LEDGER_NAME} not shown")
    if args.diff:  # as ruff: the diff alone on stdout; exit 1 when there would be changes
        sys.stdout.write("".join(diffs))
        _say(f"sglint: {fix_summary(results, dry_run=True)}")
        return EXIT_ERROR if failed else EXIT_FINDINGS if any(diffs) else EXIT_OK
    if args.statistics:
        from lint.report.statistics import render

        sys.stdout.write(render(results, args.format))
    elif timings is not None:
        from lint.report.timing import render as render_timing

        sys.stdout.write(render_timing(timings, len(results), args.format))
    elif stream is not None:
        summary = stream.summary()
        sys.stdout.write("" if args.quiet and args.format == "text" else summary)
    elif by_level:
        from lint.report.text import render as render_text

        sys.stdout.write(render_text(results, color, by_level=True, **text_options))
    else:
        sys.stdout.write(reporter(args.format)(results, color))
    if args.fix and args.format != "text":
        _say(f"sglint: {fix_summary(results)}")
    if args.no_exit:
        return EXIT_OK
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _timed(results: Iterator[FileResult], timings: Timings | None) -> Iterator[FileResult]:
    """``results``, checked with ``timings`` kept (``--timing``; None: none kept), each
    file's times (measured where it was checked, in this process or a worker) added up."""
    with keeping(timings):
        for result in results:
            if timings is not None and result.timings:
                timings.add(result.timings)
            yield result


def _drop_kept(result: FileResult, ledgers: Ledgers, project: NearestConfig) -> int:
    """Leave out of a result the findings its ledger keeps as written; how many."""
    if not result.findings:
        return 0
    from lint.ledger import unreviewed

    ledger = ledgers.for_folder(project.config_for(result.path).root)
    shown = unreviewed(ledger, result.findings, result.lines)
    dropped = len(result.findings) - len(shown)
    if dropped:
        result.findings = shown
        result.fixable = None  # the report counts the shown findings' fixes instead
    return dropped


def _baseline(paths: Sequence[str], options: dict[str, Any]) -> int:
    """``sglint baseline``: every current finding recorded as kept as written."""
    from lint.ledger import BASELINE, KEPT, today

    _set_project(options["config"], Path(paths[0]) if paths else Path.cwd())
    project = NearestConfig(options)
    ledgers, added, failed = Ledgers(), 0, False
    files = list(project.files(paths))
    for result in check_cached(files, project, project.cache_for, jobs=default_jobs()):
        if result.error is not None:
            _say(f"sglint: error: {result.error}")
            failed = True
            continue
        ledger = ledgers.for_folder(project.config_for(result.path).root)
        for f in result.findings:
            if not ledger.kept(f, result.lines.get(f.line)):
                ledger.record(f, result.lines.get(f.line), KEPT, BASELINE, today())
                added += 1
    for ledger in ledgers:
        ledger.save()
        print(f"sglint: {ledger.path}: {len(ledger.entries)} findings kept as written")
    print(f"{added} new finding(s) recorded; sglint check now reports only new ones.")
    return EXIT_ERROR if failed else EXIT_OK


REVIEW_PROMPT = "[k]eep as written, [c]hanged, [s]kip, [q]uit? "


def _review(args: argparse.Namespace, project: NearestConfig) -> int:
    """``sglint check --review``: each finding not yet decided, one at a time; the
    editor keeps the words (recorded, not shown again), marks them changed (counted by
    ``stats --acceptance``), skips, or quits. Answers are read line by line from
    standard input, so a script can answer too."""
    from lint.ledger import CHANGED, KEPT, REVIEW, today
    from lint.report.text import render_finding

    ledgers = Ledgers()
    answers = {"k": KEPT, "c": CHANGED}
    decided = left = 0
    failing = quit_ = False
    progress = Progress(sys.stderr, enabled=False)
    for result in _results(args, project, [], progress):
        if result.error is not None:
            _say(f"sglint: error: {result.error}")
            continue
        ledger = ledgers.for_folder(project.config_for(result.path).root)
        fail_level = project.config_for(result.path).fail_level
        for f in sorted(result.findings, key=lambda f: f.sort_key):
            line = result.lines.get(f.line)
            if ledger.kept(f, line):
                continue
            answer = "s" if quit_ else _ask(render_finding(f, line, _color(args.color)))
            if answer == "q":
                quit_, answer = True, "s"
            if answer in answers:
                ledger.record(f, line, answers[answer], REVIEW, today())
                decided += 1
            if answer != "k":
                left += 1
                failing = failing or f.severity >= fail_level
        if quit_:
            break
    for ledger in ledgers:
        if ledger.entries:
            ledger.save()
    print(f"{decided} finding(s) decided, {left} still in the copy.")
    return EXIT_FINDINGS if failing else EXIT_OK


def _ask(shown: str) -> str:
    """Show a finding and read an answer (k, c, s or q); the end of input quits."""
    print(shown)
    while True:
        print(REVIEW_PROMPT, end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            print()
            return "q"
        answer = line.strip().lower()[:1]
        if answer in ("k", "c", "s", "q"):
            return answer


def _acceptance(args: argparse.Namespace) -> int:
    """``sglint stats --acceptance``: per rule, findings kept and changed in review."""
    from lint.configfiles import discover as find_config
    from lint.ledger import acceptance, load

    start = Path(args.paths[0]) if args.paths else Path.cwd()
    found = Path(args.config) if args.config else find_config(start)
    folder = found.parent if found else (start if start.is_dir() else start.parent)
    try:
        ledger = load(folder / LEDGER_NAME)
    except SglintError as exc:
        _say(f"sglint: error: {exc}")
        return EXIT_ERROR
    rows = acceptance(ledger.entries.values())
    summary = f"{len(rows)} rules with reviewed findings in {ledger.path}."
    return _listing(rows, args.format, _acceptance_lines, summary)


def _acceptance_lines(row: dict[str, Any]) -> Iterator[str]:
    share = row["changed_share"]
    rate = "" if share is None else f"; {share:.0%} of reviewed findings led to a change"
    yield (
        f"{row['rule']}  kept {row['kept']}, changed {row['changed']}, "
        f"baseline {row['baseline']}{rate}"
    )


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
        _say("sglint: error: --longest must be 0 or more")
        return EXIT_ERROR
    quotes = not args.exclude_quotes
    try:
        _set_project(args.config, Path(args.paths[0]))
        config = resolve({"config": args.config}, Path(args.paths[0]))
        stats, errors = collect(args.paths, config, quotes=quotes, longest=args.longest)
    except SglintError as exc:
        _say(f"sglint: error: {exc}")
        return EXIT_ERROR
    for error in errors:
        _say(f"sglint: error: {error}")
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


def _server() -> int:
    """``sglint server``: pygls is imported only here, and only if it is installed."""
    try:
        from lint.server import serve
    except ImportError as exc:
        _say(
            f"sglint: error: the language server needs {exc.name or 'pygls'}: "
            "pip install 'sglint[lsp]'"
        )
        return EXIT_ERROR
    return serve()


def _init(args: argparse.Namespace) -> int:
    from lint.initconfig import write_config

    try:
        written = write_config(Path(args.folder), args.profile)
    except SglintError as exc:
        print(f"sglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"wrote {written} for {args.profile} copy; edit it, then run: sglint check")
    return EXIT_OK


def _list_rules(config: Config, fmt: str, include_off: bool) -> int:
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
                "level_reason": meta.level_reason,
                "genres": dict(meta.genres),
                "source": meta.source,
                "link": meta.link,
            }
        )
    header = [
        "Levels:",
        *(f"  {name}: {LEVEL_MEANINGS[name]}." for name in reversed(LEVEL_NAMES)),
        f"A run fails on findings at {config.fail_level.label} or above (fail-level).",
        "",
    ]
    summary = f"{len(rows)} rules ({config.profile} profile)."
    return _listing(rows, fmt, _rule_lines, summary, header)


def _rule_lines(row: dict[str, Any]) -> Iterator[str]:
    yield f"{row['id']}  [{row['kind']}, {row['level']}]"
    if row["why"]:
        yield f"    why: {row['why']}"
    if row["level_reason"]:
        yield f"    level: {row['level_reason']}"
    if row["genres"]:
        by = ", ".join(f"{g} {v}" for g, v in sorted(row["genres"].items()))
        yield f"    by genre (lint/genre.py): at most {by}"
    if row["source"]:
        yield f"    source: {row['source']}"


def _listing(
    rows: list[dict[str, Any]],
    fmt: str,
    lines: Callable[[dict[str, Any]], Iterable[str]],
    summary: str,
    header: Sequence[str] = (),
) -> int:
    """Rows as JSON, or as a header, text lines per row and a summary."""
    import json

    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in header:
        print(line)
    for row in rows:
        for line in lines(row):
            print(printable(line))
    print(summary)
    return EXIT_OK


def _list_registers(config: Config, fmt: str) -> int:
    """Every register file beside the rules in use ("_*.yml" with a list of entries):
    how many entries, the file's as-of date and the range of its "checked" dates."""
    from lint.registers import describe

    folders = sorted({Path(r.meta.path).resolve().parent for r in all_rules(config)})
    infos = [
        info
        for folder in folders
        for path in sorted(folder.glob("_*.yml"))
        if (info := describe(path)) is not None
    ]
    rows = [
        {
            "path": _shown(info.path),
            "kind": info.kind,
            "entries": info.entries,
            "as_of": info.as_of.isoformat() if info.as_of else None,
            "checked_from": info.checked[0].isoformat() if info.checked else None,
            "checked_to": info.checked[1].isoformat() if info.checked else None,
            "unchecked": info.unchecked,
            "with_doubts": info.notes,
        }
        for info in infos
    ]
    return _listing(rows, fmt, _register_lines, f"{len(rows)} registers.")


def _register_lines(row: dict[str, Any]) -> Iterator[str]:
    yield f"{row['path']}  [{row['kind']}, {row['entries']} entries]"
    if row["as_of"]:
        yield f"    as of: {row['as_of']}"
    if row["checked_from"]:
        span = row["checked_from"]
        if row["checked_to"] != span:
            span = f"{span} to {row['checked_to']}"
        yield f"    checked: {span}; {row['unchecked']} entries never checked"
    if row["with_doubts"]:
        yield f"    {row['with_doubts']} entries carry a note or an approximate date"


def _shown(path: Path) -> str:
    """A path relative to the working folder when it lies inside it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
