"""Typographic conventions per language: punctuation spacing, tabs, apostrophes
(family ``typography``, codes TY)."""

from __future__ import annotations

from typing import Any

from reslint.api import Rule, hookimpl

from .french_spacing import FrenchPunctuationSpace
from .mixed_apostrophes import MixedApostrophes
from .space_before_punctuation import SpaceBeforePunctuation
from .tab_in_line import TabInLine


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [FrenchPunctuationSpace, SpaceBeforePunctuation, TabInLine, MixedApostrophes]


@hookimpl
def reslint_default_config() -> dict[str, dict[str, Any]]:
    return {
        "typography": {
            "french-space": "any",
            "french-missing-space": "document",
            "apostrophes": "majority",
        }
    }
