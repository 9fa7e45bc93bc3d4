"""The words family's split of a fix pass's text reuses the previous pass's outside the changed lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reslint.api import Document, Edit
from reslint.fixes import apply_edits
from reslint_rules.words.evidence import WORD_SPLIT, chunks, doc_words

ALPHABET = "ab\u0301 \n-1"


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
    assert chunks(doc).parts == WORD_SPLIT.split(doc.text)
    assert chunks(doc) == chunks(fresh)
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
