"""SARIF 2.1.0 for GitHub code scanning (columns in code points, as ``columnKind`` says)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from reslint.formats.json_formats import indented_json
from reslint.report_model import FileReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: percent-encoded (a space or an accented letter made the
    SARIF invalid), ``file://`` when absolute."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(os.fsencode(path.replace("\\", "/")))  # a name's undecodable bytes as they are


def write_sarif(reports: Sequence[FileReport], out: TextIO) -> None:
    from reslint import __version__

    rules: dict[str, dict[str, Any]] = {}
    results = []
    for report in reports:
        for d in report.diagnostics:
            rules.setdefault(
                d.code,
                {"id": d.code, "name": d.name, "shortDescription": {"text": d.name.replace("-", " ")}},
            )
            result: dict[str, Any] = {
                "ruleId": d.code,
                "level": LEVELS[d.severity.value],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(report.path)},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                                "charOffset": d.start,
                                "charLength": d.end - d.start,
                            },
                        }
                    }
                ],
            }
            results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reslint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/reslint/",
                        "rules": [rules[k] for k in sorted(rules)],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    out.write(indented_json(sarif) + "\n")
