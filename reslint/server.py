"""``reslint server``: the Language Server for editors (install ``reslint[lsp]``)."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_ERROR = 0, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reslint server",
        description="Language Server: diagnostics and quick fixes for plain-text and Markdown files.",
    )
    p.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default and only mode)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    build_parser().parse_args(argv)
    if importlib.util.find_spec("pygls") is None:
        print("reslint: error: `reslint server` needs pygls: pip install 'reslint[lsp]'", file=sys.stderr)
        return EXIT_ERROR
    from reslint.lsp import serve

    serve()
    return EXIT_OK
