"""A cache of diagnostics, like ruff's: a second run over unchanged files is near-instant.

An entry is keyed on the file's displayed path and a digest of its text, under a
*settings key* that covers the effective configuration, the command-line selections, the
working folder, and the versions and source files of reslint and of every loaded plugin
(so an edited rule invalidates the cache even in an editable install). Each settings key
has one small file per checked file (see :class:`Cache`), written atomically at the end of a
run. An unreadable or corrupt entry is a miss, never fatal.

Only lint results are stored: a ``--fix`` run stores a file only when nothing was fixed,
and uses an entry only when it holds no fix the run would apply.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import reslint
from reslint import __version__
from reslint.config import Config
from reslint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from reslint.errors import ReslintError
from reslint.files import read_source, replace_atomically
from reslint.fixes import allowed_applicabilities
from reslint.linter import RULE_FAILURE_CODE, Linter
from reslint.report_model import FileReport

CACHE_DIR_ENV = "RESLINT_CACHE_DIR"
DEFAULT_CACHE_DIR = ".reslint_cache"
Result = tuple[FileReport, "bytes | None"]
# Entries are marshalled, whose format belongs to the Python version.
VERSION_DIR = f"{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


def resolve_cache_dir(cli_value: Path | None, config: Config) -> Path:
    """``--cache-dir``, else ``$RESLINT_CACHE_DIR``, else the ``cache-dir`` setting
    (relative to its config file), else ``.reslint_cache`` in the project root."""
    if cli_value is not None:
        return cli_value
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    root = config.root or Path.cwd()
    return root / (config.cache_dir or DEFAULT_CACHE_DIR)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_fingerprints: dict[int, str] = {}


def settings_key(linter: Linter) -> str:
    """Digest of everything besides the text that decides a file's diagnostics."""
    key = id(linter)
    if key not in _fingerprints:
        modules = [m for _, m in linter.registry.manager.list_name_plugin() if isinstance(m, ModuleType)]
        parts = [
            __version__,
            os.getcwd(),
            _stable(dataclasses.asdict(linter.config)),
            _stable(linter.options),
            *(f"{m.__name__}={_source_stamp(m)}" for m in modules),
            f"reslint={_source_stamp(reslint)}",
        ]
        _fingerprints[key] = hashlib.blake2b("\0".join(parts).encode(), digest_size=12).hexdigest()
    return _fingerprints[key]


def _stable(value: Any) -> str:
    """A text of ``value`` that is the same in every process (sets sorted, keys sorted)."""

    def encode(obj: Any) -> Any:
        if isinstance(obj, (set, frozenset)):
            return sorted(map(repr, obj))
        return repr(obj)

    return json.dumps(value, sort_keys=True, default=encode)


def _source_stamp(module: ModuleType) -> str:
    """Sizes and modification times of a module's files (its whole folder for a package)."""
    paths = getattr(module, "__path__", None)
    files = [Path(module.__file__)] if module.__file__ and not paths else []
    for folder in paths or ():
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            files.extend(Path(dirpath, name) for name in sorted(filenames) if not name.startswith("."))
    stamps = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        stamps.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.blake2b("\n".join(stamps).encode(), digest_size=8).hexdigest()


def dump_diagnostic(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        edits = [[e.start, e.end, e.replacement] for e in d.fix.edits]
        fix = [d.fix.applicability.value, d.fix.message, edits]
    return [
        d.code,
        d.name,
        d.message,
        d.start,
        d.end,
        d.severity.value,
        d.evidence,
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        fix,
    ]


_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def load_diagnostic(row: list[Any], path: str) -> Diagnostic:
    code, name, message, start, end, severity, evidence, line, column, end_line, end_column, fix = row
    loaded_fix = None
    if fix is not None:
        applicability, fix_message, edits = fix
        loaded_fix = Fix(tuple([Edit(*edit) for edit in edits]), _APPLICABILITIES[applicability], fix_message)
    return Diagnostic(
        code,
        name,
        message,
        start,
        end,
        loaded_fix,
        _SEVERITIES[severity],
        evidence,
        line,
        column,
        end_line,
        end_column,
        path,
    )


class Cache:
    """Diagnostics per settings key and displayed path, one small file per entry under ``directory``.

    An entry is ``<directory>/<version>/<settings key>/<xy>/<path digest>``: a marshalled
    ``(path, text digest, rows)``, so a run reads only the entries of the files it checks (a
    pre-commit run on one file reads one entry, whatever the size of the repository).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._pending: dict[Path, bytes] = {}

    def _entry(self, key: str, path: str) -> Path:
        name = hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return self.directory / VERSION_DIR / key / name[:2] / name

    def get(self, key: str, path: str, text: str) -> list[Diagnostic] | None:
        """The stored diagnostics of ``path`` if its text is unchanged, else ``None``."""
        try:
            stored_path, digest, rows = marshal.loads(self._entry(key, path).read_bytes())
            if stored_path != path or digest != text_digest(text):
                return None
            return [load_diagnostic(row, path) for row in rows]
        except (OSError, EOFError, TypeError, ValueError, IndexError, KeyError):
            return None  # no entry, or a corrupt one: a miss

    def put(self, key: str, path: str, text: str, diagnostics: Iterable[Diagnostic]) -> None:
        rows = [dump_diagnostic(d) for d in diagnostics]
        self._pending[self._entry(key, path)] = marshal.dumps((path, text_digest(text), rows))

    def save(self) -> None:
        """Write the new entries (each atomically); raises :class:`OSError` if it cannot."""
        if not self._pending:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by reslint\n*\n", encoding="utf-8")
        for entry, data in sorted(self._pending.items()):
            entry.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(entry, data, durable=False)
        self._pending.clear()


def run_cached(
    paths: list[Path],
    cache: Cache,
    linter_of: Callable[[Path], Linter],
    run: Callable[[list[Path]], Iterator[Result]],
    *,
    fixing: bool,
    unsafe: bool,
) -> Iterator[Result]:
    """Results for ``paths`` in order: cached ones read back, the others from ``run``
    (whose lint results are then stored). The cache is saved when all are yielded."""
    applying = allowed_applicabilities(unsafe) if fixing else frozenset()
    hits: dict[int, FileReport] = {}
    for i, path in enumerate(paths):
        report = _lookup(cache, path, linter_of(path), applying)
        if report is not None:
            hits[i] = report
    results = run([p for i, p in enumerate(paths) if i not in hits])
    for i, path in enumerate(paths):
        if i in hits:
            yield hits[i], None
            continue
        report, diff = next(results)
        if _storable(report):
            cache.put(settings_key(linter_of(path)), report.path, report.text, report.diagnostics)
        yield report, diff
    try:
        cache.save()
    except OSError as exc:
        print(f"reslint: warning: cannot write the cache in {cache.directory}: {exc}", file=sys.stderr)


def _lookup(
    cache: Cache, path: Path, linter: Linter, applying: frozenset[Applicability]
) -> FileReport | None:
    display = str(path)
    try:
        text = read_source(path, linter.config.encoding).text
    except ReslintError:
        return None  # the run reports the error
    diagnostics = cache.get(settings_key(linter), display, text)
    if diagnostics is None or any(d.fix and d.fix.applicability in applying for d in diagnostics):
        return None
    return FileReport(display, text, diagnostics)


def _storable(report: FileReport) -> bool:
    return (
        report.error is None
        and not report.applied
        and all(d.code != RULE_FAILURE_CODE for d in report.diagnostics)
    )
