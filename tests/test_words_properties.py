"""Properties of the `words` rules (WD): clean text untouched, nothing lost, fixes converge."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reslint

WORDS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "words"
GOLD = sorted(WORDS_DIR.glob("gold_*.txt"))
# Every rule that must keep each letter and digit (WD004 reads `1’` as `l’` by design).
KEEPING = ["WD001", "WD002", "WD003", "WD005"]
ALNUM = regex.compile(r"[\p{L}\p{N}]")
INLINE_HYPHEN = regex.compile(r"-(?![ \t]*\n)")


def _lang(path: Path) -> str:
    return path.name.split("_")[1]


def _alnum(text: str) -> str:
    return "".join(ALNUM.findall(text))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_clean_gold_gets_no_fix(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for lang in (_lang(path), None):
        fixable = [d for d in reslint.lint(text, lang=lang, select=["WD"]) if d.fixable]
        assert fixable == [], fixable
        assert reslint.fix(text, lang=lang, select=["WD"], unsafe=True).text == text


@pytest.mark.parametrize(
    ("name", "lang"), [("pdftotext_en_A_78_668.txt", "en"), ("pymupdf_fr_A_RES_72_194.txt", "fr")]
)
def test_extraction_repairs_keep_every_letter(name: str, lang: str) -> None:
    text = (WORDS_DIR / name).read_text(encoding="utf-8")
    result = reslint.fix(text, lang=lang, select=KEEPING, unsafe=True)
    assert result.changed
    assert _alnum(result.text) == _alnum(text)
    for mark in "/’":
        assert result.text.count(mark) == text.count(mark)
    assert len(INLINE_HYPHEN.findall(result.text)) >= len(INLINE_HYPHEN.findall(text))
    again = reslint.fix(result.text, lang=lang, select=["WD"], unsafe=True)
    assert again.text == reslint.fix(again.text, lang=lang, select=["WD"], unsafe=True).text


def _vocabulary() -> list[str]:
    text = (WORDS_DIR / "gold_fr_A_RES_72_194.txt").read_text(encoding="utf-8")
    return sorted(set(regex.findall(r"[\p{L}’0-9/-]+", text)))


SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "-\n", " -\n", "\u00ad\n", ", ", "-\n\n"]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """French gold words, some cut by a space, joined by spaces, line breaks and hyphens."""
    words = draw(st.lists(st.sampled_from(_vocabulary()), min_size=1, max_size=40))
    parts = []
    for word in words:
        if len(word) > 3 and draw(st.booleans()):
            cut = draw(st.integers(1, len(word) - 1))
            word = f"{word[:cut]} {word[cut:]}"
        parts.append(word + draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_fixes_keep_letters_and_converge(text: str) -> None:
    once = reslint.fix(text, lang="fr", select=KEEPING, unsafe=True).text
    assert _alnum(once) == _alnum(text)
    assert once.count("’") == text.count("’") and once.count("/") == text.count("/")
    assert len(INLINE_HYPHEN.findall(once)) >= len(INLINE_HYPHEN.findall(text))
    assert reslint.fix(once, lang="fr", select=KEEPING, unsafe=True).text == once


def test_dictionaries_load_lazily() -> None:
    code = "import reslint_rules.words, sys; print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extend_words_makes_a_word_known() -> None:
    text = "the Kunming-Montreal framework\nthe Kunmi ngmontreal plan"
    config = {"select": ["WD001"], "words": {"extend-words": ["kunmingmontreal"]}}
    assert reslint.lint(text, lang="en", select=["WD001"]) == []
    found = reslint.lint(text, lang="en", config=config)
    assert [d.code for d in found] == ["WD001"]


@pytest.mark.parametrize(
    "text",
    ["une question desti-\nnée suite à", "une question desti-\nnée.\n", "self-\ndetermination, and more"],
)
def test_line_end_hyphen_span_covers_its_edit(text: str) -> None:
    """WD002 moves the rest of the word (and the space after it) up a line: its span covers that edit."""
    found = [d for d in reslint.lint(text, lang="fr", select=["WD002"]) if d.fix]
    assert found
    for d in found:
        assert all(d.start <= e.start and e.end <= d.end for e in d.fix.edits), (d, d.fix.edits)


@pytest.mark.parametrize(
    ("code", "token"),
    [("WD003", "genderbased" * 1000), ("WD004", "rnд0Iлb1" * 6000)],
)
def test_very_long_token_is_not_tried(code: str, token: str) -> None:
    """No word is longer than 60 characters: a 10k–50k character token is skipped (it was quadratic)."""
    assert reslint.lint(f"gender-based x {token} y", lang="en", select=[code]) == []
