from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..layout import Layout, Segment, layout
from .flow import body_pairs, continues, gap, unfinished, usual_gap

STRAY_INDENT = 2  # at most this many leading spaces count as a stray space, not layout
# Page-top headers the layout did not recognise (OCR, a symbol glued to the title):
# ``E/ICEF/672(Première partie)``, ``A/39/36L``, ``Paqe 3``, ``EngI ish``.
SYMBOL_LIKE = regex.compile(r"^\s*\S*\p{L}\S*/\S")
PAGE_LINE = regex.compile(r"^\s*[PF]a[gqpr][eé]\s+\S{1,5}\s*$")
LANGUAGES = frozenset(
    "english french spanish russian arabic chinese français anglais espagnol español inglés francés".split()
)
HEADER_LINE = 40  # a line this short may be the first of a page header
HEADER_SPAN = 3  # non-blank lines of a page top checked for header shapes


class PageBreakStitch(Rule):
    """A sentence still cut by a page break once the furniture around it is gone.

    What it does:
        Looks at two consecutive body lines with no furniture or footnote left between
        them. When the first leaves its sentence unfinished and the second starts in
        lower case, a form feed, extra blank lines or a stray leading space between them
        are replaced by the document's ordinary line break.

    Why it matters:
        After running headers and footnote blocks are removed, ``continuer à fournir`` and
        ``aux États Membres`` are still separated by a page break (or by blank lines and
        an indent that look like a new paragraph); sentence splitters cut there.

    Example:
        ``de continuer à fournir⏎␌ aux États Membres`` → ``de continuer à fournir⏎aux
        États Membres``.

    Fix safety:
        Safe when the next line starts in lower case (only whitespace and the form feed
        go). Unsafe when it starts with a capital after an unfinished line (it may be a
        heading).
    """

    code = "PG004"
    name = "page-break-stitch"
    family = "pages"
    summary = "Sentence cut by a page break or stray gap"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        sep = "\n" * usual_gap(doc)
        lay = layout(doc)
        for a, b in body_pairs(doc):
            start, end = gap(doc, a, b)
            between = doc.text[start:end]
            page_break = "\f" in between
            lead = len(b.text) - len(b.text.lstrip())
            if continues(a, b):
                safety = Applicability.SAFE
            elif page_break and b.text.strip()[:1].isupper() and unfinished(a) and not page_top(lay, b):
                safety = Applicability.UNSAFE
            else:
                continue
            stray = page_break or between.count("\n") > len(sep) or 0 < lead <= STRAY_INDENT
            if not stray or between == a.text[len(a.text.rstrip()) :] + sep:
                continue
            keep = len(a.text) - len(a.text.rstrip()) if a.ends_line else 0
            what = "a page break" if page_break else "a stray gap"
            yield self.diagnostic(
                start,
                end,
                f"Sentence cut by {what}",
                fix=Fix.replace(start + keep, end, sep, safety, "Join the sentence across the break"),
                evidence=f"{a.text.strip()[-30:]!r} is unfinished and {b.text.strip()[:30]!r} goes on",
            )


def page_top(lay: Layout, seg: Segment) -> bool:
    """``seg`` starts a page header: it has a header shape, or it is short and a line with a
    header shape follows it."""
    if header_shape(seg.text):
        return True
    after = [s for s in lay.segments[seg.index + 1 : seg.index + 1 + 2 * HEADER_SPAN] if s.text.strip()]
    return len(seg.text.strip()) <= HEADER_LINE and any(header_shape(s.text) for s in after[:HEADER_SPAN])


def header_shape(text: str) -> bool:
    """A symbol-like token with ``/``, a ``Page N`` line (``Paqe 3``) or a language name."""
    name = text.replace("I", "l").replace(" ", "").casefold()
    return bool(SYMBOL_LIKE.match(text) or PAGE_LINE.match(text)) or name in LANGUAGES
