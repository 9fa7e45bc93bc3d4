from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document

from ..layout import NUMBER_ONLY, SYMBOL, FurnitureRule, Layout, clean, layout
from ..lazy_pattern import lazy_regex
from .headings import headings

SYMBOL_ANYWHERE = lazy_regex(SYMBOL)


class RunningHeader(FurnitureRule):
    """A line repeated at the top or bottom of many pages: a running header or footer.

    What it does:
        Compares the first and last lines of every page (pages from form feeds, or the
        stretches between page furniture when there are none). A line whose text, with
        digits, case, spaces and punctuation ignored, repeats on at least 40 % of the
        pages (two at least) is reported; so is a line that holds page furniture (job
        number, page number, symbol) plus such a repeated text, as pypdf prints it
        (``2/4 17-23181Assistance technique …``).

    Why it matters:
        Running titles (``Political declaration of the high-level meeting …``) land in
        the middle of sentences at every page break and repeat in search results.

    Example:
        ``A/RES/72/194⏎Assistance technique aux fins de l’application …⏎raître dans
        certains cas`` → the title line is removed.

        Numbered headings that differ by their number only (``Article 1``, ``Article 2``
        … at the tops of short pages), numbered up one by one, are never reported; nor is
        the document's first line (the masthead gone) when a number alone beside it is
        its footnote marker: the title (pdfminer's ``1`` ⏎ ``الإعلان العالمي لحقوق الإنسان``).

    Fix safety:
        Safe when the line repeats on at least half of the pages of a document of three
        or more pages (a copy that differs by a few OCR misreadings, at a page top or
        bottom, counts: ``E/lCEF/6î2(Première partie)``), or when it is the title printed
        under the first-page masthead (digits aside: ``Universal Declaration of Human
        Rights1``) repeated on two pages or more; unsafe otherwise (a short document gives
        weaker evidence).
    """

    code = "PG001"
    name = "running-header"
    family = "pages"
    summary = "Running header or footer repeated across pages"
    fix_safety = Applicability.SAFE
    kind = "running"
    label = "running header/footer"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        keep = {lay.segments[i].start for i in headings(doc)} | _title(lay)
        yield from (d for d in super().check(doc, options) if d.start not in keep)


def _title(lay: Layout) -> set[int]:
    """The start of the document's first line, once the masthead is gone, when a number alone
    on the line before or after it is its footnote marker printed apart (pdfminer's ``1`` ⏎
    ``الإعلان العالمي لحقوق الإنسان``): the title, which the running header repeats; a running
    header carries no marker. Empty for a line holding a symbol, or without such a number."""
    kinds = lay.kinds
    lines = [s for s in lay.nonblank() if kinds.get(s.index) in (None, "running")]
    k = next((k for k, s in enumerate(lines) if not NUMBER_ONLY.match(clean(s.text))), None)
    if k is None or lay.kind(lines[k]) is None or SYMBOL_ANYWHERE.search(clean(lines[k].text)):
        return set()
    around = lines[max(0, k - 1) : k + 2]
    marked = any(NUMBER_ONLY.match(clean(s.text)) and lay.kind(s) is None for s in around)
    return {lines[k].start} if marked else set()
