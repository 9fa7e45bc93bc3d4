from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .arabic import KNOWN, LETTER, LETTERS, MARKS_RANGE, joined_wins, visual_lines
from .edits import applicability
from .kerning import LONE_LATIN, LetterBox, evidence, letter_boxes, look_alike
from .screen import has_script_chars

# The rest of a word the line break cut off: the Arabic word opening the next line.
WORD_AFTER_BREAK = re.compile(f"\\n{LETTER}[{LETTERS}{MARKS_RANGE}]*")


class ArabicKerningLetter(Rule):
    """A lone Latin letter printed inside an Arabic word.

    What it does:
        Finds one Latin letter between two pieces of an Arabic word in logical order,
        glued to both or with a space or a line break on one side (``الoإعلان``,
        ``عاo لمية``, ``الoب⏎قعة``), where the pieces joined without it make a known word
        (wordfreq, a hamza seat spelt either way). LibreOffice prints a Latin ``o``
        (inside a left-to-right embedding) at a widened letter gap, and every extractor
        returns it. The fix deletes the letter and the space or line break beside it.

    Why it matters:
        The stray letter makes the word unknown to every tool, and the space beside it
        cuts it into two tokens, neither of them the word.

    Example:
        ``هذا الoإعلان نصب أعينهم`` → ``هذا الإعلان نصب أعينهم``;
        ``بصورة عاo لمية فعالة`` → ``بصورة عالمية فعالة`` (udhr ar_kern_dev, pdftotext)

    Fix safety:
        A letter is deleted, which is done only on this evidence: Arabic text never writes
        a Latin letter inside an Arabic word (a Latin word in an Arabic line stands apart,
        between spaces: the Arabic letters around it could not join), and the pieces
        around make a known word (Zipf 3 or more). Safe when the letter is glued to both
        pieces, or the joined word beats the two pieces as words (unigram model); unsafe
        otherwise. No fix when ``ه`` or ``ة`` in the letter's place makes a word: an OCR
        engine may have read that letter as ``o``. Only the Latin letter and one space or
        line break go; no Arabic letter or mark is lost.
    """

    code = "SC011"
    name = "arabic-kerning-letter"
    family = "scripts"
    summary = "Lone Latin letter printed inside an Arabic word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = list(LONE_LATIN.finditer(doc.text)) if has_script_chars(doc) else []
        if found:
            visual = visual_lines(doc)
            for m in found:
                if doc.line_number(m.start()) not in visual:
                    yield from self._repair(doc.text, m)
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

    def _repair(self, text: str, m: re.Match[str]) -> Iterator[Diagnostic]:
        left, before, letter, after, right = m.groups()
        if before and after:
            return
        end, joined, gap = m.end(), left + right, bool(before or after)
        wrapped = None if gap else WORD_AFTER_BREAK.match(text, end)
        if wrapped is not None and joined_wins(joined, wrapped.group()[1:]):
            # ``الoب⏎قعة``: the line break cut the word after the letter.
            right += wrapped.group()[1:]
            end, joined, gap = wrapped.end(), left + right, True
        score = evidence(joined)
        if score < KNOWN or look_alike(left, right):
            return
        safe = not gap or joined_wins(left, right)
        yield self.diagnostic(
            m.start(3),
            m.end(3),
            f"Latin {letter!r} inside the Arabic word {joined!r}",
            fix=Fix.replace(
                m.start(1),
                end,
                joined,
                applicability(safe),
                f"Delete {letter!r}" + (" and the gap beside it" if gap else ""),
            ),
            evidence=f"{joined!r} is known (Zipf {score:.1f})",
        )

