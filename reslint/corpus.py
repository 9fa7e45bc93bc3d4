"""``reslint corpus``: lint (and fix) a whole corpus on Dask, beyond what one run of
``reslint check`` holds.

The input is a folder (or glob) of text files, or a JSONL or Parquet dataset with a text
column. It is cut into partitions that Dask workers process independently: each writes
``texts/part-NNNNN`` (the fixed texts, with ``--fix``) and ``diagnostics/part-NNNNN``
(one row per diagnostic) as Parquet or JSONL, and returns counts per rule and per
language, merged into ``summary.json``. By default a local cluster runs one worker per
core; ``scheduler`` takes the address of any ``distributed`` scheduler instead (the
workers then need reslint installed and access to the input and output paths, e.g. a
shared folder or an ``s3://`` URL through fsspec).

Needs the ``dask`` extra: ``pip install 'reslint[dask]'``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reslint.cli_options import add_rule_options, selectors
from reslint.config import Config, discover_config, read_config_file
from reslint.diagnostics import Diagnostic
from reslint.errors import FixError, ReslintError
from reslint.files import discover, read_source
from reslint.linter import Linter

EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_ERROR = 0, 1, 2
INPUT_FORMATS = ("auto", "files", "jsonl", "parquet")
OUTPUT_FORMATS = ("parquet", "jsonl")
MAX_FILES_PER_PARTITION = 32
TARGET_PARTITIONS = 64  # enough tasks to balance the workers of a small corpus
LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
TEXT_FIELDS = (
    ("id", "string"),
    ("lang", "string"),
    ("text", "string"),
    ("changed", "bool"),
    ("fixes", "int64"),
    ("remaining", "int64"),
    ("error", "string"),
)
DIAGNOSTIC_FIELDS = (
    ("id", "string"),
    ("lang", "string"),
    ("code", "string"),
    ("name", "string"),
    ("line", "int64"),
    ("column", "int64"),
    ("end_line", "int64"),
    ("end_column", "int64"),
    ("message", "string"),
    ("fixed", "bool"),
    ("fix", "string"),
    ("evidence", "string"),
)


@dataclass(frozen=True)
class Job:
    """What every partition task needs (picklable, sent to the workers)."""

    output: str
    output_format: str = "parquet"
    fix: bool = False
    unsafe: bool = False
    config: Config = field(default_factory=Config)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str | None = None
    text_column: str = "text"
    id_column: str | None = None
    lang_column: str | None = None

    def linter(self) -> Linter:
        """The job's linter, built once per worker process."""
        key = repr((self.config, self.select, self.extend_select, self.ignore, self.lang))
        if key not in _linters:
            _linters[key] = Linter(
                self.config,
                select=self.select,
                extend_select=self.extend_select,
                ignore=self.ignore,
                lang=self.lang,
            )
        return _linters[key]


_linters: dict[str, Linter] = {}


@dataclass
class Summary:
    """Counts over the corpus: documents, and diagnostics found/fixed per rule and language."""

    documents: int = 0
    characters: int = 0
    changed: int = 0
    errors: int = 0
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, lang: str, text: str, applied: list[Diagnostic], remaining: list[Diagnostic]) -> None:
        self.documents += 1
        self.characters += len(text)
        self.changed += bool(applied)
        per_lang = self.languages.setdefault(lang, {"documents": 0, "found": 0, "fixed": 0, "rules": {}})
        per_lang["documents"] += 1
        for diagnostics, kind in ((applied, "fixed"), (remaining, "found")):
            for d in diagnostics:
                entry = self.rules.setdefault(d.code, {"name": d.name, "found": 0, "fixed": 0})
                entry[kind] += 1
                per_lang[kind] += 1
                per_lang["rules"][d.code] = per_lang["rules"].get(d.code, 0) + 1

    def merge(self, other: Summary) -> Summary:
        self.documents += other.documents
        self.characters += other.characters
        self.changed += other.changed
        self.errors += other.errors
        for code, entry in other.rules.items():
            mine = self.rules.setdefault(code, {"name": entry["name"], "found": 0, "fixed": 0})
            mine["found"] += entry["found"]
            mine["fixed"] += entry["fixed"]
        for lang, entry in other.languages.items():
            mine = self.languages.setdefault(lang, {"documents": 0, "found": 0, "fixed": 0, "rules": {}})
            for key in ("documents", "found", "fixed"):
                mine[key] += entry[key]
            mine["rules"] = dict(Counter(mine["rules"]) + Counter(entry["rules"]))
        return self

    def to_dict(self) -> dict[str, Any]:
        rules = dict(sorted(self.rules.items()))
        languages = {
            k: {**v, "rules": dict(sorted(v["rules"].items()))} for k, v in sorted(self.languages.items())
        }
        return {
            "documents": self.documents,
            "characters": self.characters,
            "changed": self.changed,
            "errors": self.errors,
            "rules": rules,
            "languages": languages,
        }


