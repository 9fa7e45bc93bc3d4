"""``reslint check``: lint (and fix) files, folders or standard input."""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from reslint.cache import Cache, dump_diagnostic, load_diagnostic, resolve_cache_dir, run_cached
from reslint.cli_options import add_rule_options, selectors
from reslint.config import Config, discover_config, read_config_file
from reslint.diagnostics import Applicability, Diagnostic
from reslint.errors import FixError, InputError, ReslintError
from reslint.files import (
    TEXT_SUFFIXES,
    SourceFile,
    decode,
    discover,
    is_excluded,
    read_source,
    write_source,
)
from reslint.formats import FORMATS
from reslint.formats.json_formats import indented_json
from reslint.linter import RULE_FAILURE_CODE, Linter
from reslint.plugins import load_registry
from reslint.profiling import write_profile
from reslint.progress import progress
from reslint.report_model import FileReport
from reslint.selection import validate_selectors

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
PARALLEL_MIN_FILES = 8
EXIT_CODES = """exit codes:
  0  no diagnostics remain (or --exit-zero, or --fix-only without --exit-non-zero-on-fix)
  1  diagnostics remain; with --diff, there is something to fix; with
     --exit-non-zero-on-fix, a file was fixed
  2  usage, configuration, plugin or input/output error (the message names the file)"""
JSON_FORMATS = ("json", "json-lines", "sarif", "structured")


def add_check_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="lint files (and fix them with --fix)",
        description="Lint text documents (and fix them with --fix).",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", type=str, help="files or folders, or - for stdin (default: .)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument(
        "--fix-only",
        action="store_true",
        help="apply safe fixes and report nothing that remains (exit 0 unless --exit-non-zero-on-fix)",
    )
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument("--show-fixes", action="store_true", help="list the fixes applied")
    p.add_argument("--statistics", action="store_true", help="print counts per rule instead of diagnostics")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even if diagnostics remain")
    p.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 if any file was fixed")
    add_rule_options(p, lang_help="document language (fr, en, es, ru, ar, zh; default: detect)")
    p.add_argument(
        "--output-format",
        choices=(*FORMATS, "structured"),
        default="full",
        help="full (default): each diagnostic with its line; concise: one a line; json, json-lines, "
        "sarif: for tools; github: workflow annotations; structured: body, footnotes, furniture",
    )
    p.add_argument("--stdin-filename", help="name of the text read from stdin (for config and output)")
    p.add_argument(
        "--output-file", "-o", type=Path, metavar="FILE", help="write the report to FILE, not standard output"
    )
    p.add_argument(
        "--force-exclude", action="store_true", help="apply excludes to files named explicitly too"
    )
    p.add_argument("--jobs", "-j", type=jobs, default=0, help="parallel processes (default: all cores)")
    p.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no summary")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument(
        "--cache-dir", type=Path, help="cache folder (default: $RESLINT_CACHE_DIR, setting, .reslint_cache)"
    )
    p.add_argument(
        "--profile", action="store_true", help="print the time spent per rule (one process, no cache)"
    )
    p.add_argument("--baseline", type=Path, metavar="FILE", help="report only diagnostics not in FILE")
    p.add_argument("--no-baseline", action="store_true", help="ignore the `baseline` setting")
    p.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the diagnostics in FILE (prunes stale)"
    )
    p.set_defaults(func=run_check)


def jobs(value: str) -> int:
    """``--jobs``: a count of processes, 0 for all cores."""
    count = int(value)
    if count < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all cores) or more, not {count}")
    return count


@dataclass(frozen=True)
class Options:
    """The parts of the command line every worker needs (picklable)."""

    fix: bool
    unsafe: bool
    diff: bool
    structured: bool
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    lang: str | None
    encoding: str | None
    config_file: Path | None
    profile: bool = False

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


_linters: dict[tuple[Path | None, Options], tuple[Linter, Config]] = {}
_configs: dict[Path, Config] = {}


def _config_for(folder: Path, opts: Options) -> Config:
    """The config governing ``folder`` (the --config file if given), read once per folder per run."""
    if opts.config_file:
        folder = opts.config_file
    if folder not in _configs:
        _configs[folder] = read_config_file(folder) if opts.config_file else discover_config(folder)
    return _configs[folder]


