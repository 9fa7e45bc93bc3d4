"""`reslint report`: a self-contained HTML page whose numbers equal `reslint check`'s JSON.

The browser test runs Debian's chromium headless (`apt-get install -y chromium`); it is
skipped when no chromium is installed. Its screenshot goes to `$RESLINT_ARTIFACTS` (or
`tests/artifacts/`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.diagnostics import Applicability, Diagnostic, Edit, Fix
from reslint.report import Limits, render
from reslint.report_model import FileReport

ARTIFACTS = Path(os.environ.get("RESLINT_ARTIFACTS") or Path(__file__).parent / "artifacts")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)
DATA = re.compile(r'<script type="application/json" id="reslint-data">(.*?)</script>', re.S)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reslint.toml").write_text('select = ["WS001", "WS002"]\n')
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("Hello  world <script>alert(1)</script> \nA line    with layout.\n")
    (docs / "sub" / "b.md").write_text("# Title\n\nSome  text & more.\r\nx  y\n")
    (docs / "clean.txt").write_text("Nothing to see.\n")
    (docs / "latin1.txt").write_bytes("caf\xe9  au lait\n".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["check", "--output-format", "json", "docs"])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def write_report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", "docs", "-o", "report.html", *args]) == 0
    capsys.readouterr()
    return Path("report.html").read_text(encoding="utf-8")


def embedded(page: str) -> dict[str, object]:
    match = DATA.search(page)
    assert match, "no reslint-data script"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_numbers_equal_check_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = check_json(capsys)
    data = embedded(write_report(capsys))
    assert data["totals"]["diagnostics"] == len(found)  # type: ignore[index]
    assert {c: r["count"] for c, r in data["rules"].items()} == Counter(d["code"] for d in found)  # type: ignore[attr-defined]
    assert data["files"] == Counter(d["filename"] for d in found)
    fixes = Counter((d["fix"] or {}).get("applicability", "none") for d in found)  # type: ignore[attr-defined]
    assert {k: data["totals"][k] for k in ("safe", "unsafe", "none")} == {  # type: ignore[index]
        k: fixes[k] for k in ("safe", "unsafe", "none")
    }
    assert data["families"] == {"whitespace": len(found)}


def test_page_is_self_contained_and_escaped(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write_report(capsys)
    assert not re.search(r"https?://|<link|<img|\ssrc=|@import|url\(", page)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 2  # the JSON data and the inline script


def test_artifacts_shown_with_fix_before_after(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write_report(capsys)
    assert '<div class="diag" data-fix="unsafe" data-code="WS002">' in page
    assert '<mark class="hl">··</mark>world' in page and '<ins class="hl">·</ins>world' in page
    assert '<ins class="hl empty"></ins>' in page  # the trailing space removed
    assert "safe fix</span>" in page and "unsafe fix</span>" in page


def test_a_fix_that_moves_text_shows_one_hunk_per_place() -> None:
    body = "".join(f"Sentence {i} of the body.\n" for i in range(20))
    note = "5 A footnote that was left in the middle.\n"
    text = body[:100] + note + body[100:] + "x" * 500 + "\n"
    start, end = 100, 100 + len(note)
    move = Fix((Edit(start, end, ""), Edit(len(text), len(text), note)), Applicability.UNSAFE, "Move it")
    diagnostic = Diagnostic("FN002", "footnote-in-text", "Footnote 5 interrupts", start, end, fix=move)
    long = Diagnostic("XX001", "long", "A long span", len(text) - 501, len(text) - 1)
    page = render([FileReport("doc.txt", text, [diagnostic, long])], {}, title="t", limits=Limits(0, 0))
    assert page.count('<span class="gap">⋯</span>') == 2  # before and after: two hunks each
    assert '<mark class="hl">5·A·footnote' in page and '<ins class="hl">5·A·footnote' in page
    assert "… 100 characters …" in page  # 500 x's: both ends shown, the middle elided
    assert '<span class="badge unsafe">unsafe fix</span>' in page


def test_files_with_errors_are_listed(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = embedded(write_report(capsys))
    assert [e["path"] for e in data["errors"]] == ["docs/latin1.txt"]  # type: ignore[attr-defined]
    assert data["totals"]["files"] == 4 and data["totals"]["errors"] == 1  # type: ignore[index]


def test_limits_cap_the_listing_not_the_totals(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write_report(capsys, "--max-per-file", "1")
    assert page.count('<div class="diag"') == 2 and "2 more not listed" in page
    assert embedded(page)["totals"]["diagnostics"] == 5  # type: ignore[index]
    page = write_report(capsys, "--max-total", "4")
    assert page.count('<div class="diag"') == 4 and "1 more not listed" in page
    assert Limits(2, 3).quotas([1, 5, 5]) == [1, 2, 0] and Limits(0, 0).quotas([7]) == [7]


def test_config_errors_exit_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "docs", "--select", "NOPE999"]) == 2
    assert "reslint: error:" in capsys.readouterr().err


def chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")


def run_chromium(
    page: Path, profile: Path, *actions: str, fragment: str = ""
) -> subprocess.CompletedProcess[str]:
    cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1800", *actions]
    return subprocess.run([*cmd, page.as_uri() + fragment], capture_output=True, text=True, timeout=120)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture
def examples(tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped example extractions (every default rule), an undecodable file and markup."""
    root = tmp_path / "corpus"
    shutil.copytree(fixtures_dir / "examples", root / "docs")
    (root / "docs" / "latin1.txt").write_bytes("caf\xe9  au lait\n".encode("latin-1"))
    (root / "docs" / "markup.txt").write_text("Hello  <script>alert(1)</script> \n")
    monkeypatch.chdir(root)
    return root


