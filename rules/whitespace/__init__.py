"""Whitespace and punctuation spacing left by PDF extractors (family ``whitespace``, codes WS)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .detached_elision import DetachedElision
from .multiple_spaces import MultipleSpaces
from .space_before_apostrophe import SpaceBeforeApostrophe
from .space_before_comma_or_period import SpaceBeforeCommaOrPeriod
from .space_before_hyphen import SpaceBeforeHyphen
from .space_inside_parentheses import SpaceInsideParentheses
from .trailing_whitespace import TrailingWhitespace


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [
        TrailingWhitespace,
        MultipleSpaces,
        SpaceBeforeCommaOrPeriod,
        SpaceInsideParentheses,
        SpaceBeforeHyphen,
        SpaceBeforeApostrophe,
        DetachedElision,
    ]
