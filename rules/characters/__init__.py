"""Character-level artifacts: mojibake, invisible and stray characters, ligatures,
letter spacing (family ``characters``, codes CH)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .control_character import ControlCharacter
from .invisible_character import InvisibleCharacter
from .letter_spacing import LetterSpacing
from .ligature import Ligature
from .line_separator import LineSeparator
from .mojibake import Mojibake
from .private_use import PrivateUseCharacter
from .soft_hyphen import SoftHyphenInLine
from .unmapped_glyph import UnmappedGlyph


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [
        Mojibake,
        SoftHyphenInLine,
        InvisibleCharacter,
        ControlCharacter,
        PrivateUseCharacter,
        UnmappedGlyph,
        Ligature,
        LetterSpacing,
        LineSeparator,
    ]

