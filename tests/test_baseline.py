"""Baselines: `--write-baseline`, `--baseline`, the `baseline` setting, stale entries, pre-commit."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reslint.baseline import fingerprint
from reslint.cli import main

CONFIG = 'select = ["WS001", "WS002"]\n'
DOC = "Hello  world and more.\nSecond line  here.\n\nAnother paragraph  with text.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reslint.toml").write_text(CONFIG)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("Fine  text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["check", "--output-format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else [], captured.err


def record(capsys: pytest.CaptureFixture[str], *paths: str) -> str:
    assert main(["check", "--write-baseline", "baseline.json", *(paths or ("docs",))]) == 0
    return capsys.readouterr().err


def test_baseline_suppresses_recorded_diagnostics(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, _ = check(capsys, "docs")
    assert code == 1 and len(found) == 4
    assert "wrote 4 entries" in record(capsys)
    assert check(capsys, "--baseline", "baseline.json", "docs") == (0, [], "")


def test_edits_elsewhere_and_moved_paragraphs_stay_suppressed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(capsys)
    moved = "A new first line.\n\nAnother paragraph  with text.\n\n" + DOC.split("\n\n")[0] + "\n"
    (repo / "docs" / "a.txt").write_text(moved, encoding="utf-8")
    assert check(capsys, "--baseline", "baseline.json", "docs")[:2] == (0, [])


def test_new_findings_are_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record(capsys)
    (repo / "docs" / "a.txt").write_text(DOC + "A new  finding.\n", encoding="utf-8")
    code, found, _ = check(capsys, "--baseline", "baseline.json", "docs")
    assert code == 1
    assert [(d["code"], d["location"]) for d in found] == [("WS002", {"row": 5, "column": 6})]


def test_identical_findings_are_counted_by_occurrence(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "docs" / "a.txt").write_text("same  line\nsame  line\n", encoding="utf-8")
    record(capsys)
    (repo / "docs" / "a.txt").write_text("same  line\nsame  line\nsame  line\n", encoding="utf-8")
    code, found, _ = check(capsys, "--baseline", "baseline.json", "docs")
    assert code == 1 and len(found) == 1


def test_fixed_findings_are_stale_and_pruned(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record(capsys)
    (repo / "docs" / "a.txt").write_text(DOC.replace("Hello  world", "Hello world"), encoding="utf-8")
    code, found, err = check(capsys, "--baseline", "baseline.json", "docs")
    assert (code, found) == (0, [])
    assert "1 baseline entry is stale" in err and "docs/a.txt: WS002" in err
    assert "1 pruned" in record(capsys)
    assert check(capsys, "--baseline", "baseline.json", "docs") == (0, [], "")


def test_many_stale_entries_are_counted_not_all_listed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "docs" / "a.txt").write_text("".join(f"line {i}  x\n" for i in range(30)), encoding="utf-8")
    record(capsys)
    (repo / "docs" / "a.txt").write_text("clean\n", encoding="utf-8")
    err = check(capsys, "--baseline", "baseline.json", "docs")[2]
    assert "30 baseline entries are stale" in err and "… and 10 more" in err
    assert len(err.splitlines()) == 22


def test_output_is_sorted_stable_and_relative(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record(capsys)
    first = (repo / "baseline.json").read_text()
    written = (repo / "baseline.json").stat().st_mtime_ns
    os.utime(repo / "baseline.json", ns=(written - 10**9, written - 10**9))
    record(capsys)
    assert (repo / "baseline.json").read_text() == first
    assert (repo / "baseline.json").stat().st_mtime_ns == written - 10**9  # unchanged: not rewritten
    entries = json.loads(first)["entries"]
    assert entries == sorted(entries, key=lambda e: (e["file"], e["code"], e["hash"], e["occurrence"]))
    assert {e["file"] for e in entries} == {"docs/a.txt", "docs/b.txt"}
    assert all(len(line) < 120 for line in first.splitlines())  # one entry a line


def test_partial_runs_keep_other_files_and_drop_deleted_ones(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(capsys)
    (repo / "docs" / "a.txt").write_text("clean\n", encoding="utf-8")
    _, _, err = check(capsys, "--baseline", "baseline.json", "docs/b.txt")
    assert "stale" not in err  # a.txt was not checked: its entries are not judged
    (repo / "docs" / "b.txt").unlink()
    record(capsys, "docs/a.txt")
    entries = json.loads((repo / "baseline.json").read_text())["entries"]
    assert entries == []  # a.txt is clean now, b.txt is gone


def test_setting_resolves_against_config_folder(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "reslint.toml").write_text(CONFIG + 'baseline = "baseline.json"\n')
    record(capsys)
    os.chdir(repo / "docs")
    assert check(capsys, ".")[:2] == (0, [])
    code, found, _ = check(capsys, "--no-baseline", ".")
    assert code == 1 and len(found) == 4


def test_missing_or_malformed_baseline_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--baseline", "nope.json", "docs"]) == 2
    assert "--write-baseline nope.json" in capsys.readouterr().err
    (repo / "bad.json").write_text('{"version": 1, "entries": [{"file": 3}]}')
    assert main(["check", "--baseline", "bad.json", "docs"]) == 2
    assert "malformed entry" in capsys.readouterr().err


def test_fingerprint_ignores_whitespace_changes_and_other_lines() -> None:
    text = "intro\nthe  word here\nend"
    start = text.index("  ")
    same = fingerprint(text, start, start + 2)
    moved = "other\n\n" + "the  word here\nchanged"
    assert fingerprint(moved, moved.index("  "), moved.index("  ") + 2) == same
    tabbed = "intro\nthe \t word\there\nend"
    assert fingerprint(tabbed, tabbed.index(" \t "), tabbed.index(" \t ") + 3) == same
    assert fingerprint(text, 0, 5) != same


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_with_baseline(repo: Path) -> None:
    reslint = Path(sys.executable).with_name("reslint")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not (reslint.exists() and pre_commit.exists()):
        pytest.skip("reslint or pre-commit is not installed in this environment")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: reslint\n    name: reslint\n"
        f"    entry: {reslint} check --force-exclude\n    language: system\n    types: [text]\n"
        "    exclude: ^baseline\\.json$\n    args: [--baseline, baseline.json]\n"
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo / ".pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull}
    for cmd in (["git", "init", "-q"], [str(reslint), "check", "--write-baseline", "baseline.json", "docs"]):
        subprocess.run(cmd, cwd=repo, env=env, check=True, capture_output=True)
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)

    def run_hooks() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(pre_commit), "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True
        )

    assert run_hooks().returncode == 0
    (repo / "docs" / "b.txt").write_text("Fine  text.\nNew  one.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    failed = run_hooks()
    assert failed.returncode == 1 and "docs/b.txt:2:4: WS002" in failed.stdout


def test_stdin_with_filename_uses_the_baseline(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record(capsys)
    text = DOC + "A new  finding.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, found, _ = check(capsys, "--baseline", "baseline.json", "--stdin-filename", "docs/a.txt", "-")
    assert code == 1 and [d["location"] for d in found] == [{"row": 5, "column": 6}]


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8")
def test_file_name_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--write-baseline stopped with a UnicodeEncodeError traceback on such a name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("a  b\n", encoding="utf-8")
    assert main(["check", "--write-baseline", "b.json", "."]) == 0
    assert json.loads(Path("b.json").read_text(encoding="utf-8"))["entries"][0]["file"] == "caf\udce9.txt"
    assert main(["check", "--baseline", "b.json", "."]) == 0
    assert main(["check", "--write-baseline", "b.json", "."]) == 0  # rewriting the existing file
