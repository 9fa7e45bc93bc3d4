"""What the CLI hands to an output format: one record per checked file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reslint.diagnostics import Diagnostic


@dataclass
class FileReport:
    """Diagnostics of one file (``path`` as displayed), the fixes applied, or its error."""

    path: str
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    structure: dict[str, Any] | None = None

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    def line_text(self, number: int) -> str:
        lines = self._lines
        return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else ""
