"""Script-specific repairs (family ``scripts``, codes SC): bidi controls, Arabic in visual
order and presentation forms, spaces inside Chinese text."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .arabic_detached_tanween import ArabicDetachedTanween
from .arabic_heading_number import ArabicHeadingNumber
from .arabic_kerning_letter import ArabicKerningLetter
from .arabic_layout_rows import ArabicLayoutRows
from .arabic_leading_punctuation import ArabicLeadingPunctuation
from .arabic_mark_pieces import ArabicMarkPieces
from .arabic_split_line import ArabicSplitLine
from .arabic_stray_mark import ArabicStrayMark
from .arabic_visual_order import ArabicVisualOrder
from .bidi_controls import BidiControls
from .han_spaces import HanSpaces
from .presentation_forms import ArabicPresentationForms


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [
        BidiControls,
        ArabicPresentationForms,
        ArabicVisualOrder,
        ArabicLeadingPunctuation,
        HanSpaces,
        ArabicMarkPieces,
        ArabicHeadingNumber,
        ArabicStrayMark,
        ArabicSplitLine,
        ArabicDetachedTanween,
        ArabicKerningLetter,
        ArabicLayoutRows,
    ]
