"""Choosing non-overlapping fixes and applying their edits."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from reslint.diagnostics import Applicability, Diagnostic, Edit


def allowed_applicabilities(unsafe: bool) -> frozenset[Applicability]:
    if unsafe:
        return frozenset({Applicability.SAFE, Applicability.UNSAFE})
    return frozenset({Applicability.SAFE})


def _conflicts(a: Edit, b: Edit) -> bool:
    """Edits conflict when they overlap, one inserts inside the other, or both insert at
    the same point; edits that merely touch are both applied."""
    if a.start < b.end and b.start < a.end:
        return True
    if a.start == a.end and b.start < a.start < b.end:
        return True
    if b.start == b.end and a.start < b.start < a.end:
        return True
    return a.start == a.end == b.start == b.end


def choose_fixes(
    diagnostics: Iterable[Diagnostic],
    allowed: frozenset[Applicability],
    priorities: Mapping[str, int] | None = None,
) -> tuple[list[Edit], list[Diagnostic]]:
    """Edits of the fixes that can be applied together.

    Like ruff, fixes are taken in the order they start, and one whose edits conflict with
    a fix already taken waits for the next pass (made again, if still needed, on the text
    the pass left). Among fixes that start at the same offset, those of the rule with the
    higher fix priority (``priorities``: rule code → :attr:`reslint.Rule.fix_priority`,
    0 if absent) are taken first, then the narrower first, then by rule code.
    """
    rank = priorities or {}
    candidates = sorted(
        ((d, d.fix) for d in diagnostics if d.fix is not None and d.fix.applicability in allowed),
        key=lambda pair: (pair[1].start, -rank.get(pair[0].code, 0), pair[1].end, pair[0].code),
    )
    chosen: list[Edit] = []
    starts: list[tuple[int, int]] = []
    applied: list[Diagnostic] = []
    for diag, fix in candidates:
        edits = fix.edits
        if any(_conflicts_any(edit, chosen, starts) for edit in edits):
            continue
        for edit in edits:
            i = bisect_left(starts, (edit.start, edit.end))
            starts.insert(i, (edit.start, edit.end))
            chosen.insert(i, edit)
        applied.append(diag)
    return chosen, applied


def _conflicts_any(edit: Edit, chosen: Sequence[Edit], starts: list[tuple[int, int]]) -> bool:
    i = bisect_left(starts, (edit.start, -1))
    lo = i - 1
    while lo >= 0 and chosen[lo].end >= edit.start:
        if _conflicts(edit, chosen[lo]):
            return True
        lo -= 1
    hi = i
    while hi < len(chosen) and chosen[hi].start <= edit.end:
        if _conflicts(edit, chosen[hi]):
            return True
        hi += 1
    return False


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-conflicting ``edits`` (sorted by offset) to ``text``."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)
