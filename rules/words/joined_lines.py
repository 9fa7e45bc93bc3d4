"""Compounds whose hyphen became a space where pdftotext joined two lines (`drug resistant`).

pdftotext joins a line that ends with a hyphen to the next one and deletes the hyphen. When
the PDF set a space before that hyphen (`drug -`⏎`resistant`, Word's glyph positioning), the
result is one overlong line with `drug resistant` where the first line ended. The evidence:
the document is hard-wrapped to a steady width, this line is far longer, and where the first
line must have ended stands a pair of words the document writes hyphenated elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import regex

from reslint.api import Applicability, Document

from ..lazy_pattern import lazy_regex
from .evidence import Evidence

LONG_LINE = 30  # lines longer than this set the document's width
MIN_LINES = 20
# Hard-wrapped to a steady width: the median long line is at least this share of the width
# (the 90th percentile), and few lines run past it.
STEADY = 0.8
MAX_OVERLONG_SHARE = 0.05
OVERLONG = 1.4  # a line this many widths long holds two lines pdftotext joined
# Where the first line ended (its second word's start), in widths from the line start; all 29
# joins of the UN pdftotext texts, confirmed by PyMuPDF's line-end hyphens, fall inside.
WINDOW = (0.8, 1.05)
# Two words with one space between them (letters only, overlapping pairs).
PAIR = lazy_regex(r"(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*) (?=(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}]))")


class SpacedCompound(NamedTuple):
    """The words at ``start:end`` are ``compound``, the space at ``offset`` standing for its hyphen."""

    start: int
    end: int
    offset: int
    compound: str
    applicability: Applicability
    evidence: str


def spaced_compounds(doc: Document, ev: Evidence) -> Iterator[SpacedCompound]:
    """Each overlong line's one pair of words, where its first line ended, that the document
    hyphenates elsewhere."""
    width = document_width(doc)
    if width is None:
        return
    texts = doc.text.split("\n")
    joins = [
        join
        for number, text in enumerate(texts, 1)
        if len(text) > OVERLONG * width and (join := _join(doc.line_start(number), text, width, ev))
    ]
    spaced = _spaced_counts(doc.text, {join.pair for join in joins}) if joins else Counter()
    for join in joins:
        times = spaced[join.pair.lower()]
        facts = (
            f"line {join.length} characters long where the document wraps at {width}; "
            f"`{join.compound}` occurs {join.hyphenated}× in this document, `{join.pair}` {times}×"
        )
        safety = Applicability.SAFE if join.hyphenated >= times else Applicability.UNSAFE
        end = join.start + len(join.pair)
        yield SpacedCompound(join.start, end, join.space, join.compound, safety, facts)


class _Join(NamedTuple):
    """A pair of words where an overlong line's first line ended, that the document hyphenates."""

    start: int  # offset of the pair
    space: int  # offset of the space between its words
    pair: str  # `drug resistant`
    compound: str  # `drug-resistant`
    hyphenated: int  # how often the document writes the compound
    length: int  # of the overlong line


def _join(start: int, text: str, width: int, ev: Evidence) -> _Join | None:
    """The one pair of words in the overlong line ``text`` (at offset ``start``), where its first
    line ended, that the document hyphenates elsewhere; ``None`` for none or more than one."""
    low, high = WINDOW[0] * width, WINDOW[1] * width
    found = []
    for match in PAIR.finditer(text):
        compound = f"{match[1]}-{match[2]}"
        if low <= match.end() <= high and (hyphenated := ev.doc.compounds.get(compound.lower(), 0)):
            at, pair = start + match.start(), f"{match[1]} {match[2]}"
            found.append(_Join(at, at + len(match[1]), pair, compound, hyphenated, len(text)))
    return found[0] if len(found) == 1 else None  # with more, no telling which pair the line break was at


def document_width(doc: Document) -> int | None:
    """The width the document is hard-wrapped at, if it is wrapped at a steady one (memoised)."""
    return doc.memo("words.width", lambda: _steady_width(doc.text.split("\n")))


def in_joined_line(doc: Document, offset: int) -> bool:
    """The line holding ``offset`` is overlong in a hard-wrapped document: two lines the
    extractor joined where it deleted a line-end hyphen."""
    width = document_width(doc)
    if width is None:
        return False
    number = doc.line_number(offset)
    return doc.line_end(number) - doc.line_start(number) > OVERLONG * width


def _steady_width(lines: list[str]) -> int | None:
    """The width the document is hard-wrapped at, if it is wrapped at a steady one."""
    lengths = sorted(len(text) for text in lines if len(text.strip()) > LONG_LINE)
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(0.9 * len(lengths))]
    median = lengths[len(lengths) // 2]
    overlong = sum(1 for n in lengths if n > OVERLONG * width)
    if median < STEADY * width or overlong > MAX_OVERLONG_SHARE * len(lengths):
        return None
    return width


def _spaced_counts(text: str, pairs: set[str]) -> Counter[str]:
    """How often the text writes each of ``pairs`` (two words and a space), lower-cased: one scan."""
    alternatives = "|".join(map(regex.escape, sorted(pairs, key=len, reverse=True)))
    alone = rf"(?<![\p{{L}}\p{{M}}])(?:{alternatives})(?![\p{{L}}\p{{M}}])"
    return Counter(found.lower() for found in regex.findall(alone, text, regex.IGNORECASE))
