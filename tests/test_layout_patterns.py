"""The layout's fast forms give the plain forms' answers: the atom patterns behind ``ATOM_START``
(the characters an atom can start with, asserted first) and ``has_bidi``."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reslint_rules import layout as L

# One piece per recycling notice (a new language must start with a character ATOM_START names).
NOTICES = [notice.replace(r"\s+", " ") for notice in L.RECYCLE.split("|")]
PIECES = [
    *"aZé ٣7/-*._\t,;:()’GEP",
    "\u200f",
    "\u202a",
    "\ue012\ue013",
    "12",
    "24-12345",
    "GE.24-12345 (E)",
    "240924",
    "*2412345*",
    "A/RES/72/194",
    "E/CN.4/2001/1",
    "Page 3 of 10",
    "page 3",
    "- 4 -",
    "3/10",
    "/...",
    *NOTICES,
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)

PLAIN_ATOM = regex.compile(rf"(?<![\w/.\-])(?:{L._ATOM})(?![\w/\-])")
PLAIN_GLUED = regex.compile(rf"(?<!\d)(?:{L.JOB}|{L.PAGE_NUMBER}|{L.BARCODE})(?!\d)|{L.RECYCLE}|{L.SYMBOL}")
PLAIN_ONLY = regex.compile(rf"^\s*(?:(?:{'|'.join(L.ATOMS[k] for k in L.PRIORITY)})\s*)++$")


def test_every_recycling_notice_starts_where_an_atom_can() -> None:
    for notice in NOTICES:
        assert L.GLUED_ATOM.fullmatch(notice), notice


@settings(max_examples=400)
@given(TEXTS)
def test_atom_patterns_match_as_without_the_start_assertion(text: str) -> None:
    spans = [(m.span(), m.lastgroup) for m in L.ATOM.finditer(text)]
    assert spans == [(m.span(), m.lastgroup) for m in PLAIN_ATOM.finditer(text)]
    assert L.GLUED_ATOM.sub(" ", text) == PLAIN_GLUED.sub(" ", text)
    assert (L.ONLY_ATOMS.match(text) is None) == (PLAIN_ONLY.match(text) is None)


@settings(max_examples=300)
@given(TEXTS)
def test_has_bidi_is_the_pattern_search(text: str) -> None:
    assert L.has_bidi(text) == (L.BIDI_CHAR.search(text) is not None)
    assert L.clean(text) == L.BIDI_CHAR.sub("", text)
