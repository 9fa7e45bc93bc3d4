"""Properties of the scripts family (SC) on generated text: letters and digits are never
lost, a second fix changes nothing, and text without Arabic, Han or controls is untouched."""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reslint

SELECT = ["SC"]
ALNUM = regex.compile(r"[\p{L}\p{N}]")
WORDS = [
    "الأمم", "ممألا", "المتحدة", "ةدحتملا", "لمّا", "امّ", "ل", "ا", "قدمًا", "امً", "دق",
    "هو", "وه", "في", "يف", "الإنسان", "ناسنإلا", "لولأ", "A/RES/217", "(III)", "1948", "10", "١٩٤٨",
    ".", "،", "\u202b", "\u202a", "\u202c", "\u200f", "ً", "ّ", "世界", "人权", "，", "宣言", "ﻻ", "ﺍ",
    "ّلم", "ًالاجتماعي", "قدم", "أوًوفضلا", "2ً", "..", "وفض", "لا", "المادة13", "المادة",
    "تعسفا", "قانونا", "بريئا", "فيها", "كهذا.", "1.", "8", "إلا", "ّإذا", "عق", "عادلاً",
]
text_strategy = st.lists(
    st.sampled_from(WORDS), min_size=1, max_size=30
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "\n", ""]), min_size=len(words), max_size=len(words)
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _alnum(text: str) -> Counter[str]:
    return Counter(ALNUM.findall(text))


@FAST
@given(text_strategy)
def test_no_letter_or_digit_lost_and_idempotent(text: str) -> None:
    fixed = reslint.fix(text, select=SELECT, unsafe=True).text
    # Presentation forms fold to base letters: compare after folding them.
    assert _alnum(fixed) == _alnum(regex.sub("[\ufb50-\ufdff\ufe70-\ufefe]", _nfkc, text))
    assert reslint.fix(fixed, select=SELECT, unsafe=True).text == fixed


def _nfkc(m: regex.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


@FAST
@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=200))
def test_latin_text_untouched(text: str) -> None:
    assert reslint.lint(text, select=SELECT) == []
