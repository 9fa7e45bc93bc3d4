"""`reslint check` end to end: formats, fixing, diff, stdin, exit codes, errors."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reslint.cli import main

SEED = "Soulignant de nouveau qu’il faut renforcer la coopération internationale,  et \nla Charte\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    (tmp_path / "reslint.toml").write_text('select = ["WS"]\n')
    return write(tmp_path / "doc.txt", SEED)


def test_check_reports_positions_and_exit_1(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "concise", str(doc)]) == 1
    out = capsys.readouterr().out
    assert f"{doc}:1:74: WS002 [*] 2 spaces in a row" in out
    assert f"{doc}:1:78: WS001 [*] Trailing whitespace" in out


def test_full_format_shows_source_line_caret_and_fix_hint(
    doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(doc)])
    out = capsys.readouterr().out
    assert "1 | Soulignant de nouveau" in out
    assert "^^" in out and "= fix: Use one space → ` `" in out
    assert "Found 2 diagnostics." in out
    write(doc, "a  b\n")
    main(["check", str(doc)])
    assert "Found 1 diagnostic.\n" in capsys.readouterr().out


def test_fix_writes_once_names_the_file_and_keeps_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["WS"]\n')
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.encode())
    assert main(["check", "--fix", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + SEED.replace(",  et ", ", et").encode()
    assert f"Fixed {path} (2 fixes: WS001, WS002)" in capsys.readouterr().err
    mtime = path.stat().st_mtime_ns
    assert main(["check", "--fix", str(path)]) == 0
    assert path.stat().st_mtime_ns == mtime  # unchanged files are never rewritten


def test_exit_non_zero_on_fix_and_exit_zero(doc: Path) -> None:
    assert main(["check", "--fix", "--exit-non-zero-on-fix", str(doc)]) == 1
    write(doc, SEED)
    assert main(["check", "--exit-zero", str(doc)]) == 0


def test_diff_writes_nothing(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diff", str(doc)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{doc}\n+++ b/{doc}\n")
    assert "+Soulignant de nouveau qu’il faut renforcer la coopération internationale, et\n" in out
    assert doc.read_text(encoding="utf-8") == SEED


def test_json_and_json_lines_and_sarif(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--output-format", "json", str(doc)])
    items = json.loads(capsys.readouterr().out)
    assert [(i["code"], i["location"], i["start"]) for i in items] == [
        ("WS002", {"row": 1, "column": 74}, 73),
        ("WS001", {"row": 1, "column": 78}, 77),
    ]
    assert items[0]["fix"]["edits"] == [{"start": 73, "end": 75, "content": " "}]
    main(["check", "--output-format", "json-lines", str(doc)])
    assert [json.loads(line)["code"] for line in capsys.readouterr().out.splitlines()] == ["WS002", "WS001"]
    main(["check", "--output-format", "sarif", str(doc)])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 74, 76)


def test_github_annotations(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--output-format", "github", str(doc)])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"::warning file={doc},line=1,col=74,endLine=1,endColumn=76,")


def test_statistics(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--statistics", str(doc)])
    lines = capsys.readouterr().out.splitlines()
    assert any("WS001" in line and "[*]" in line and line.strip().startswith("1") for line in lines)
    main(["check", "--statistics", "--output-format", "json", str(doc)])
    rows = json.loads(capsys.readouterr().out)
    assert {"code": "WS001", "name": "trailing-whitespace", "count": 1, "fixable": True} in rows


def test_binary_and_invalid_files_are_errors_but_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["WS"]\n')
    write(tmp_path / "good.txt", "a  b\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    (tmp_path / "pdf.txt").write_bytes(b"%PDF-1.4\n\x00\x01")
    assert main(["check", "--fix", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'bad.txt'}: not valid utf-8" in err
    assert f"{tmp_path / 'pdf.txt'}: binary file" in err
    assert (tmp_path / "good.txt").read_text() == "a b\n"
    assert (tmp_path / "bad.txt").read_bytes() == b"caf\xe9 au lait\n"
    assert main(["check", "--encoding", "cp1252", str(tmp_path / "bad.txt")]) == 0


def test_exclude_globs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["WS"]\nextend-exclude = ["drafts"]\n')
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts" / "d.txt", "a  b\n")
    write(tmp_path / "ok.txt", "a b\n")
    assert main(["check", str(tmp_path)]) == 0
    assert main(["check", "--force-exclude", str(tmp_path / "drafts" / "d.txt")]) == 0
    assert main(["check", str(tmp_path / "drafts" / "d.txt")]) == 1


def test_config_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["NOPE1"]\n')
    write(tmp_path / "a.txt", "x\n")
    assert main(["check", str(tmp_path / "a.txt")]) == 2
    assert "unknown rule selector `NOPE1`" in capsys.readouterr().err
    assert main(["check", "--select", "WS001", "--config", str(tmp_path / "missing.toml"), "x"]) == 2


def test_rules_and_rule_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--output-format", "json"]) == 0
    rules = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["WS001"]["fix"] == "safe" and rules["WS001"]["default"] == "on"
    assert main(["rule", "multiple-spaces"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WS002 multiple-spaces (whitespace; fix: safe; default: on)")
    assert "Fix safety:" in out
    assert main(["rule", "XX"]) == 2


def test_stdin_fix_sends_text_to_stdout_and_diagnostics_to_stderr(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("reslint")
    result = subprocess.run(
        [str(exe), "check", "--fix", "--unsafe-fixes", "--stdin-filename", "doc.txt", "-"],
        input=SEED.encode(),
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    out = result.stdout.decode()
    assert "coopération internationale, et\nla Charte\n" in out
    assert "Found" in result.stderr.decode()
    plain = subprocess.run(
        [str(exe), "check", "--select", "WS", "--output-format", "concise", "-"],
        input=SEED.encode(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert plain.returncode == 1
    assert "-:1:74: WS002" in plain.stdout.decode()


def test_rules_markdown_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--output-format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| [WS001](#ws001) | trailing-whitespace | whitespace | safe | on | any |" in out
    assert "## WS002\n\n**multiple-spaces** (whitespace)" in out
    assert "**Fix safety:**\nSafe for runs of two or three spaces." in out


def test_diff_is_a_valid_patch_with_form_feeds_and_no_final_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pdftotext puts a form feed at each page; ``str.splitlines`` cut lines there, so the hunk
    counts were off and ``patch`` rejected the diff ("malformed patch")."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    path = write(tmp_path / "d.txt", "a  b\n\fc  d\u2028e")
    assert main(["check", "--diff", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,2 +1,2 @@\n"
        "-a  b\n-\fc  d\u2028e\n\\ No newline at end of file\n"
        "+a b\n+\fc d\u2028e\n\\ No newline at end of file\n"
    )


def test_full_format_caret_under_wide_characters_and_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Columns are code points, but the caret goes under the span as a terminal shows it: a
    CJK character takes two columns, a combining accent none, a form feed is shown as ␌."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    path = write(tmp_path / "w.txt", "\t中文 e\u0301  x\n\fa  b\n")
    assert main(["check", "--output-format", "full", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:1:7: WS002" in out
    assert "  1 |  中文 e\u0301  x\n" + " " * 13 + "^^\n" in out
    assert "  2 | ␌a  b\n" + " " * 8 + "^^\n" in out


def test_full_format_cuts_a_long_line_around_the_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A one-line extraction: each diagnostic shows its span with some context, not the whole
    line (1,568 diagnostics on a 2 MB line printed 3 GB)."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    words = "word " * 10_000
    path = write(tmp_path / "long.txt", f"{words}a  b {words}\n")
    assert main(["check", "--output-format", "full", str(path)]) == 1
    out = capsys.readouterr().out
    shown = next(line for line in out.splitlines() if line.startswith("  1 | "))
    assert shown == "  1 | …" + (words + "a")[-60:] + "  " + ("b " + words)[:60] + "…"
    caret = next(line for line in out.splitlines() if line.strip() == "^^")
    assert caret.index("^") == shown.index("a  b") + 1


def test_sarif_uris_are_percent_encoded_and_github_info_is_a_notice() -> None:
    """A path with a space or an accented letter made an invalid SARIF ``uri`` (GitHub code
    scanning maps results by it); an absolute path becomes a ``file://`` URI. An info
    diagnostic is a GitHub ``notice``, not a ``warning``."""
    import io

    from reslint.diagnostics import Diagnostic, Severity
    from reslint.formats.sarif import write_sarif
    from reslint.formats.text import write_github
    from reslint.report_model import FileReport

    def uri(path: str) -> str:
        diagnostic = Diagnostic("WS002", "multiple-spaces", "m", 1, 3, line=1, column=2)
        out = io.StringIO()
        write_sarif([FileReport(path, "a  b\n", [diagnostic])], out)
        [result] = json.loads(out.getvalue())["runs"][0]["results"]
        return str(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])

    assert uri("docs/résumé 1.txt") == "docs/r%C3%A9sum%C3%A9%201.txt"
    assert uri("/srv/a b/c#1.txt") == "file:///srv/a%20b/c%231.txt"
    info = Diagnostic("FN004", "footnote-numbering", "m", 0, 1, severity=Severity.INFO, line=1, column=1)
    out = io.StringIO()
    write_github([FileReport("d.txt", "x\n", [info])], out)
    assert out.getvalue().startswith("::notice file=d.txt,line=1,col=1,")


def test_diff_is_in_the_file_encoding_with_its_bom(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A cp1252 file's diff was written in UTF-8 and a BOM file's first line lacked its BOM:
    ``patch`` rejected both hunks. The diff now holds the file's own bytes."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    latin = tmp_path / "l.txt"
    latin.write_bytes(b"d\xe9veloppement  durable\n")
    bom = tmp_path / "b.txt"
    bom.write_bytes(b"\xef\xbb\xbfa  b\n")
    assert main(["check", "--diff", "--encoding", "cp1252", str(latin), str(bom)]) == 1
    assert capsysbinary.readouterr().out == (
        b"--- a/%s\n+++ b/%s\n@@ -1 +1 @@\n-d\xe9veloppement  durable\n+d\xe9veloppement durable\n"
        b"--- a/%s\n+++ b/%s\n@@ -1 +1 @@\n-\xef\xbb\xbfa  b\n+\xef\xbb\xbfa b\n"
    ) % (bytes(latin), bytes(latin), bytes(bom), bytes(bom))
    wide = tmp_path / "w.txt"
    wide.write_bytes(codecs.BOM_UTF16_LE + "é  b\n".encode("utf-16-le"))
    assert main(["check", "--diff", str(wide)]) == 1
    assert capsysbinary.readouterr().out.endswith("@@ -1 +1 @@\n-é  b\n+é b\n".encode())  # readable


def test_diff_of_a_fix_the_encoding_cannot_hold_is_an_error() -> None:
    from reslint.check import unified_diff
    from reslint.errors import InputError
    from reslint.files import SourceFile

    source = SourceFile(Path("l.txt"), "l 'eau\n", "latin-1")
    with pytest.raises(InputError, match="latin-1 cannot encode the fixed text"):
        unified_diff(source, "l’eau\n", "l.txt")


def test_output_a_latin1_terminal_cannot_show_does_not_crash(tmp_path: Path) -> None:
    """Arabic or Chinese diagnostics under a Latin-1 locale ended in a UnicodeEncodeError
    traceback; text formats now escape them, JSON is written in UTF-8."""
    exe = Path(sys.executable).with_name("reslint")
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    write(tmp_path / "ar.txt", "مرحبا  بكم\n")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    for fmt in ("full", "json"):
        done = subprocess.run(
            [str(exe), "check", "--no-cache", "--output-format", fmt, "ar.txt"],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert (done.returncode, done.stderr) == (1, b"")
        if fmt == "json":
            assert json.loads(done.stdout.decode("utf-8"))[0]["filename"] == "ar.txt"
        else:
            assert b"\\u0645\\u0631\\u062d\\u0628\\u0627  " in done.stdout


def test_fix_only_reports_nothing_that_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ruff's ``--fix-only``: what the pre-commit fix hook needs (the check hook reports the rest)."""
    (tmp_path / "reslint.toml").write_text('select = ["WS", "CH005"]\n')
    path = write(tmp_path / "d.txt", "a  b\n\ue000 c\n")
    assert main(["check", "--fix-only", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Fixed 1 diagnostic.\n" and "CH005" not in captured.out + captured.err
    assert path.read_text(encoding="utf-8") == "a b\n\ue000 c\n"
    assert main(["check", "--fix-only", "--exit-non-zero-on-fix", str(path)]) == 0
    assert capsys.readouterr().out == "Nothing to fix.\n"
    assert main(["check", "--fix", str(path)]) == 1


def test_help_lists_exit_codes_and_jobs_must_not_be_negative(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "exit codes:\n  0  no diagnostics remain" in out and "\n  2  usage, configuration" in out
    with pytest.raises(SystemExit) as exited:
        main(["check", "--jobs", "-1", "x"])
    assert exited.value.code == 2
    assert "--jobs/-j: must be 0 (all cores) or more, not -1" in capsys.readouterr().err


def test_a_file_named_twice_is_checked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``reslint check docs docs/a.txt ./docs/a.txt``: one report per file (it was three, and
    parallel workers could fix the same file at once)."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(9):
        write(docs / f"{i}.txt", "a  b\n")
    (docs / "link.txt").symlink_to(docs / "0.txt")
    named = [str(docs), str(docs / "0.txt"), f"{docs}/./0.txt", str(docs / "link.txt")]
    assert main(["check", "--output-format", "concise", "--jobs", "2", *named]) == 1
    assert capsys.readouterr().out.count("WS002") == 9
    assert main(["check", "--fix", "--jobs", "2", *named]) == 0
    assert "error" not in capsys.readouterr().err


def test_force_exclude_applies_to_the_stdin_filename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ruff: an editor piping an excluded file gets it back unchanged and no diagnostics."""
    import io

    monkeypatch.chdir(tmp_path)
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\nextend-exclude = ["drafts"]\n')

    def run(*args: str) -> tuple[int, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a  b\n")))
        code = main(["check", "--stdin-filename", "drafts/x.txt", *args, "-"])
        return code, capsys.readouterr().out

    assert run("--force-exclude") == (0, "")
    assert run("--force-exclude", "--fix") == (0, "a  b\n")
    assert run("--fix") == (0, "a b\n")


def test_output_file(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ruff's ``-o``: SARIF for code scanning written to a file, the exit code unchanged."""
    report = tmp_path / "out" / "r.sarif"
    report.parent.mkdir()
    assert main(["check", "--output-format", "sarif", "-o", str(report), str(doc)]) == 1
    assert capsys.readouterr().out == ""
    assert len(json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]) == 2
    assert main(["check", "-o", str(tmp_path / "missing" / "r.txt"), str(doc)]) == 2
    assert "reslint: error: cannot write" in capsys.readouterr().err


def test_no_files_found_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of .rst files was 'All checks passed!' with no word that nothing was read."""
    write(tmp_path / "a.rst", "a  b\n")
    assert main(["check", str(tmp_path)]) == 0
    warning = "reslint: warning: no files to check (.markdown, .md, .text, .txt in folders)"
    assert warning in capsys.readouterr().err


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8")
def test_file_name_that_is_not_utf8_in_json_and_sarif(tmp_path: Path, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    """JSON and SARIF stopped with a UnicodeEncodeError traceback (and exit 1, as if findings)."""
    (tmp_path / "reslint.toml").write_text('select = ["WS002"]\n')
    name = os.fsdecode(b"caf\xe9.txt")
    write(tmp_path / name, "a  b\n")
    assert main(["check", "--output-format", "json", str(tmp_path)]) == 1
    [item] = json.loads(capsysbinary.readouterr().out)
    assert Path(item["filename"]).exists()
    assert main(["check", "--output-format", "sarif", "--no-cache", str(tmp_path / name)]) == 1
    [result] = json.loads(capsysbinary.readouterr().out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/caf%E9.txt")


def test_internal_error_exits_2(doc: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """A bug's traceback exited 1, which CI reads as 'diagnostics found'."""
    import reslint.check

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(reslint.check, "_exit_code", broken)
    assert main(["check", str(doc)]) == 2
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err and "reslint: error: internal error" in err


def test_stdin_mixed_with_files_is_a_usage_error(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check - a.txt`` looked for a file named '-' ("cannot read: No such file")."""
    assert main(["check", "-", str(doc)]) == 2
    assert "`-` (standard input) cannot be checked together with files" in capsys.readouterr().err


def test_fix_hint_and_line_show_control_characters_and_line_separators() -> None:
    """An escape character was printed raw (a terminal escape sequence), a replacement newline
    broke the hint's line, and U+2028 broke the shown line in some terminals."""
    import io

    from reslint.diagnostics import Diagnostic, Fix
    from reslint.formats.text import fix_hint, write_full
    from reslint.report_model import FileReport

    newline = Diagnostic("CH004", "control-character", "m", 3, 4, Fix.replace(3, 4, "\n"), line=1, column=4)
    assert fix_hint(newline) == "fix: `␊`"
    separator = Diagnostic("CH009", "line-separator", "m", 4, 5, line=1, column=5, end_line=1, end_column=6)
    out = io.StringIO()
    write_full([FileReport("d.txt", "a\x1bb\x0b\u2028c\n", [separator])], out)
    assert "  1 | a␛b␋␤c\n" + " " * 10 + "^\n" in out.getvalue()
