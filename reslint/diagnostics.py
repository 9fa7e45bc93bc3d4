"""Diagnostics, edits and fixes: what a rule reports and how the text may be repaired."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Applicability(enum.Enum):
    """How far a fix may be trusted (ruff's model).

    SAFE fixes are applied by ``--fix``; UNSAFE ones only with ``--unsafe-fixes``;
    DISPLAY_ONLY fixes are shown as a suggestion and never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets in code points)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """One repair: edits applied together or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str | None = None

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        replacement: str,
        applicability: Applicability = Applicability.SAFE,
        message: str | None = None,
    ) -> Fix:
        return cls((Edit(start, end, replacement),), applicability, message)

    @classmethod
    def delete(
        cls,
        start: int,
        end: int,
        applicability: Applicability = Applicability.SAFE,
        message: str | None = None,
    ) -> Fix:
        return cls.replace(start, end, "", applicability, message)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(slots=True)
class Diagnostic:
    """A finding at ``text[start:end]``.

    ``line``/``column`` (and ``end_line``/``end_column``) are 1-based and counted in
    Unicode code points; the engine fills them in from the offsets of each fresh
    diagnostic a rule yields (so a rule must not yield the same object twice).
    """

    code: str
    name: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    severity: Severity = Severity.WARNING
    evidence: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    path: str | None = field(default=None, compare=False)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