def linter_for(path: Path | None, opts: Options) -> tuple[Linter, Config]:
    """The linter of the config that governs ``path`` (cached per config file)."""
    config = _config_for(path or Path.cwd(), opts)
    key = (config.source, opts)
    if key not in _linters:
        _validate_options(opts, config)
        config = config.with_overrides(encoding=opts.encoding)
        linter = Linter(
            config, select=opts.select, extend_select=opts.extend_select, ignore=opts.ignore, lang=opts.lang
        )
        if opts.profile:
            linter.timings = {}
        _linters[key] = (linter, config)
    return _linters[key]


def _validate_options(opts: Options, config: Config) -> None:
    """An unknown selector given on the command line is named with its option (the linter,
    which sees them merged into the settings, would blame the config file)."""
    registry = load_registry(config.plugins)
    given = (("--select", opts.select), ("--extend-select", opts.extend_select), ("--ignore", opts.ignore))
    for option, values in given:
        validate_selectors(values or (), registry, option)


def process_text(text: str, display: str, opts: Options, linter: Linter) -> tuple[FileReport, str]:
    """Lint or fix one text; returns the report and the (possibly fixed) text."""
    report = FileReport(display, text)
    if opts.fixing:
        result = linter.fix(text, unsafe=opts.unsafe, path=display)
        report.applied, report.diagnostics, fixed = result.applied, result.remaining, result.text
        report.text = fixed
    else:
        report.diagnostics, fixed = linter.lint(text, path=display), text
    if opts.structured:
        report.structure = linter.structure(text, path=display)
    return report, fixed


def process_file(path: Path, opts: Options) -> tuple[FileReport, bytes | None]:
    """Check one file; with --fix write it back. Returns the report and a diff (for --diff)."""
    display = str(path)
    try:
        linter, config = linter_for(path.parent, opts)
        source = read_source(path, config.encoding)
        report, fixed = process_text(source.text, display, opts, linter)
        diff = None
        if opts.diff and fixed != source.text:
            diff = unified_diff(source, fixed, display)
        elif opts.fix and fixed != source.text:
            write_source(source, fixed)
        return report, diff
    except FixError as exc:
        return FileReport(display, error=f"{display}: {exc}; file left unchanged"), None
    except InputError as exc:
        return FileReport(display, error=str(exc)), None
    except ReslintError as exc:
        return FileReport(display, error=f"{display}: {exc}"), None


def unified_diff(source: SourceFile, after: str, name: str) -> bytes:
    """A diff that ``patch`` and ``git apply`` accept: in the file's own bytes (its encoding,
    its BOM on the first line), lines cut at ``\\n`` only (a form feed or U+2028 inside a line
    stays in it), and a last line without one marked as such. A UTF-16/32 file's diff is UTF-8:
    no tool patches those, and text between ASCII headers would be unreadable.

    Raises :class:`InputError` when the file's encoding cannot hold the fixed text."""
    import difflib  # only --diff needs it

    wide = source.encoding.startswith(("utf-16", "utf-32"))
    encoding = "utf-8" if wide else source.encoding
    bom = "\ufeff" if source.bom and not wide else ""
    diff = difflib.unified_diff(_patch_lines(bom + source.text), _patch_lines(bom + after), n=3)
    marked = (line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff)
    header = b"--- a/%s\n+++ b/%s\n" % (os.fsencode(name), os.fsencode(name))
    try:
        return header + "".join(marked).split("\n", 2)[2].encode(encoding)
    except UnicodeEncodeError as exc:
        raise InputError(f"{name}: {encoding} cannot encode the fixed text ({exc.reason})") from exc


def _patch_lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n`` (``str.splitlines`` also cuts at ``\\f``, ``\\x1c``, U+2028...)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _run_files(paths: list[Path], opts: Options, jobs: int) -> Iterator[tuple[FileReport, bytes | None]]:
    main_thread = threading.current_thread() is threading.main_thread()
    # SIGTERM stops the run like Ctrl-C: a write in progress is rolled back (files hold their
    # old or new text) and the worker processes are told to stop instead of being orphaned.
    previous = signal.signal(signal.SIGTERM, _exit_on_signal) if main_thread else None
    try:
        if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES:
            # Imported here: concurrent.futures and multiprocessing cost a one-file run ~15 ms.
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(max_workers=jobs)
            try:
                results = pool.map(_process_flat, paths, [opts] * len(paths), chunksize=4)
                yield from (_unflatten(report, diff) for report, diff in results)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            for path in paths:
                yield process_file(path, opts)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


