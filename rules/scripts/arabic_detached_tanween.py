from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Line, Rule

from ..lazy_pattern import lazy_re
from .arabic import (
    ARABIC_WORD,
    KNOWN,
    LETTERS,
    MARKS_RANGE,
    TANWEEN_FATH,
    WORD_BEFORE,
    joined_wins,
    known,
    takes_tanween,
)
from .edits import applicability
from .piece_order import LINE_END_MARK, MARK_LINE, Piece, before_alef, insertion, rejoin, rejoin_cut
from .screen import has_script_chars

# A stray tanween fath: alone on its line (maybe several), or ending a line after a space.
STRAY = lazy_re(f"(?:^|[ \t]){TANWEEN_FATH}[ \t{TANWEEN_FATH}]*$", re.MULTILINE)
FIRST_WORD = lazy_re(f"[ \t]*([{LETTERS}{MARKS_RANGE}]+)")
# ``لا`` opening the next line: the lam-alef piece of a word cut at its tanween.
LAM_ALEF = lazy_re(f"[ \t]*لا(?![{LETTERS}{MARKS_RANGE}])[ \t]*")


def _lam_alef_cut(before_mark: str, following: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """The word piece ending ``before_mark`` and the ``لا`` opening ``following`` when they make
    a word that beats its parts (``عق`` + ``لا``: ``عقلاً``)."""
    piece = WORD_BEFORE.search(before_mark)
    lam_alef = LAM_ALEF.match(following)
    if piece is None or lam_alef is None or not joined_wins(piece.group(), "لا"):
        return None
    return piece, lam_alef


def _lam_alef_piece(doc: Document, line: Line, group: _Group) -> bool:
    """``عق ً`` ending the group's first line and ``لا`` opening ``line``: a word cut at its
    lam-alef and tanween (``عقلاً``); the lam-alef and a mark go back after the piece."""
    cut = group.cut
    mark = None if cut is None or group.rejoined else LINE_END_MARK.search(cut.text)
    if cut is None or mark is None:
        return False
    found = _lam_alef_cut(cut.text[: mark.start()], line.text)
    if found is None:
        return False
    lam_alef = found[1]
    deletion = Edit(cut.start + mark.start(), cut.end)
    group.edits = [e for e in group.edits if e != deletion]
    group.edits.append(Edit(deletion.start, deletion.end, "لا" + TANWEEN_FATH))
    # ``لا`` leaves its line: the whole line when nothing else is on it.
    whole = lam_alef.end() == len(line.text)
    indent = len(lam_alef.group()) - len(lam_alef.group().lstrip())
    end = min(line.end + 1, len(doc.text)) if whole else line.start + lam_alef.end()
    group.edits.append(Edit(line.start if whole else line.start + indent, end))
    group.pending -= 1
    group.rejoined = True
    group.lam_alef = line if whole else None
    return True


def _last_mark_to_cut(group: _Group, first: bool) -> bool:
    """The one mark left, after the group's other marks found their words, to the first word
    of the line whose end mark opened the group (``أحرارا``), when it can carry one."""
    cut = group.cut
    word = None if cut is None else FIRST_WORD.match(cut.text)
    if group.pending != 1 or not group.pieces or cut is None or word is None:
        return False
    if not takes_tanween(word.group(1)):
        return False
    group.pieces.append(Piece(cut, insertion(word.group(1), cut.start + word.end(1), first)))
    group.pending = 0
    return True


@dataclass
class _Group:
    """Stray marks waiting for the words that lost them, and the edits so far."""

    pending: int = 0
    # A mark ended a line that is not one of the pieces (pdftotext: the piece before).
    foreign_mark: bool = False
    edits: list[Edit] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    start: int = -1
    # The line whose end mark opened the group (pdftotext: ``أحرارا … وهبوا عق ً``), and
    # whether the word cut there got its lam-alef back.
    cut: Line | None = None
    rejoined: bool = False
    # The line that held only that word's ``لا`` piece.
    lam_alef: Line | None = None

    def add_marks(self, count: int, deletion: Edit, text: str) -> None:
        """``count`` more marks, deleted by ``deletion`` of ``text`` (the document's)."""
        if self.start < 0:
            self.start = text.index(TANWEEN_FATH, deletion.start)
        self.pending += count
        self.edits.append(deletion)

    def add_end_mark(self, line: Line, mark: re.Match[str], text: str) -> None:
        """The mark ending ``line`` (``mark``: it and the spaces before it), deleted."""
        self.add_marks(1, Edit(line.start + mark.start(), line.end), text)


class ArabicDetachedTanween(Rule):
    """A tanween fath printed on a line of its own, away from the word that carries it.

    What it does:
        Finds a tanween fath (``ً``) alone on a line, or ending a line after a space, in
        an Arabic text: pdftotext prints the mark drawn above a word as a line of its own
        and starts the next line with the word that lost it (``ً⏎تعسفا.`` for
        ``تعسفاً.``). Each such mark, in order, goes back onto the first word of the next
        lines when every one of those words can carry it (three letters or more ending in
        alef, taa marbuta or hamza, a known word, not definite, not a particle, not ending
        in a pronoun suffix or ``وا``). A mark ending a line after a word piece, with ``لا`` opening the next
        line, rejoins the word (``وفض ً⏎لا عما`` → ``وفضلاً⏎عما``); when such a line opens a
        group of marks, a later line opening with ``لا`` may be that piece, and the one mark
        left once the others found their words goes to the line's own first word
        (``أحرارا … وهبوا عق ً⏎ً⏎ً⏎وضميرا وعليهم أن⏎لا`` → ``أحراراً … وهبوا عقلاً⏎وضميراً
        وعليهم أن``). When a line of marks
        is followed by a line whose first word cannot carry them but which holds exactly
        as many words that can (pdfplumber: ``ً⏎لا يجوز … نفيه تعسفا.``), they go there.

        pdftotext prints such a line in pieces: the marks, each piece that opens with a
        word that lost one, then the piece the line began with. When the line after the
        pieces is that first piece (the pieces fit in one line, and it opens with a clause
        number, or it ends its paragraph where the last piece ends a sentence and it does
        not), the line is put back together: first piece, then the others in reverse
        printed order (pdftotext prints pieces without marks left to right). With
        ``-layout`` a piece may end in the next piece's mark, and the first piece shares the
        last piece's line, after it: opening with a clause number inside the line
        (``بريئا … إدانته 1. كل شخص …``), or after the line's last full stop when the
        line ends its paragraph (``تعسفا. لا يجوز … نفيه``). When the line was cut inside a
        word at its lam-alef (``أحرارا … وهبوا عق ً``, marks, ``وضميرا وعليهم أن``,
        ``لا``, ``يولد جميع الناس``), the pieces without a mark of their own, the ``لا`` and
        the first piece come left to right, the ``لا`` at the cut piece's left: the line
        after the ``لا`` is the first piece when they all fit in one line, and the line
        reads first piece, cut piece, the others in reverse printed order.

    Why it matters:
        The lone mark is a token of its own and the word it belongs to is misspelt:
        two errors for one mark, and sentence splitting sees a one-character line. The
        pieces out of order scramble the sentence.

    Example:
        ``ً⏎ً⏎قانونا بمحاكمة علنية تؤمن له فيها⏎بريئا إلى أن تثبت إدانته⏎1. كل شخص متهم
        بجريمة يعتبر`` → ``1. كل شخص متهم بجريمة يعتبر بريئاً إلى أن تثبت إدانته قانوناً
        بمحاكمة علنية تؤمن له فيها`` (udhr ar, pdftotext)

    Fix safety:
        Safe when every mark of the group finds its word at the start of the following
        lines (a lam-alef piece rejoined within such a group needs only the joined word to
        beat its parts), and for a lone lam-alef piece that joins into a known word beating
        its parts when the piece before is rare (as SC008). Unsafe for marks matched to
        words inside the next line by their count, and for other lone lam-alef joins. The
        mark goes after a final alef unless the document mostly writes it before one
        (``قدمًا``); a word ending in lam-alef takes it after the alef. The pieces are put
        back together only on the evidence above (for a cut word, only when nothing but
        marks stands between the cut piece and the others), and not when two or more include one
        with a mark of its own (printed first wherever it stood) unless, of two, one ends
        the sentence (it goes last): the marks alone then move. Only the marks, the lines
        they stood on and the order of the pieces change: no letter or digit is added or
        lost.
    """

    code = "SC010"
    name = "arabic-detached-tanween"
    family = "scripts"
    summary = "Tanween fath printed on a line of its own"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc):
            return
        text = doc.text
        numbers = sorted({doc.line_number(m.end() - 1) for m in STRAY.finditer(text)})
        done = 0
        for number in numbers:
            if number > done:
                done, found = self._from(doc, number)
                yield from found

    def _from(self, doc: Document, number: int) -> tuple[int, list[Diagnostic]]:
        """The diagnostics of the groups from line ``number`` on, and the last line read."""
        found: list[Diagnostic] = []
        group = _Group()
        first = before_alef(doc)
        while number <= doc.line_count:
            line = doc.line(number)
            if "\f" in line.text:
                group = _Group()
            elif MARK_LINE.fullmatch(line.text):
                end = min(line.end + 1, len(doc.text))
                group.add_marks(line.text.count(TANWEEN_FATH), Edit(line.start, end), doc.text)
            elif line.text.strip():
                group = self._target(doc, line, group, first, found)
                group = self._line_end(doc, line, group, found)
            if group.pending == 0 and not STRAY.search(line.text):
                break
            number += 1
        return number, found

    def _target(
        self, doc: Document, line: Line, group: _Group, first: bool, found: list[Diagnostic]
    ) -> _Group:
        """Give the oldest pending mark to the first word of ``line``, or fall back to the
        words inside it; a group whose marks all found their words is reported."""
        if group.pending == 0:
            return group
        word = FIRST_WORD.match(line.text)
        if word is not None and takes_tanween(word.group(1)):
            added = insertion(word.group(1), line.start + word.end(1), first)
            group.pieces.append(Piece(line, added))
            group.pending -= 1
            return group
        if word is not None and word.group(1) == "لا" and _lam_alef_piece(doc, line, group):
            return group
        # Inside a line only a final alef counts: on taa marbuta the mark is mostly left out.
        words = ARABIC_WORD.finditer(line.text)
        inside = [w for w in words if w.group()[-1] == "ا" and takes_tanween(w.group())]
        if not group.pieces and not group.foreign_mark and len(inside) == group.pending:
            group.edits.extend(insertion(w.group(), line.start + w.end(), first) for w in inside)
            group.pending = 0
            found.append(self._report(group, safe=False, where="inside the next line"))
        elif _last_mark_to_cut(group, first):
            found.append(self._pieces(doc, group))
        return _Group()

    def _line_end(self, doc: Document, line: Line, group: _Group, found: list[Diagnostic]) -> _Group:
        """After ``line``: a complete group reported, unless a mark ending the line is the
        next line's first word's (``-layout`` rows: the group goes on); a mark ending the
        line otherwise rejoins a lam-alef piece or waits for its word."""
        mark = LINE_END_MARK.search(line.text)
        if group.pending:
            if mark is not None:
                group.foreign_mark = True
                group.add_end_mark(line, mark, doc.text)
            return group
        if mark is not None and group.pieces and self._next_takes_tanween(doc, line):
            group.add_end_mark(line, mark, doc.text)
            return group
        if group.pieces:
            found.append(self._pieces(doc, group))
        if mark is None:
            return _Group()
        join = self._lam_alef(doc, line, mark.start())
        if join is not None:
            found.append(join)
            return _Group()
        group = _Group(foreign_mark=True, cut=line)
        group.add_end_mark(line, mark, doc.text)
        return group

    @staticmethod
    def _next_takes_tanween(doc: Document, line: Line) -> bool:
        """Whether the line after ``line`` opens with a word that can carry a tanween."""
        if line.number >= doc.line_count:
            return False
        word = FIRST_WORD.match(doc.line(line.number + 1).text)
        return word is not None and takes_tanween(word.group(1))

    def _lam_alef(self, doc: Document, line: Line, at: int) -> Diagnostic | None:
        """``وفض ً⏎لا عما`` → ``وفضلاً⏎عما``: the word cut at its tanween, rejoined."""
        if line.number >= doc.line_count:
            return None
        after = doc.line(line.number + 1)
        found = _lam_alef_cut(line.text[:at], after.text)
        if found is None:
            return None
        piece, lam_alef = found
        word = piece.group() + "لا" + TANWEEN_FATH
        rest = "\n" if lam_alef.end() < len(after.text) else ""
        safe = known(piece.group()) < KNOWN
        return self.diagnostic(
            line.start + at,
            line.end,
            "Tanween and lam-alef cut from their word at the line end",
            fix=Fix.replace(
                line.start + piece.start(),
                after.start + lam_alef.end(),
                word + rest,
                applicability(safe),
                f"Write {word!r}",
            ),
            evidence=f"{word!r} is known (Zipf {known(word):.1f}), {piece.group()!r} alone "
            f"{known(piece.group()):.1f}",
        )

    def _pieces(self, doc: Document, group: _Group) -> Diagnostic:
        """The marks back on the words opening the next lines; when those lines are the
        pieces of one line and the piece it began with, the line put back together."""
        pieces = group.pieces
        first = pieces[0].line.number
        joined = None
        if not group.foreign_mark and [p.line.number - first for p in pieces] == list(range(len(pieces))):
            joined = rejoin(doc, pieces)
        elif group.lam_alef is not None and pieces[-1].line == group.cut:
            joined = rejoin_cut(doc, pieces, group.lam_alef)
        if joined is None:
            group.edits.extend(p.insertion for p in pieces)
            return self._report(group, safe=True, where="at the start of the next lines")
        text, end, lead = joined
        start = min(p.line.start for p in pieces)
        group.edits = [e for e in group.edits if not start <= e.start < end]
        group.edits.append(Edit(start, end, text))
        return self._report(group, safe=True, where=f"opening pieces of one line, first {lead[:30]!r}")

    def _report(self, group: _Group, *, safe: bool, where: str) -> Diagnostic:
        """The group's diagnostic; its marks are those given to the pieces (and to a rejoined
        lam-alef), or else the insertions inside a line."""
        placed = len(group.pieces) + int(group.rejoined)
        marks = placed or sum(e.replacement == TANWEEN_FATH for e in group.edits)
        return self.diagnostic(
            group.start,
            group.start + 1,
            "Tanween fath printed away from its word",
            fix=Fix(tuple(sorted(group.edits)), applicability(safe), "Put the tanween back on its word"),
            evidence=f"{marks} stray tanween, as many words that can carry one {where}",
        )
