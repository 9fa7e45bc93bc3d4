"""Where the document puts spaces around its punctuation (shared by TY001 and TY002).

One scan finds every ``; : ! ? » « ¿ ¡`` and the spaces on its word side; rules judge a
mark against the document's own habit for that mark (its convention), counted here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from reslint.api import Document

MARK_CHARS = ";:!?»«¿¡"
OPENING = frozenset("«¿¡")  # the space that matters follows these
SPACES = frozenset(" \u00a0\u202f\u2009")
# The word side of a mark: a letter, digit, closing bracket or quote.
WORDLIKE = re.compile(r"[^\W_]|[)\]”’\"\u0300-\u036f]")
OPENING_WORD = re.compile(r"[^\W_]|[(\[“‘\"]")
# After ; : ! ? used as punctuation: a space, the end, a closing quote or bracket, or
# ! ? (`?!`). Not `http://`, `10:30`, `?q=`, nor OCR noise such as `contacts !,tith`.
FOLLOWER = re.compile(r"[\s»”’\")\]!?]")


class Mark(NamedTuple):
    """One punctuation mark and the spaces between it and its word."""

    char: str
    start: int  # offset of the mark
    space_start: int  # the spaces are text[space_start:space_end]
    space_end: int
    spaces: str


@dataclass
class Usage:
    marks: list[Mark] = field(default_factory=list)
    spaced: Counter[str] = field(default_factory=Counter)  # marks with spaces, per mark
    bare: Counter[str] = field(default_factory=Counter)  # marks without, per mark
    kinds: dict[str, Counter[str]] = field(default_factory=dict)  # single spaces used, per mark


def usage(doc: Document) -> Usage:
    """The punctuation marks used as punctuation, and the document's habits (memoised)."""
    return doc.memo("typography.punctuation", lambda: _usage(doc.text))


def _positions(text: str) -> Iterator[tuple[str, int]]:
    """Every mark and its offset (``str.find`` per mark beats a character-class scan)."""
    for char in MARK_CHARS:
        at = text.find(char)
        while at != -1:
            yield char, at
            at = text.find(char, at + 1)


def _usage(text: str) -> Usage:
    found = Usage()
    size = len(text)
    for char, at in _positions(text):
        if char in OPENING:
            end = at + 1
            while end < size and text[end] in SPACES:
                end += 1
            if end == size or not OPENING_WORD.match(text, end):
                continue
            mark = Mark(char, at, at + 1, end, text[at + 1 : end])
        else:
            begin = at
            while begin and text[begin - 1] in SPACES:
                begin -= 1
            if not begin or not WORDLIKE.match(text, begin - 1):
                continue
            if char != "»" and at + 1 < size and not FOLLOWER.match(text, at + 1):
                continue
            mark = Mark(char, at, begin, at, text[begin:at])
        found.marks.append(mark)
        if mark.spaces:
            found.spaced[char] += 1
            if len(mark.spaces) == 1:
                found.kinds.setdefault(char, Counter())[mark.spaces] += 1
        else:
            found.bare[char] += 1
    return found
