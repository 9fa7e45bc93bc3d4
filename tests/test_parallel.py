"""One machine at scale: ``--jobs`` keeps the output order, ``--profile``, the progress bar."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from reslint import progress
from reslint.check import PARALLEL_MIN_FILES
from reslint.cli import main


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """More files than the parallel threshold, each with findings on different lines."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(PARALLEL_MIN_FILES * 2):
        lines = [f"Line {n} of file {i}." + (" " if n % (i + 2) == 0 else "") for n in range(30)]
        (folder / f"f{i:02}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--no-cache", "--select", "WS001", "--output-format", "concise", *args])
    return code, capsys.readouterr().out


def test_parallel_output_is_identical_to_serial(many: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serial = run(["--jobs", "1", "docs"], capsys)
    parallel = run(["--jobs", "2", "docs"], capsys)
    assert serial == parallel
    assert serial[0] == 1 and serial[1].count("WS001") > PARALLEL_MIN_FILES


def test_parallel_results_keep_every_field(many: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Workers send diagnostics back as plain rows: fixes, edits, positions and applied fixes survive."""
    serial = run(["--jobs", "1", "--output-format", "json", "docs"], capsys)
    parallel = run(["--jobs", "2", "--output-format", "json", "docs"], capsys)
    assert serial == parallel
    assert '"applicability": "safe"' in serial[1] and '"end_location"' in serial[1]
    shutil.copytree(many, many.parent / "copy")
    fix = ["check", "--no-cache", "--select", "WS001", "--fix", "--show-fixes"]
    main([*fix, "--jobs", "1", "docs"])
    serial_fixes = capsys.readouterr().err
    main([*fix, "--jobs", "2", "copy"])
    parallel_fixes = capsys.readouterr().err
    assert serial_fixes.count("fixed WS001") > PARALLEL_MIN_FILES
    assert parallel_fixes.replace(f"copy{os.sep}", f"docs{os.sep}") == serial_fixes


def test_parallel_fix_writes_the_same_files(many: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = many.parent / "copy"
    shutil.copytree(many, copy)
    assert run(["--jobs", "1", "--fix", "docs"], capsys)[0] == 0
    assert run(["--jobs", "2", "--fix", "copy"], capsys)[0] == 0
    for path in sorted(many.iterdir()):
        assert path.read_text() == (copy / path.name).read_text()
        assert " \n" not in path.read_text()


def test_profile_prints_time_per_rule(many: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--select", "WS001", "--profile", "--quiet", "docs"])
    err = capsys.readouterr().err
    assert code == 1
    assert "WS001    trailing-whitespace" in err
    assert "whole run" in err
    assert not (many.parent / ".reslint_cache").exists()  # a profile measures the rules, not the cache


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_for_many_files_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(progress.MIN_ITEMS, Terminal())
    assert not progress.wanted(progress.MIN_ITEMS - 1, Terminal())
    assert not progress.wanted(progress.MIN_ITEMS, io.StringIO())  # piped
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert not progress.wanted(progress.MIN_ITEMS, Terminal())


def test_progress_bar_draws_and_erases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    out = Terminal()
    items = list(range(progress.MIN_ITEMS))
    assert list(progress.progress(items, len(items), out)) == items
    shown = out.getvalue()
    assert f"] {len(items)}/{len(items)} files" in shown
    assert shown.endswith("\r\x1b[K")
    assert progress.render(1, 4) == "[=======>" + " " * 22 + "] 1/4 files"
    assert progress.render(4, 4) == "[" + "=" * 30 + "] 4/4 files"
