from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re
from .arabic import (
    ARABIC_WORD,
    DOC_VISUAL_SHARE,
    LETTER,
    LETTERS,
    MARK_SPLIT,
    MARKS,
    MARKS_RANGE,
    TANWEEN_FATH,
    joined_wins,
    line_votes,
    takes_tanween,
    visual_lines,
    visual_share,
)
from .edits import applicability
from .kerning import BRACKETS, LONE_GLYPH, LetterBox, evidence, known_across, letter_boxes
from .screen import has_script_chars

TANWEEN_INSIDE = lazy_re(f"{TANWEEN_FATH}(?={LETTER})")
LTR_CHAR = lazy_re(r"[A-Za-z0-9]")
# PyMuPDF's line-final full stop or tanween printed after the letter after the glyph.
MOVED_END = lazy_re(f"({LETTER})([.{TANWEEN_FATH}])({LETTER}[{LETTERS}{MARKS_RANGE}]*)")
LAST_WORD = lazy_re(f"{LETTER}+$")
# The rest of a word the line break cut off: the Arabic word opening the next line.
WORD_AFTER_BREAK = lazy_re(f"\\n{LETTER}[{LETTERS}{MARKS_RANGE}]*")


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
        (the rule's fixes go before SC003's that start with them). pypdf
        moves the letter before the glyph after it and prints the rest of the line cut at
        its marks, the pieces in reverse order
        (``تلك الoب أو … غير متمتعًقعة مستقلا``): when the pieces joined in the glyph's
        place make no known word, the rest is put back in order (its first letter, then
        the pieces reversed) and the word across the glyph is checked instead. PyMuPDF
        moves the line's last character, a full stop or a tanween, after the letter that
        follows the glyph (``عoا.لمية … لسلطانها``): it goes back to the line end.

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
        without the letter is known. pypdf's rest of the line is put back in order (safe)
        only when it holds no Latin letter or digit, the word across the glyph is known
        only so, and every tanween then ends its word; PyMuPDF's full stop or tanween
        between two letters (never text) goes back to the line end (safe) when the line
        ends in a letter (no final punctuation) and, for a tanween, in a word that takes
        one, and the word across the glyph is known. Only the Latin letter or parenthesis
        and one space or line break (or pdfminer's blank lines) go, and the order of pypdf's
        pieces changes; no Arabic letter or mark is lost.
    """

    code = "SC011"
    name = "arabic-kerning-letter"
    family = "scripts"
    summary = "Lone Latin letter or parenthesis printed inside an Arabic word"
    fix_safety = Applicability.SAFE
    fix_priority = 1  # its whole-line rewrites come before other fixes inside their first line

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = list(LONE_GLYPH.finditer(doc.text)) if has_script_chars(doc) else []
        if found:
            visual = visual_lines(doc)
            reversed_doc = visual_share(line_votes(doc)) >= DOC_VISUAL_SHARE
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
        moved = None if before or after or not glyph.isalpha() else self._line_end_moved(doc, m)
        if moved is not None:
            yield moved
            return
        end, joined, gap = m.end(), left + right, bool(before or after)
        wrapped = None if gap else WORD_AFTER_BREAK.match(doc.text, end)
        if wrapped is not None and joined_wins(joined, wrapped.group()[1:]):
            # ``الoب⏎قعة``: the line break cut the word after the letter.
            right += wrapped.group()[1:]
            end, joined, gap = wrapped.end(), left + right, True
        readings = [(left, right)] + ([(right[::-1], left[::-1])] if reversed_doc else [])
        read = [(a, b) for a, b in readings if known_across(a, b)]
        if not read and not gap and glyph.isalpha():
            yield from self._rotated(doc, m)
            return
        if not read or glyph in "()" and (gap or _brackets(doc, m.start(3)) > 1):
            return  # a bracket counts only glued, the only one in its line
        word = read[0][0] + read[0][1]
        yield self._at_glyph(
            m,
            end,
            joined,
            message=f"{glyph!r} inside the Arabic word {word!r}",
            action=f"Delete {glyph!r}" + (" and the gap beside it" if gap else ""),
            safe=not gap or joined_wins(*read[0]),
            why=f"{word!r} is known (Zipf {evidence(word):.1f})",
        )

    def _line_end_moved(self, doc: Document, m: re.Match[str]) -> Diagnostic | None:
        """PyMuPDF's print of a line with the glyph: the letter before it moved after it and
        the line's last character, a full stop or a tanween, after that letter
        (``عoا.لمية … لسلطانها``, ``الإمتنoاًع … وفقا``). The glyph deleted and that
        character put back at the line end, when the word across the glyph is known and
        the line's end lacks it (no final punctuation, or a last word that takes a
        tanween)."""
        found = MOVED_END.match(doc.text, m.end(3))
        if found is None:
            return None
        line = doc.line(doc.line_number(m.start(3)))
        tail = doc.text[found.end() : line.end].rstrip()
        moved = found.group(2)
        last = LAST_WORD.search(tail)
        if last is None or moved == TANWEEN_FATH and not takes_tanween(last.group()):
            return None  # the line must end in a letter, in a word that takes a tanween
        word = m.group(1) + found.group(1) + found.group(3)
        if not known_across(m.group(1), found.group(1) + found.group(3)):
            return None
        return self._at_glyph(
            m,
            line.end,
            word + tail + moved,
            message=f"{m.group(3)!r} inside the Arabic word {word!r}, the line's last character after it",
            action=f"Delete {m.group(3)!r} and put {moved!r} back at the line end",
            why=f"{word!r} is known (Zipf {evidence(word):.1f}); {moved!r} stood between "
            "two letters and the line ends without it",
        )

    def _rotated(self, doc: Document, m: re.Match[str]) -> Iterator[Diagnostic]:
        """pypdf's print of the rest of a line after a Latin glyph: the letter before the
        glyph moved after it, then the rest cut at its marks, the pieces in reverse order
        (``الoب أو … متمتعًقعة مستقلا`` for ``البoقعة مستقلاً أو … متمتع``). The rest put
        back in order without the glyph, when the word across it is known only so."""
        line = doc.line(doc.line_number(m.start(3)))
        left, rest = m.group(1), doc.text[m.end(3) : line.end]
        restored = _unrotate(rest)
        word = None if restored is None else ARABIC_WORD.match(restored)
        if restored is None or word is None:
            return
        joined = left + word.group()
        if not known_across(left, word.group()):
            return
        yield self._at_glyph(
            m,
            line.end,
            left + restored,
            message=f"{m.group(3)!r} inside the Arabic word {joined!r}, the rest of the line in pieces",
            action=f"Delete {m.group(3)!r} and put the rest of the line back in order",
            why=f"{joined!r} is known (Zipf {evidence(joined):.1f}), every tanween ends a word",
        )

    def _at_glyph(
        self, m: re.Match[str], end: int, text: str, *, message: str, action: str, why: str, safe: bool = True
    ) -> Diagnostic:
        """The diagnostic on the glyph of ``m`` whose fix (``action``, safe or not) replaces the
        text from the glyph's left piece to ``end`` with ``text``; ``why`` is its evidence."""
        fix = Fix.replace(m.start(1), end, text, applicability(safe), action)
        return self.diagnostic(m.start(3), m.end(3), message, fix=fix, evidence=why)


def _unrotate(rest: str) -> str | None:
    """``rest`` (after the glyph) in reading order: its first letter, then its pieces cut at
    the marks in reverse order; ``None`` without a mark, with a left-to-right character, or
    when a tanween would not end its word."""
    if not rest or LTR_CHAR.search(rest) or MARKS.search(rest[1:]) is None:
        return None
    restored = rest[0] + "".join(reversed(MARK_SPLIT.split(rest[1:])))
    return None if TANWEEN_INSIDE.search(restored) else restored


def _brackets(doc: Document, at: int) -> int:
    """How many brackets the line holding offset ``at`` has."""
    return len(BRACKETS.findall(doc.line(doc.line_number(at)).text))
