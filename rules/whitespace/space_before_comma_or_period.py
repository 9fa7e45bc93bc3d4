from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ._rtl import NOT_RTL

# A comma, or a full stop that ends a word (not a dot leader `. . .`/`....`, an ellipsis or a
# decimal `.5`), after one to three spaces that follow a word, a closing bracket or quote.
# The match is anchored on the mark (rare) and captures the gap in the lookbehind, which is
# several times faster than scanning every space. Longer runs are layout (table columns).
# `; : ! ?` belong to the typography family; right-to-left text is the scripts family's.
GAP = regex.compile(
    rf"(?<={NOT_RTL}[\p{{L}}\p{{N}}\p{{M}})\]”’»\"'%](?P<gap>[ \t]{{1,3}}))"
    r"(?:,|\.(?![ \t]*\.)(?=$|\s|[”’»\"')\]]))",
    regex.MULTILINE,
)


class SpaceBeforeCommaOrPeriod(Rule):
    """A space between a word and the comma or full stop that follows it.

    What it does:
        Finds one to three spaces before a `,` or before a `.` that ends a word. Dot
        leaders of tables of contents (`Introduction . . . 3`, `....`), ellipses and
        decimals (`.5`) are left alone, and so are `; : ! ?`, before which French puts a
        space (the typography family owns them).

    Why it matters:
        Extractors print a space where a glyph was kerned or set in italics
        (`in all its forms . Rome.`, `no one behind , its`, `William J .`); the detached
        mark becomes a token of its own for search, sentence splitting and embeddings.

    Example:
        `leave no one behind , its UNAIDS Division` →
        `leave no one behind, its UNAIDS Division`

    Fix safety:
        Safe: only the spaces are removed; no language puts a space before `,` or `.`.
    """

    code = "WS003"
    name = "space-before-comma-or-period"
    family = "whitespace"
    summary = "Space before a comma or full stop"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for m in GAP.finditer(doc.text):
            start, end = m.span("gap")
            mark = m.group()
            yield self.diagnostic(
                start,
                end,
                f"Space before '{mark}'",
                fix=Fix.delete(start, end, message=f"Attach '{mark}' to the word before it"),
            )
