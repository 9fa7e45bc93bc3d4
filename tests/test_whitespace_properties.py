"""Properties of the whitespace family on generated text built from the characters it edits."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import reslint

# Letters of elided words and clitics, marks the rules look at, spaces and line breaks.
ALPHABET = "lLdqusStAéEh2019 \t\n’'ʼ-‐(),.;:!?«»“”\u00a0ر"
KEPT = set("/’'ʼ-‐")
TEXT = st.text(alphabet=ALPHABET, max_size=80)


def _kept(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isalnum() or c in KEPT)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from([None, "fr", "en"]))
def test_fix_is_idempotent_and_keeps_letters(text: str, lang: str | None) -> None:
    once = reslint.fix(text, select=["WS"], unsafe=True, lang=lang).text
    assert reslint.fix(once, select=["WS"], unsafe=True, lang=lang).text == once
    assert _kept(once) == _kept(text)
    assert set(once) <= set(text)  # fixes only delete or shorten whitespace


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_every_diagnostic_covers_only_whitespace(text: str) -> None:
    for d in reslint.lint(text, select=["WS"], lang="fr"):
        assert d.fix is not None
        for edit in d.fix.edits:
            assert text[edit.start : edit.end].strip(" \t") == ""
            assert edit.replacement in ("", " ")
