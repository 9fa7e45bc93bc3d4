"""``reslint report``: one self-contained HTML page of what reslint finds in a corpus.

Totals per rule, per file and per rule family (an inline SVG chart), each document's
artifacts highlighted in context with the proposed fix before and after, safe and unsafe
fixes told apart, and the files that could not be checked. The same numbers are embedded
as JSON (``<script type="application/json" id="reslint-data">``). No network assets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from reslint import __version__
from reslint.check import (
    Options,
    check_files,
    diagnostics_found,
    jobs,
    linter_for,
    print_errors,
    warn_plugin_failures,
)
from reslint.cli_options import add_rule_options, selectors
from reslint.diagnostics import Diagnostic, Edit
from reslint.errors import ReslintError
from reslint.files import discover
from reslint.linter import RULE_FAILURE_CODE
from reslint.plugins import Registry
from reslint.report_model import FileReport

EXIT_OK, EXIT_ERROR = 0, 2
FIX_KINDS = ("safe", "unsafe", "display-only", "none")
FIX_LABELS = {"safe": "safe fix", "unsafe": "unsafe fix", "display-only": "suggestion", "none": "no fix"}
CONTEXT = 60  # code points shown on each side of an artifact, within its lines
LONG_SPAN = 400  # a longer highlighted span shows its two ends only
VISIBLE = {" ": "·", "\t": "→", "\u00a0": "⍽", "\r": "␍", "\n": "⏎\n", "\f": "␌"}
BAR_HEIGHT, BAR_GAP, CHART_WIDTH, LABEL_WIDTH = 22, 6, 640, 150


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reslint report", description="Write an HTML report of the findings.")
    p.add_argument("paths", nargs="*", help="files or folders (default: .)")
    p.add_argument(
        "-o", "--output", type=Path, default=Path("reslint-report.html"), help="HTML file to write"
    )
    add_rule_options(p, lang_help="document language (default: detect)")
    p.add_argument("--force-exclude", action="store_true", help="apply excludes to files named explicitly")
    p.add_argument("--jobs", "-j", type=jobs, default=0, help="parallel processes (default: all cores)")
    p.add_argument(
        "--max-per-file",
        type=int,
        default=200,
        help="artifacts listed per document (0: all; totals count all)",
    )
    p.add_argument(
        "--max-total", type=int, default=5000, help="artifacts listed in all (0: all; totals count all)"
    )
    p.add_argument("--title", default="reslint report", help="page title")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--cache-dir", type=Path, help="cache folder (as for `reslint check`)")
    p.set_defaults(profile=False)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        reports, registry = collect(args)
        limits = Limits(args.max_per_file, args.max_total)
        page = render(reports, rule_index(registry), title=args.title, limits=limits)
        try:
            # a file name's undecodable byte (a lone surrogate) shown as \udce9, not a crash
            args.output.write_text(page, encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            raise ReslintError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    except ReslintError as exc:
        print(f"reslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print_errors(reports)  # the page lists them too, but a run that skipped files should say so
    found = diagnostics_found(sum(len(r.diagnostics) for r in reports))
    print(f"reslint: wrote {args.output} ({found} in {len(reports)} files)", file=sys.stderr)
    return EXIT_OK


def collect(args: argparse.Namespace) -> tuple[list[FileReport], Registry]:
    """Lint the files the way ``reslint check`` does (same discovery, config, linter, cache)."""
    opts = Options(
        fix=False,
        unsafe=False,
        diff=False,
        structured=False,
        select=selectors(args.select),
        extend_select=selectors(args.extend_select),
        ignore=selectors(args.ignore),
        lang=args.lang,
        encoding=args.encoding,
        config_file=args.config,
    )
    paths = [Path(p) for p in args.paths or ["."]]
    linter, config = linter_for(paths[0], opts)
    warn_plugin_failures(linter)
    files = list(discover(paths, config.excludes, config.root, force_exclude=args.force_exclude))
    jobs = args.jobs or os.cpu_count() or 1
    return [report for report, _ in check_files(files, opts, jobs, config, args)], linter.registry


def fix_kind(d: Diagnostic) -> str:
    return d.fix.applicability.value if d.fix is not None else "none"


@dataclass(frozen=True)
class RuleInfo:
    name: str
    family: str


UNKNOWN_RULE = RuleInfo("?", "other")


def rule_index(registry: Registry) -> dict[str, RuleInfo]:
    """Name and family of every rule by code (the engine's rule failures included)."""
    index = {rule.code: RuleInfo(rule.name, rule.family) for rule in registry.rules}
    index[RULE_FAILURE_CODE] = RuleInfo("rule-failed", "reslint")
    return index


def summarize(reports: Sequence[FileReport], rules_by_code: Mapping[str, RuleInfo]) -> dict[str, Any]:
    """The numbers of the page (also embedded as JSON)."""
    ok = [r for r in reports if r.error is None]
    diagnostics = [d for r in ok for d in r.diagnostics]
    kinds = Counter(fix_kind(d) for d in diagnostics)
    rules: dict[str, dict[str, Any]] = {}
    for d in sorted(diagnostics, key=lambda d: d.code):
        info = rules_by_code.get(d.code, UNKNOWN_RULE)
        entry = rules.setdefault(
            d.code, {"name": info.name, "family": info.family, "count": 0, **dict.fromkeys(FIX_KINDS, 0)}
        )
        entry["count"] += 1
        entry[fix_kind(d)] += 1
    families: Counter[str] = Counter()
    for entry in rules.values():
        families[entry["family"]] += entry["count"]
    errors = [{"path": r.path, "message": r.error} for r in reports if r.error is not None]
    errors += [
        {"path": r.path, "message": d.message}
        for r in ok
        for d in r.diagnostics
        if d.code == RULE_FAILURE_CODE
    ]
    return {
        "version": 1,
        "reslint": __version__,
        "totals": {
            "files": len(reports),
            "files_with_diagnostics": sum(1 for r in ok if r.diagnostics),
            "diagnostics": len(diagnostics),
            **{kind: kinds[kind] for kind in FIX_KINDS},
            "errors": len(errors),
        },
        "rules": rules,
        "families": dict(sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))),
        "files": {r.path: len(r.diagnostics) for r in ok if r.diagnostics},
        "errors": errors,
    }


