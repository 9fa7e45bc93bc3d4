"""Bad input, through the CLI and the library: a clear error naming the file, exit 2, the
other files still checked, and nothing written for the bad one."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest

import reslint
from reslint.cli import main
from reslint.errors import InputError
from reslint.files import decode, read_source

FIXABLE = "Les  États Membres \nont décidé.\n"
FIXED = "Les États Membres\nont décidé.\n"
SELECT = ["--select", "WS001,WS002", "--no-cache"]
SHARED_PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "un" / "pdf"


def check(*args: str) -> int:
    return main(["check", *SELECT, *args])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    return path


BAD_FILES: dict[str, bytes] = {
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n  x  y \nendstream\n",
    "pdf-ascii": b"%PDF-1.1\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    "docx": b"PK\x03\x04\x14\x00\x06\x00word/document.xml  x  y \n",
    "png": b"\x89PNG\r\n\x1a\n  x  y \n",
    "nul-start": b"\x00\x01\x02 text  text \n",
    "nul-late": b"a  b\n" * 3000 + b"\x00 end\n",
    "utf16-no-bom": "a  b\n".encode("utf-16-le"),
    "invalid-utf8": b"caf\xe9  au lait\n",
    "truncated-utf8": b"\xc3\xa9t\xc3",
    "surrogate-utf8": b"a \xed\xa0\x80 b\n",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_an_error_naming_it_and_the_others_are_fixed(
    kind: str, tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"bad-{kind}.txt"
    bad.write_bytes(BAD_FILES[kind])
    before = os.stat(bad)
    assert check("--fix", str(bad), str(good)) == 2
    err = capsys.readouterr().err
    assert f"reslint: error: {bad}:" in err
    assert bad.read_bytes() == BAD_FILES[kind] and os.stat(bad).st_mtime_ns == before.st_mtime_ns
    assert good.read_text(encoding="utf-8") == FIXED
    with pytest.raises(InputError, match="bad-"):
        read_source(bad)


@pytest.mark.parametrize("kind", ["pdf", "pdf-ascii", "docx", "png", "nul-start", "nul-late"])
def test_binary_stays_binary_when_a_single_byte_encoding_is_declared(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """latin-1 decodes any bytes: the binary checks must still refuse the file."""
    bad = tmp_path / "doc.txt"
    bad.write_bytes(BAD_FILES[kind])
    assert check("--fix", "--encoding", "latin-1", str(bad)) == 2
    assert "binary file" in capsys.readouterr().err
    assert bad.read_bytes() == BAD_FILES[kind]


@pytest.mark.skipif(not SHARED_PDFS.is_dir(), reason="needs ../shared/corpus")
def test_real_pdfs_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    pdfs = sorted(SHARED_PDFS.glob("*.pdf"))[:5]
    for encoding in ("utf-8", "latin-1"):
        assert check("--fix", "--encoding", encoding, *map(str, pdfs)) == 2
        assert capsys.readouterr().err.count("binary file (PDF)") == len(pdfs)


@pytest.mark.parametrize(
    ("encoding", "how"), [("cp1252", "option"), ("latin-1", "option"), ("cp1252", "setting")]
)
def test_declared_single_byte_encoding_is_read_and_written_back_alike(
    encoding: str, how: str, tmp_path: Path
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(FIXABLE.encode(encoding) + "« café » ±\n".encode(encoding))
    if how == "option":
        assert check("--fix", "--encoding", encoding, str(path)) == 0
    else:
        (tmp_path / "reslint.toml").write_text(f'encoding = "{encoding}"\n')
        assert check("--fix", str(path)) == 0
    assert path.read_bytes() == (FIXED + "« café » ±\n").encode(encoding)


def test_byte_undefined_in_cp1252_and_unknown_encoding_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"a  b \x81\n")
    assert check("--fix", "--encoding", "cp1252", str(path)) == 2
    assert f"{path}: not valid cp1252 (byte 5: b'\\x81')" in capsys.readouterr().err
    assert check("--encoding", "no-such-codec", str(path)) == 2
    assert "unknown encoding 'no-such-codec'" in capsys.readouterr().err
    assert path.read_bytes() == b"a  b \x81\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_files_are_fixed_and_keep_bom_and_encoding(bom: bytes, encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + FIXABLE.replace("\n", "\r\n").encode(encoding))
    assert check("--fix", str(path)) == 0
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(encoding)


@pytest.mark.parametrize("content", [b"", b"\n", codecs.BOM_UTF8, b"\r\n\r\n", b"\f", b" ", b"\t\n"])
def test_empty_and_blank_files(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert main(["check", "--no-cache", "--fix", "--exit-zero", str(path)]) == 0
    assert path.read_bytes() == content or path.read_bytes().strip(b" \t") == content.strip(b" \t")


def test_mixed_line_endings_untouched_lines_keep_theirs(tmp_path: Path) -> None:
    lines = [b"a  b \r\n", b"plain\n", b"keep\r\n", b"x  y\n", b"old mac\rline\r\n", b"last  one"]
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"".join(lines))
    assert check("--fix", str(path)) == 0
    expected = [b"a b\r\n", b"plain\n", b"keep\r\n", b"x y\n", b"old mac\rline\r\n", b"last one"]
    assert path.read_bytes() == b"".join(expected)


def test_mixed_line_endings_with_every_default_rule(tmp_path: Path) -> None:
    """Whatever the rules do, a line no fix touched keeps its ending."""
    text = "Les  États Membres ,\r\nont décidé\n\nd ’adopter la résolution.\r\nFin.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode())
    main(["check", "--no-cache", "--fix", "--lang", "fr", str(path)])
    fixed = path.read_bytes().decode()
    assert fixed == reslint.fix(text, lang="fr").text
    for line in ("Fin.\n",):
        assert line in fixed


def test_unreadable_file(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """chmod 000 does not stop root, so the refusal is simulated."""
    locked = tmp_path / "locked.txt"
    locked.write_text(FIXABLE)
    real_open = os.open

    def deny(path: str | os.PathLike[str], *args: int, **kwargs: int) -> int:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert check("--fix", str(locked), str(good)) == 2
    assert f"{locked}: cannot read: Permission denied" in capsys.readouterr().err
    assert locked.read_text() == FIXABLE and good.read_text() == FIXED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(FIXABLE)
    locked.chmod(0)
    assert check("--fix", str(locked)) == 2
    assert "cannot read" in capsys.readouterr().err


def test_symlinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real.txt"
    target.write_text(FIXABLE)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert check("--fix", str(link), str(dangling), str(loop)) == 2
    err = capsys.readouterr().err
    assert f"{dangling}: cannot read" in err and f"{loop}: cannot read" in err
    assert link.is_symlink() and target.read_text() == FIXED


def test_fifo_and_devices_are_refused_without_blocking(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert check(str(fifo), "/dev/zero") == 2
    out, err = capsys.readouterr()
    assert "All checks passed" not in out and "2 file(s) not checked" in out
    assert f"{fifo}: not a regular file" in err and "/dev/zero: not a regular file" in err


def test_missing_file_and_folder_given_as_paths(tmp_path: Path, good: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert check("--fix", str(tmp_path / "nope.txt"), str(good)) == 2
    assert f"{tmp_path / 'nope.txt'}: cannot read: No such file" in capsys.readouterr().err
    assert good.read_text() == FIXED


def test_file_deleted_while_reslint_runs_is_not_recreated(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reslint.check

    victim = tmp_path / "victim.txt"
    victim.write_text(FIXABLE)
    real_write = reslint.check.write_source

    def delete_then_write(source, text):  # type: ignore[no-untyped-def]
        if source.path.name == "victim.txt":
            source.path.unlink()
        return real_write(source, text)

    monkeypatch.setattr(reslint.check, "write_source", delete_then_write)
    assert check("--fix", str(victim), str(good)) == 2
    assert f"{victim}: cannot write: No such file" in capsys.readouterr().err
    assert not victim.exists() and not list(tmp_path.glob(".*reslint-tmp"))
    assert good.read_text() == FIXED


def test_file_changed_while_reslint_runs_keeps_the_new_content(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reslint.check

    victim = tmp_path / "victim.txt"
    victim.write_text(FIXABLE)
    real_write = reslint.check.write_source
    edited = "Someone else  saved this meanwhile.\n"

    def edit_then_write(source, text):  # type: ignore[no-untyped-def]
        if source.path.name == "victim.txt":
            source.path.write_text(edited)
            os.utime(source.path, ns=(1, 1))  # even within one mtime tick the size differs
        return real_write(source, text)

    monkeypatch.setattr(reslint.check, "write_source", edit_then_write)
    assert check("--fix", str(victim), str(good)) == 2
    assert f"{victim}: changed on disk while reslint ran; fixes not written" in capsys.readouterr().err
    assert victim.read_text() == edited and good.read_text() == FIXED


def test_nul_and_control_characters_in_library_input() -> None:
    """The library takes any str: NUL, lone surrogates, CR-only and control characters."""
    for text in ("a\0  b \n", "\ud800  x \n", "a  b\rc  d\r", "\x01\x02  \x7f\x85 \n", "\u2028a  b\u2029"):
        reslint.lint(text, select=["ALL"])
        fixed = reslint.fix(text, select=["WS001", "WS002"]).text
        assert "  " not in fixed
        assert reslint.fix(fixed, select=["WS001", "WS002"]).text == fixed


def test_decode_refuses_what_is_not_text_with_its_name() -> None:
    for data in BAD_FILES.values():
        with pytest.raises(InputError, match="^doc.bin: "):
            decode(data, "doc.bin")


def test_stdin_bad_input_passes_through_unchanged(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data = BAD_FILES["invalid-utf8"]
    stdout = io.BytesIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(stdout))
    assert check("--fix", "-") == 2
    sys.stdout.flush()
    assert stdout.getvalue() == data
    assert "not valid utf-8" in capsys.readouterr().err


SENTENCE = "Les États Membres ont décidé d’adopter la résolution 72/194. "


def test_one_line_of_10_mb(tmp_path: Path) -> None:
    """One 10 MB line with no newline at all: read, checked, fixed, written back."""
    path = tmp_path / "line.txt"
    chunk = SENTENCE * 1000 + "a  b "
    count = 10_000_000 // len(chunk.encode())
    path.write_text(chunk * count, encoding="utf-8")
    assert check("--fix", str(path)) == 0
    fixed = SENTENCE * 1000 + "a b "
    assert path.read_text(encoding="utf-8") == fixed * (count - 1) + fixed.rstrip()


def test_50_mb_file_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    block = SENTENCE.strip() + "\r\n"
    count = 50_000_000 // len(block.encode())
    path.write_bytes((block * count).encode() + b"last  line \r\n")
    assert check("--fix", str(path)) == 0
    data = path.read_bytes()
    assert len(data) == len(block.encode()) * count + len(b"last line\r\n")
    assert data.endswith(block.encode() + b"last line\r\n") and data.count(b"\r\n") == count + 1
