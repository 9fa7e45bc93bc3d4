"""The words family's split of a fix pass's text reuses the previous pass's outside the changed lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reslint.api import Document, Edit
from reslint.fixes import apply_edits
from reslint_rules.words.evidence import WORD_SPLIT, chunks, doc_words, evidence
from reslint_rules.words.split_word import _candidates, _pairs

ALPHABET = "ab\u0301 \n-1"
WORDS = st.sampled_from(["in", "to", "side", "ward", "a", "bout", "x", " ", "\n", "-", "\u0301"])


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and sorted edits that neither overlap nor insert twice at one point."""
    text = draw(st.text(alphabet=ALPHABET, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start > last:
            edits.append(Edit(start, end, draw(st.text(alphabet=ALPHABET, max_size=5))))
            last = end
    return text, edits


@given(edited())
def test_split_of_a_fix_pass_is_the_split_afresh(case: tuple[str, list[Edit]]) -> None:
    old, edits = case
    before = Document(old)
    doc = Document(apply_edits(old, edits), previous=before, edits=edits)
    fresh = Document(doc.text)
    split, afresh = chunks(doc), chunks(fresh)
    assert split.parts == WORD_SPLIT.split(doc.text)
    assert (split.parts, split.ends, split.lowered) == (afresh.parts, afresh.ends, afresh.lowered)
    assert doc_words(doc) == doc_words(fresh)


def test_split_of_a_fix_pass_takes_the_unchanged_lines_from_the_previous_one() -> None:
    old = "Dévelop pement\nsur prise\nfin"
    before = Document(old)
    kept = chunks(before).parts[1]
    edits = [Edit(18, 19, "")]  # `sur prise` -> `surprise`
    doc = Document(apply_edits(old, edits), previous=before, edits=edits)
    assert chunks(doc).parts == ["", "Dévelop", " ", "pement", "\n", "surprise", "\n", "fin", ""]
    assert chunks(doc).parts[1] is kept
    assert chunks(doc).lowered == ["dévelop", "pement", "surprise", "fin"]


@st.composite
def edited_words(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """An English-looking text and sorted edits of it, as :func:`edited`."""
    text = "".join(draw(st.lists(WORDS, max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start > last:
            edits.append(Edit(start, end, "".join(draw(st.lists(WORDS, max_size=3)))))
            last = end
    return text, edits


@given(edited_words())
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
