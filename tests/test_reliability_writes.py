"""Writes never corrupt: atomic replace; encoding, BOM, endings, permissions and owner kept;
a failed or interrupted write leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import reslint
from reslint.cli import main
from reslint.errors import InputError
from reslint.files import read_source, write_source

FIXABLE = "Les  États Membres \r\nont décidé.\n"
FIXED = "Les États Membres\r\nont décidé.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def check(*args: str) -> int:
    return main(["check", "--select", "WS001,WS002", "--no-cache", *args])


def temp_files(folder: Path) -> list[Path]:
    return list(folder.glob(".*.reslint-tmp"))


def test_write_keeps_permissions_owner_and_returns_false_when_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(FIXABLE.encode())
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 4321)
    source = read_source(path)
    assert write_source(source, source.text) is False
    assert write_source(source, FIXED) is True
    info = path.stat()
    assert path.read_bytes() == FIXED.encode() and (info.st_mode & 0o777) == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 4321)
    assert not temp_files(tmp_path)


@pytest.mark.parametrize("failing", ["write", "fsync", "chmod", "replace", "mkstemp"])
def test_full_disk_or_failing_write_leaves_the_original_and_no_temp_file(
    failing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first file's write fails (ENOSPC) at each step; the second file is still fixed."""
    victim = tmp_path / "a-victim.txt"
    other = tmp_path / "b-other.txt"
    for path in (victim, other):
        path.write_bytes(FIXABLE.encode())
    # Plugins loaded first: when the entry-point cache in the user cache is stale (a package
    # edited), its rewrite would take the failure meant for the victim (a flaky test).
    reslint.lint("", select=["WS001"])
    failed: list[str] = []

    def failing_once(real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            if not failed:
                failed.append(failing)
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(*args, **kwargs)

        return wrapper

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
            fh = real_fdopen(fd, mode, *args, **kwargs)
            return FailingWriter(fh, failing_once(fh.write)) if "w" in mode else fh

        monkeypatch.setattr(os, "fdopen", fdopen)
    elif failing == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", failing_once(tempfile.mkstemp))
    else:
        monkeypatch.setattr(os, failing, failing_once(getattr(os, failing)))
    assert check("--fix", str(victim), str(other)) == 2
    err = capsys.readouterr().err
    assert failed and f"{victim}: cannot write: No space left on device" in err
    assert victim.read_bytes() == FIXABLE.encode() and other.read_bytes() == FIXED.encode()
    assert not temp_files(tmp_path)


class FailingWriter:
    """A binary file whose ``write`` is replaced."""

    def __init__(self, fh, write) -> None:  # type: ignore[no-untyped-def]
        self._fh, self.write = fh, write

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._fh, name)

    def __enter__(self) -> FailingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def test_unencodable_fix_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Les  États\n".encode("cp1252"))
    source = read_source(path, "cp1252")
    with pytest.raises(InputError, match=r"legacy.txt: the fixed text has '\\u202f' \(U\+202F\)"):
        write_source(source, "Les\u202fÉtats\n")
    assert path.read_bytes() == "Les  États\n".encode("cp1252") and not temp_files(tmp_path)


def test_keyboard_interrupt_during_write_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(FIXABLE.encode())
    source = read_source(path)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_source(source, FIXED)
    assert path.read_bytes() == FIXABLE.encode() and not temp_files(tmp_path)


RUNNER = """
import sys
from reslint.cli import main
sys.exit(main(["check", "--select", "WS001,WS002", "--no-cache", "--fix", "-j", sys.argv[1], *sys.argv[2:]]))
"""


@pytest.mark.parametrize(
    ("sig", "jobs"),
    [(signal.SIGINT, "1"), (signal.SIGTERM, "1"), (signal.SIGTERM, "2")],
    ids=["int", "term", "term-j2"],
)
def test_interrupted_run_leaves_every_file_old_or_new(tmp_path: Path, sig: signal.Signals, jobs: str) -> None:
    """Kill a run fixing many files as soon as the first one is written: every file holds
    exactly its old or its new content."""
    docs = tmp_path / "docs"
    docs.mkdir()
    originals: dict[Path, str] = {}
    for i in range(60):
        text = f"Document {i}  ici \r\n" + "Les  États Membres ont  décidé. \n" * (100 + 40 * (i % 7))
        path = docs / f"{i:03d}.txt"
        path.write_bytes(text.encode())
        originals[path] = text
    linter = reslint.Linter(select=["WS001", "WS002"])
    expected = {path: linter.fix(text).text for path, text in originals.items()}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, jobs, str(docs)], stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.read_bytes() != originals[p].encode() for p in list(originals)[:10]):
            break
        time.sleep(0.005)
    proc.send_signal(sig)
    proc.wait(60)
    assert not leftover_processes(proc.pid), "worker processes outlived the run"
    old = new = 0
    for path, text in originals.items():
        content = path.read_bytes().decode()
        assert content in (text, expected[path]), path
        old += content == text
        new += content == expected[path]
    assert old + new == len(originals)
    assert not temp_files(docs)


def leftover_processes(group: int) -> bool:
    """Whether processes of ``group`` are still alive 5 s on (they are killed if so)."""
    for _ in range(100):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)
    return True


def test_read_only_file_is_not_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The atomic rename needs only the folder to be writable: a read-only file was replaced
    (keeping its read-only mode), by any user. It is now left alone with an error."""
    path = tmp_path / "ro.txt"
    path.write_bytes(FIXABLE.encode())
    path.chmod(0o444)
    other = tmp_path / "rw.txt"
    other.write_bytes(FIXABLE.encode())
    assert check("--fix", str(path), str(other)) == 2
    assert f"{path}: read-only file; fixes not written" in capsys.readouterr().err
    assert path.read_bytes() == FIXABLE.encode() and other.read_bytes() == FIXED.encode()
    assert not temp_files(tmp_path)
