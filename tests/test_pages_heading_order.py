"""PG007 (heading-order): heading numbers, and the move that keeps every character."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

import reslint
from reslint_rules.pages.headings import numbered

CASES_FILE = Path(__file__).parent / "rule_cases" / "PG007.toml"
CASES = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Article 12", ("article", 12)),
        ("  Artículo 15.  ", ("artículo", 15)),
        ("Статья 3", ("статья", 3)),
        ("\u202bالمادة 8\u202c", ("المادة", 8)),
        ("Article premier", ("article", 1)),
        ("第十二条", ("第条", 12)),
        ("第二十条", ("第条", 20)),
        ("第一百十五条", ("第条", 115)),
        ("Page 3", None),
        ("8 Artículo", None),
        ("All human beings are born free", None),
    ],
)
def test_numbered_heading(line: str, expected: tuple[str, int] | None) -> None:
    assert numbered(line) == expected


@pytest.mark.parametrize("case", [c for c in CASES if c["positions"]], ids=lambda c: c["name"][:40])
def test_move_keeps_every_character(case: dict[str, object]) -> None:
    text = str(case["text"])
    result = reslint.fix(text, config={"select": ["PG007"]}, unsafe=True, lang=case.get("lang"))  # type: ignore[arg-type]
    assert result.text != text
    assert Counter(result.text) == Counter(text)
    assert [d.code for d in result.applied] == ["PG007"] * len(case["positions"])  # type: ignore[arg-type]


def test_safe_fix_leaves_the_text() -> None:
    """The move is unsafe: a safe fix never applies it."""
    for case in CASES:
        text, lang = case["text"], case.get("lang")
        assert reslint.fix(text, config={"select": ["PG007"]}, lang=lang).text == text
