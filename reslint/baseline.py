"""Baselines: record today's diagnostics so that only new ones are reported.

An entry is keyed on the rule code, the file (posix path relative to the baseline file's
folder) and a hash of the matched text with a little context on its line(s), whitespace
normalised, plus an occurrence index among identical keys. Line numbers play no part, so
editing elsewhere in a file or moving a paragraph keeps old findings suppressed; a fixed
finding leaves its entry stale.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from reslint.diagnostics import Diagnostic
from reslint.errors import InputError
from reslint.files import read_source, replace_atomically, write_source
from reslint.linter import RULE_FAILURE_CODE
from reslint.report_model import FileReport

VERSION = 1
CONTEXT = 16  # code points of context kept on each side of the matched text (same line only)
LINE_BREAKS = "\n\r"
STALE_LISTED = 20  # stale entries listed by name; the rest are counted


@dataclass(frozen=True, order=True)
class Entry:
    """One recorded diagnostic."""

    file: str
    code: str
    hash: str
    occurrence: int

    def to_json(self) -> str:
        return json.dumps(
            {"file": self.file, "code": self.code, "hash": self.hash, "occurrence": self.occurrence},
            ensure_ascii=False,
        )


def fingerprint(text: str, start: int, end: int) -> str:
    """Hash of ``text[start:end]`` with up to ``CONTEXT`` code points around it on its lines."""
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    cut = max(before.rfind(c) for c in LINE_BREAKS)
    before = before[cut + 1 :]
    stops = [i for i in (after.find(c) for c in LINE_BREAKS) if i != -1]
    after = after[: min(stops)] if stops else after
    key = "\x1f".join(" ".join(part.split()) for part in (before, text[start:end], after))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def relative_file(path: str, folder: Path) -> str:
    """``path`` as recorded in a baseline kept in ``folder``."""
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()


def keyed(report: FileReport, folder: Path) -> Iterator[tuple[Entry, Diagnostic]]:
    """The baseline entry of each diagnostic of ``report`` (rule failures excepted)."""
    file = relative_file(report.path, folder)
    seen: Counter[tuple[str, str]] = Counter()
    for d in report.diagnostics:
        if d.code == RULE_FAILURE_CODE:
            continue
        key = (d.code, fingerprint(report.text, d.start, d.end))
        yield Entry(file, key[0], key[1], seen[key]), d
        seen[key] += 1


@dataclass(frozen=True)
class Baseline:
    """The entries of one baseline file."""

    path: Path
    entries: frozenset[Entry]

    @property
    def folder(self) -> Path:
        return self.path.parent

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError(
                f"baseline {path} not found; create it with `reslint check --write-baseline {path}`"
            ) from exc
        except OSError as exc:
            raise InputError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
        except ValueError as exc:
            raise InputError(f"baseline {path} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise InputError(f"baseline {path}: unsupported format (expected version {VERSION})")
        try:
            entries = frozenset(Entry(**_entry_fields(e)) for e in data["entries"])
        except (KeyError, TypeError) as exc:
            raise InputError(f"baseline {path}: malformed entry ({exc})") from exc
        return cls(path, entries)

    @classmethod
    def load_or_empty(cls, path: Path) -> Baseline:
        return cls.load(path) if path.exists() else cls(path, frozenset())

    def filter(self, reports: Sequence[FileReport]) -> tuple[list[FileReport], list[Entry]]:
        """Reports without the recorded diagnostics, and the stale entries: those of the
        checked files that matched nothing, and those of files that no longer exist."""
        matched: set[Entry] = set()
        out = []
        for report in reports:
            if report.error is not None:
                out.append(report)
                continue
            kept = []
            for entry, d in keyed(report, self.folder):
                if entry in self.entries:
                    matched.add(entry)
                else:
                    kept.append(d)
            kept.extend(d for d in report.diagnostics if d.code == RULE_FAILURE_CODE)
            out.append(replace(report, diagnostics=sorted(kept, key=Diagnostic.sort_key)))
        judged = self._checked_files(reports) | self._gone_files()
        stale = [e for e in self.entries if e not in matched and e.file in judged]
        return out, sorted(stale)

    def updated(self, reports: Sequence[FileReport]) -> Baseline:
        """This baseline with the entries of the checked files replaced by their current
        diagnostics; entries of files not checked are kept unless the file is gone."""
        replaced = self._checked_files(reports) | self._gone_files()
        kept = {e for e in self.entries if e.file not in replaced}
        current = {entry for r in reports if r.error is None for entry, _ in keyed(r, self.folder)}
        return Baseline(self.path, frozenset(kept | current))

    def write(self) -> None:
        """Write the entries sorted, one a line (diff-friendly JSON, LF line ends)."""
        items = [f"    {e.to_json()}" for e in sorted(self.entries)]
        entries = "[\n" + ",\n".join(items) + "\n  ]" if items else "[]"
        body = f'{{\n  "version": {VERSION},\n  "entries": {entries}\n}}\n'
        # a file name's undecodable byte (a lone surrogate) as its JSON escape: UTF-8 cannot hold it
        body = body.encode("utf-8", "backslashreplace").decode("utf-8")
        if self.path.exists():  # atomically, and only if it changed
            write_source(read_source(self.path), body)
            return
        try:
            replace_atomically(self.path, body.encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot write baseline {self.path}: {exc.strerror or exc}") from exc

    def _checked_files(self, reports: Iterable[FileReport]) -> set[str]:
        return {relative_file(r.path, self.folder) for r in reports if r.error is None}

    def _gone_files(self) -> set[str]:
        return {f for f in {e.file for e in self.entries} if not (self.folder / f).exists()}


def _entry_fields(raw: Any) -> dict[str, Any]:
    fields = {k: raw[k] for k in ("file", "code", "hash", "occurrence")}
    if not all(isinstance(fields[k], str) for k in ("file", "code", "hash")) or not isinstance(
        fields["occurrence"], int
    ):
        raise TypeError(f"bad field types in {raw!r}")
    return fields


def write_stale(stale: Sequence[Entry], baseline: Path, out: TextIO) -> None:
    """Tell the user which entries no longer match anything (not an error)."""
    if not stale:
        return
    noun = "entry is" if len(stale) == 1 else "entries are"
    out.write(
        f"reslint: {len(stale)} baseline {noun} stale (fixed or gone); "
        f"prune with --write-baseline {baseline}\n"
    )
    for e in stale[:STALE_LISTED]:
        out.write(f"  {e.file}: {e.code} (#{e.occurrence + 1})\n")
    if len(stale) > STALE_LISTED:
        out.write(f"  … and {len(stale) - STALE_LISTED} more\n")


def apply_baseline(path: Path, reports: Sequence[FileReport], err: TextIO) -> list[FileReport]:
    """``reports`` without the diagnostics recorded in ``path``; stale entries told on ``err``."""
    filtered, stale = Baseline.load(path).filter(reports)
    write_stale(stale, path, err)
    return filtered


def record_baseline(path: Path, reports: Sequence[FileReport], err: TextIO) -> None:
    """Write (or update) the baseline ``path`` from ``reports`` and say what changed."""
    old = Baseline.load_or_empty(path)
    new = old.updated(reports)
    new.write()
    added, pruned = len(new.entries - old.entries), len(old.entries - new.entries)
    err.write(f"reslint: wrote {len(new.entries)} entries to {path} ({added} new, {pruned} pruned)\n")
