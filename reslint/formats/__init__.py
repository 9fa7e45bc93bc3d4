"""Output formats: each writes the reports of a run to a text stream."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from reslint.formats.json_formats import write_json, write_json_lines
from reslint.formats.sarif import write_sarif
from reslint.formats.text import write_concise, write_full, write_github
from reslint.report_model import FileReport

Writer = Callable[[Sequence[FileReport], TextIO], None]

FORMATS: dict[str, Writer] = {
    "full": write_full,
    "concise": write_concise,
    "json": write_json,
    "json-lines": write_json_lines,
    "sarif": write_sarif,
    "github": write_github,
}
