from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .arabic import (
    DOC_VISUAL_SHARE,
    KNOWN,
    LETTER,
    LETTERS,
    MARKS_RANGE,
    joined_wins,
    line_votes,
    visual_share,
)
from .edits import applicability
from .kerning import BRACKETS, LONE_GLYPH, LetterBox, evidence, letter_boxes, look_alike
from .screen import has_script_chars

# The rest of a word the line break cut off: the Arabic word opening the next line.
WORD_AFTER_BREAK = re.compile(f"\\n{LETTER}[{LETTERS}{MARKS_RANGE}]*")


class ArabicKerningLetter(Rule):
    """A lone Latin letter (or parenthesis) printed inside an Arabic word.

    What it does:
        Finds one Latin letter between two pieces of an Arabic word, glued to both or with
        a space or a line break on one side (``الoإعلان``, ``عاo لمية``, ``الoب⏎قعة``),
        where the pieces joined without it make a known word (wordfreq, a hamza seat spelt
        either way), read as printed or, on a line of a visual-order document that votes
        neither way, reversed. LibreOffice prints a Latin ``o`` (inside a left-to-right
        embedding) at a widened letter gap, sometimes a parenthesis (``الماد(ة``), and
        every extractor returns it. The fix deletes it and the space or line break beside
        it. pdfminer puts the letter and the rest of its piece in a box of their own and
        cuts the visual-order line into three (``… نالعإ``, ``oل``, ``ا اذه …``): the
        three are joined without the letter, before the line is put in logical order
        (SC003 waits for it).

    Why it matters:
        The stray letter makes the word unknown to every tool, and the space beside it
        cuts it into two tokens, neither of them the word; pdfminer's cut scatters the
        line's words over three lines.

    Example:
        ``هذا الoإعلان نصب أعينهم`` → ``هذا الإعلان نصب أعينهم``;
        ``بصورة عاo لمية فعالة`` → ``بصورة عالمية فعالة``; ``الماد(ة 14`` → ``المادة 14``
        (udhr ar_kern_dev, pdftotext)

    Fix safety:
        A letter is deleted, which is done only on this evidence: Arabic text never writes
        a Latin letter inside an Arabic word (a Latin word in an Arabic line stands apart,
        between spaces: the Arabic letters around it could not join), and the pieces
        around make a known word (Zipf 3 or more). Safe when the letter is glued to both
        pieces, or the joined word beats the two pieces as words (unigram model); unsafe
        otherwise. No fix when ``ه`` or ``ة`` in the letter's place makes a word: an OCR
        engine may have read that letter as ``o``. A parenthesis goes only glued to both
        pieces and when no other bracket is in its line (``المعلم(ة)`` is text), safe on
        the same evidence. pdfminer's three lines are joined (safe) when both outer lines
        read in visual order, no page break is between them and the word they make
        without the letter is known. Only the Latin letter or parenthesis and one space or
        line break (or pdfminer's blank lines) go; no Arabic letter or mark is lost.
    """

    code = "SC011"
    name = "arabic-kerning-letter"
    family = "scripts"
    summary = "Lone Latin letter or parenthesis printed inside an Arabic word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = list(LONE_GLYPH.finditer(doc.text)) if has_script_chars(doc) else []
        if found:
            lines = line_votes(doc)
            visual = {v.line.number for v in lines if v.visual > v.logical}
            reversed_doc = visual_share(lines) >= DOC_VISUAL_SHARE
            for m in found:
                number = doc.line_number(m.start(3))
                if number not in visual:
                    yield from self._repair(doc, m, reversed_doc)
        for box in letter_boxes(doc):
            yield self._box(box)

    def _box(self, box: LetterBox) -> Diagnostic:
        """A visual-order line printed as three, the middle one the letter and the rest of
        its piece: the three joined without the letter."""
        return self.diagnostic(
            box.box.start,
            box.box.start + 1,
            f"Latin {box.letter!r} inside the Arabic word {box.word!r}, its piece on a line of its own",
            fix=Fix.replace(
                box.left.start,
                box.right.end,
                box.joined(),
                Applicability.SAFE,
                f"Delete {box.letter!r} and join the three pieces of the line",
            ),
            evidence=f"{box.word!r} is known (Zipf {box.score:.1f})",
        )

    def _repair(self, doc: Document, m: re.Match[str], reversed_doc: bool) -> Iterator[Diagnostic]:
        """The glyph at ``m`` deleted (with the gap or line break beside it), when the pieces
        make a known word, read as printed or (in a visual-order document) reversed."""
        left, before, glyph, after, right = m.groups()
        if before and after:
            return
        end, joined, gap = m.end(), left + right, bool(before or after)
        wrapped = None if gap else WORD_AFTER_BREAK.match(doc.text, end)
        if wrapped is not None and joined_wins(joined, wrapped.group()[1:]):
            # ``الoب⏎قعة``: the line break cut the word after the letter.
            right += wrapped.group()[1:]
            end, joined, gap = wrapped.end(), left + right, True
        readings = [(left, right)] + ([(right[::-1], left[::-1])] if reversed_doc else [])
        read = [(a, b) for a, b in readings if evidence(a + b) >= KNOWN and not look_alike(a, b)]
        if not read or glyph in "()" and (gap or _brackets(doc, m.start(3)) > 1):
            return  # a bracket counts only glued, the only one in its line
        word = read[0][0] + read[0][1]
        safe = not gap or joined_wins(*read[0])
        yield self.diagnostic(
            m.start(3),
            m.end(3),
            f"{glyph!r} inside the Arabic word {word!r}",
            fix=Fix.replace(
                m.start(1),
                end,
                joined,
                applicability(safe),
                f"Delete {glyph!r}" + (" and the gap beside it" if gap else ""),
            ),
            evidence=f"{word!r} is known (Zipf {evidence(word):.1f})",
        )


def _brackets(doc: Document, at: int) -> int:
    """How many brackets the line holding offset ``at`` has."""
    return len(BRACKETS.findall(doc.line(doc.line_number(at)).text))
