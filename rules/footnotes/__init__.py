"""Footnotes: separators, bodies inside the text, marker pairing (family ``footnotes``, codes FN)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .detached_marker import DetachedMarker
from .footnote_in_text import FootnoteInText
from .footnote_numbering import FootnoteNumbering
from .separator_line import SeparatorLine
from .unpaired_footnote import UnpairedFootnote


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [SeparatorLine, FootnoteInText, UnpairedFootnote, FootnoteNumbering, DetachedMarker]
