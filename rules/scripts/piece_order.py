"""The reading order of one line that pdftotext printed in pieces cut at its tanween marks.

pdftotext prints a right-to-left line whose words lost their tanween as blocks: the marks
first, then each piece that starts with such a word, then the piece the line began with
(``ً⏎جميعا الحق … كهذا.⏎لهم`` for ``لهم جميعاً الحق … كهذا.``). Pieces without marks come
out left to right, the reverse of their reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reslint.api import Document, Edit, Line

from .arabic import LETTERS, MARKS

# A numbered clause opening the piece (``1. كل شخص``): it opens the whole line.
CLAUSE = re.compile(r"\d{1,3}\. ")
FINAL = re.compile(r"[.؟!:]$")
DIGIT = re.compile(r"\d")
# A heading: one word and its number (``المادة 8``).
HEADING = re.compile(f"[{LETTERS}]+ \\d{{1,3}}")


@dataclass(frozen=True)
class Piece:
    """A line that starts with a word whose tanween was printed apart, and that mark."""

    line: Line
    insertion: Edit

    def text(self) -> str:
        """The line with the tanween back on its word, stripped."""
        at = self.insertion.start - self.line.start
        return (self.line.text[:at] + self.insertion.replacement + self.line.text[at:]).strip()


def _longest_line(doc: Document) -> int:
    return doc.memo(
        "scripts.longest_line", lambda: max(len(line.strip()) for line in doc.text.split("\n"))
    )


def _ends_paragraph(doc: Document, number: int) -> bool:
    """Whether line ``number`` is the last of its paragraph: a heading, a blank line or the
    end of the text follows."""
    if number >= doc.line_count:
        return True
    after = doc.line(number + 1).text.strip()
    return not after or HEADING.fullmatch(after) is not None


def leading_piece(doc: Document, pieces: list[Piece]) -> Line | None:
    """The line right after ``pieces`` when it is the piece their line began with: together
    they fit in one line, and it opens with a clause number, or ends its paragraph where the
    last piece printed ends a sentence and it does not."""
    number = pieces[-1].line.number + 1
    if number > doc.line_count:
        return None
    lead = doc.line(number)
    body = lead.text.strip()
    width = sum(len(p.line.text.strip()) + 1 for p in pieces) + len(body)
    if not body or "\f" in lead.text or FINAL.search(body) or width > _longest_line(doc):
        return None
    clause = CLAUSE.match(body)
    if clause is not None:
        return None if DIGIT.search(body, clause.end()) else lead
    last = pieces[-1].line.text.strip()
    if DIGIT.search(body) or not FINAL.search(last) or not _ends_paragraph(doc, number):
        return None
    return lead


def reading_order(pieces: list[Piece], lead: Line) -> str | None:
    """The pieces as one line in reading order, the first one first: pieces without marks
    were printed left to right (reversed here). ``None`` when two or more pieces include
    one with a mark of its own (printed first wherever it stood: the order is unknown)."""
    if len(pieces) > 1 and any(MARKS.search(p.line.text) for p in pieces):
        return None
    return " ".join([lead.text.strip(), *(p.text() for p in reversed(pieces))])
