from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Rule

from .arabic import DOC_VISUAL_SHARE, count_votes, line_votes, marks_first, text_votes, visual_share
from .edits import line_rewrites
from .reorder import to_logical

# A line is safely reordered when this many of its words read only reversed…
SAFE_MIN_VISUAL = 2
# …and they outnumber the words that read as printed by this factor.
SAFE_RATIO = 3


class ArabicVisualOrder(Rule):
    """An Arabic line printed in visual order (letters and words reversed).

    What it does:
        Reads every word of a line with Arabic letters both as printed and reversed. When
        more words are known to the Arabic word list (wordfreq) only reversed — or start
        with a letter that only ends words (``ة``, ``ى``) — the line is in visual order:
        the fix restores logical order, letters within words and words within the line,
        keeping digits and Latin runs left to right, putting marks back after their letter,
        lam-alef ligatures the right way round and the final full stop at the end. A Latin
        letter glued inside a word (a kerning glyph, SC011's) stays in its word. A line that
        a form feed cuts (pdfplumber glues a page's first line, its running header, to the
        last line of the page before) is reordered piece by piece, one fix per page.

    Why it matters:
        pdfminer and pdfplumber return right-to-left text the way it is drawn, left to
        right. ``ةدحتملا ممألا`` is not ``الأمم المتحدة`` to search, dictionaries,
        translation or embeddings: the whole Arabic text is unreadable to a machine.

    Example:
        ``.ملاعلا يف مالسلاو لدعلاو ةيرحلا ساسأ وه`` →
        ``هو أساس الحرية والعدل والسلام في العالم.``

    Fix safety:
        Safe when at least two words of the line read only reversed and they outnumber
        the words that read as printed three to one, or when the line has no word that
        reads as printed in a document that is 80% in visual order. Otherwise unsafe.
        No fix (a report only) when the reordered line would not read better than the
        printed one. No letter or digit is added or lost: the fix only reorders (and drops
        the stray spaces the extractor put beside a mark or inside a ligature when the
        joined word is known).
    """

    code = "SC003"
    name = "arabic-visual-order"
    family = "scripts"
    summary = "Arabic line in visual (reversed) order"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lines = line_votes(doc)
        if not lines:
            return
        share = visual_share(lines)
        first = marks_first(doc)
        for votes in lines:
            visual, logical = votes.visual, votes.logical
            if visual <= logical:
                continue
            safe = (visual >= SAFE_MIN_VISUAL and visual >= SAFE_RATIO * logical) or (
                logical == 0 and share >= DOC_VISUAL_SHARE
            )
            line = votes.line
            fixed = to_logical(line.text, first)
            if fixed == line.text:
                continue
            examples = ", ".join(
                f"{w.word}→{w.reading}" for w in votes.words if w.vote == "visual"
            )
            evidence = (
                f"{visual} of {len(votes.words)} words known only reversed "
                f"({examples[:120]}), {logical} only as printed"
            )
            after_visual, after_logical = count_votes(text_votes(fixed))
            if after_logical <= after_visual:
                # The reordered line reads no better: report, do not fix.
                yield self.diagnostic(
                    line.start, line.end, "Arabic line in visual order?", evidence=evidence
                )
                continue
            yield from line_rewrites(
                self,
                line,
                fixed,
                safe=safe,
                message="Arabic line in visual order",
                action="Restore logical order",
                evidence=evidence,
            )
