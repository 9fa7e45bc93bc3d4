"""One fast pass shared by every rule of the family: does the text hold anything it checks?"""

from __future__ import annotations

from reslint.api import Document

from ..lazy_pattern import lazy_re

# Arabic and its presentation forms, bidi controls, CJK ideographs and punctuation. ``re``
# scans a plain class several times faster than ``regex``.
SCRIPT_CHAR = lazy_re(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)


def has_script_chars(doc: Document) -> bool:
    """Whether ``doc`` holds a character any rule of the family looks at (memoised)."""
    return doc.memo("scripts.has_script_chars", lambda: SCRIPT_CHAR.search(doc.text) is not None)
