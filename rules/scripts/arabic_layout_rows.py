from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .edits import applicability
from .layout_rows import layout_groups

EVIDENCE = "pieces in separate columns a word space apart, each tanween over a word that carries it"
OTHER_MARK = "; another mark goes after the letter in its column (unsafe: a column off is another letter)"


class ArabicLayoutRows(Rule):
    """An Arabic line that ``pdftotext -layout`` printed over several rows, marks apart.

    What it does:
        Finds rows made only of right-to-left runs (pdftotext's RLE … PDF) where a run
        holds nothing but a mark (mostly a tanween fath), and the rows around it, up to a
        blank line, a page break, another kind of row or a row with a piece in the same
        columns as one already taken (one column of slack for rounding): pieces of one line
        never share a column, and side by side they stand a word space apart (two blank
        columns at most, not a gutter between two columns of text). When they are two
        pieces or more and every mark stands in the columns of exactly one piece, on a word
        that can carry a tanween (three letters or more ending in alef, taa marbuta or
        hamza, known, not definite, not a particle) or, for another mark, on a letter, the
        rows become one line: the pieces right to left, each
        tanween on its word (after a final alef, or before it when the document mostly
        writes it there), another mark after the letter in its column.

    Why it matters:
        pdftotext prints a word's tanween as a run of its own on another row and the line's
        pieces in the order of their columns: the marks are tokens of their own, the words
        that lost them are misspelt and the sentence reads out of order.

    Example:
        ``ً⏎علنيا للفصل … توجه له.        ً⏎نظرا عادلاً نزيهة`` (rows, runs apart) →
        ``نزيهة نظراً عادلاً علنياً للفصل … توجه له.`` (udhr ar, pdftotext -layout)

    Fix safety:
        Safe when every mark is a tanween: the order and the marks' words come from the
        positions pdftotext printed (columns), checked against the word list for each
        mark. Unsafe with another mark (``ُ`` over ``اعتمد``): its letter comes from the
        column alone, and a column off is another letter. Only the marks, the rows and the
        order of the pieces change: no letter or digit is added or lost.
    """

    code = "SC012"
    name = "arabic-layout-rows"
    family = "scripts"
    summary = "Arabic line printed over several rows by pdftotext -layout"
    fix_safety = Applicability.SAFE
    fix_priority = 1  # its whole-line rewrites come before other fixes inside their first line

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for group in layout_groups(doc):
            yield self.diagnostic(
                group.first.start,
                group.last.end,
                f"Arabic line printed over {group.last.number - group.first.number + 1} rows",
                fix=Fix.replace(
                    group.first.start,
                    group.last.end,
                    group.text,
                    applicability(group.safe),
                    "Put the line back together in reading order",
                ),
                evidence=EVIDENCE + ("" if group.safe else OTHER_MARK),
            )
