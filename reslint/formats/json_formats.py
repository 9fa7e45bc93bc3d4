"""Machine-readable formats: ``json`` (one array) and ``json-lines`` (one object a line)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from reslint.diagnostics import Diagnostic
from reslint.report_model import FileReport


def diagnostic_to_dict(d: Diagnostic, path: str | None) -> dict[str, Any]:
    """A diagnostic as a JSON object (ruff-like keys, plus offsets and evidence)."""
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.replacement} for e in d.fix.edits],
        }
    return {
        "filename": path,
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.value,
        "location": {"row": d.line, "column": d.column},
        "end_location": {"row": d.end_line, "column": d.end_column},
        "start": d.start,
        "end": d.end,
        "evidence": d.evidence,
        "fix": fix,
    }


def write_json(reports: Sequence[FileReport], out: TextIO) -> None:
    items = [diagnostic_to_dict(d, r.path) for r in reports for d in r.diagnostics]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_json_lines(reports: Sequence[FileReport], out: TextIO) -> None:
    for report in reports:
        for d in report.diagnostics:
            out.write(json.dumps(diagnostic_to_dict(d, report.path), ensure_ascii=False) + "\n")
