"""The layout's shortcuts (``_Facts``, ``normalise``'s translate table) give the patterns' answers."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reslint.api import Document
from reslint_rules import layout as L

PIECES = [
    *"aZé ٣7/-*._\t,;:()’",
    "\u200f",
    "\u202a",
    "\ue012",
    "\f",
    "\n",
    "12",
    "24-12345",
    "A/RES/72/194",
    "Page 3",
    "- 4 -",
    "Please recycle",
    "Prière de  recycler",
    "♲",
    "يرجى إعادة الاستعمال",
    "\u00df",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAYOUT_FIXTURES = (
    "examples/en__A_80_61.pdfminer.txt",
    "examples/en__S_2025_411.pypdf.txt",
    "pages/typeset_A_RES_72_194_pdftotext.txt",
    "characters/udhr_ar.txt",
)


def test_every_recycling_notice_holds_a_recycle_word() -> None:
    for notice in L.RECYCLE.split("|"):
        assert any(word in notice for word in L.RECYCLE_WORDS), notice


@settings(max_examples=300)
@given(TEXTS)
def test_facts_agree_with_the_patterns(text: str) -> None:
    segs = L.segments(Document(text))
    facts = L._Facts(text, segs)
    for seg in segs:
        assert facts.clean[seg.index] == L.clean(seg.text)
        assert facts.numbers[seg.index] == len(L.DIGITS.findall(seg.text))
        for candidate in (seg.text, facts.clean[seg.index]):
            if not facts.may_hold_atom(seg, candidate):
                assert not L.ONLY_ATOMS.match(candidate)
                assert not L.GLUED_ATOM.search(candidate)
        for numbers in (0, 1, 2):
            if numbers == 0 and facts.numbers[seg.index]:
                continue  # normalise() is only asked with the segment's own count or more
            assert L.normalise(seg.text, numbers) == _normalised(seg.text, numbers)
        spaced = L.GLUED_ATOM.sub(" ", seg.text)
        assert L.normalise(spaced, facts.numbers[seg.index]) == _normalised(spaced, facts.numbers[seg.index])


def _normalised(text: str, numbers: int) -> str:
    """:func:`normalise` by its patterns (its translate table decides each character once)."""
    key = L.NORMALISE_DROP.sub("", L.clean(text)).casefold()
    return L.DIGITS.sub("#", key) if numbers <= L.MAX_NUMBERS else key


def test_segments_split_lines_at_form_feeds() -> None:
    segs = L.segments(Document("a\fb\n\nc\f\fd"))
    assert [(s.line, s.start, s.end, s.text, s.page, s.ends_line) for s in segs] == [
        (1, 0, 1, "a", 0, False),
        (1, 2, 3, "b", 1, True),
        (2, 4, 4, "", 1, True),
        (3, 5, 6, "c", 1, False),
        (3, 7, 7, "", 2, False),
        (3, 8, 9, "d", 3, True),
    ]


def test_a_fast_segment_is_a_segment() -> None:
    fast = L._segment(3, 2, 10, 14, "text", 1, True)
    slow = L.Segment(3, 2, 10, 14, "text", 1, True)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert vars(fast) == vars(slow)


def _layout_of(text: str) -> tuple[object, ...]:
    lay = L.layout(Document(text))
    return lay.pages, lay.kinds, lay.safe, lay.evidence


def _cold() -> None:
    for reading in L.LINE_READINGS:
        reading.cache_clear()


def test_the_line_caches_change_no_layout() -> None:
    """Line readings taken from the caches (a line seen before, in this or another document)
    give the layout of a first reading, also once every later line has moved."""
    texts = [(FIXTURES / name).read_text(encoding="utf-8") for name in LAYOUT_FIXTURES]
    _cold()
    first = [_layout_of(text) for text in texts]
    assert [_layout_of(text) for text in texts] == first
    assert all(reading.cache_info().hits for reading in L.LINE_READINGS)
    edited = [text.replace("\n", "\n\n", 1) for text in texts]  # every later line moves by one
    warm = [_layout_of(text) for text in edited]
    _cold()
    assert [_layout_of(text) for text in edited] == warm
    assert any(kinds for _, kinds, _, _ in first)
