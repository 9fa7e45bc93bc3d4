"""Texts and the edits of a fix pass, for the tests of what a pass changed (hypothesis)."""

from __future__ import annotations

from hypothesis import strategies as st

from reslint.api import Edit


@st.composite
def edited(draw: st.DrawFn, pieces: st.SearchStrategy[str]) -> tuple[str, list[Edit]]:
    """A text made of ``pieces`` and sorted edits of it that neither overlap nor insert twice at one point."""
    text = "".join(draw(st.lists(pieces, max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start > last:
            edits.append(Edit(start, end, "".join(draw(st.lists(pieces, max_size=3)))))
            last = end
    return text, edits
