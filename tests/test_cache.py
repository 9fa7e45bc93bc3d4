"""The diagnostics cache: hits on unchanged files, misses on any change, never fatal."""

from __future__ import annotations

import json
import marshal
import sys
import textwrap
from pathlib import Path

import pytest

from reslint.cache import (
    CACHE_DIR_ENV,
    Cache,
    dump_diagnostic,
    load_diagnostic,
    resolve_cache_dir,
)
from reslint.cli import main
from reslint.config import Config
from reslint.diagnostics import Applicability, Diagnostic, Fix, Severity

PLUGIN = '''
"""A rule that counts its calls and flags ``teh`` (safe fix) and ``hte`` (unsafe fix)."""
import re
from reslint.api import Applicability, Fix, Rule, hookimpl

calls = []

class Teh(Rule):
    """What it does: flags teh. Why it matters: typo. Example: teh. Fix safety: safe."""
    code, name, family = "CNT001", "counted-teh", "counted"

    def check(self, doc, options):
        calls.append(doc.path)
        for m in re.finditer("teh|hte", doc.text):
            safety = Applicability.SAFE if m.group() == "teh" else Applicability.UNSAFE
            fix = Fix.replace(m.start(), m.end(), "the", safety)
            yield self.diagnostic(m.start(), m.end(), "typo", fix=fix)

@hookimpl
def reslint_rules():
    return [Teh]
'''


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose config loads the counting plugin (a module unique to this test)."""
    module = f"counting_{tmp_path.name.replace('-', '_')}"
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / f"{module}.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    monkeypatch.syspath_prepend(str(plugins))
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    root = tmp_path / "proj"
    (root / "docs").mkdir(parents=True)
    (root / "reslint.toml").write_text(f'plugins = ["{module}"]\nselect = ["CNT001"]\n', encoding="utf-8")
    for i in range(3):
        (root / "docs" / f"d{i}.txt").write_text(f"Line {i} of teh text.\n", encoding="utf-8")
    (root / "docs" / "clean.txt").write_text("Nothing here.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def calls(project: Path) -> list[str]:
    module = next((project.parent / "plugins").glob("*.py")).stem
    return sys.modules[module].calls  # type: ignore[no-any-return]


def check(*args: str) -> int:
    return main(["check", "--jobs", "1", "--output-format", "concise", *args, "docs"])


def test_second_run_is_served_from_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check() == 1
    first = capsys.readouterr().out
    assert len(calls(project)) == 4
    assert (project / ".reslint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert check() == 1
    assert capsys.readouterr().out == first
    assert len(calls(project)) == 4  # nothing linted again
    (project / "docs" / "d1.txt").write_text("Changed teh teh.\n", encoding="utf-8")
    assert check() == 1
    assert calls(project)[4:] == [str(Path("docs/d1.txt"))]
    assert "docs/d1.txt:1:13: CNT001" in capsys.readouterr().out


def test_other_settings_miss_and_no_cache_leaves_no_folder(project: Path) -> None:
    check("--no-cache")
    assert not (project / ".reslint_cache").exists()
    check()
    check("--ignore", "CNT001")  # a different selection: its own (empty) results
    check("--lang", "fr")
    assert len(calls(project)) == 4 * 3


def test_fix_runs_use_the_cache_only_when_nothing_is_fixable(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check()
    assert check("--fix") == 0  # every cached entry but clean.txt held a safe fix
    assert len(calls(project)) == 4 + 3 * 2  # lint + (fix pass, final pass) for three files
    assert (project / "docs" / "d0.txt").read_text() == "Line 0 of the text.\n"
    check("--fix")  # the fixed files are linted once more and stored ...
    before = len(calls(project))
    check("--fix")  # ... and now served from the cache
    assert len(calls(project)) == before
    (project / "docs" / "d2.txt").write_text("An hte.\n", encoding="utf-8")
    check()
    before = len(calls(project))
    check("--fix")  # an unsafe fix only: nothing to do without --unsafe-fixes
    assert len(calls(project)) == before
    assert check("--fix", "--unsafe-fixes") == 0
    assert (project / "docs" / "d2.txt").read_text() == "An the.\n"
    capsys.readouterr()


def test_corrupt_cache_entries_are_misses(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check()
    expected = capsys.readouterr().out
    entries = sorted(
        p for p in (project / ".reslint_cache").rglob("*") if p.is_file() and p.name != ".gitignore"
    )
    assert len(entries) == 4  # one per checked file
    entries[0].write_bytes(b"\x00garbage{")
    entries[1].write_bytes(marshal.dumps(("docs/elsewhere.txt", "x", [["not", "a", "diagnostic"]])))
    entries[2].write_bytes(marshal.dumps(42))
    assert check() == 1
    assert capsys.readouterr().out == expected
    assert len(calls(project)) == 4 + 3  # the three damaged entries were linted again


def test_unwritable_cache_dir_is_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = project / "blocker"
    blocker.write_text("a file, not a folder")
    assert check("--cache-dir", str(blocker / "cache")) == 1
    assert "warning: cannot write the cache" in capsys.readouterr().err


def test_cache_dir_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "cfg" / "reslint.toml"
    assert resolve_cache_dir(None, Config()) == tmp_path / ".reslint_cache"
    assert resolve_cache_dir(None, Config(source=source)) == tmp_path / "cfg" / ".reslint_cache"
    configured = Config.from_mapping({"cache-dir": "build/c"}, source)
    assert resolve_cache_dir(None, configured) == tmp_path / "cfg" / "build" / "c"
    monkeypatch.setenv(CACHE_DIR_ENV, "/env/cache")
    assert resolve_cache_dir(None, configured) == Path("/env/cache")
    assert resolve_cache_dir(Path("cli"), configured) == Path("cli")


def test_diagnostics_round_trip() -> None:
    fix = Fix.replace(3, 5, "«x»", Applicability.UNSAFE, "why")
    d = Diagnostic("AB001", "a-b", "msg", 3, 5, fix, Severity.ERROR, "evidence", 1, 4, 1, 6, "p.txt")
    row = json.loads(json.dumps(dump_diagnostic(d)))
    assert load_diagnostic(row, "p.txt") == d
    plain = Diagnostic("AB002", "c", "m", 0, 0)
    assert load_diagnostic(dump_diagnostic(plain), "q") == plain


def test_cache_get_put_save(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    d = Diagnostic("AB001", "a-b", "msg", 0, 1)
    cache.put("k", "f.txt", "text", [d])
    cache.save()
    again = Cache(tmp_path / "c")
    assert again.get("k", "f.txt", "text") == [d]
    assert again.get("k", "f.txt", "other text") is None
    assert again.get("other", "f.txt", "text") is None
