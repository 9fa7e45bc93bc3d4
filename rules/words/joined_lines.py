"""Compounds whose hyphen became a space where pdftotext joined two lines (`drug resistant`).

pdftotext joins a line that ends with a hyphen to the next one and deletes the hyphen. When
the PDF set a space before that hyphen (`drug -`⏎`resistant`, Word's glyph positioning), the
result is one overlong line with `drug resistant` where the first line ended. The evidence:
the document is hard-wrapped to a steady width, this line is far longer, and where the first
line must have ended stands a pair of words the document writes hyphenated elsewhere.
"""

from __future__ import annotations

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
# Where the first line ended, in widths from the line start (the 14 joins the UN pdftotext
# texts hold are at 0.82-1.02).
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
    lines = list(doc.lines())
    width = _steady_width([line.text for line in lines])
    if width is None:
        return
    low, high = WINDOW[0] * width, WINDOW[1] * width
    for line in lines:
        if len(line.text) <= OVERLONG * width:
            continue
        found = []
        for match in PAIR.finditer(line.text):
            if low <= match.end() <= high:
                compound = f"{match[1]}-{match[2]}"
                if hyphenated := ev.doc.compounds.get(compound.lower(), 0):
                    found.append((match.start(), match.end() - 1, compound, hyphenated))
        if len(found) != 1:  # none, or no telling which pair the line break was at
            continue
        begin, at, compound, hyphenated = found[0]
        spaced = _spaced_count(doc.text, compound.replace("-", " "))
        facts = (
            f"line {len(line.text)} characters long where the document wraps at {width}; "
            f"`{compound}` occurs {hyphenated}× in this document, `{compound.replace('-', ' ')}` {spaced}×"
        )
        safe = hyphenated >= spaced
        start, space = line.start + begin, line.start + at
        applicability = Applicability.SAFE if safe else Applicability.UNSAFE
        yield SpacedCompound(start, start + len(compound), space, compound, applicability, facts)


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


def _spaced_count(text: str, pair: str) -> int:
    """How often the text writes ``pair`` (two words and a space), case aside."""
    alone = rf"(?<![\p{{L}}\p{{M}}]){regex.escape(pair)}(?![\p{{L}}\p{{M}}])"
    return len(regex.findall(alone, text, regex.IGNORECASE))
