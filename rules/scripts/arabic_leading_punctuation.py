from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .arabic import LETTER, MARK, line_votes

# Final punctuation (and the tanween of the last word) printed first, glued to a letter.
LEADING = regex.compile(rf"^([.،؛:!؟]+)({MARK}*)(?={LETTER})", regex.V1)
# Where the moved punctuation goes: after the last letter, digit or mark, before spaces.
TAIL = regex.compile(r"\s*$")
ENDS_IN_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]\s*$")


class ArabicLeadingPunctuation(Rule):
    """A sentence-final mark printed at the start of an Arabic line.

    What it does:
        Finds a line in logical order that starts with ``.``, ``،``, ``؛``, ``:``, ``!`` or
        ``؟`` glued to an Arabic letter, and moves the punctuation to the end of the line
        (with a tanween printed along with it, back onto the last word).

    Why it matters:
        PyMuPDF and pypdf put the full stop drawn at the visual left end of a
        right-to-left line first: ``.هو أساس الحرية`` for ``هو أساس الحرية.``; sentence
        splitting and the last word's tokenisation both go wrong.

    Example:
        ``.ًلا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفا`` →
        ``لا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفاً.``

    Fix safety:
        Safe when the line reads as printed (its words are known in logical order, none
        only reversed) and ends in a letter or digit; unsafe otherwise. Only punctuation
        and marks move.
    """

    code = "SC004"
    name = "arabic-leading-punctuation"
    family = "scripts"
    summary = "Sentence-final punctuation at the start of an Arabic line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for votes in line_votes(doc):
            line = votes.line
            m = LEADING.match(line.text)
            if m is None or votes.visual >= max(votes.logical, 1):
                continue
            rest = line.text[m.end() :]
            tail = TAIL.search(rest)
            assert tail is not None
            moved = rest[: tail.start()] + m.group(2) + m.group(1) + rest[tail.start() :]
            safe = votes.visual == 0 and ENDS_IN_WORD.search(rest) is not None
            yield self.diagnostic(
                line.start,
                line.start + m.end(),
                f"{m.group(1)!r} at the start of a right-to-left line",
                fix=Fix.replace(
                    line.start,
                    line.end,
                    moved,
                    Applicability.SAFE if safe else Applicability.UNSAFE,
                    "Move it to the end of the line",
                ),
                evidence=f"{votes.logical} words read in logical order, {votes.visual} reversed",
            )
