from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex

# Two or more spaces between two visible characters of one line (indentation is left alone).
# Starting on the literal two spaces lets the engine skip ahead; the lookbehind comes second.
RUN = lazy_regex(r"  (?<=\S  ) *(?=\S)")
LAYOUT_RUN = 4


class MultipleSpaces(Rule):
    """A run of spaces inside a line where one space belongs.

    What it does:
        Finds two or more consecutive spaces between words of one line. Leading
        indentation and trailing spaces are left to other rules.

    Why it matters:
        pdfminer and pypdf double the spaces of justified lines (``la  coopération``);
        the doubled space splits tokens for search, matching and embedding.

    Example:
        ``prévenir et combattre efficacement le terrorisme,  et`` →
        ``prévenir et combattre efficacement le terrorisme, et``

    Fix safety:
        Safe for runs of two or three spaces. Runs of four or more are usually layout
        (columns of a table in ``pdftotext -layout`` output), so joining them is unsafe.
    """

    code = "WS002"
    name = "multiple-spaces"
    family = "whitespace"
    summary = "Run of spaces inside a line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for m in RUN.finditer(doc.text):
            width = m.end() - m.start()
            safety = Applicability.SAFE if width < LAYOUT_RUN else Applicability.UNSAFE
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"{width} spaces in a row",
                fix=Fix.replace(m.start(), m.end(), " ", safety, "Use one space"),
            )