# --- inputs -------------------------------------------------------------------------------


def detect_input_format(source: str) -> str:
    lowered = source.lower().rstrip("/")
    if lowered.endswith(".parquet") or (Path(source).is_dir() and any(Path(source).glob("*.parquet"))):
        return "parquet"
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "files"


def text_files(source: str, config: Config) -> tuple[Path, list[Path]]:
    """The base folder (for ids) and the text files of a folder, file or glob."""
    if any(ch in source for ch in "*?["):
        files = sorted(Path(p) for p in glob.glob(source, recursive=True) if os.path.isfile(p))
        prefix = source[: min(source.find(ch) for ch in "*?[" if ch in source)]
        return (Path(prefix) if prefix.endswith(("/", os.sep)) else Path(prefix).parent), files
    path = Path(source)
    if not path.exists():
        raise ReslintError(f"{source}: no such file or folder")
    return (path if path.is_dir() else path.parent), list(discover([path], config.excludes, config.root))


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start : start + size]


def partitions(
    source: str, input_format: str, job: Job, files_per_partition: int | None, blocksize: str
) -> list[Any]:
    """Delayed partition tasks, each returning a :class:`Summary`."""
    import dask

    task = dask.delayed(process_partition, pure=False)
    if input_format == "files":
        base, files = text_files(source, job.config)
        size = files_per_partition or min(MAX_FILES_PER_PARTITION, -(-len(files) // TARGET_PARTITIONS))
        return [task(chunk, i, job, str(base)) for i, chunk in enumerate(_chunks(files, size))]
    import dask.dataframe as dd

    if input_format == "parquet":
        columns = [c for c in (job.text_column, job.id_column, job.lang_column) if c]
        frame = dd.read_parquet(source, columns=columns)
    else:
        frame = dd.read_json(source, lines=True, blocksize=blocksize)
    return [task(part, i, job, None) for i, part in enumerate(frame.to_delayed())]


def _records(
    part: Any, number: int, job: Job, base: str | None
) -> Iterator[tuple[str, str | None, str | None]]:
    """(id, text or None if unreadable, language) of each document of a partition."""
    if base is not None:
        for path in part:
            ident = os.path.relpath(path, base)
            try:
                yield ident, read_source(Path(path), job.config.encoding).text, None
            except ReslintError:
                yield ident, None, None
        return
    if job.text_column not in part.columns:
        raise ReslintError(f"no column {job.text_column!r} (columns: {', '.join(map(str, part.columns))})")
    ids = part[job.id_column] if job.id_column else (f"{number}:{i}" for i in range(len(part)))
    langs = part[job.lang_column] if job.lang_column else (None for _ in range(len(part)))
    for ident, text, lang in zip(ids, part[job.text_column], langs, strict=False):
        yield str(ident), text if isinstance(text, str) else None, lang if isinstance(lang, str) else None


# --- work on a partition --------------------------------------------------------------------


def process_partition(part: Any, number: int, job: Job, base: str | None) -> Summary:
    """Lint or fix one partition's documents, write its output files, return its counts."""
    linter = job.linter()
    summary = Summary()
    texts: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for ident, text, given_lang in _records(part, number, job, base):
        if text is None:
            summary.errors += 1
            texts.append(_text_row(ident, None, None, [], [], "unreadable or not text"))
            continue
        lang = linter.language(text.replace("\r\n", "\n"), given_lang)
        fixed, applied, remaining, error = _check(linter, job, ident, text, lang)
        summary.errors += error is not None
        summary.add(lang or "und", text, applied, remaining)
        texts.append(_text_row(ident, lang, fixed if job.fix else None, applied, remaining, error))
        rows.extend(_diagnostic_row(ident, lang, d, True) for d in applied)
        rows.extend(_diagnostic_row(ident, lang, d, False) for d in remaining)
    name = f"part-{number:05d}.{job.output_format}"
    write_rows(f"{job.output}/texts/{name}", texts, TEXT_FIELDS, job.output_format)
    write_rows(f"{job.output}/diagnostics/{name}", rows, DIAGNOSTIC_FIELDS, job.output_format)
    return summary


def _check(
    linter: Linter, job: Job, ident: str, text: str, lang: str | None
) -> tuple[str, list[Diagnostic], list[Diagnostic], str | None]:
    """(fixed text, applied, remaining, error) of one document."""
    if job.fix:
        try:
            result = linter.fix(text, unsafe=job.unsafe, path=ident, lang=lang)
            return result.text, result.applied, result.remaining, None
        except FixError as exc:
            return text, [], linter.lint(text, path=ident, lang=lang), f"{exc}; text left unchanged"
    return text, [], linter.lint(text, path=ident, lang=lang), None


def _text_row(
    ident: str,
    lang: str | None,
    text: str | None,
    applied: list[Diagnostic],
    remaining: list[Diagnostic],
    error: str | None,
) -> dict[str, Any]:
    return {
        "id": ident,
        "lang": lang,
        "text": text,
        "changed": bool(applied),
        "fixes": len(applied),
        "remaining": len(remaining),
        "error": error,
    }


def _diagnostic_row(ident: str, lang: str | None, d: Diagnostic, fixed: bool) -> dict[str, Any]:
    return {
        "id": ident,
        "lang": lang,
        "code": d.code,
        "name": d.name,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "message": d.message,
        "fixed": fixed,
        "fix": d.fix.applicability.value if d.fix else None,
        "evidence": d.evidence,
    }


def write_rows(url: str, rows: list[dict[str, Any]], fields: Iterable[tuple[str, str]], fmt: str) -> None:
    """Write ``rows`` to ``url`` (a path or any fsspec URL) as Parquet or JSON lines."""
    import fsspec

    with fsspec.open(url, "wb", auto_mkdir=True) as fh:
        if fmt == "jsonl":
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8"))
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in fields])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), fh)