@dataclass(frozen=True)
class Limits:
    """How many artifacts the page lists: per document and in all (0: no limit)."""

    per_file: int = 200
    total: int = 5000

    def quotas(self, counts: Sequence[int]) -> list[int]:
        """Artifacts listed for documents having ``counts`` artifacts, in page order."""
        budget = self.total if self.total > 0 else sum(counts)
        out = []
        for count in counts:
            listed = min(count, budget, self.per_file if self.per_file > 0 else count)
            budget -= listed
            out.append(listed)
        return out


def render(
    reports: Sequence[FileReport], rules_by_code: Mapping[str, RuleInfo], *, title: str, limits: Limits
) -> str:
    """The whole page."""
    data = summarize(reports, rules_by_code)
    documents = [r for r in reports if r.error is None and r.diagnostics]
    quotas = limits.quotas([len(r.diagnostics) for r in documents])
    template = Template(resources.files("reslint").joinpath("report_template.html").read_text("utf-8"))
    return template.substitute(
        title=escape(title),
        version=escape(__version__),
        totals=_totals_html(data["totals"]),
        chart=_chart_svg(data["families"]),
        rules=_rules_html(data["rules"]),
        files=_files_html(data["files"], {r.path: i for i, r in enumerate(documents)}),
        errors=_errors_html(data["errors"]),
        rule_options="".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in data["rules"]),
        documents="".join(
            _document_html(i, r, rules_by_code, quota)
            for i, (r, quota) in enumerate(zip(documents, quotas, strict=True))
        ),
        data=_script_json(data),
    )


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _totals_html(totals: dict[str, int]) -> str:
    cards = [
        ("diagnostics", "diagnostics"),
        ("files", "files checked"),
        ("files_with_diagnostics", "files with findings"),
        ("safe", "safe fixes"),
        ("unsafe", "unsafe fixes"),
        ("display-only", "suggestions"),
        ("none", "no fix"),
        ("errors", "errors"),
    ]
    return "".join(
        f'<div class="card {escape(key)}"><span class="num" data-total="{escape(key)}">{totals[key]}</span>'
        f"<span>{escape(label)}</span></div>"
        for key, label in cards
    )


def _chart_svg(families: dict[str, int]) -> str:
    if not families:
        return '<p class="empty">No findings.</p>'
    top = max(families.values())
    height = len(families) * (BAR_HEIGHT + BAR_GAP)
    span = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for i, (family, count) in enumerate(families.items()):
        y = i * (BAR_HEIGHT + BAR_GAP)
        width = max(2, round(span * count / top))
        rows.append(
            f'<g data-family="{escape(family)}"><text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">'
            f'{escape(family)}</text><rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
            f'rx="3"></rect><text class="count" x="{LABEL_WIDTH + width + 6}" y="{y + 16}">{count}</text></g>'
        )
    return (
        f'<svg class="chart" role="img" aria-label="Diagnostics per rule family" width="{CHART_WIDTH}" '
        f'height="{height}" viewBox="0 0 {CHART_WIDTH} {height}">{"".join(rows)}</svg>'
    )


def _rules_html(rules: dict[str, dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(code)}</code></td><td>{escape(r['name'])}</td><td>{escape(r['family'])}</td>"
        f'<td class="n" data-rule="{escape(code)}">{r["count"]}</td>'
        + "".join(f'<td class="n">{r[kind]}</td>' for kind in FIX_KINDS)
        + "</tr>"
        for code, r in sorted(rules.items(), key=lambda kv: (-kv[1]["count"], kv[0]))
    )
    head = "".join(f'<th class="n">{escape(FIX_LABELS[k])}</th>' for k in FIX_KINDS)
    return (
        f'<table><thead><tr><th>Code</th><th>Rule</th><th>Family</th><th class="n">Count</th>{head}'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        if rules
        else '<p class="empty">No findings.</p>'
    )


