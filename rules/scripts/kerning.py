"""Latin letters printed inside Arabic words (SC011), and pdfminer's lines cut at them.

LibreOffice prints a Latin ``o`` (inside a left-to-right embedding) at a widened letter gap
of an Arabic word; extractors return it inside the word (``الoإعلان``), and pdfminer puts it
with the rest of its piece in a text box of its own: a visual-order line comes out as three
(``… نالعإ``, ``oل``, ``ا اذه …``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reslint.api import Document, Line

from ..lazy_pattern import lazy_re
from .arabic import (
    ARABIC_WORD,
    KNOWN,
    KNOWN_AT_ALL,
    LETTER,
    LETTERS,
    MARKS_RANGE,
    WORD_BEFORE,
    best_reading,
    known,
    next_nonblank,
    strip_marks,
    visual_lines,
)
from .screen import has_script_chars

# One Latin letter (or a parenthesis, as LibreOffice prints the gap glyph in ``الماد(ة``)
# between two pieces of an Arabic word: glued, or with a space before it, or a space or a
# line break after it (groups: left piece, gap, glyph, gap, right piece).
# The left piece starts where a word does: no retries inside words (twice as fast).
LONE_GLYPH = lazy_re(
    f"(?<![{LETTERS}{MARKS_RANGE}])([{LETTERS}{MARKS_RANGE}]+)( ?)([A-Za-z()])( ?\\n?)"
    f"({LETTER}[{LETTERS}{MARKS_RANGE}]*)"
)
BRACKETS = lazy_re(r"[()\[\]]")
# pdfminer's box around the letter and the rest of its piece, visual order (``oل``).
LETTER_BOX = lazy_re(f"^([A-Za-z])({LETTER}[{LETTERS}{MARKS_RANGE}]*)[ \\t]*$", re.MULTILINE)
# Hamza seats the word list may spell either way (``الإمتناع``/``الامتناع``).
HAMZA_ALEFS = str.maketrans("أإآ", "ااا")
# The Arabic letters an OCR engine may read as a Latin ``o``: where one of them in its place
# makes a known word, the ``o`` may stand for a letter and is not deleted.
LOOK_ALIKES = "هة"


def evidence(word: str) -> float:
    """Zipf frequency of ``word``, or of its spelling with a bare alef for a hamza seat."""
    return max(known(word), known(word.translate(HAMZA_ALEFS)))


def known_across(left: str, right: str) -> bool:
    """Whether the pieces on either side of the glyph make a known word (:func:`evidence`)
    and no look-alike letter in the glyph's place makes one too."""
    return evidence(left + right) >= KNOWN and not look_alike(left, right)


def look_alike(left: str, right: str) -> bool:
    """Whether a letter an OCR engine may read as ``o`` makes a word in the ``o``'s place."""
    return any(known(left + letter + right) >= KNOWN_AT_ALL for letter in LOOK_ALIKES)


@dataclass(frozen=True)
class LetterBox:
    """A visual-order line pdfminer printed as three: ``left``, the box (the letter and the
    rest of its piece), ``right``; ``word`` is the word they make without the letter, in
    logical order, and ``score`` its evidence."""

    left: Line
    box: Line
    right: Line
    word: str
    score: float

    @property
    def letter(self) -> str:
        """The Latin letter opening the box."""
        return self.box.text[0]

    def joined(self) -> str:
        """The three pieces as one visual-order line, without the letter."""
        return self.left.text + self.box.text.rstrip()[1:] + self.right.text


def letter_boxes(doc: Document) -> list[LetterBox]:
    """Every line pdfminer cut at a Latin letter inside a word (memoised per document)."""
    return doc.memo("scripts.letter_boxes", lambda: _letter_boxes(doc))


def _letter_boxes(doc: Document) -> list[LetterBox]:
    """:func:`letter_boxes`, computed: each box line between two visual-order lines of its page."""
    found = list(LETTER_BOX.finditer(doc.text)) if has_script_chars(doc) else []
    if not found:
        return []
    visual = visual_lines(doc)
    boxes = []
    for m in found:
        box = doc.line(doc.line_number(m.start()))
        left, right = (next_nonblank(doc, box.number, step) for step in (-1, +1))
        if left is None or right is None or "\f" in doc.text[left.end : right.start]:
            continue
        if left.number not in visual or right.number not in visual:
            continue
        found_box = _read(left, box, right, m.group(2))
        if found_box is not None:
            boxes.append(found_box)
    return boxes


def _read(left: Line, box: Line, right: Line, rest: str) -> LetterBox | None:
    """The box when the word ending ``left``, ``rest`` and the word opening ``right`` make a
    known word read reversed, and no look-alike letter in the Latin letter's place does."""
    before = WORD_BEFORE.search(left.text)
    after = ARABIC_WORD.match(right.text)
    if before is None or after is None:
        return None
    reading, score = best_reading(strip_marks(before.group() + rest + after.group()))
    word = reading[::-1]
    score = max(score, evidence(word))
    if score < KNOWN or look_alike((rest + after.group())[::-1], before.group()[::-1]):
        return None
    return LetterBox(left, box, right, word, score)
