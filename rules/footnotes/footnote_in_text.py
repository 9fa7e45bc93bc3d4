from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Rule

from ..layout import Layout, layout, removal
from ..notes import Note, Notes, notes


class FootnoteInText(Rule):
    """Footnote bodies printed in the middle of the running text.

    What it does:
        Finds footnote bodies (``2 Résolutions 53/243 A et B.``, also pdftotext's number
        on a line of its own, or its column of numbers printed apart from the bodies, the
        first glued to the last body line: ``appa1``) that have body text after them: the
        bottom of a page, between the two halves of a sentence that runs over the page
        break. The fix moves every such body to the end of the document, in order, as one
        block before any footnotes already there, keeping their numbers and text.

    Why it matters:
        Footnote text cuts sentences in two (``continuer à fournir`` … ``aux États
        Membres``) and mixes references into the prose that parsers and embedders read.

    Example:
        ``de continuer à fournir⏎ 2 Résolutions 53/243 A et B.⏎ aux États Membres`` →
        ``de continuer à fournir⏎ aux États Membres`` … ``2 Résolutions 53/243 A et B.``
        at the end.

    Fix safety:
        Safe: nothing is deleted, the lines are moved and never renumbered. Bodies are
        recognised only after a separator line, or at a page bottom when an earlier
        marker cites their number. A column of numbers is paired only when the block
        fills the rest of its page, the numbers run without gap, there are exactly as
        many bodies as numbers (a number printed just above a body is its own; bare page
        numbers, known from the page feet, are passed over) and markers earlier in the
        text cite half the numbers, one in a strong form, or the numbers in the text
        above the block on its page cite them all in order. A link line under a body's
        last line moves with it.
    """

    code = "FN002"
    name = "footnote-in-text"
    family = "footnotes"
    summary = "Footnote body interrupting the text"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = notes(doc)
        moving = [n for k, n in enumerate(found.notes) if k not in found.trailing]
        if not moving:
            return
        move = _move(doc, layout(doc), found, moving)
        ordered = sorted(move.edits)
        # Two bodies claiming one line: report without moving anything.
        clash = any(a.end > b.start for a, b in zip(ordered, ordered[1:], strict=False))
        fix = None if clash else move
        for k, note in enumerate(moving):
            first = note.segments[0]
            yield self.diagnostic(
                first.start,
                first.end,
                f"Footnote {note.number} interrupts the text",
                fix=fix if k == 0 else None,
                evidence=f"body text follows it; {len(moving)} bodies move to the end together",
            )


def _move(doc: Document, lay: Layout, found: Notes, moving: list[Note]) -> Fix:
    edits = [removal(doc, seg) for note in moving for seg in note.segments]
    edits += [Edit(*note.glued) for note in moving if note.glued]
    block = "\n".join(_render(note, doc.text) for note in moving)
    trailing = [found.notes[k] for k in sorted(found.trailing)]
    if trailing:
        at = trailing[0].segments[0].start
        edits.append(Edit(at, at, block + "\n"))
    else:
        # The last body line: sought from the end, not among all the lines.
        lines = reversed(lay.nonblank())
        last = next(s for s in lines if s.index not in lay.kinds and s.index not in found.members)
        at = last.start + len(last.text)
        edits.append(Edit(at, at, "\n\n" + block))
    return Fix(tuple(sorted(edits)), Applicability.SAFE, "Move the footnotes to the end")


def _render(note: Note, printed: str) -> str:
    """The body's lines as printed in the document, its number first when printed apart."""
    lines = note.lines(printed)
    if not note.apart:
        return "\n".join(lines)
    return "\n".join([f"{note.number} {lines[0]}", *lines[1:]]) if lines else note.number
