"""Command line: ``reslint check``, ``reslint rules``, ``reslint rule CODE``."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from reslint import __version__
from reslint.check import add_check_parser
from reslint.errors import ReslintError
from reslint.rule_docs import add_rule_parsers

EXIT_ERROR = 2
DELEGATED = {"report": "reslint.report", "server": "reslint.server", "corpus": "reslint.corpus"}
DELEGATED_HELP = {
    "report": "write an HTML report of the findings",
    "server": "language server for editors",
    "corpus": "check or fix a whole corpus, on Dask",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Lint and repair text extracted from PDFs and OCR.",
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_check_parser(sub)
    add_rule_parsers(sub)
    for name, about in DELEGATED_HELP.items():
        sub.add_parser(name, help=f"{about} (see `reslint {name} --help`)", add_help=False)
    return parser


def _tolerant_output() -> None:
    """What the terminal's encoding cannot show (Arabic text under a Latin-1 locale) is printed
    escaped (``\\u0645``) instead of stopping the run with a traceback; machine-readable
    formats switch standard output to UTF-8 (:func:`reslint.check.run_check`)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    try:
        return _run(args_list)
    except ReslintError as exc:
        print(f"reslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception:  # a bug: exit 2, not the 1 of "diagnostics found" that a traceback gives
        import traceback

        traceback.print_exc()
        print("reslint: error: internal error (the traceback above); please report it", file=sys.stderr)
        return EXIT_ERROR


def _run(args_list: list[str]) -> int:
    """The command ``args_list`` names (``report``, ``server`` and ``corpus`` parse their own)."""
    if args_list and args_list[0] in DELEGATED:
        import importlib

        module = importlib.import_module(DELEGATED[args_list[0]])
        return int(module.main(args_list[1:]))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
