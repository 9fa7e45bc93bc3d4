"""Command-line options shared by ``check``, ``report`` and ``corpus``."""

from __future__ import annotations

import argparse
from pathlib import Path

from reslint.selection import split_selectors


def add_rule_options(parser: argparse.ArgumentParser, *, lang_help: str, encoding: bool = True) -> None:
    """``--select``, ``--extend-select``, ``--ignore``, ``--lang``, ``--config`` (and ``--encoding``)."""
    parser.add_argument(
        "--select", action="append", help="rules to run: codes, prefixes, names, families, ALL"
    )
    parser.add_argument("--extend-select", action="append", help="rules to run in addition")
    parser.add_argument("--ignore", action="append", help="rules not to run")
    parser.add_argument("--lang", help=lang_help)
    if encoding:
        parser.add_argument("--encoding", help="encoding of the input files (default: utf-8)")
    parser.add_argument(
        "--config", type=Path, help="config file (default: nearest reslint.toml/pyproject.toml)"
    )


def selectors(values: list[str] | None) -> tuple[str, ...] | None:
    """Selectors given as repeated and/or comma-separated options (``None`` when not given)."""
    if values is None:
        return None
    return tuple(selector for value in values for selector in split_selectors(value))
