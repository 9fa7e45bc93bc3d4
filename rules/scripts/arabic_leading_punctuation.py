from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Line, Rule

from ..lazy_pattern import lazy_regex
from .arabic import LETTER, LETTERS, MARK, MARKS_RANGE, TANWEEN_FATH, line_votes, next_nonblank, takes_tanween
from .edits import applicability

# Final punctuation (and the tanween of the last word) printed first, glued to a letter.
LEADING = lazy_regex(rf"^([.،؛:!؟]+)({MARK}*)(?={LETTER})", regex.V1)
# Where the moved punctuation goes: after the last letter, digit or mark, before spaces.
TAIL = lazy_regex(r"\s*$")
ENDS_IN_WORD = lazy_regex(r"[\p{L}\p{M}\p{N}]\s*$")
# A clause number's full stop and the sentence's, printed together before the text.
CLAUSE = lazy_regex(rf"^(\d*)\.\.(?= {LETTER})")
CLAUSE_NUMBER = lazy_regex(r"\s*\d{1,3}\s*")
# A clause number's full stop opening the line, the number alone on the next non-blank line
# (pdfminer prints the number's text box after the clause's first line).
CLAUSE_DOT = lazy_regex(rf"^\. (?={LETTER})")
NUMBER_LINE = lazy_regex(r"[ \t]*\d{1,3}[ \t]*")  # not across a page break (``\f``)
SAFE_CLAUSES = 3
# A clause number with the tanween of the line's last word printed after it (PyMuPDF:
# ``2ً. لا يدان … جرماً وفقا``), and that last word (no mark yet) before the line end.
CLAUSE_TANWEEN = lazy_regex(rf"^(\s*\d{{1,3}}){TANWEEN_FATH}(?=\.)")
LAST_WORD = lazy_regex(rf"(?<![{LETTERS}{MARKS_RANGE}])([{LETTERS}]+)(\s*)$")


class ArabicLeadingPunctuation(Rule):
    """A sentence-final mark printed at the start of an Arabic line.

    What it does:
        Finds a line in logical order that starts with ``.``, ``،``, ``؛``, ``:``, ``!`` or
        ``؟`` glued to an Arabic letter, and moves the punctuation to the end of the line
        (with a tanween printed along with it, back onto the last word). A numbered clause
        printed ``1.. لكل فرد …`` (or ``1`` alone on the line before ``.. لكل فرد …``)
        becomes ``1. لكل فرد ….``; ``. لكل فرد …`` with ``1`` alone on the next non-blank
        line (pdfminer) becomes ``1. لكل فرد …``. A tanween printed after a clause number
        (``2ً. لا يدان … وفقا``, PyMuPDF) goes back onto the line's last word when that word
        can carry one (``… وفقاً``).

    Why it matters:
        PyMuPDF and pypdf put the full stop drawn at the visual left end of a
        right-to-left line first: ``.هو أساس الحرية`` for ``هو أساس الحرية.``; sentence
        splitting and the last word's tokenisation both go wrong.

    Example:
        ``.ًلا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفا`` →
        ``لا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفاً.``

    Fix safety:
        Safe when the line reads as printed (its words are known in logical order, none
        only reversed) and ends in a letter or digit; unsafe otherwise. A clause number
        moved up from the next line: safe when the line reads as printed and the document
        has three or more such clauses, unsafe otherwise. A tanween after a clause number
        (no digit carries one): safe on the same terms as punctuation, when the last word
        ends in alef, taa marbuta or hamza, is known, and is not definite, a particle or a
        word with a pronoun suffix. Only punctuation, marks and clause numbers move.
    """

    code = "SC004"
    name = "arabic-leading-punctuation"
    family = "scripts"
    summary = "Sentence-final punctuation at the start of an Arabic line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        numbers = _numbers_after(doc)
        for votes in line_votes(doc):
            line = votes.line
            if votes.visual >= max(votes.logical, 1):
                continue
            number = numbers.get(line.number)
            if number is not None:
                yield self._number_after(line, number, len(numbers), logical=votes.visual == 0)
                continue
            repair = _repair(doc, line)
            if repair is None:
                continue
            start, replacement, punct = repair
            safe = votes.visual == 0 and ENDS_IN_WORD.search(line.text) is not None
            yield self.diagnostic(
                line.start,
                line.start + len(punct),
                f"{punct!r} at the start of a right-to-left line",
                fix=Fix.replace(
                    start,
                    line.end,
                    replacement,
                    applicability(safe),
                    "Move the final punctuation to the end of the line",
                ),
                evidence=f"{votes.logical} words read in logical order, {votes.visual} reversed",
            )


    def _number_after(self, line: Line, number: Line, clauses: int, *, logical: bool) -> Diagnostic:
        digits = number.text.strip()
        safe = logical and clauses >= SAFE_CLAUSES
        return self.diagnostic(
            line.start,
            line.start + 1,
            f"Clause number {digits} printed on a line after its full stop",
            fix=Fix.replace(line.start, number.end, digits + line.text, applicability(safe), "Move it up"),
            evidence=f"{clauses} lines open with a full stop and have a number alone on the next line",
        )


def _numbers_after(doc: Document) -> dict[int, Line]:
    """Lines opening with a clause's full stop, by number, and the number's line after each."""
    return doc.memo("scripts.numbers_after", lambda: _find_numbers_after(doc))


def _find_numbers_after(doc: Document) -> dict[int, Line]:
    found = {}
    for votes in line_votes(doc):
        line = votes.line
        if not CLAUSE_DOT.match(line.text):
            continue
        after = next_nonblank(doc, line.number, +1)  # across blank lines, not a page break
        if after is not None and NUMBER_LINE.fullmatch(after.text):
            found[line.number] = after
    return found


def _clause_tanween(line: Line, m: regex.Match[str]) -> tuple[int, str, str] | None:
    """``2ً. … وفقا`` → ``2. … وفقاً``: the tanween back on the last word, if it takes one."""
    rest = line.text[m.end() :]
    last = LAST_WORD.search(rest)
    if last is None or not takes_tanween(last.group(1)):
        return None
    moved = rest[: last.end(1)] + TANWEEN_FATH + last.group(2)
    return line.start, m.group(1) + moved, TANWEEN_FATH


def _to_end(rest: str, moved: str) -> str:
    tail = TAIL.search(rest)
    assert tail is not None
    return rest[: tail.start()] + moved + rest[tail.start() :]


def _repair(doc: Document, line: Line) -> tuple[int, str, str] | None:
    """(start of the fix, replacement up to the line end, the leading punctuation)."""
    text = line.text
    m = LEADING.match(text)
    if m is not None:
        return line.start, _to_end(text[m.end() :], m.group(2) + m.group(1)), m.group(1)
    m = CLAUSE_TANWEEN.match(text)
    if m is not None:
        return _clause_tanween(line, m)
    m = CLAUSE.match(text)
    if m is None:
        return None
    # ``1.. لكل فرد …`` or ``1`` alone on the line before: the clause number's full stop
    # and the sentence's, printed together.
    rest = _to_end(text[m.end() :], ".")
    if m.group(1):
        return line.start, m.group(1) + "." + rest, m.group()
    previous = doc.line(line.number - 1) if line.number > 1 else None
    if previous is None or not CLAUSE_NUMBER.fullmatch(previous.text):
        return None
    return previous.start, previous.text.strip() + "." + rest, m.group()
