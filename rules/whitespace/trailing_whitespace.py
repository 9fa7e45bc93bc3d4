from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

TRAILING = regex.compile(r"[ \t]+$", regex.MULTILINE)


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
        for m in TRAILING.finditer(doc.text):
            yield self.diagnostic(
                m.start(),
                m.end(),
                "Trailing whitespace",
                fix=Fix.delete(m.start(), m.end(), message="Remove trailing whitespace"),
            )
