"""Reading and writing document files without losing anything.

A file is decoded strictly (UTF-8 by default, with or without BOM; UTF-16/32 by BOM); a
binary or undecodable file raises :class:`InputError` naming the file. Writes go to a
temporary file in the same folder that replaces the original atomically, keep the BOM,
the encoding and the permissions, and happen only when the text changed.
"""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reslint.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BINARY_SNIFF = 8192
# Files that are binary whatever encoding is declared (latin-1 decodes any byte string).
BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "zip/docx/odt"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\0", "TIFF"),
    (b"MM\0*", "TIFF"),
    (b"\x7fELF", "executable"),
)
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


@dataclass(frozen=True)
class SourceFile:
    """A decoded file: its text (BOM removed) and what is needed to write it back alike."""

    path: Path
    text: str
    encoding: str
    bom: bytes = b""
    stamp: tuple[int, int] | None = None  # (mtime_ns, size) when read, to detect changes

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, name: str, encoding: str = "utf-8") -> SourceFile:
    """Decode ``data`` read from ``name``; raise :class:`InputError` if it is not text."""
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], name, bom_encoding, bom)
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: binary file ({kind}); not checked")
    if b"\0" in data[:BINARY_SNIFF]:
        raise InputError(f"{name}: binary file (NUL bytes); not checked")
    return _decode(data, name, encoding, b"")


def _decode(body: bytes, name: str, encoding: str, bom: bytes) -> SourceFile:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} (byte {exc.start}: {body[exc.start : exc.start + 1]!r}); "
            "declare the file's encoding with --encoding or the `encoding` setting"
        ) from exc
    except LookupError as exc:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from exc
    if "\0" in text:
        raise InputError(f"{name}: binary file (NUL characters); not checked")
    return SourceFile(Path(name), text, encoding, bom)


def read_source(path: Path, encoding: str = "utf-8") -> SourceFile:
    """Read a regular file (FIFOs and devices are refused: they could block or never end)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; no effect on regular files.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{path}: not a regular file; not checked")
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    source = decode(data, str(path), encoding)
    return SourceFile(path, source.text, source.encoding, source.bom, (info.st_mtime_ns, info.st_size))


def write_source(source: SourceFile, text: str) -> bool:
    """Atomically replace the file with ``text`` if it differs; return whether it was written.

    A symlink is followed (its target is replaced, the link kept); owner and permissions are
    kept; a read-only file, or one that changed on disk since it was read, is not overwritten.
    """
    if text == source.text:
        return False
    name = source.path
    try:
        data = source.encode(text)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        raise InputError(
            f"{name}: the fixed text has {char!r} (U+{ord(char):04X}), which {source.encoding} "
            "cannot encode; file left unchanged"
        ) from exc
    path = Path(os.path.realpath(name))
    try:
        info = path.stat()
        if source.stamp is not None and (info.st_mtime_ns, info.st_size) != source.stamp:
            raise InputError(f"{name}: changed on disk while reslint ran; fixes not written")
        if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
            # the rename would replace it all the same (even for root): a read-only file stays
            raise InputError(f"{name}: read-only file; fixes not written")
        replace_atomically(path, data, like=info)
    except OSError as exc:
        raise InputError(f"{name}: cannot write: {exc.strerror or exc}; file left unchanged") from exc
    return True


def replace_atomically(
    path: Path, data: bytes, like: os.stat_result | None = None, *, durable: bool = True
) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Readers see the old file or the new one, never part of it; ``like`` gives the mode and
    owner to keep. ``durable`` flushes the data to disk before the rename (skip it for files
    that can be rebuilt, such as cache entries). On any failure (OSError, KeyboardInterrupt)
    the temporary file is removed and the exception propagates.
    """
    import tempfile  # here: it pulls shutil and random (~4 ms), which runs that write nothing skip

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".reslint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if like is not None:
            os.chmod(tmp, stat.S_IMODE(like.st_mode))
            if hasattr(os, "chown"):
                with contextlib.suppress(PermissionError):  # only root may give a file away
                    os.chown(tmp, like.st_uid, like.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def is_excluded(path: Path, patterns: Iterable[str], root: Path | None) -> bool:
    """Whether ``path`` or one of its parent folders matches an exclude glob."""
    candidates = {path.as_posix(), path.name, *path.parts}
    if root is not None:
        try:
            candidates.add(path.resolve().relative_to(root).as_posix())
        except (ValueError, OSError):
            pass
    return any(fnmatch.fnmatch(c, p) for p in patterns for c in candidates)


def discover(
    paths: Iterable[Path], exclude: Iterable[str], root: Path | None, *, force_exclude: bool = False
) -> Iterator[Path]:
    """Files to check, each once (a file named twice, or inside a folder also named, or a link
    beside its target, was checked twice, and two processes could fix it at once): folders are
    walked for text files (sorted, excludes honoured); files named explicitly are always checked
    unless ``force_exclude`` (as pre-commit needs)."""
    seen: set[str] = set()
    for path in _candidates(paths, tuple(exclude), root, force_exclude):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            yield path


def _candidates(
    paths: Iterable[Path], patterns: tuple[str, ...], root: Path | None, force_exclude: bool
) -> Iterator[Path]:
    """The files ``paths`` name or hold, before duplicates are dropped."""
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                here = Path(folder)
                dirs[:] = sorted(d for d in dirs if not is_excluded(here / d, patterns, root))
                for name in sorted(files):
                    candidate = here / name
                    if candidate.suffix.lower() in TEXT_SUFFIXES and not is_excluded(
                        candidate, patterns, root
                    ):
                        yield candidate
        elif not (force_exclude and is_excluded(path, patterns, root)):
            yield path
