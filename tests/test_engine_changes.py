"""What a fix pass changed: ``Document.previous``, ``edits`` and ``changed_lines``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from edit_cases import edited
from hypothesis import given
from hypothesis import strategies as st

from reslint.api import Diagnostic, Document, Edit, Fix, LineChange, Rule
from reslint.fixes import apply_edits
from reslint.linter import Linter


def _boundary(text: str, offset: int) -> bool:
    return offset in (0, len(text)) or text[offset - 1] == "\n"


@given(edited(st.sampled_from("ab \n")))
def test_changed_lines_cover_the_edits_and_leave_the_rest_alone(case: tuple[str, list[Edit]]) -> None:
    old_text, edits = case
    new_text = apply_edits(old_text, edits)
    doc = Document(new_text, previous=Document(old_text), edits=edits)
    changes = doc.changed_lines()
    old_pos = new_pos = 0
    for change in changes:
        assert all(_boundary(old_text, o) for o in change[:2])
        assert all(_boundary(new_text, o) for o in change[2:])
        assert old_pos <= change.old_start <= change.old_end and new_pos <= change.new_start <= change.new_end
        assert old_text[old_pos : change.old_start] == new_text[new_pos : change.new_start]
        old_pos, new_pos = change.old_end, change.new_end
    assert old_text[old_pos:] == new_text[new_pos:]
    assert all(any(c.old_start <= e.start and e.end <= c.old_end for c in changes) for e in edits)


def test_changed_lines_merge_the_edits_of_one_line() -> None:
    old = "one\ntwo three\nfour\n"
    edits = [Edit(4, 5, "T"), Edit(7, 8, "")]
    doc = Document(apply_edits(old, edits), previous=Document(old), edits=edits)
    assert doc.text == "one\nTwothree\nfour\n"
    assert doc.changed_lines() == (LineChange(4, 14, 4, 13),)
    assert Document(old).changed_lines() == ()
    with pytest.raises(ValueError, match="previous document is in 'fr'"):
        Document(old, lang="en", previous=Document(old, lang="fr"))


class _Recorder(Rule):
    """Records the documents it sees and drops one `x` per pass."""

    code = "ZZ005"
    name = "recorder"
    family = "test"

    def __init__(self) -> None:
        self.seen: list[Document] = []

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        self.seen.append(doc)
        i = doc.text.find("x")
        if i != -1:
            yield self.diagnostic(i, i + 1, "x", fix=Fix.delete(i, i + 1))


def test_fix_passes_see_the_previous_document_and_its_edits() -> None:
    rule = _Recorder()
    linter = Linter(select=["WS001"])
    linter.rules = (rule,)
    assert linter.fix("ax\nbx\r\nc\n", lang="en").text == "a\nb\r\nc\n"
    first, second, third = rule.seen
    assert first.previous is None and second.edits == (Edit(1, 2, ""),)
    assert third.previous is second and second.previous is None  # only one pass back is kept
    assert third.changed_lines() == (LineChange(2, 5, 2, 4),)
    assert linter.lint("ax\n") and rule.seen[-1].previous is None


def test_a_previous_document_keeps_only_the_analyses_marked_for_reuse() -> None:
    old = Document("ax\n")
    assert old.memo("kept", lambda: [1], reuse=True) == [1]
    assert old.memo("dropped", lambda: [2]) == [2]
    old.memo("marked-when-read", lambda: [3])
    assert old.memo("marked-when-read", lambda: [4], reuse=True) == [3]
    Document("a\n", previous=old, edits=[Edit(1, 2, "")])
    assert old.memo("kept", lambda: [5]) == [1] and old.memo("marked-when-read", lambda: [6]) == [3]
    assert old.memo("dropped", lambda: [7]) == [7]  # computed again
