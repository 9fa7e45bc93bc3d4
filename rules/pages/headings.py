"""Numbered headings that repetition alone would take for a running header.

The layout keys repeated lines with their digits ignored, so ``Article 1``, ``Article 2`` …
at the tops of short pages look like one running line. Headings number up one by one and
never repeat a number; a running header repeats its text (``Chapter 3`` on every page of
the chapter) and page numbers are their own kind (``Page 3``, or OCR's ``Paqe 3``).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from reslint.api import Document

from ..layout import DIGITS, LINE_CACHE, Layout, Segment, clean, layout
from ..lazy_pattern import lazy_regex

# One to three words and a number: ``Article 12``, ``Section 4.``, ``Статья 3``, ``المادة13``.
HEADING = lazy_regex(r"^\s*\p{L}[\p{L}\p{M}’'.-]*(?:\s+\p{L}[\p{L}\p{M}’'.-]*){0,2}\s*(\d{1,3})\.?\s*$")
PAGE_WORD = lazy_regex(r"^\s*(?:[PF]a[gqpr][eé]|Página|Pág|Страница|Стр|Seite|صفحة)\b", regex.IGNORECASE)
# ``Article premier`` (French article 1) and ``第十二条`` (Chinese: ``第`` numeral ``条``).
FIRST = lazy_regex(r"^\s*(\p{L}+)\s+(?:premier|première|1er)\s*$", regex.IGNORECASE)
FIRST_ENDS = frozenset({"ier", "ère", "1er"})
HAN_ARTICLE = lazy_regex(r"^\s*第([一二三四五六七八九十百]{1,6})条\s*$")
HAN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def headings(doc: Document) -> frozenset[int]:
    """Indices of the segments the layout took for running lines that are numbered headings."""
    return doc.memo("pages.headings", lambda: _headings(layout(doc)))


@lru_cache(maxsize=LINE_CACHE)
def numbered(text: str) -> tuple[str, int] | None:
    """The words and the number of a numbered heading line (``Article 12`` → ``("article", 12)``).

    ``Article premier`` counts as 1 and ``第十二条`` as 12; page labels (``Page 3``) are no headings.
    Kept by text: a pass of the fix loop reads again only the lines it changed.
    """
    text = " ".join(clean(text).split())
    if text.count(" ") > 3 or not _may_head(text):  # no form can match: skip the patterns
        return None
    if m := HEADING.match(text):
        words = DIGITS.sub("", text).strip(" .").casefold()
        return None if PAGE_WORD.match(text) else (words, int(m.group(1)))
    if m := FIRST.match(text):
        return m.group(1).casefold(), 1
    if m := HAN_ARTICLE.match(text):
        return "第条", _han_number(m.group(1))
    return None


def _may_head(text: str) -> bool:
    """How a heading line can end: a number (``12``, ``12.``), ``premier``/``1er``, or ``条``."""
    tail = text[-3:].casefold()
    number = tail[-1:].isdigit() or tail[-1:] == "." and tail[-2:-1].isdigit()
    return number or tail in FIRST_ENDS or tail.endswith("条")


def _han_number(numeral: str) -> int:
    """A Chinese numeral up to 999 without ``零``: ``十二`` → 12, ``二十`` → 20, ``一百十五`` → 115."""
    total, digit = 0, 0
    for char in numeral:
        if char in HAN_DIGITS:
            digit = HAN_DIGITS[char]
        else:
            total += (digit or 1) * (100 if char == "百" else 10)
            digit = 0
    return total + digit


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
