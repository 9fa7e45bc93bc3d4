from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Rule

from ..layout import layout
from .flow import body_pairs, breaks, gap, joiner, usual_gap, width


class Reflow(Rule):
    """Hard-wrapped lines joined into paragraphs (opt-in).

    What it does:
        Joins the lines of each paragraph into one line and leaves one blank line between
        paragraphs. A paragraph ends before a numbered paragraph (``13.``) or list item,
        before an indented or capitalised line that follows a finished sentence, a comma
        or a short line (a heading). When a blank line follows every line (the seed
        texts) a single blank line is a line break, not a paragraph break. Chinese and
        Japanese lines join with no space; a line ending in a hyphen joins with none.
        Lines across a form feed are left to PG004.

    Why it matters:
        Parsers and embedders want one paragraph per block; PDF text breaks every line.

    Example:
        ``Rappelant toutes les résolutions pertinentes⏎⏎sur l’assistance technique`` →
        ``Rappelant toutes les résolutions pertinentes sur l’assistance technique``.

    Fix safety:
        Unsafe and off by default: paragraph boundaries are inferred, and only
        whitespace changes.
    """

    code = "PG005"
    name = "reflow"
    family = "pages"
    summary = "Hard-wrapped lines to join into paragraphs"
    fix_safety = Applicability.UNSAFE
    default_enabled = False

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        usual, line_width = usual_gap(doc), width(layout(doc))
        edits: list[Edit] = []
        for a, b in body_pairs(doc):
            start, end = gap(doc, a, b)
            between = doc.text[start:end]
            if "\f" in between or between.count("\n") > usual:
                continue
            wanted = "\n\n" if breaks(a, b, line_width) else joiner(a, b)
            if between != wanted:
                edits.append(Edit(start, end, wanted))
        if edits:
            yield self.diagnostic(
                edits[0].start,
                edits[-1].end,
                f"{len(edits)} hard line breaks inside paragraphs",
                fix=Fix(tuple(edits), Applicability.UNSAFE, "Reflow the paragraphs"),
                evidence=f"lines are {'double' if usual == 2 else 'single'}-spaced; paragraphs inferred",
            )
