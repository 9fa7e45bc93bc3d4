"""One right-to-left line that ``pdftotext -layout`` printed over several rows.

With ``-layout`` pdftotext puts every RLE … PDF run at the column of its position on the
page. A right-to-left line whose words carry a tanween drawn above the others comes out
over two or three rows: each such mark as a run of its own on a row above the word (or at
the end of that row), the pieces of the line side by side or row under row. Pieces of one
line never share a column, so the rows that hold them give the line back: its pieces read
right to left, each mark on the word under it (``ً⏎تعسفا.  لا يجوز … نفيه`` →
``لا يجوز … نفيه تعسفاً.``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from reslint.api import Document, Line

from ..lazy_pattern import lazy_re
from .arabic import ARABIC_WORD, LETTER_RE, MARK, MARKS, TANWEEN_FATH, takes_tanween
from .bidi import CONTROL, RTL_RUN, rtl_run
from .piece_order import before_alef, insertion
from .screen import has_script_chars

# A run holding only a mark (mostly a tanween): the mark of a word on another row.
MARK_RUN = lazy_re(f"\u202b[ \t]*{MARK}[ \t]*\u202c")
# Columns two pieces of one line may share: pdftotext rounds positions to columns.
SLACK = 1
# Blank columns between two pieces of one line, side by side: a word space, rounded.
MAX_GAP = 2


@dataclass(frozen=True)
class Run:
    """One RLE … PDF run of a row: its row, the column of its leftmost character and its
    logical text."""

    row: int
    first: int
    text: str

    @property
    def last(self) -> int:
        """The column of the run's rightmost character."""
        return self.first + len(self.text) - 1

    @property
    def mark(self) -> bool:
        """Whether the run holds nothing but one mark (spaces aside)."""
        return MARKS.fullmatch(self.text.strip()) is not None


@dataclass(frozen=True)
class RowGroup:
    """The rows of one line (first and last), the line they make, in reading order, and
    whether every mark was a tanween (put at its word's end, not on one letter)."""

    first: Line
    last: Line
    text: str
    safe: bool


def row_runs(line: Line) -> list[Run] | None:
    """The runs of a row made only of RLE … PDF runs and spaces (else ``None``)."""
    text = line.text
    if "\u202b" not in text or RTL_RUN.sub("", text).strip():
        return None
    return [
        Run(line.number, len(CONTROL.sub("", text[: m.start()])), rtl_run(m))
        for m in RTL_RUN.finditer(text)
    ]


def layout_groups(doc: Document) -> list[RowGroup]:
    """Every line printed over several rows, marks apart (memoised per document)."""
    return doc.memo("scripts.layout_groups", lambda: _groups(doc))


def _groups(doc: Document) -> list[RowGroup]:
    """:func:`layout_groups`, computed: a group from each row with a mark run not in the last."""
    if not has_script_chars(doc) or "\u202b" not in doc.text:
        return []
    found: list[RowGroup] = []
    for m in MARK_RUN.finditer(doc.text):
        number = doc.line_number(m.start())
        if found and number <= found[-1].last.number:
            continue
        group = _group(doc, number)
        if group is not None:
            found.append(group)
    return found


def _group(doc: Document, number: int) -> RowGroup | None:
    """The rows around row ``number`` (which holds a mark) whose pieces share no column,
    when they read as one line with every mark on a word that can carry it."""
    runs = row_runs(doc.line(number))
    if runs is None:
        return None
    first = last = number
    while last < doc.line_count and _add(doc, runs, last + 1):
        last += 1
    while first > 1 and _add(doc, runs, first - 1):
        first -= 1
    read = _read(runs, before_alef(doc))
    return None if read is None else RowGroup(doc.line(first), doc.line(last), *read)


def _add(doc: Document, runs: list[Run], number: int) -> bool:
    """Add row ``number``'s runs when it is such a row, on the same page, and none of its
    pieces shares more than ``SLACK`` columns with a piece already there."""
    line = doc.line(number)
    more = None if "\f" in line.text else row_runs(line)
    if not more:
        return False
    pieces = [r for r in runs if not r.mark]
    if any(_overlap(a, b) > SLACK for a in more if not a.mark for b in pieces):
        return False
    runs.extend(more)
    return True


def _overlap(a: Run, b: Run) -> int:
    """How many columns two runs share."""
    return max(0, min(a.last, b.last) - max(a.first, b.first) + 1)


def _one_line(pieces: list[Run]) -> bool:
    """Whether the pieces, by column, follow each other a word space apart (not the wide
    gutter between two columns of text or cells of a table)."""
    ordered = sorted(pieces, key=lambda p: p.first)
    return all(b.first - a.last - 1 <= MAX_GAP for a, b in pairwise(ordered))


def _read(runs: list[Run], first: bool) -> tuple[str, bool] | None:
    """The pieces right to left, each mark added where its column says, and whether all
    were tanween; ``None`` unless there are two pieces or more and every mark finds its
    place (a tanween: a word that can carry it; another mark: a letter)."""
    pieces = [r for r in runs if not r.mark]
    marks = [r for r in runs if r.mark]
    if len(pieces) < 2 or not marks or not _one_line(pieces):
        return None
    spots: dict[Run, dict[int, str]] = {p: {} for p in pieces}
    for mark in marks:
        spot = _mark_spot(mark, pieces, first)
        if spot is None or spot[1] in spots[spot[0]]:
            return None
        spots[spot[0]][spot[1]] = mark.text.strip()
    ordered = sorted(pieces, key=lambda p: p.first, reverse=True)
    safe = all(m.text.strip() == TANWEEN_FATH for m in marks)
    return " ".join(_with_marks(p.text, spots[p]) for p in ordered), safe


def _mark_spot(mark: Run, pieces: list[Run], first: bool) -> tuple[Run, int] | None:
    """The piece at ``mark``'s column (the row above or below: pdftotext puts the mark on
    either) and where the mark goes in it: a tanween at the end of the word there, if that
    word can carry one; another mark after the letter there."""
    column = mark.first + len(mark.text) - len(mark.text.lstrip())
    under = [p for p in pieces if p.first <= column <= p.last]
    if len(under) != 1:
        return None
    piece = under[0]
    at = piece.last - column  # the logical text runs right to left
    if mark.text.strip() != TANWEEN_FATH:
        return (piece, at + 1) if LETTER_RE.fullmatch(piece.text[at]) else None
    for word in ARABIC_WORD.finditer(piece.text):
        if word.start() <= at < word.end():
            if not takes_tanween(word.group()):
                return None
            return piece, insertion(word.group(), word.end(), first).start
    return None


def _with_marks(text: str, spots: dict[int, str]) -> str:
    """``text`` with each mark of ``spots`` inserted at its offset."""
    for at in sorted(spots, reverse=True):
        text = text[:at] + spots[at] + text[at:]
    return text
