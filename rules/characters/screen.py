"""The family's pre-screen: one scan tells whether the text holds any stray character.

On clean text the rules that look for single characters (controls, invisible, private
use, ligatures, U+FFFD, soft hyphens) stop after this one shared scan.
"""

from __future__ import annotations

import re

from reslint.api import Document

# C0 controls (not tab, newline, form feed, carriage return), DEL and C1 controls, soft
# hyphen, zero-width and invisible format characters, BOM, private use (BMP), Latin
# ligatures, U+FFFD. `re` scans a character class faster than `regex`.
STRAY = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
    "\ue000-\uf8ff\ufb00-\ufb06\ufffd]"
)


def has_stray(doc: Document) -> bool:
    """Whether the document holds any character the family's single-character rules seek."""
    return doc.memo("characters.stray", lambda: STRAY.search(doc.text) is not None)