# --- running ---------------------------------------------------------------------------------


def run_corpus(
    source: str,
    output: str,
    *,
    fix: bool = False,
    unsafe: bool = False,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str | None = None,
    input_format: str = "auto",
    output_format: str = "parquet",
    text_column: str = "text",
    id_column: str | None = None,
    lang_column: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    files_per_partition: int | None = None,
    blocksize: str = "32MiB",
) -> Summary:
    """Run reslint over a corpus on Dask and write ``output``; returns the merged counts.

    ``scheduler``: ``None`` for a local cluster of ``workers`` processes, a
    ``distributed`` scheduler address (``tcp://host:8786``), or one of Dask's local
    schedulers (``processes``, ``threads``, ``synchronous``).
    """
    if output_format not in OUTPUT_FORMATS:
        raise ReslintError(f"output format must be one of {', '.join(OUTPUT_FORMATS)}")
    input_format = detect_input_format(source) if input_format == "auto" else input_format
    job = Job(
        output=output.rstrip("/"),
        output_format=output_format,
        fix=fix,
        unsafe=unsafe,
        config=config or discover_config(Path(source) if Path(source).exists() else Path.cwd()),
        select=_tuple(select),
        extend_select=_tuple(extend_select),
        ignore=_tuple(ignore),
        lang=lang,
        text_column=text_column,
        id_column=id_column,
        lang_column=lang_column,
    )
    job.linter()  # validates the config and selectors before any worker starts
    _check_output(job.output)
    import dask

    tasks = partitions(source, input_format, job, files_per_partition, blocksize)
    with ExitStack() as stack:
        options = _scheduler(stack, scheduler, workers)
        results = dask.compute(*tasks, **options)
    summary = Summary()
    for part in results:
        summary.merge(part)
    _write_summary(job.output, summary)
    return summary


