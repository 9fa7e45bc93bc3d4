"""reslint: lint and repair text extracted from PDFs and OCR.

The library call made before parsing::

    import reslint
    for d in reslint.lint(text, lang="fr"):
        print(d.line, d.column, d.code, d.message)
    clean = reslint.fix(text).text
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reslint.api import (
    Applicability,
    Diagnostic,
    Document,
    Edit,
    Fix,
    Line,
    Rule,
    Severity,
    hookimpl,
)
from reslint.config import Config
from reslint.errors import ConfigError, FixError, InputError, PluginError, ReslintError
from reslint.linter import FixResult, Linter

__version__ = "0.1.0"

ConfigLike = Config | Mapping[str, Any] | None


def lint(
    text: str,
    *,
    lang: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config: ConfigLike = None,
) -> list[Diagnostic]:
    """Diagnostics for ``text`` (no I/O, no global state beyond the loaded plugins).

    ``select`` and ``ignore`` take rule codes, prefixes, names or families, as a list or as
    one comma-separated string (``"WS,WD001"``); ``text`` must be ``str`` (decode bytes first).
    """
    return Linter(config, select=select, ignore=ignore, lang=lang).lint(text)


def fix(
    text: str,
    *,
    unsafe: bool = False,
    lang: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config: ConfigLike = None,
) -> FixResult:
    """Repair ``text``: safe fixes, plus unsafe ones when ``unsafe`` is true."""
    return Linter(config, select=select, ignore=ignore, lang=lang).fix(text, unsafe=unsafe)


def structure(text: str, *, lang: str | None = None, config: ConfigLike = None) -> dict[str, Any]:
    """The document as ``{"lang", "body", "footnotes", "furniture"}`` for parsing."""
    return Linter(config, lang=lang).structure(text)


__all__ = [
    "Applicability",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixError",
    "FixResult",
    "InputError",
    "Line",
    "Linter",
    "PluginError",
    "ReslintError",
    "Rule",
    "Severity",
    "__version__",
    "fix",
    "hookimpl",
    "lint",
    "structure",
]
