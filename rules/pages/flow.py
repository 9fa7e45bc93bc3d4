"""Line-flow helpers shared by the page-break and reflow rules and the structure hook."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from reslint.api import Document

from ..layout import LINE_CACHE, Layout, Segment, ends_sentence, gap, layout
from ..lazy_pattern import lazy_regex
from ..notes import notes
from .headings import headings

LIST_ITEM = lazy_regex(r"^\s*(?:\d{1,3}\.|\(?(?:[a-z]{1,4}|\d{1,2})\)|[-•–*▪])(?:\s|$)")
CJK = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]")
PUNCT_END = frozenset(".,;:!?…»”)\"。，；：！？、")
# A line that is only a page number (``2``, ``iv``, ``3/10``): never a sentence left unfinished.
PAGE_MARK = lazy_regex(r"^\s*(?:\d{1,4}(?:\s?/\s?\d{1,4})?|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})\s*$")
SHORT = 0.6  # a line shorter than this share of the usual width ends its paragraph (a heading)


def body_pairs(doc: Document) -> Iterator[tuple[Segment, Segment]]:
    """Consecutive non-blank body segments (no furniture or footnote between them)."""
    lay = layout(doc)
    members = notes(doc).members
    heads = headings(doc)
    kinds = lay.kinds
    prev: Segment | None = None
    for seg in lay.nonblank():
        is_body = (seg.index not in kinds or seg.index in heads) and seg.index not in members
        if prev is not None and is_body:
            yield prev, seg
        prev = seg if is_body else None


def usual_gap(doc: Document) -> int:
    """Newlines between two lines of a paragraph: 1, or 2 when a blank line follows every line."""
    return doc.memo("pages.gap", lambda: _usual_gap(doc))


def _usual_gap(doc: Document) -> int:
    """2 when most blank lines fall in the middle of sentences (the seed texts), else 1."""
    ones = twos = mid = 0
    for a, b in body_pairs(doc):
        newlines = doc.text.count("\n", a.end, b.start)
        ones += newlines == 1
        twos += newlines == 2
        mid += newlines == 2 and a.text.rstrip()[-1:] not in PUNCT_END
    return 2 if mid > ones and 2 * mid > twos else 1


def unfinished(a: Segment) -> bool:
    """``a`` leaves a sentence unfinished: no final punctuation, and not a bare page number."""
    return _unfinished(a.text)


@lru_cache(maxsize=LINE_CACHE)
def _unfinished(text: str) -> bool:
    """:func:`unfinished` read from the line's text alone, and kept for the next pass of the
    fix loop (as :func:`_goes_on`)."""
    return not ends_sentence(text) and not PAGE_MARK.match(text)


def continues(a: Segment, b: Segment) -> bool:
    """``b`` carries on the sentence ``a`` leaves unfinished (a list item ``o)`` does not)."""
    return _goes_on(b.text) and _unfinished(a.text)


@lru_cache(maxsize=LINE_CACHE)
def _goes_on(text: str) -> bool:
    """The line may carry on a sentence: it starts in lower case, not with a list item marker."""
    first = text.lstrip()[:1]
    return bool(first) and first.islower() and not (LIST_ITEM.match(text) or PAGE_MARK.match(text))


def width(lay: Layout) -> int:
    lengths = sorted(len(s.text.strip()) for s in lay.nonblank())
    return lengths[len(lengths) * 3 // 4] if lengths else 0


def breaks(a: Segment, b: Segment, usual_width: int) -> bool:
    """Whether a paragraph ends between the lines ``a`` and ``b``.

    It does before a list item, and before a capitalised (or caseless: CJK, Arabic) line
    that follows punctuation, an indent or a short line (a heading).
    """
    first = b.text.lstrip()[:1]
    if LIST_ITEM.match(b.text) or not first:
        return True
    if first.islower():
        return False
    last = a.text.rstrip()[-1:]
    if last and unicodedata.category(last)[0] == "P" and last not in "-‐":
        return True
    indented = len(b.text) - len(b.text.lstrip()) > len(a.text) - len(a.text.lstrip())
    return indented or len(a.text.strip()) < SHORT * usual_width


def joiner(a: Segment, b: Segment) -> str:
    """What replaces the line break when ``a`` and ``b`` are joined."""
    left, right = a.text.rstrip()[-1:], b.text.lstrip()[:1]
    if CJK.match(left) and CJK.match(right):
        return ""
    if left == "-" and a.text.rstrip()[-2:-1].isalnum():
        return ""
    return " "


def paragraphs(doc: Document, skip: set[int]) -> list[str]:
    """Body text as paragraphs, leaving out the segments in ``skip`` (furniture, footnotes)."""
    lay = layout(doc)
    usual, line_width = usual_gap(doc), width(lay)
    out: list[str] = []
    current = ""
    prev: Segment | None = None
    for seg in lay.nonblank():
        if seg.index in skip:
            continue
        if prev is None:
            current = seg.text.strip()
        else:
            start, end = gap(doc, prev, seg)
            close = doc.text.count("\n", start, end) <= usual and "\f" not in doc.text[start:end]
            if breaks(prev, seg, line_width) if close else not continues(prev, seg):
                out.append(current)
                current = seg.text.strip()
            else:
                current += joiner(prev, seg) + seg.text.strip()
        prev = seg
    if current:
        out.append(current)
    return out