def _tuple(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values is not None else None


def _scheduler(stack: ExitStack, scheduler: str | None, workers: int | None) -> dict[str, Any]:
    """Keyword arguments for ``dask.compute``; a client or local cluster is closed by ``stack``."""
    if scheduler in LOCAL_SCHEDULERS:
        return {"scheduler": scheduler, **({"num_workers": workers} if workers else {})}
    from distributed import Client, LocalCluster

    if scheduler:
        client = stack.enter_context(Client(scheduler))
    else:
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
        )
        client = stack.enter_context(Client(cluster))
    return {"scheduler": client}


def _check_output(output: str) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    for sub in ("texts", "diagnostics"):
        if fs.exists(f"{root}/{sub}") and fs.ls(f"{root}/{sub}"):
            raise ReslintError(f"{output}/{sub} is not empty; choose a new output folder")


def _write_summary(output: str, summary: Summary) -> None:
    import fsspec

    with fsspec.open(f"{output}/summary.json", "w", encoding="utf-8", auto_mkdir=True) as fh:
        json.dump(summary.to_dict(), fh, ensure_ascii=False, indent=2)
        fh.write("\n")


# --- command line ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reslint corpus", description="Lint and fix a corpus on Dask.")
    p.add_argument("source", help="folder or glob of text files, or a .jsonl/.parquet dataset (path or URL)")
    p.add_argument("-o", "--output", required=True, help="output folder (path or fsspec URL)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes and write the fixed texts")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix, apply unsafe fixes too")
    add_rule_options(
        p, lang_help="language of every document (default: the lang column, or detect)", encoding=False
    )
    p.add_argument("--input-format", choices=INPUT_FORMATS, default="auto")
    p.add_argument("--output-format", choices=OUTPUT_FORMATS, default="parquet")
    p.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    p.add_argument("--id-column", help="column identifying a document (default: partition:row)")
    p.add_argument("--lang-column", help="column holding each document's language")
    p.add_argument(
        "--scheduler",
        help="distributed scheduler address (tcp://host:8786), or processes/threads/synchronous",
    )
    p.add_argument("--workers", type=int, help="local workers (default: all cores)")
    p.add_argument(
        "--files-per-partition",
        type=int,
        help=f"text files per task (default: up to {MAX_FILES_PER_PARTITION})",
    )
    p.add_argument("--blocksize", default="32MiB", help="JSONL bytes per task (default: 32MiB)")
    p.add_argument("--quiet", "-q", action="store_true", help="print no summary")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        import dask  # noqa: F401
    except ImportError:
        print("reslint: error: corpus mode needs Dask: pip install 'reslint[dask]'", file=sys.stderr)
        return EXIT_ERROR
    try:
        summary = run_corpus(
            args.source,
            args.output,
            fix=args.fix,
            unsafe=args.unsafe_fixes,
            config=read_config_file(args.config) if args.config else None,
            select=selectors(args.select),
            extend_select=selectors(args.extend_select),
            ignore=selectors(args.ignore),
            lang=args.lang,
            input_format=args.input_format,
            output_format=args.output_format,
            text_column=args.text_column,
            id_column=args.id_column,
            lang_column=args.lang_column,
            scheduler=args.scheduler,
            workers=args.workers,
            files_per_partition=args.files_per_partition,
            blocksize=args.blocksize,
        )
    except ReslintError as exc:
        print(f"reslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not args.quiet:
        write_summary_table(summary, sys.stdout)
    return EXIT_DOCUMENT_ERRORS if summary.errors else EXIT_OK


def write_summary_table(summary: Summary, out: Any) -> None:
    out.write(
        f"{summary.documents} documents ({summary.characters / 1e6:.1f} M characters), "
        f"{summary.changed} changed, {summary.errors} with errors\n"
    )
    for code, entry in sorted(summary.rules.items(), key=lambda kv: -(kv[1]["found"] + kv[1]["fixed"])):
        out.write(f"{code:<8} {entry['name']:<32} {entry['fixed']:>9} fixed {entry['found']:>9} remaining\n")
    for lang, entry in sorted(summary.languages.items()):
        out.write(
            f"{lang:<8} {entry['documents']:>7} documents {entry['fixed']:>9} fixed "
            f"{entry['found']:>9} remaining\n"
        )