FlatReport = tuple[str, str, list[Any], list[Any], "str | None", "dict[str, Any] | None"]


def _process_flat(path: Path, opts: Options) -> tuple[FlatReport, bytes | None]:
    """:func:`process_file` in a worker process, its diagnostics as rows of plain values:
    pickling ``Diagnostic`` objects (slots, frozen fixes, enums) runs Python code per object
    on both sides and cost a parallel run a third more CPU than the linting saved."""
    report, diff = process_file(path, opts)
    rows = [dump_diagnostic(d) for d in report.diagnostics]
    applied = [dump_diagnostic(d) for d in report.applied]
    return (report.path, report.text, rows, applied, report.error, report.structure), diff


def _unflatten(flat: FlatReport, diff: bytes | None) -> tuple[FileReport, bytes | None]:
    path, text, rows, applied_rows, error, structure = flat
    diagnostics = [load_diagnostic(row, path) for row in rows]
    applied = [load_diagnostic(row, path) for row in applied_rows]
    return FileReport(path, text, diagnostics, applied, error, structure), diff


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def run_check(args: argparse.Namespace) -> int:
    _configs.clear()  # config files may have changed since a previous run in this process
    args.fix = args.fix or args.fix_only
    opts = Options(
        fix=args.fix,
        unsafe=args.unsafe_fixes,
        diff=args.diff,
        structured=args.output_format == "structured",
        select=selectors(args.select),
        extend_select=selectors(args.extend_select),
        ignore=selectors(args.ignore),
        lang=args.lang,
        encoding=args.encoding,
        config_file=args.config,
        profile=args.profile,
    )
    if args.output_format in JSON_FORMATS and isinstance(sys.stdout, io.TextIOWrapper):
        # JSON is UTF-8 (RFC 8259), whatever the locale; a file name's undecodable byte (a lone
        # surrogate) is written as its JSON escape, which json.loads and os.fsencode turn back
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    paths = args.paths or ["."]
    if paths == ["-"] or (args.stdin_filename and not args.paths):
        return _check_stdin(args, opts)
    if "-" in paths:
        raise InputError("`-` (standard input) cannot be checked together with files")
    linter, config = linter_for(Path(paths[0]), opts)  # validates config and selectors up front
    warn_plugin_failures(linter)
    files = list(
        discover([Path(p) for p in paths], config.excludes, config.root, force_exclude=args.force_exclude)
    )
    if not files:
        suffixes = ", ".join(sorted(TEXT_SUFFIXES))
        print(f"reslint: warning: no files to check ({suffixes} in folders)", file=sys.stderr)
    jobs = 1 if args.profile else (args.jobs or os.cpu_count() or 1)
    reports, diffs = [], []
    started = time.process_time()
    for report, diff in progress(check_files(files, opts, jobs, config, args), len(files)):
        reports.append(report)
        if diff:
            diffs.append(diff)
    if args.profile:
        linters = [linter for linter, _ in _linters.values()]
        write_profile(linters, time.process_time() - started, sum(len(r.text) for r in reports), sys.stderr)
    out = sys.stdout
    if args.diff:
        write_bytes(b"".join(diffs))
        print_errors(reports)
        return EXIT_ERROR if _has_errors(reports) else (EXIT_FOUND if diffs else EXIT_OK)
    if args.write_baseline:
        from reslint.baseline import record_baseline

        record_baseline(args.write_baseline, reports, sys.stderr)
        print_errors(reports)
        return EXIT_ERROR if _has_errors(reports) else EXIT_OK
    if args.fix_only:
        _drop_remaining(reports)
    baseline = _baseline(args, config)
    if baseline:
        from reslint.baseline import apply_baseline

        reports = apply_baseline(baseline, reports, sys.stderr)
    _emit(reports, args, out)
    if args.fix:
        for report in reports:
            if report.applied:
                print(f"Fixed {report.path} ({_count(report.applied)})", file=sys.stderr)
    return _exit_code(reports, args)


