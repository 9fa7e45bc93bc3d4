from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re
from .arabic import (
    LETTER,
    MARK,
    TANWEEN_FATH,
    WORD_BEFORE,
    LineVotes,
    line_votes,
    next_nonblank,
    takes_tanween,
)
from .edits import applicability
from .screen import has_script_chars

# A line opening with a mark glued to a word: no letter carries the mark.
OPENING_MARK = lazy_re(f"^({MARK})(?={LETTER})")
# The same after a newline: a literal first, which ``re`` finds fast.
AFTER_NEWLINE = lazy_re(f"\n(?={MARK}{LETTER})")
ENDS_IN_LETTER = lazy_re(f"{LETTER}$")
SHADDA = "\u0651"
# Words whose last consonant always carries a shadda (``إلّا``, ``ثمّ``, ``لعلّ``).
FINAL_SHADDA = frozenset(("إلا", "ثم", "لعل"))
# The letters a final tanween fath is written on.
CARRIERS = frozenset("اةىء")


class ArabicSplitLine(Rule):
    """An Arabic line printed as two lines, its left piece first, cut at a mark.

    What it does:
        Finds a line in logical order that opens with a tashkeel mark glued to a word
        (``ًوضميرًا وعليهم أن``) where the next non-blank line, also in logical order,
        ends in a letter without it (``… وقد وهبوا عقلا``): pdfminer splits a right-to-left
        line whose last word carries a mark drawn above the others and prints the left
        piece first. The fix puts the mark back on that letter and joins the pieces in
        reading order: ``… وقد وهبوا عقلاً وضميرًا وعليهم أن``.

    Why it matters:
        The sentence reads end first, the first word of the left piece starts with a mark
        (no tool reads it) and the last word of the right piece lost its mark.

    Example:
        ``ًعلنياً للفصل في حقوقه⏎⏎نزيهة نظراً عادلا`` →
        ``نزيهة نظراً عادلاً علنياً للفصل في حقوقه`` (udhr ar_dev, pdfminer)

    Fix safety:
        Safe for a tanween fath moving onto a final alef, taa marbuta, alef maqsura or
        hamza (where it is written) when both lines read in logical order and the line
        before does not end in such a letter (the mark could be its), or ends in one that
        is not alef while the right piece ends in a word whose final alef is the mark's
        seat (a known word that takes a tanween). Safe for a shadda when the right piece
        ends in a word whose last consonant is always doubled (``إلا``, ``ثم``, ``لعل``)
        and the line before does not. Unsafe otherwise.
        Only the mark, the blank lines between the pieces and their order change: no
        letter or digit is lost.
    """

    code = "SC009"
    name = "arabic-split-line"
    family = "scripts"
    summary = "Arabic line printed as two lines cut at a mark, left piece first"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc):
            return
        text = doc.text
        starts = [m.end() for m in AFTER_NEWLINE.finditer(text)]
        if OPENING_MARK.match(text):
            starts.insert(0, 0)
        if not starts:
            return
        votes = {v.line.number: v for v in line_votes(doc)}
        for left in filter(None, (votes.get(doc.line_number(start)) for start in starts)):
            opening = OPENING_MARK.match(left.line.text)
            right = _neighbour(doc, votes, left.line.number, +1)
            if opening is None or right is None or OPENING_MARK.match(right.line.text):
                continue  # not a left piece, or the right one is cut too
            if "\f" in right.line.text:
                continue  # the pieces are on two pages
            body = right.line.text.rstrip()
            if not ENDS_IN_LETTER.search(body) or not _logical(left) or not _logical(right):
                continue
            mark = opening.group(1)
            before = _neighbour(doc, votes, left.line.number, -1)
            ambiguous = _competes(_before_text(before), body)
            safe = (
                mark == TANWEEN_FATH and body[-1] in CARRIERS and not ambiguous
                or mark == SHADDA and _final_shadda(body) and not _final_shadda(_before_text(before))
            )
            safe = safe and left.visual == 0 and right.visual == 0
            yield self.diagnostic(
                left.line.start,
                left.line.start + 1,
                "Arabic line printed in two pieces, the left one first",
                fix=Fix.replace(
                    left.line.start,
                    right.line.end,
                    body + mark + " " + left.line.text[1:],
                    applicability(safe),
                    "Put the mark back on the right piece's last letter and join the pieces",
                ),
                evidence=f"the line opens with U+{ord(mark):04X}, which no letter carries; "
                f"the next line ends in {body[-1]!r}",
            )


def _before_text(before: LineVotes | None) -> str:
    return "" if before is None else before.line.text.rstrip()


def _final_shadda(text: str) -> bool:
    """Whether ``text`` ends in a word whose last consonant is always doubled (``إلاّ``)."""
    word = WORD_BEFORE.search(text)
    return word is not None and word.group() in FINAL_SHADDA


def _competes(before: str, body: str) -> bool:
    """Whether the line before could carry the tanween as well as the right piece: it ends
    in a carrier letter, unless the right piece ends in a word whose final alef is the
    tanween's seat (``عادلا``) and the line before in taa marbuta, alef maqsura or hamza,
    where the mark is mostly left out."""
    if before[-1:] not in CARRIERS:
        return False
    word = WORD_BEFORE.search(body)
    return before[-1] == "ا" or word is None or not (body[-1] == "ا" and takes_tanween(word.group()))


def _logical(votes: LineVotes) -> bool:
    return votes.visual <= votes.logical


def _neighbour(doc: Document, votes: dict[int, LineVotes], number: int, step: int) -> LineVotes | None:
    """The Arabic line next to line ``number`` across blank lines (not a page break)."""
    line = next_nonblank(doc, number, step)
    return None if line is None else votes.get(line.number)
