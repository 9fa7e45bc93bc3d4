from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .screen import present

SEPARATOR = lazy_regex("[\u2028\u2029]")
BREAKS = "\n\r"


class LineSeparator(Rule):
    """A Unicode LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029).

    What it does:
        Finds the two Unicode separators and replaces them with the plain-text line
        breaks they stand for: U+2028 with a newline, U+2029 with a blank line. A
        separator next to a newline is only removed (or completes the blank line): the
        break is already there.

    Why it matters:
        Converters from word processors and some PDF tools write Shift+Enter and paragraph
        ends as these characters. ``str.splitlines``, editors and browsers break lines at
        them while ``\\n``-based tools (grep, diff, reslint's own line numbers) do not, so
        the same text has different lines, positions and paragraphs from tool to tool.

    Example:
        ``droits de l’homme\\u2028Article premier`` →
        ``droits de l’homme\\nArticle premier``

    Fix safety:
        Safe for U+2028: it is a line break by definition and becomes one, nothing else
        changes. Unsafe for U+2029: plain text has no paragraph character, and the blank
        line that conventionally replaces it also separates blocks for the structure
        rules, which converters that write U+2029 at every line end would not want.
    """

    code = "CH009"
    name = "line-separator"
    family = "characters"
    summary = "Unicode line or paragraph separator (U+2028, U+2029)"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not present(doc, SEPARATOR):
            return
        text = doc.text
        for m in SEPARATOR.finditer(text):
            start, end = m.span()
            adjacent = (start > 0 and text[start - 1] in BREAKS) + (end < len(text) and text[end] in BREAKS)
            if m.group() == "\u2028":
                name, wanted, safety = "Line separator U+2028", 1, Applicability.SAFE
            else:
                name, wanted, safety = "Paragraph separator U+2029", 2, Applicability.UNSAFE
            replacement = "\n" * max(0, wanted - adjacent)
            action = f"Replace with {replacement!r}" if replacement else "Remove: the break is already there"
            yield self.diagnostic(
                start,
                end,
                name,
                fix=Fix.replace(start, end, replacement, safety, action),
                evidence=f"between {text[max(0, start - 8) : start]!r} and {text[end : end + 8]!r}",
            )
