from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Diagnostic, Document, Rule, Severity

from ..notes import notes


class FootnoteNumbering(Rule):
    """Gaps and duplicates in the numbering of footnote bodies.

    What it does:
        Walks the footnote bodies in document order and reports a number that repeats an
        earlier one, and a jump that skips numbers (``4`` then ``6``). A restart at 1
        (a new annex) is not a gap.

    Why it matters:
        A gap means a body was lost or misread in extraction; a duplicate means two
        bodies will claim the same marker.

    Example:
        bodies ``1``, ``2``, ``4`` → ``Footnote 3 is missing (2 is followed by 4)``; bodies ``2``,
        ``3`` → ``Footnote 1 is missing (the first footnote is numbered 2)``.

    Fix safety:
        Report only: bodies are never renumbered.
    """

    code = "FN004"
    name = "footnote-numbering"
    family = "footnotes"
    summary = "Gap or duplicate in footnote numbering"
    fix_safety = None
    severity = Severity.INFO

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        seen: set[int] = set()
        last = 0
        for note in notes(doc).notes:
            if not note.number.isdigit():
                continue
            n = int(note.number)
            seg = note.segments[0]
            if n == 1:
                seen = set()
            elif n in seen:
                yield self.diagnostic(seg.start, seg.end, f"Footnote {n} appears twice",
                                      evidence=f"footnote {n} was already numbered earlier")
            elif n > last + 1:
                yield self.diagnostic(seg.start, seg.end, _gap_message(last, n),
                                      evidence="bodies are numbered in sequence")
            seen.add(n)
            last = n


def _gap_message(last: int, n: int) -> str:
    """``Footnote 3 is missing (2 is followed by 4)``; a longer gap, or no body before, said as such."""
    missing = f"Footnote {last + 1} is" if n == last + 2 else f"Footnotes {last + 1}-{n - 1} are"
    context = f"the first footnote is numbered {n}" if last == 0 else f"{last} is followed by {n}"
    return f"{missing} missing ({context})"
