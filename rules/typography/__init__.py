"""Typographic conventions per language: punctuation spacing, tabs, apostrophes and
quotation marks (family ``typography``, codes TY)."""

from __future__ import annotations

from typing import Any

from reslint.api import Rule, hookimpl

from .french_spacing import MISSING_MODES, POLICIES, FrenchPunctuationSpace
from .mixed_apostrophes import MixedApostrophes
from .mixed_quotes import MixedQuotes
from .options import KINDS
from .space_before_punctuation import SpaceBeforePunctuation
from .tab_in_line import TabInLine


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [FrenchPunctuationSpace, SpaceBeforePunctuation, TabInLine, MixedApostrophes, MixedQuotes]


@hookimpl
def reslint_default_config() -> dict[str, dict[str, Any]]:
    return {
        "typography": {
            "french-space": "any",
            "french-missing-space": "document",
            "apostrophes": "majority",
            "quotes": "majority",
        }
    }


@hookimpl
def reslint_option_choices() -> dict[str, dict[str, list[Any]]]:
    return {
        "typography": {
            "french-space": list(POLICIES),
            "french-missing-space": list(MISSING_MODES),
            "apostrophes": list(KINDS),
            "quotes": list(KINDS),
        }
    }
