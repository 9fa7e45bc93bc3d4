"""`Evidence.clean`: a document long enough and nearly all known words reads as born-digital, not OCR."""

from __future__ import annotations

import math

import regex

from reslint.api import Document
from reslint_rules.words.evidence import CLEAN_SHARE, CLEAN_WORDS, evidence

# Real text (A/RES/73/3), every word known to the English frequencies.
SENTENCE = (
    "contributes to the cycle of ill health and poverty, that malnutrition and inadequate living "
    "conditions contribute to the spread of tuberculosis and its impact upon the community. "
)
WORDS = len([w for w in regex.findall(r"\p{L}+", SENTENCE) if len(w) > 1])
REPEAT = math.ceil(CLEAN_WORDS / WORDS)


def _clean(text: str) -> bool:
    return evidence(Document(text, lang="en"), {}).clean


def test_long_text_of_known_words_is_clean() -> None:
    assert _clean(SENTENCE * REPEAT)


def test_short_text_is_never_clean() -> None:
    assert not _clean(SENTENCE * (REPEAT - 1))


def test_ocr_share_of_unknown_words_is_not_clean() -> None:
    # Unknown words (`xqzvt`, like OCR misreads) at 0.8 and 1.2 times the clean share.
    total = WORDS * REPEAT
    assert _clean(SENTENCE * REPEAT + "xqzvt " * int(CLEAN_SHARE * total * 0.8))
    assert not _clean(SENTENCE * REPEAT + "xqzvt " * math.ceil(CLEAN_SHARE * total * 1.2))
