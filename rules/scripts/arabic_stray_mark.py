from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Line, Rule

from ..lazy_pattern import lazy_re
from .arabic import (
    ARABIC_WORD,
    KNOWN,
    LETTER,
    MARK,
    WORD_BEFORE,
    joined_wins,
    known,
    line_votes,
)

# One mark with no letter before it: alone between spaces, or glued to the next word.
STRAY = lazy_re(f"(?<![^ \\n])({MARK})(?=[ ]|{LETTER})")
LONE_ALEF_AFTER = lazy_re(r" ا(?= |$)")
LOOK_BACK = 64
TANWEEN = "\u064b\u064c\u064d"


def _repair(text: str, at: int) -> tuple[int, int, str, Applicability] | None:
    """(start, end, replacement, applicability) for the stray mark at ``at``, if any."""
    mark, after = text[at], at + 1
    glued = ARABIC_WORD.match(text, after)
    if glued is not None:
        word = glued.group()
        alef = LONE_ALEF_AFTER.match(text, glued.end())
        if alef is not None and joined_wins(word, "ا"):
            # ``ّلم ا`` → ``لمّا``: the mark sat on the piece it was printed before.
            return at, alef.end(), word + mark + "ا", Applicability.SAFE
        if at and mark not in TANWEEN and known(word) >= KNOWN:
            # ``ُيخل`` → ``يُخل``: on the first letter, a guess (a tanween ends words, and a
            # mark opening a line may be the last word's of the line before).
            return at, glued.end(), word[0] + mark + word[1:], Applicability.UNSAFE
        return None
    before = WORD_BEFORE.search(text[max(0, at - 1 - LOOK_BACK) : at - 1]) if at else None
    nxt = ARABIC_WORD.match(text, after + 1)
    if before is None or nxt is None or not joined_wins(before.group(), nxt.group()):
        return None
    # ``وفض ً لا`` → ``وفضلاً``: a word cut around its mark.
    left, right = before.group(), nxt.group()
    safe = min(known(left), known(right)) < KNOWN
    return (
        at - 1 - len(left),
        nxt.end(),
        left + right + mark,
        Applicability.SAFE if safe else Applicability.UNSAFE,
    )


class ArabicStrayMark(Rule):
    """A tashkeel mark cut off from its letter in an Arabic line in logical order.

    What it does:
        Finds a combining mark (shadda, damma, tanween…) that follows a space or starts a
        line instead of following its letter, as pdftotext prints them (``ّلم ا`` for
        ``لمّا``, ``وفض ً لا`` for ``وفضلاً``). When the pieces around the mark join into a
        known word that beats them as separate words (unigram model, wordfreq), the word
        is rejoined with the mark after it; a mark (not a tanween) glued before a known
        word inside a line is moved after its first letter.

    Why it matters:
        The stray mark and the spaces around it cut one word into two or three tokens,
        none of which is the word.

    Example:
        ``وفض ً لا عما تقدم`` → ``وفضلاً عما تقدم``; ``ّلم ا كان`` → ``لمّا كان``

    Fix safety:
        Safe when the joined word is known and beats its parts, and one part is rare or
        a lone alef; unsafe otherwise, and for a mark only moved after the first letter
        of a word (the letter it sits on cannot be checked: word lists ignore marks).
        No letter or digit is added or lost.
    """

    code = "SC008"
    name = "arabic-stray-mark"
    family = "scripts"
    summary = "Arabic mark cut off from its letter"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for votes in line_votes(doc):
            if votes.visual > votes.logical:
                continue
            yield from self._line(votes.line)

    def _line(self, line: Line) -> Iterator[Diagnostic]:
        for m in STRAY.finditer(line.text):
            repair = _repair(line.text, m.start())
            if repair is None:
                continue
            start, end, replacement, applicability = repair
            yield self.diagnostic(
                line.start + m.start(),
                line.start + m.end(),
                "Mark cut off from its letter",
                fix=Fix.replace(
                    line.start + start,
                    line.start + end,
                    replacement,
                    applicability,
                    f"Write {replacement!r}",
                ),
                evidence=f"{replacement!r} is known (Zipf {known(replacement):.1f})",
            )
