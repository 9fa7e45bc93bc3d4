"""Start-up of ``reslint check`` on one file (pre-commit runs it on every commit): the engine
imports none of the modules only other runs need, and the layout helper compiles no pattern
at import.

Each check runs in a fresh interpreter, where ``sys.modules`` shows what the run imported, with
a user cache of its own that a first run has filled (the entry points, the word-frequency
store): a run that fills it imports importlib.metadata and writes files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Runs ``reslint check`` with the arguments given, its output hidden, and prints the modules
# imported among those named in the first argument.
IMPORTED_BY_CHECK = """
import contextlib, io, sys
from reslint.cli import main
watched = sys.argv[1].split(",")
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", *sys.argv[2:]])
print(*sorted(name for name in watched if name in sys.modules))
"""
# Modules a plain one-file check needs none of: the process pool (``--jobs`` with many files)
# and ``--diff``'s differ.
ONE_FILE_NEEDS_NONE = ("concurrent.futures", "multiprocessing", "difflib")
# Nor does the engine itself import the temporary files of a write (``--fix``, cache entries), the
# TOML parser (config files) or the baselines; a rule family may (the words family's data files
# import tempfile).
ENGINE_IMPORTS = "import reslint, reslint.cli, reslint.check, reslint.linter"
ENGINE_NEEDS_NONE = (*ONE_FILE_NEEDS_NONE, "tempfile", "tomllib", "reslint.baseline")
# ``import reslint`` (the library) needs no digest either: only fixing and the CLI's cache do.
LIBRARY_NEEDS_NONE = (*ENGINE_NEEDS_NONE, "hashlib")
WATCHED = "import sys; {}; print(*(m for m in sys.argv[1:] if m in sys.modules))"

# Imports the layout helper and prints its module-level patterns that are compiled: a compiled
# ``regex`` pattern, or a lazy one already compiled.
COMPILED_AT_IMPORT = """
import reslint_rules.layout as layout
from reslint_rules.lazy_pattern import LazyPattern, compiled
for name, value in sorted(vars(layout).items()):
    items = value if isinstance(value, tuple) else (value,)
    for item in (i[1] if isinstance(i, tuple) and len(i) == 2 else i for i in items):
        if type(item).__name__ == "Pattern" or isinstance(item, LazyPattern) and compiled(item):
            print(name)
"""

Imported = Callable[..., list[str]]


def printed(script: str, *args: str, **kwargs: object) -> list[str]:
    """The words ``python -c script *args`` prints."""
    run = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, **kwargs
    )
    return run.stdout.split()


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A short French text with a double space (WS001 fixes it)."""
    path = tmp_path / "small.txt"
    path.write_text("Le développement  durable de la paix.\n", encoding="utf-8")
    return path


@pytest.fixture
def imported_by_check(tmp_path: Path, small: Path) -> Imported:
    """``imported(watched, *args)``: the modules of ``watched`` that ``reslint check *args``
    imports in a fresh interpreter, run in an empty folder with a warm user cache."""
    cwd = tmp_path / "cwd"  # on sys.path (``-c``), so part of the entry points' stamp: left alone
    cwd.mkdir()
    env = {**os.environ, "RESLINT_USER_CACHE_DIR": str(tmp_path / "user-cache")}

    def imported(watched: tuple[str, ...], *args: str) -> list[str]:
        return printed(IMPORTED_BY_CHECK, ",".join(watched), *args, cwd=cwd, env=env)

    imported((), "--no-cache", "--lang", "fr", str(small))
    return imported


def test_the_engine_imports_none_of_what_only_other_runs_need() -> None:
    assert printed(WATCHED.format(ENGINE_IMPORTS), *ENGINE_NEEDS_NONE) == []
    assert printed(WATCHED.format("import reslint"), *LIBRARY_NEEDS_NONE) == []


def test_a_one_file_check_imports_no_pool_no_differ(small: Path, imported_by_check: Imported) -> None:
    assert imported_by_check(ONE_FILE_NEEDS_NONE, "--no-cache", "--lang", "fr", str(small)) == []


def test_toml_is_read_when_a_config_file_exists(small: Path, imported_by_check: Imported) -> None:
    (small.parent / "reslint.toml").write_text('ignore = ["WS001"]\n', encoding="utf-8")
    assert imported_by_check(("tomllib",), "--no-cache", "--lang", "fr", str(small)) == ["tomllib"]


def test_diff_and_fix_import_what_they_need(small: Path, imported_by_check: Imported) -> None:
    assert imported_by_check(("difflib",), "--no-cache", "--lang", "fr", "--diff", str(small)) == ["difflib"]
    assert imported_by_check(("tempfile",), "--no-cache", "--lang", "fr", "--fix", str(small)) == ["tempfile"]
    assert small.read_text(encoding="utf-8") == "Le développement durable de la paix.\n"


def test_the_layout_helper_compiles_no_pattern_at_import() -> None:
    assert printed(COMPILED_AT_IMPORT) == []
