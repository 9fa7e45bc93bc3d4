"""Hyphenation points (pyphen's patterns) that WD002 uses as evidence of a syllable break."""

from __future__ import annotations

import pytest

from reslint_rules.words.syllables import is_hyphenation_point


@pytest.mark.parametrize(
    ("lang", "before", "after"),
    [
        ("fr", "es", "prit"),
        ("fr", "in", "humains"),
        ("fr", "Impo", "seront"),  # case does not matter
        ("en", "im", "partial"),
        ("ru", "под", "твердили"),
        ("es", "jus", "ticia"),
    ],
)
def test_syllable_breaks_are_hyphenation_points(lang: str, before: str, after: str) -> None:
    assert is_hyphenation_point(lang, before, after)


@pytest.mark.parametrize(
    ("lang", "before", "after"),
    [
        ("en", "anti", "terrorism"),  # compounds' junctions the patterns do not break
        ("en", "socio", "economic"),
        ("en", "mid", "term"),
        ("fr", "d", "ans"),  # one letter is never a line's end piece
        ("ar", "ال", "أمم"),  # no dictionary for the language
        (None, "es", "prit"),
    ],
)
def test_other_breaks_are_not(lang: str | None, before: str, after: str) -> None:
    assert not is_hyphenation_point(lang, before, after)
