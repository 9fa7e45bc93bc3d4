from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Diagnostic, Document, Rule, Severity

from ..notes import STRONG_NOTE_MARKERS, notes

SLACK = 3  # markers numbered up to this much past the last body are still checked


class UnpairedFootnote(Rule):
    """An in-text footnote marker without a body, or a body no marker cites.

    What it does:
        Pairs every footnote body with the markers in the text: ``paix2``,
        ``civilisations 3,``, ``Unies 4 ;``, ``methods.21 In`` (pdftotext: ``methods. 21
        In``), ``Human Rights,1 the`` (after a comma or semicolon), ``admit.”2`` (after a
        closing quotation mark), ``decisions.” 38 Every`` and the old style ``1/``; for
        pairing only, a number that may be a quantity (``2015–2030,1 in``, ``June 2025.
        22``, ``Masani 112 (see``) when no marker cites body N and it is the one such N
        between the first markers of N-1 and N+1.
        Reports a body whose number no marker cites and a marker (glued to its word,
        after punctuation, or old style) whose number has no body. Numbers beyond the
        last body by more than three are not checked (they are quantities).

    Why it matters:
        An unpaired marker means a footnote was lost in extraction (or a number sits
        glued to a word); an unpaired body means its marker was lost or the body was
        misread. Either way the reference is broken.

    Example:
        ``aux droits de l’enfant6,`` with no footnote 6 in the document → ``Footnote
        marker 6 has no body``.

    Fix safety:
        Report only: nothing can be repaired without the missing text.
    """

    code = "FN003"
    name = "unpaired-footnote"
    family = "footnotes"
    summary = "Footnote marker without body or body without marker"
    fix_safety = None
    severity = Severity.INFO

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = notes(doc)
        if not found.notes:
            return
        bodies = {n.number for n in found.notes}
        in_text = found.markers
        cited = {m.number for m in in_text}
        for note in found.notes:
            if note.number.isdigit() and note.number not in cited:
                seg = note.segments[0]
                yield self.diagnostic(
                    seg.start,
                    seg.end,
                    f"Footnote {note.number} has no marker in the text",
                    evidence=f"no {note.number} glued to a word or after punctuation in the body text",
                )
        top = max((int(n) for n in bodies if n.isdigit()), default=0) + SLACK
        reported: set[str] = set()
        for m in in_text:
            if m.form in STRONG_NOTE_MARKERS and m.number not in bodies and m.number not in reported:
                if 0 < int(m.number) <= top:
                    reported.add(m.number)
                    yield self.diagnostic(
                        m.start,
                        m.end,
                        f"Footnote marker {m.number} has no body",
                        evidence=f"footnote bodies found: {', '.join(n.number for n in found.notes)}",
                    )