def test_page_in_headless_chromium(
    examples: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chromium()
    found = check_json(capsys)
    assert len({d["code"] for d in found}) > 3, "the examples should exercise several rule families"
    write_report(capsys, "--max-per-file", "40")
    page = examples / "report.html"

    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><script>undefinedFunction();</script></body></html>")
    control = run_chromium(broken, tmp_path / "profile", "--dump-dom")
    assert console_messages(control.stderr), "chromium did not log console errors; the check is blind"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "reslint-report.png"
    shot.unlink(missing_ok=True)
    fragment = "#fix=safe,unsafe&code=WS002"  # the page's filters, read from the address
    dom = run_chromium(page, tmp_path / "profile", "--dump-dom", f"--screenshot={shot}", fragment=fragment)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_messages(dom.stderr) == []
    assert 'data-ready="1"' in dom.stdout, "the page script did not finish"
    assert f'data-diagnostics="{len(found)}"' in dom.stdout
    shown = dict(re.findall(r'data-total="([^"]+)">(\d+)<', dom.stdout))
    assert int(shown["diagnostics"]) == len(found) and int(shown["errors"]) == 1
    by_rule = {unescape(c): int(n) for c, n in re.findall(r'data-rule="([^"]+)">(\d+)<', dom.stdout)}
    assert by_rule == Counter(d["code"] for d in found)
    by_file = {unescape(f): int(n) for f, n in re.findall(r'data-file="([^"]+)">(\d+)<', dom.stdout)}
    assert by_file == Counter(d["filename"] for d in found)
    listed = sum(min(n, 40) for n in by_file.values())
    assert len(re.findall(r'<div class="diag[ "]', dom.stdout)) == listed
    filtered = len(re.findall(r'<div class="diag" data-fix="(?:safe|unsafe)" data-code="WS002"', dom.stdout))
    expected = re.findall(r'data-fix="(?:safe|unsafe)" data-code="WS002"', page.read_text(encoding="utf-8"))
    assert 0 < filtered == len(expected) < listed
    assert f"{filtered} of {listed} listed artifacts shown ({len(found)} found)" in dom.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_files_not_checked_are_named_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A binary or undecodable file was only listed inside the page: the run said nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text("a  b\n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9\n")
    assert main(["report", ".", "-o", "r.html", "--no-cache", "--select", "WS"]) == 0
    err = capsys.readouterr().err
    assert "reslint: error: latin.txt: not valid utf-8" in err
    assert "reslint: wrote r.html (1 diagnostic in 2 files)" in err


@pytest.mark.skipif(os.name != "posix", reason="a file name that is not UTF-8")
def test_file_name_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page could not be written (UnicodeEncodeError traceback, exit 1)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("a  b\n", encoding="utf-8")
    assert main(["report", ".", "-o", "r.html", "--no-cache", "--select", "WS"]) == 0
    assert "caf\\udce9.txt" in (tmp_path / "r.html").read_text(encoding="utf-8")
