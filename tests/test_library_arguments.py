"""The library call's arguments: a selector string is one selector (or a comma-separated list),
not its letters; text that is not ``str`` is a clear TypeError."""

from __future__ import annotations

import pytest

import reslint

TEXT = "Le  texte ; la suite  continue.\n"


@pytest.mark.parametrize("select", ["WS002", "WS002,WS001", " WS002 , WS001 "])
def test_a_selector_string_selects_those_rules(select: str) -> None:
    listed = [part.strip() for part in select.split(",")]
    assert reslint.lint(TEXT, select=select) == reslint.lint(TEXT, select=listed)
    assert {d.code for d in reslint.lint(TEXT, select=select)} == {"WS002"}


def test_a_selector_string_is_not_read_letter_by_letter() -> None:
    # "WS" read as "W" and "S" would also run the words (W…) and scripts (S…) rules.
    assert {rule.code[:2] for rule in reslint.Linter(select="WS").rules} == {"WS"}
    assert {rule.code[:2] for rule in reslint.Linter(ignore="WS,WD").rules}.isdisjoint({"WS", "WD"})


@pytest.mark.parametrize("call", [reslint.lint, reslint.fix, reslint.structure])
def test_bytes_are_refused_with_a_hint(call: object) -> None:
    with pytest.raises(TypeError, match=r"text must be str, not bytes: decode it first"):
        call(TEXT.encode())  # type: ignore[operator]


def test_none_is_refused() -> None:
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        reslint.fix(None)  # type: ignore[arg-type]