def check_files(
    files: list[Path], opts: Options, jobs: int, config: Config, args: argparse.Namespace
) -> Iterator[tuple[FileReport, bytes | None]]:
    """The files' results in order, through the cache unless it is off for this run."""
    if args.no_cache or args.profile or opts.structured:
        return _run_files(files, opts, jobs)
    return run_cached(
        files,
        Cache(resolve_cache_dir(args.cache_dir, config)),
        lambda path: linter_for(path.parent, opts)[0],
        lambda todo: _run_files(todo, opts, jobs),
        fixing=opts.fixing,
        unsafe=opts.unsafe,
    )


def _check_stdin(args: argparse.Namespace, opts: Options) -> int:
    display = args.stdin_filename or "-"
    start = Path(args.stdin_filename).resolve().parent if args.stdin_filename else Path.cwd()
    linter, config = linter_for(start, opts)
    warn_plugin_failures(linter)
    data = sys.stdin.buffer.read()
    if (
        args.force_exclude
        and args.stdin_filename
        and is_excluded(Path(display), config.excludes, config.root)
    ):
        if args.fix and not args.diff:
            write_bytes(data)  # an excluded file passes through unchanged (as ruff does)
        return EXIT_OK
    try:
        source = decode(data, display, config.encoding)
        report, fixed = process_text(source.text, display, opts, linter)
        if args.diff:
            output = unified_diff(source, fixed, display) if fixed != source.text else b""
        else:
            output = source.encode(fixed) if args.fix else b""
    except (InputError, FixError, UnicodeEncodeError) as exc:
        if args.fix and not args.diff:
            write_bytes(data)  # lose nothing: the input passes through unchanged
        reason = f"{display}: cannot encode the fixed text: {exc}" if isinstance(exc, ValueError) else exc
        print(f"reslint: error: {reason}", file=sys.stderr)
        return EXIT_ERROR
    if args.diff:
        write_bytes(output)
        return EXIT_FOUND if output else EXIT_OK
    if args.fix_only:
        _drop_remaining([report])
    baseline = _baseline(args, config)
    if baseline and args.stdin_filename:
        from reslint.baseline import apply_baseline

        [report] = apply_baseline(baseline, [report], sys.stderr)
    if args.fix:
        write_bytes(output)
        _emit([report], args, sys.stderr)
    else:
        _emit([report], args, sys.stdout)
    return _exit_code([report], args)


def _drop_remaining(reports: Sequence[FileReport]) -> None:
    """``--fix-only``: what no fix removed is not reported (rule failures still are)."""
    for report in reports:
        report.diagnostics = [d for d in report.diagnostics if d.code == RULE_FAILURE_CODE]


