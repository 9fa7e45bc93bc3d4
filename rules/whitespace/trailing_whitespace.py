from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Rule

from ..lazy_pattern import lazy_regex
from ._gap import delete_gap

# A line end right after a space or tab; the run is then measured backwards. This is several
# times faster than `[ \t]+$`, which starts a match attempt at every space of the text.
SPACED_LINE_END = lazy_regex(r"(?<=[ \t])\n")


def _trailing_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of spaces and tabs that ends a line."""
    ends = [m.start() for m in SPACED_LINE_END.finditer(text)]
    if text.endswith((" ", "\t")):
        ends.append(len(text))
    for end in ends:
        start = end - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        yield start, end


class TrailingWhitespace(Rule):
    """Spaces or tabs at the end of a line.

    What it does:
        Finds spaces and tabs between the last visible character of a line and its end.

    Why it matters:
        Extractors (pdfminer, pdftotext) leave a space after almost every line. It hides
        in diffs, breaks exact matching against gold texts and makes line-based rules
        (headers, footnotes) see different strings for the same line.

    Example:
        ``sur l’assistance technique ⏎`` → ``sur l’assistance technique⏎``

    Fix safety:
        Safe: only whitespace is removed, never a letter, digit or mark.
    """

    code = "WS001"
    name = "trailing-whitespace"
    family = "whitespace"
    summary = "Trailing whitespace at the end of a line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for start, end in _trailing_runs(doc.text):
            yield delete_gap(self, start, end, "Trailing whitespace", "Remove trailing whitespace")
