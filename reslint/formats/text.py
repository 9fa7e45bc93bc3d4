"""Human-readable formats (``full``, ``concise``) and GitHub workflow annotations."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from reslint.diagnostics import Applicability, Diagnostic
from reslint.report_model import FileReport


def _label(applicability: Applicability) -> str:
    # Identity tests: hashing an Enum member runs Python code, and this runs per diagnostic.
    if applicability is Applicability.SAFE:
        return "fix"
    return "unsafe fix" if applicability is Applicability.UNSAFE else "suggestion"


def fix_hint(diag: Diagnostic) -> str:
    """A short description of the fix: its message and, for small edits, the replacement."""
    fix = diag.fix
    if fix is None:
        return ""
    text = fix.message or ""
    if len(fix.edits) == 1 and len(fix.edits[0].replacement) <= 40:
        replacement = fix.edits[0].replacement
        shown = f"`{replacement.translate(PICTURES)}`" if replacement else "remove"
        text = f"{text} → {shown}" if text else shown
    label = _label(fix.applicability)
    return f"{label}: {text}" if text else label


def _marker(diag: Diagnostic) -> str:
    if diag.fix is None:
        return ""
    applicability = diag.fix.applicability
    if applicability is Applicability.SAFE:
        return " [*]"
    return " [-]" if applicability is Applicability.UNSAFE else ""


def write_concise(reports: Sequence[FileReport], out: TextIO) -> None:
    for report in reports:
        out.write(
            "".join(
                f"{report.path}:{d.line}:{d.column}: {d.code}{_marker(d)} {d.message}\n"
                for d in report.diagnostics
            )
        )


def write_full(reports: Sequence[FileReport], out: TextIO) -> None:
    for report in reports:
        out.write("".join(_full(report, d) for d in report.diagnostics))


def _full(report: FileReport, d: Diagnostic) -> str:
    """One diagnostic with its line, a caret under the span, the evidence and the fix."""
    parts = [f"{report.path}:{d.line}:{d.column}: {d.code}{_marker(d)} {d.message}\n"]
    line = report.line_text(d.line)
    if line:
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        shown, before, span = _snippet(line, d.column - 1, end)
        gutter = f"{d.line} | "
        caret = " " * (len(gutter) + before) + "^" * max(1, span)
        parts.append(f"  {gutter}{shown}\n  {caret}\n")
    if d.evidence:
        parts.append(f"  = evidence: {d.evidence}\n")
    hint = fix_hint(d)
    if hint:
        parts.append(f"  = {hint}\n")
    parts.append("\n")
    return "".join(parts)


LONG_LINE = 200  # code points of a line shown whole under a diagnostic
CONTEXT = 60  # code points shown either side of the span on a longer line
# A control character would move the terminal's cursor (a form feed, a backspace, an escape
# sequence): each is shown as its one-column Control Picture (U+2400...); in a line, a tab as one
# space, in a fix's replacement as ␉ (a replacement newline printed raw broke the hint's line).
# Line separators other than \n (NEL, U+2028, U+2029) break the line in some terminals: shown as ␤.
PICTURES: dict[int, str] = {
    **{c: chr(0x2400 + c) for c in range(32)},
    127: "\u2421",
    **dict.fromkeys((0x85, 0x2028, 0x2029), "\u2424"),
}
VISIBLE = {**PICTURES, 9: " "}


def _snippet(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``line`` shown under a diagnostic spanning ``start:end`` (code points), and the
    columns before the span and under it. A long line is cut to the span with ``CONTEXT`` code
    points either side: a one-line 2 MB extraction with 1,568 diagnostics printed 3 GB."""
    lo, hi = 0, len(line)
    if hi > LONG_LINE:
        end = min(end, start + LONG_LINE)
        lo, hi = max(0, start - CONTEXT), min(hi, end + CONTEXT)
    head, tail = "…" * (lo > 0), "…" * (hi < len(line))
    shown = head + line[lo:hi].translate(VISIBLE) + tail
    return shown, len(head) + _width(line[lo:start]), _width(line[start:end])


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two,
    combining marks and invisible format characters (but the soft hyphen) none."""
    return sum(_char_width(c) for c in text) if not text.isascii() else len(text)


def _char_width(char: str) -> int:
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    if unicodedata.category(char) in ("Me", "Mn", "Cf") and char != "\xad":
        return 0
    return 1


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def write_github(reports: Sequence[FileReport], out: TextIO) -> None:
    """GitHub Actions workflow commands (``::warning file=…,line=…``)."""
    for report in reports:
        for d in report.diagnostics:
            level = GITHUB_LEVELS[d.severity.value]
            props = (
                f"file={_escape_property(report.path)},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},"
                f"title={_escape_property(d.code + ' ' + d.name)}"
            )
            out.write(f"::{level} {props}::{_escape_data(f'{d.code} {d.message}')}\n")