def write_bytes(data: bytes) -> None:
    """``data`` to standard output as they are (a text stream without a binary buffer, such as
    a ``StringIO`` put in its place, gets them decoded, undecodable bytes as surrogates)."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8", "surrogateescape"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def _baseline(args: argparse.Namespace, config: Config) -> Path | None:
    """The baseline to apply: ``--baseline``, else the ``baseline`` setting (relative to the config
    file's folder); none with ``--no-baseline``. ``reslint.baseline`` is imported only when there
    is one (~2 ms of start-up)."""
    if args.no_baseline:
        return None
    if args.baseline is not None:
        return Path(args.baseline)
    return (config.root or Path.cwd()) / config.baseline if config.baseline else None


def _emit(reports: Sequence[FileReport], args: argparse.Namespace, out: TextIO) -> None:
    """The report to ``out``, or to ``--output-file`` (in UTF-8)."""
    if args.output_file is None:
        _write_report(reports, args, out)
        return
    text = io.StringIO()
    _write_report(reports, args, text)
    try:
        args.output_file.write_text(text.getvalue(), encoding="utf-8", errors="backslashreplace")
    except OSError as exc:
        raise ReslintError(f"cannot write {args.output_file}: {exc.strerror or exc}") from exc


def _write_report(reports: Sequence[FileReport], args: argparse.Namespace, out: TextIO) -> None:
    ok = [r for r in reports if r.error is None]
    if args.output_format == "structured":
        data = [{"filename": r.path, **(r.structure or {})} for r in ok]
        out.write(indented_json(data if len(data) != 1 else data[0]) + "\n")
    elif args.statistics:
        _write_statistics(ok, out, as_json=args.output_format == "json")
    else:
        FORMATS[args.output_format](ok, out)
    if args.show_fixes:
        for report in ok:
            for d in report.applied:
                print(f"{report.path}:{d.line}:{d.column}: fixed {d.code} {d.message}", file=sys.stderr)
    print_errors(reports)
    if args.output_format in ("full", "concise") and not args.quiet and not args.statistics:
        if args.fix_only:
            fixed = sum(len(r.applied) for r in ok)
            out.write(f"Fixed {diagnostics_found(fixed)}.\n" if fixed else "Nothing to fix.\n")
        else:
            _write_summary(ok, out, len(reports) - len(ok))


def _write_statistics(reports: Sequence[FileReport], out: TextIO, as_json: bool = False) -> None:
    """Counts per rule, most frequent first; ``as_json``: ruff's ``--statistics`` JSON rows."""
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[str] = Counter()
    for report in reports:
        for d in report.diagnostics:
            counts[(d.code, d.name)] += 1
            fixable[d.code] += d.fixable
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        data = [{"code": c, "name": name, "count": n, "fixable": bool(fixable[c])} for (c, name), n in rows]
        out.write(indented_json(data) + "\n")
        return
    for (code, name), n in rows:
        mark = "[*]" if fixable[code] else "   "
        out.write(f"{n:>7}  {code:<7} {mark} {name}\n")


def _write_summary(reports: Sequence[FileReport], out: TextIO, unchecked: int = 0) -> None:
    remaining = [d for r in reports for d in r.diagnostics]
    fixed = sum(len(r.applied) for r in reports)
    if not remaining and not fixed:
        summary = f"No diagnostics; {unchecked} file(s) not checked." if unchecked else "All checks passed!"
        out.write(summary + "\n")
        return
    fixable, unsafe = _fixable_counts(remaining)
    parts = [f"Found {diagnostics_found(len(remaining) + fixed)}"]
    if fixed:
        parts.append(f" ({fixed} fixed, {len(remaining)} remaining)")
    out.write("".join(parts) + ".\n")
    if fixable:
        out.write(f"[*] {fixable} fixable with --fix.\n")
    if unsafe:
        out.write(f"[-] {unsafe} more fixable with --fix --unsafe-fixes.\n")


def diagnostics_found(count: int) -> str:
    """``1 diagnostic``, ``2 diagnostics``."""
    return f"{count} diagnostic{'s' if count != 1 else ''}"


def _fixable_counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    """How many diagnostics have a safe fix, and how many an unsafe one (one pass, enums
    compared by identity: an Enum's ``value`` and hash run Python code per diagnostic)."""
    safe = unsafe = 0
    for d in diagnostics:
        if d.fix is not None:
            applicability = d.fix.applicability
            safe += applicability is Applicability.SAFE
            unsafe += applicability is Applicability.UNSAFE
    return safe, unsafe


def _count(applied: Sequence[Diagnostic]) -> str:
    counts = Counter(d.code for d in applied)
    listed = ", ".join(f"{code}×{n}" if n > 1 else code for code, n in sorted(counts.items()))
    return f"{len(applied)} fix{'es' if len(applied) != 1 else ''}: {listed}"


def print_errors(reports: Sequence[FileReport]) -> None:
    for report in reports:
        if report.error:
            print(f"reslint: error: {report.error}", file=sys.stderr)
        for d in report.diagnostics:
            if d.code == RULE_FAILURE_CODE:
                print(f"reslint: error: {report.path}: {d.message}", file=sys.stderr)


def _has_errors(reports: Sequence[FileReport]) -> bool:
    return any(r.error or any(d.code == RULE_FAILURE_CODE for d in r.diagnostics) for r in reports)


def warn_plugin_failures(linter: Linter) -> None:
    for failure in linter.registry.failures:
        print(f"reslint: warning: {failure}; its rules are not run", file=sys.stderr)


def _exit_code(reports: Sequence[FileReport], args: argparse.Namespace) -> int:
    if _has_errors(reports):
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    if args.exit_non_zero_on_fix and any(r.applied for r in reports):
        return EXIT_FOUND
    return EXIT_FOUND if any(r.diagnostics for r in reports) else EXIT_OK
