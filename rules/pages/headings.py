"""Numbered headings that repetition alone would take for a running header.

The layout keys repeated lines with their digits ignored, so ``Article 1``, ``Article 2`` …
at the tops of short pages look like one running line. Headings number up one by one and
never repeat a number; a running header repeats its text (``Chapter 3`` on every page of
the chapter) and page numbers are their own kind (``Page 3``, or OCR's ``Paqe 3``).
"""

from __future__ import annotations

from collections import defaultdict

import regex

from reslint.api import Document

from ..layout import DIGITS, Layout, Segment, clean, layout

# One to three words and a number: ``Article 12``, ``Section 4.``, ``Статья 3``, ``المادة13``.
HEADING = regex.compile(r"^\s*\p{L}[\p{L}\p{M}’'.-]*(?:\s+\p{L}[\p{L}\p{M}’'.-]*){0,2}\s*(\d{1,3})\.?\s*$")
PAGE_WORD = regex.compile(r"^\s*(?:[PF]a[gqpr][eé]|Página|Pág|Страница|Стр|Seite|صفحة)\b", regex.IGNORECASE)


def headings(doc: Document) -> frozenset[int]:
    """Indices of the segments the layout took for running lines that are numbered headings."""
    return doc.memo("pages.headings", lambda: _headings(layout(doc)))


def _headings(lay: Layout) -> frozenset[int]:
    groups: dict[str, list[tuple[Segment, int]]] = defaultdict(list)
    for seg in lay.of_kind("running"):
        text = " ".join(clean(seg.text).split())
        m = HEADING.match(text)
        if m and not PAGE_WORD.match(text):
            groups[DIGITS.sub("#", text.casefold())].append((seg, int(m.group(1))))
    out: set[int] = set()
    for items in groups.values():
        numbers = [n for _, n in items]
        if all(a < b for a, b in zip(numbers, numbers[1:], strict=False)):
            out.update(seg.index for seg, _ in items)
    return frozenset(out)
