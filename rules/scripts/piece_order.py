"""The reading order of one line that pdftotext printed in pieces cut at its tanween marks.

pdftotext prints a right-to-left line whose words lost their tanween as blocks: the marks
first, then each piece that starts with such a word, then the piece the line began with
(``ً⏎جميعا الحق … كهذا.⏎لهم`` for ``لهم جميعاً الحق … كهذا.``). Pieces without marks come
out left to right, the reverse of their reading order. With ``-layout`` the pieces are rows
of text placed left to right, and the first piece may share the last piece's row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reslint.api import Document, Edit, Line

from ..lazy_pattern import lazy_re
from .arabic import LETTERS, MARKS, TANWEEN_FATH

# A numbered clause opening the piece (``1. كل شخص``): it opens the whole line.
CLAUSE = lazy_re(r"\d{1,3}\. ")
MID_CLAUSE = lazy_re(r" (\d{1,3}\. )")
SENTENCE_END = lazy_re(r"[.؟!] ")
LINE_END_MARK = lazy_re(f"[ \t]+{TANWEEN_FATH}[ \t]*$")
# A line of tanween marks only.
MARK_LINE = lazy_re(f"[ \t]*{TANWEEN_FATH}[ \t{TANWEEN_FATH}]*")
FINAL = lazy_re(r"[.؟!:]$")
DIGIT = lazy_re(r"\d")
# A heading: one word and its number (``المادة 8``).
HEADING = lazy_re(f"[{LETTERS}]+ \\d{{1,3}}")


BEFORE_ALEF = lazy_re(f"(?<!ل){TANWEEN_FATH}ا(?![{LETTERS}])")
AFTER_ALEF = lazy_re(f"(?<!ل)ا{TANWEEN_FATH}")


def before_alef(doc: Document) -> bool:
    """Whether the document writes a tanween fath before a final alef (``قدمًا``) more often
    than after it (``قدماً``, the default); lam-alef (``عقلاً``) is not counted."""
    text = doc.text
    return doc.memo(
        "scripts.tanween_before_alef",
        lambda: len(BEFORE_ALEF.findall(text)) > len(AFTER_ALEF.findall(text)),
    )


def insertion(word: str, end: int, first: bool) -> Edit:
    """The tanween added to ``word``, which ends at offset ``end``: after its last letter,
    or before a final alef (not lam-alef) when the document writes it there (``first``)."""
    if first and word.endswith("ا") and not word.endswith("لا"):
        end -= 1
    return Edit(end, end, TANWEEN_FATH)


@dataclass(frozen=True)
class Piece:
    """A line that starts with a word whose tanween was printed apart, and that mark."""

    line: Line
    insertion: Edit

    def text(self) -> str:
        """The line with the tanween back on its word, without a stray mark ending it (the
        next piece's), stripped."""
        at = self.insertion.start - self.line.start
        text = self.line.text[:at] + self.insertion.replacement + self.line.text[at:]
        return LINE_END_MARK.sub("", text).strip()


def _longest_line(doc: Document) -> int:
    """The length of the document's longest line, spaces around it aside (computed once)."""
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


def _lead_ok(lead: str, clause: re.Match[str] | None) -> bool:
    """A first piece ends no sentence and holds no number but its clause number."""
    return FINAL.search(lead) is None and DIGIT.search(lead, clause.end() if clause else 0) is None


def split_lead(doc: Document, piece: Piece, *, sentence: bool) -> tuple[str, str] | None:
    """(the piece, the first piece) when a ``-layout`` row printed them on one line, the
    first piece last: it opens with a clause number inside the line (``بريئاً … إدانته 1. كل
    شخص …``), or (``sentence``) it follows the line's last full stop and the line ends its
    paragraph (``تعسفاً. لا يجوز … نفيه``)."""
    text = piece.text()
    clause = MID_CLAUSE.search(text)
    if clause is not None:
        lead = text[clause.start(1) :]
        return (text[: clause.start()], lead) if _lead_ok(lead, CLAUSE.match(lead)) else None
    ends = list(SENTENCE_END.finditer(text)) if sentence else []
    if not ends or not _ends_paragraph(doc, piece.line.number):
        return None
    lead = text[ends[-1].end() :]
    return (text[: ends[-1].end()].rstrip(), lead) if _lead_ok(lead, None) else None


def _fitting_lead(doc: Document, number: int, pieces: list[Piece]) -> tuple[Line, bool] | None:
    """Line ``number`` and whether it opens with a clause number, when it can be the piece
    the line of ``pieces`` began with: together they fit in one line, it is on their page
    and ends no sentence."""
    if number > doc.line_count:
        return None
    lead = doc.line(number)
    body = lead.text.strip()
    width = sum(len(p.line.text.strip()) + 1 for p in pieces) + len(body)
    if not body or "\f" in lead.text or width > _longest_line(doc):
        return None
    clause = CLAUSE.match(body)
    return (lead, clause is not None) if _lead_ok(body, clause) else None


def leading_piece(doc: Document, pieces: list[Piece]) -> Line | None:
    """The line right after ``pieces`` when it is the piece their line began with: together
    they fit in one line, and it opens with a clause number, or ends its paragraph where the
    last piece printed ends a sentence and it does not."""
    found = _fitting_lead(doc, pieces[-1].line.number + 1, pieces)
    if found is None:
        return None
    lead, clause = found
    if clause:
        return lead
    last = pieces[-1].line.text.strip()
    if not FINAL.search(last) or not _ends_paragraph(doc, lead.number):
        return None
    return lead


def rejoin(doc: Document, pieces: list[Piece]) -> tuple[str, int, str] | None:
    """The pieces as one line in reading order, first piece first; the offset the line ends
    at; the first piece. ``None`` without a first piece, or when the order of the others is
    unknown (a piece with a mark of its own is printed first wherever it stood)."""
    texts = [p.text() for p in pieces]
    indent = _indent(pieces[0].line)
    split = split_lead(doc, pieces[-1], sentence=len(pieces) == 1)
    if split is not None:
        texts[-1], lead = split
        end = pieces[-1].line.end
    else:
        line = leading_piece(doc, pieces)
        if line is None:
            return None
        lead, end = line.text.strip(), line.end
    ordered = _ordered(texts)
    return None if ordered is None else (indent + " ".join([lead, *ordered]), end, lead)


def rejoin_cut(doc: Document, pieces: list[Piece], lam_alef: Line) -> tuple[str, int, str] | None:
    """Like :func:`rejoin` for a line whose word was cut at its lam-alef and tanween
    (``… وهبوا عق ً``, marks, ``وضميرا وعليهم أن``, ``لا``, ``يولد جميع الناس``): ``pieces``
    end with the cut piece, printed first with its marks; the others follow the marks on
    consecutive lines up to ``lam_alef``, the line of the ``لا`` piece. The pieces without a
    mark of their own come left to right, the ``لا`` at the cut piece's left: the line after
    it, when it fits, is the first piece, and the line reads first piece, cut piece (its word
    whole), the others in reverse printed order."""
    *others, cut = pieces
    numbers = [p.line.number for p in others]
    if not others or numbers != list(range(numbers[0], lam_alef.number)):
        return None
    between = range(cut.line.number + 1, numbers[0])
    if any(not MARK_LINE.fullmatch(doc.line(n).text) for n in between):
        return None
    found = _fitting_lead(doc, lam_alef.number + 1, pieces)
    ordered = _ordered([p.text() for p in others])
    if found is None or ordered is None:
        return None
    lead = found[0]
    whole = cut.text() + "لا" + TANWEEN_FATH
    text = _indent(cut.line) + " ".join([lead.text.strip(), whole, *ordered])
    return text, lead.end, lead.text.strip()


def _indent(line: Line) -> str:
    """The spaces opening ``line``, which the rejoined line keeps."""
    return line.text[: len(line.text) - len(line.text.lstrip())]


def _ordered(texts: list[str]) -> list[str] | None:
    """The pieces in reading order: reversed when none has a mark but its tanween (printed
    left to right); else, of two pieces, the one ending a sentence last; else unknown."""
    if len(texts) == 1 or all(len(MARKS.findall(text)) == 1 for text in texts):
        return texts[::-1]
    ends = [FINAL.search(text) is not None for text in texts]
    if len(texts) == 2 and sum(ends) == 1:
        return sorted(texts, key=lambda text: FINAL.search(text) is not None)
    return None
