"""The family's pre-screen: one scan collects the suspicious characters of the text.

On clean text it finds nothing and every rule stops there. The characters sought are the
strays (controls, soft hyphen, zero-width and invisible characters, BOM, private use,
ligatures, U+FFFD, line and paragraph separators) and the tell-tales of mojibake: the
Latin-1 letters that UTF-8 lead bytes become (``Ã Â Ð Ñ Ø Ù``…) and the rarer characters
its continuation bytes become (``€ ™ ©`` …, C1 controls), which clean text in the six UN
languages seldom holds.
"""

from __future__ import annotations

from typing import Protocol

from reslint.api import Document

from ..lazy_pattern import lazy_re

STRAY = (
    "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
    "\ue000-\uf8ff\ufb00-\ufb06\ufffd\u2028\u2029"
)
MOJIBAKE = (
    # C1 controls; lead bytes C2–C5, D0, D1, D8–DB read as Latin-1
    "\x80-\x9f\u00c2-\u00c5\u00d0\u00d1\u00d8-\u00db"
    # the rarer characters that continuation bytes 0x80–0xBF become in Windows-1252
    "\u20ac\u201a\u0192\u201e\u2020\u2021\u02c6\u2030\u0160\u2039\u017d\u02dc\u2122\u0161"
    "\u203a\u017e\u0178\u00a2-\u00a6\u00a8\u00a9\u00ac\u00ae\u00af\u00b1\u00b4-\u00b6\u00b8\u00b9"
    "\u00bc-\u00be"
    "\u221a"  # MacRoman's √ (lead byte C3)
)
SCREEN = lazy_re(f"[{STRAY}{MOJIBAKE}]")  # `re` scans a character class faster than `regex`
MOJIBAKE_SIGNS = lazy_re(f"[{MOJIBAKE}]")


def found(doc: Document) -> frozenset[str]:
    """The distinct suspicious characters in the document (memoised)."""
    return doc.memo("characters.screen", lambda: frozenset(SCREEN.findall(doc.text)))


class CharPattern(Protocol):
    """A compiled pattern (``re`` or ``regex``) of the characters a rule seeks."""

    def match(self, string: str) -> object: ...


def present(doc: Document, sought: CharPattern) -> bool:
    """Whether ``sought`` matches any of the suspicious characters of the document (it is not
    compiled when there are none)."""
    chars = found(doc)
    return bool(chars) and any(map(sought.match, chars))
