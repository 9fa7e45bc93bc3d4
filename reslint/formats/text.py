"""Human-readable formats (``full``, ``concise``) and GitHub workflow annotations."""

from __future__ import annotations

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
        shown = f"`{replacement}`" if replacement else "remove"
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
        shown = line.expandtabs(1)
        width = max(1, (d.end_column - d.column) if d.end_line == d.line else len(line) - d.column + 1)
        gutter = f"{d.line} | "
        parts.append(f"  {gutter}{shown}\n  {' ' * len(gutter)}{' ' * (d.column - 1)}{'^' * width}\n")
    if d.evidence:
        parts.append(f"  = evidence: {d.evidence}\n")
    hint = fix_hint(d)
    if hint:
        parts.append(f"  = {hint}\n")
    parts.append("\n")
    return "".join(parts)


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


def write_github(reports: Sequence[FileReport], out: TextIO) -> None:
    """GitHub Actions workflow commands (``::warning file=…,line=…``)."""
    for report in reports:
        for d in report.diagnostics:
            level = "error" if d.severity.value == "error" else "warning"
            props = (
                f"file={_escape_property(report.path)},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},"
                f"title={_escape_property(d.code + ' ' + d.name)}"
            )
            out.write(f"::{level} {props}::{_escape_data(f'{d.code} {d.message}')}\n")
