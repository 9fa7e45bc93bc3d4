"""The words family's split of a fix pass's text reuses the previous pass's outside the changed lines."""

from __future__ import annotations

from edit_cases import edited
from hypothesis import given
from hypothesis import strategies as st

from reslint.api import Document, Edit
from reslint.fixes import apply_edits
from reslint_rules.words.evidence import WORD_SPLIT, chunks, evidence
from reslint_rules.words.ocr_lookalike import _lookalike_tokens
from reslint_rules.words.split_word import _candidates, _pairs

ALPHABET = "ab\u0301 \n-1"
WORDS = st.sampled_from(["in", "to", "side", "ward", "a", "bout", "x", " ", "\n", "-", "\u0301"])
LOOKALIKES = st.sampled_from(["rn", "1", "0", "I", "arnd", "l1ke", "x", " ", "\n"])


@given(edited(st.sampled_from(ALPHABET)))
def test_split_of_a_fix_pass_is_the_split_afresh(case: tuple[str, list[Edit]]) -> None:
    old, edits = case
    before = Document(old)
    doc = Document(apply_edits(old, edits), previous=before, edits=edits)
    fresh = Document(doc.text)
    split, afresh = chunks(doc), chunks(fresh)
    assert split.parts == WORD_SPLIT.split(doc.text)
    assert (split.parts, split.ends, split.lowered) == (afresh.parts, afresh.ends, afresh.lowered)
    assert evidence(doc, {}).doc == evidence(fresh, {}).doc


def test_split_of_a_fix_pass_takes_the_unchanged_lines_from_the_previous_one() -> None:
    old = "Dévelop pement\nsur prise\nfin"
    before = Document(old)
    kept = chunks(before).parts[1]
    edits = [Edit(18, 19, "")]  # `sur prise` -> `surprise`
    doc = Document(apply_edits(old, edits), previous=before, edits=edits)
    assert chunks(doc).parts == ["", "Dévelop", " ", "pement", "\n", "surprise", "\n", "fin", ""]
    assert chunks(doc).parts[1] is kept
    assert chunks(doc).lowered == ["dévelop", "pement", "surprise", "fin"]


@given(edited(WORDS))
def test_split_word_pairs_of_a_fix_pass_are_the_pairs_afresh(case: tuple[str, list[Edit]]) -> None:
    old, edits = case
    before = Document(old, lang="en")
    _pairs(before, {})
    doc = Document(apply_edits(old, edits), lang="en", previous=before, edits=edits)
    fresh = Document(doc.text, lang="en")
    found, afresh = _pairs(doc, {}), _pairs(fresh, {})
    assert (found.pairs, found.triples) == (afresh.pairs, afresh.triples)
    assert _candidates(evidence(doc, {}), found) == _candidates(evidence(fresh, {}), afresh)
    low, old_low = chunks(doc).lowered, chunks(before).lowered
    for first, old_first, count in chunks(doc).kept:
        assert low[first : first + count] == old_low[old_first : old_first + count]


@given(edited(LOOKALIKES))
def test_lookalike_tokens_of_a_fix_pass_are_those_afresh(case: tuple[str, list[Edit]]) -> None:
    old, edits = case
    before = Document(old)
    _lookalike_tokens(before)
    doc = Document(apply_edits(old, edits), previous=before, edits=edits)
    assert _lookalike_tokens(doc) == _lookalike_tokens(Document(doc.text))
