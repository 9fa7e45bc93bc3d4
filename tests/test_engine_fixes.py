"""The fix engine: choosing non-conflicting edits, applying them, converging, CRLF mapping."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from reslint import Applicability, Diagnostic, Document, Edit, Fix, FixError, Rule
from reslint.fixes import allowed_applicabilities, apply_edits, choose_fixes
from reslint.linter import Linter
from reslint.newlines import NewlineMap


def diag(code: str, *edits: Edit, applicability: Applicability = Applicability.SAFE) -> Diagnostic:
    start = min(e.start for e in edits)
    return Diagnostic(code, code.lower(), "m", start, start, Fix(tuple(edits), applicability))


def test_overlapping_fix_waits_and_touching_fixes_both_apply() -> None:
    a = diag("A001", Edit(0, 3, "x"))
    b = diag("B001", Edit(2, 5, "y"))  # overlaps a
    c = diag("C001", Edit(3, 4, "z"))  # touches a
    edits, applied = choose_fixes([b, c, a], allowed_applicabilities(False))
    assert [d.code for d in applied] == ["A001", "C001"]
    assert apply_edits("abcdefg", edits) == "xzefg"


def test_insertions_at_one_point_conflict_but_insert_before_replacement_is_fine() -> None:
    first = diag("A001", Edit(2, 2, "-"))
    second = diag("B001", Edit(2, 2, "-"))
    replace = diag("C001", Edit(2, 4, "ZZ"))
    edits, applied = choose_fixes([first, second, replace], allowed_applicabilities(False))
    assert [d.code for d in applied] == ["A001", "C001"]
    assert apply_edits("abcdef", edits) == "ab-ZZef"


def test_multi_edit_fix_is_all_or_nothing() -> None:
    move = diag("A001", Edit(0, 2, ""), Edit(10, 10, "ab"))
    blocker = diag("B001", Edit(0, 1, "?"))
    edits, applied = choose_fixes([move, blocker], allowed_applicabilities(False))
    assert [d.code for d in applied] == ["B001"]
    assert apply_edits("0123456789", edits) == "?123456789"


def test_unsafe_and_display_only_fixes_need_permission() -> None:
    unsafe = diag("A001", Edit(0, 1, "x"), applicability=Applicability.UNSAFE)
    shown = diag("B001", Edit(2, 3, "y"), applicability=Applicability.DISPLAY_ONLY)
    assert choose_fixes([unsafe, shown], allowed_applicabilities(False))[1] == []
    assert [d.code for d in choose_fixes([unsafe, shown], allowed_applicabilities(True))[1]] == ["A001"]


class _Toggle(Rule):
    """Flips `ab` and `ba` forever.

    What it does: x
    Why it matters: x
    Example: x
    Fix safety: x
    """

    code = "ZZ001"
    name = "toggle"
    family = "test"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        i = doc.text.find("ab")
        j = doc.text.find("ba")
        if i != -1:
            yield self.diagnostic(i, i + 2, "ab", fix=Fix.replace(i, i + 2, "ba"))
        elif j != -1:
            yield self.diagnostic(j, j + 2, "ba", fix=Fix.replace(j, j + 2, "ab"))


def test_cycle_is_detected_and_names_the_rule() -> None:
    linter = Linter(select=["WS001"])
    linter.rules = (_Toggle(),)
    with pytest.raises(FixError) as err:
        linter.fix("xab")
    assert err.value.codes == ("ZZ001",)


def test_cycle_names_only_the_rules_that_undo_each_other() -> None:
    linter = Linter(select=["WS001"])
    linter.rules = (_Toggle(), *linter.rules)
    with pytest.raises(FixError) as err:
        linter.fix("xab \n")  # WS001 applies once, then the toggle cycles
    assert err.value.codes == ("ZZ001",)


def test_fix_converges_across_passes_and_is_idempotent() -> None:
    text = "a   b  \nc    d \t\n"
    result = Linter(select=["WS"]).fix(text, unsafe=True)
    assert result.text == "a b\nc d\n"
    assert Linter(select=["WS"]).fix(result.text, unsafe=True).applied == []


def test_crlf_lines_keep_their_endings_and_offsets_point_into_the_original() -> None:
    text = "un  deux\r\ntrois \nquatre  cinq\r\n"
    linter = Linter(select=["WS"])
    found = linter.lint(text)
    assert [(d.line, d.column, text[d.start : d.end]) for d in found] == [
        (1, 3, "  "),
        (2, 6, " "),
        (3, 7, "  "),
    ]
    assert linter.fix(text).text == "un deux\r\ntrois\nquatre cinq\r\n"


def test_newline_map_inserted_newlines_follow_the_majority() -> None:
    nl = NewlineMap("a\r\nb\r\nc\nd")
    assert nl.normalized == "a\nb\nc\nd"
    assert nl.edits([Edit(1, 1, "\nx")]) == [Edit(1, 1, "\r\nx")]
    assert [nl.offset(o) for o in (0, 1, 2, 4, 6)] == [0, 1, 3, 6, 8]


def test_positions_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "𝔘né  ligne\n😀 x  y"
    found = Linter(select=["WS002"]).lint(text)
    assert [(d.line, d.column) for d in found] == [(1, 4), (2, 4)]


class _DropTag(Rule):
    """Removes a leading `EN ` tag (stands for furniture whose removal changes the detected language).

    What it does: x
    Why it matters: x
    Example: x
    Fix safety: x
    """

    code = "ZZ002"
    name = "drop-tag"
    family = "test"
    prefix, replacement = "EN ", ""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if doc.text.startswith(self.prefix):
            end = len(self.prefix)
            yield self.diagnostic(0, end, "prefix", fix=Fix.replace(0, end, self.replacement))


class _FrenchOnly(Rule):
    """Replaces `x` by `y` in French text only.

    What it does: x
    Why it matters: x
    Example: x
    Fix safety: x
    """

    code = "ZZ003"
    name = "french-only"
    family = "test"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        i = doc.text.find("x")
        if doc.lang == "fr" and i != -1:
            yield self.diagnostic(i, i + 1, "x", fix=Fix.replace(i, i + 1, "y"))


def test_fix_settles_under_the_language_of_the_fixed_text() -> None:
    """When fixing changes the detected language, fixing goes on in the new one: fix(fix(x)) == fix(x)."""
    linter = Linter(select=["WS001"])
    linter.rules = (_DropTag(), _FrenchOnly())
    linter.language = lambda text, lang=None: lang or ("en" if text.startswith("EN ") else "fr")  # type: ignore[method-assign]
    fixed = linter.fix("EN x\n").text
    assert fixed == "y\n"
    assert linter.fix(fixed).text == fixed
    # A language given by the caller is kept: the French-only fix never runs.
    assert linter.fix("EN x\n", lang="en").text == "x\n"


class _Rewrite(Rule):
    """Rewrites the whole first line `ab cd` (stands for SC011/SC012's line rewrites)."""

    code = "ZZ004"
    name = "rewrite"
    family = "test"
    fix_priority = 1

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if doc.text.startswith("ab cd\n"):
            yield self.diagnostic(0, 5, "line", fix=Fix.replace(0, 5, "dc ba"))


class _Piece(_DropTag):
    """Upper-cases a leading `ab` (stands for another rule's fix inside that line)."""

    code = "ZZ000"
    name = "piece"
    prefix, replacement = "ab", "AB"


def test_same_start_fixes_taken_narrower_first_then_by_code() -> None:
    wide = diag("A001", Edit(0, 5, "x"))
    narrow = diag("B001", Edit(0, 2, "y"))
    edits, applied = choose_fixes([wide, narrow], allowed_applicabilities(False))
    assert [d.code for d in applied] == ["B001"]
    assert apply_edits("abcdefg", edits) == "ycdefg"


def test_fix_priority_goes_first_at_the_same_start() -> None:
    wide = diag("A001", Edit(0, 5, "x"))
    narrow = diag("B001", Edit(0, 2, "y"))
    early = diag("C001", Edit(0, 1, "z"), Edit(9, 9, "!"))  # narrower at the start, reaching further
    edits, applied = choose_fixes([narrow, early, wide], allowed_applicabilities(False), {"A001": 1})
    assert [d.code for d in applied] == ["A001"]
    assert apply_edits("abcdefghij", edits) == "xfghij"


def test_rule_fix_priority_orders_the_fix_loop() -> None:
    """The line rewrite goes first; the other rule's fix is made again on the rewritten line."""
    linter = Linter(select=["WS001"])
    linter.rules = (_Piece(), _Rewrite())
    result = linter.fix("ab cd\n")
    assert [d.code for d in result.applied] == ["ZZ004"]
    assert result.text == "dc ba\n"
    linter.rules = (_Piece(),)
    assert linter.fix("ab cd\n").text == "AB cd\n"
