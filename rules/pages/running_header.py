from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document

from ..layout import FurnitureRule, layout
from .headings import headings


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
        … at the tops of short pages), numbered up one by one, are never reported.

    Fix safety:
        Safe when the line repeats on at least half of the pages of a document of three
        or more pages, or when it is the title printed under the first-page masthead
        (digits aside: ``Universal Declaration of Human Rights1``) repeated on two pages
        or more; unsafe otherwise (a short document gives weaker evidence).
    """

    code = "PG001"
    name = "running-header"
    family = "pages"
    summary = "Running header or footer repeated across pages"
    fix_safety = Applicability.SAFE
    kind = "running"
    label = "running header/footer"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        segments = layout(doc).segments
        keep = {segments[i].start for i in headings(doc)}
        yield from (d for d in super().check(doc, options) if d.start not in keep)
