"""Typography options: a value outside the allowed ones is a config error, not ignored."""

from __future__ import annotations

import pytest

import reslint


def test_unknown_french_space_policy_is_a_config_error() -> None:
    config = {"select": ["TY001"], "typography": {"french-space": "thin"}}
    with pytest.raises(reslint.ConfigError, match="typography.french-space.*any, space, nbsp, narrow-nbsp"):
        reslint.lint("ci-après :", lang="fr", config=config)


def test_apostrophe_style_straight_fixes_typographic_ones() -> None:
    config = {"select": ["TY004"], "typography": {"apostrophes": "straight"}}
    text = "de l'augmentation\nle Conseil d'administration\nl’évolution de son rôle"
    assert reslint.fix(text, config=config).text == text.replace("’", "'")


def test_unknown_quote_style_is_a_config_error() -> None:
    config = {"select": ["TY005"], "typography": {"quotes": "curly"}}
    with pytest.raises(reslint.ConfigError, match="typography.quotes.*majority, typographic, straight"):
        reslint.lint('“a” "b"', config=config)
