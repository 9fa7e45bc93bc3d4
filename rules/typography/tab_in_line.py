from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex

# Spaces and tabs, at least one tab, between two visible characters of a line.
TAB_RUN = lazy_regex(r"(?<=\S)[ ]*\t[ \t]*(?=\S)")


class TabInLine(Rule):
    """A tab between two words of a line.

    What it does:
        Finds tabs (with any spaces around them) between visible characters of one
        line. Leading indentation and trailing tabs are left to other rules.

    Why it matters:
        Extractors write the tab stop after a list number or bullet as a tab
        (PyMuPDF: ``•\\t``), and table columns as tabs; in running text the tab is a
        word separator that tokenizers and patterns do not expect.

    Example:
        ``1.\\tDecides to include`` → ``1. Decides to include`` (with ``--unsafe-fixes``)

    Fix safety:
        Unsafe: the tab becomes one space, which is right after a list number but loses
        the columns of a table.
    """

    code = "TY003"
    name = "tab-in-line"
    family = "typography"
    summary = "Tab inside a line"
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if "\t" not in doc.text:
            return
        for m in TAB_RUN.finditer(doc.text):
            yield self.diagnostic(
                m.start(),
                m.end(),
                "Tab inside a line",
                fix=Fix.replace(m.start(), m.end(), " ", Applicability.UNSAFE, "Use one space"),
                evidence=f"{m.group()!r} between {doc.text[m.start() - 1]!r} and {doc.text[m.end()]!r}",
            )
