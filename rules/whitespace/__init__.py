"""Whitespace and punctuation spacing left by PDF extractors (family ``whitespace``, codes WS)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .multiple_spaces import MultipleSpaces
from .trailing_whitespace import TrailingWhitespace


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [TrailingWhitespace, MultipleSpaces]
