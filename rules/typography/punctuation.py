"""Where the document puts spaces around its punctuation (shared by TY001 and TY002).

One scan finds every ``; : ! ? » « ¿ ¡`` and the spaces on its word side; rules judge a
mark against the document's own habit for that mark (its convention), counted here.
"""

from __future__ import annotations

from typing import NamedTuple

from reslint.api import Document

MARK_CHARS = ";:!?»«¿¡"
OPENING = frozenset("«¿¡")  # the space that matters follows these
SPACES = frozenset(" \u00a0\u202f\u2009")
# The word side of a mark: a letter or digit (``str.isalnum``), or one of these (a closing
# bracket or quote, a combining mark before a closing mark).
CLOSING_WORD = frozenset(')]”’"') | frozenset(map(chr, range(0x300, 0x370)))
OPENING_WORD = frozenset('([“‘"')
# After ; : ! ? used as punctuation: a space (``str.isspace``), the end, a closing quote or
# bracket, or ! ? (`?!`). Not `http://`, `10:30`, `?q=`, nor OCR noise such as `contacts !,tith`.
FOLLOWER = frozenset('»”’")]!?')


class Mark(NamedTuple):
    """One punctuation mark and the spaces between it and its word."""

    char: str
    start: int  # offset of the mark
    space_start: int  # the spaces are text[space_start:space_end]
    space_end: int
    spaces: str


class Usage(NamedTuple):
    marks: list[Mark]
    spaced: dict[str, int]  # marks with spaces, per mark (absent: none)
    bare: dict[str, int]  # marks without, per mark
    kinds: dict[str, dict[str, int]]  # the single spaces used, per mark


def usage(doc: Document) -> Usage:
    """The punctuation marks used as punctuation, and the document's habits (memoised)."""
    return doc.memo("typography.punctuation", lambda: _usage(doc.text))


def _usage(text: str) -> Usage:
    """Every mark used as punctuation, with the spaces on its word side, and their counts."""
    marks: list[Mark] = []
    spaced: dict[str, int] = {}
    bare: dict[str, int] = {}
    kinds: dict[str, dict[str, int]] = {}
    size = len(text)
    # Every mark, one mark at a time: ``str.find`` per mark beats a character-class scan (and
    # finding them in this loop rather than in a generator saves 7 % of the walk).
    for char in MARK_CHARS:
        opening, at = char in OPENING, -1
        while (at := text.find(char, at + 1)) != -1:
            if opening:
                end = at + 1
                while end < size and text[end] in SPACES:
                    end += 1
                if end == size or not (text[end].isalnum() or text[end] in OPENING_WORD):
                    continue
                begin = at + 1
            else:
                begin = end = at
                while begin and text[begin - 1] in SPACES:
                    begin -= 1
                if not begin or not (text[begin - 1].isalnum() or text[begin - 1] in CLOSING_WORD):
                    continue
                after = text[at + 1 : at + 2]
                if char != "»" and after and not (after.isspace() or after in FOLLOWER):
                    continue
            spaces = text[begin:end]
            marks.append(Mark._make((char, at, begin, end, spaces)))  # _make: twice as fast as Mark()
            if spaces:
                spaced[char] = spaced.get(char, 0) + 1
                if len(spaces) == 1:
                    kind = kinds.setdefault(char, {})
                    kind[spaces] = kind.get(spaces, 0) + 1
            else:
                bare[char] = bare.get(char, 0) + 1
    return Usage(marks, spaced, bare, kinds)
