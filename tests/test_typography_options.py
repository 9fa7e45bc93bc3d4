"""Typography options: a value outside the allowed ones is reported, not ignored."""

from __future__ import annotations

import reslint


def test_unknown_french_space_policy_is_reported() -> None:
    config = {"select": ["TY001"], "typography": {"french-space": "thin"}}
    found = reslint.lint("ci-après :", lang="fr", config=config)
    assert [d.code for d in found] == ["RSL001"]
    assert "any, space, nbsp, narrow-nbsp" in found[0].message


def test_apostrophe_style_straight_fixes_typographic_ones() -> None:
    config = {"select": ["TY004"], "typography": {"apostrophes": "straight"}}
    text = "de l'augmentation\nle Conseil d'administration\nl’évolution de son rôle"
    assert reslint.fix(text, config=config).text == text.replace("’", "'")