def _files_html(files: dict[str, int], anchors: dict[str, int]) -> str:
    if not files:
        return '<p class="empty">No findings.</p>'
    rows = "".join(
        f'<tr><td><a href="#doc-{anchors[path]}">{escape(path)}</a></td>'
        f'<td class="n" data-file="{escape(path)}">{count}</td></tr>'
        for path, count in sorted(files.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return (
        f'<table><thead><tr><th>File</th><th class="n">Count</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _errors_html(errors: list[dict[str, str]]) -> str:
    if not errors:
        return '<p class="empty">None.</p>'
    items = "".join(
        f'<li><span class="path">{escape(e["path"])}</span>: {escape(e["message"])}</li>' for e in errors
    )
    return f'<ul class="errors">{items}</ul>'


def _document_html(index: int, report: FileReport, rules_by_code: Mapping[str, RuleInfo], quota: int) -> str:
    items = "".join(_diagnostic_html(report.text, d, rules_by_code) for d in report.diagnostics[:quota])
    more = len(report.diagnostics) - quota
    note = f'<p class="more">… {more} more not listed (see --max-per-file, --max-total).</p>' if more else ""
    return (
        f'<article class="doc" id="doc-{index}"><h3>{escape(report.path)} '
        f'<span class="count">{len(report.diagnostics)}</span></h3>{items}{note}</article>'
    )


def _diagnostic_html(text: str, d: Diagnostic, rules_by_code: Mapping[str, RuleInfo]) -> str:
    kind = fix_kind(d)
    edits = sorted(d.fix.edits) if d.fix is not None else []
    spans = _merged([(d.start, d.end), *((e.start, e.end) for e in edits if e.start < e.end)])
    hunks = _hunks(text, [*spans, *((e.start, e.end) for e in edits)])
    before = _marked(text, hunks, [Edit(lo, hi, text[lo:hi]) for lo, hi in spans], "mark")
    body = f'<div class="pair"><div class="side"><span class="tag">before</span><pre>{before}</pre></div>'
    if edits:
        after = _marked(text, hunks, edits, "ins")
        body += f'<div class="side"><span class="tag">after</span><pre>{after}</pre></div>'
    body += "</div>"
    fix_message = f' <span class="fixmsg">{escape(d.fix.message)}</span>' if d.fix and d.fix.message else ""
    evidence = f'<p class="evidence">evidence: {escape(d.evidence)}</p>' if d.evidence else ""
    return (
        f'<div class="diag" data-fix="{kind}" data-code="{escape(d.code)}">'
        f'<div class="head"><span class="loc">{d.line}:{d.column}</span> <code>{escape(d.code)}</code> '
        f'<span class="name">{escape(rules_by_code.get(d.code, UNKNOWN_RULE).name)}</span> '
        f'<span class="badge {kind}">{escape(FIX_LABELS[kind])}</span> {escape(d.message)}{fix_message}</div>'
        f"{body}{evidence}</div>"
    )


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _hunks(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Windows of context around the spans: each span's lines, cut to ``CONTEXT`` code
    points on each side, merged (a fix that moves text far away shows two hunks)."""
    windows = []
    for lo, hi in spans:
        line_start = text.rfind("\n", 0, lo) + 1
        line_end = text.find("\n", hi)
        line_end = len(text) if line_end == -1 else line_end
        windows.append((max(line_start, lo - CONTEXT), min(line_end, hi + CONTEXT)))
    return _merged(windows)


def _marked(text: str, hunks: Sequence[tuple[int, int]], spans: Sequence[Edit], tag: str) -> str:
    """The hunks of ``text``, each span inside them replaced by its replacement in ``<tag>``."""
    parts = []
    for start, end in hunks:
        out = ["…" if start > 0 and text[start - 1] != "\n" else ""]
        pos = start
        for span in (s for s in spans if start <= s.start and s.end <= end):
            out.append(_plain(text[pos : span.start]))
            empty = " empty" if not span.replacement else ""
            out.append(f'<{tag} class="hl{empty}">{_visible(span.replacement)}</{tag}>')
            pos = span.end
        out.append(_plain(text[pos:end]))
        out.append("…" if end < len(text) and text[end] != "\n" else "")
        parts.append("".join(out))
    return '\n<span class="gap">⋯</span>\n'.join(parts)


def _plain(segment: str) -> str:
    return escape(segment.replace("\r\n", "\n").replace("\f", "␌"))


def _visible(segment: str) -> str:
    """Whitespace made visible inside a highlight; a long segment shown by its two ends."""
    if len(segment) > LONG_SPAN:
        half = LONG_SPAN // 2
        hidden = len(segment) - 2 * half
        return f"{_visible(segment[:half])}<i> … {hidden} characters … </i>{_visible(segment[-half:])}"
    return escape("".join(VISIBLE.get(c, c) for c in segment))
