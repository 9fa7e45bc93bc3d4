"""Tanween fath printed apart from its word (SC010, and SC012 for ``-layout`` rows) on real
pdftotext output of udhr ar_dev, articles 7-11, bidi controls and all: the lines come out as
in the source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex

import reslint

SELECT = ["SC"]
ALNUM = regex.compile(r"[\p{L}\p{N}]")
FIXTURES = ["udhr_ar_pdftotext_articles_7_11.txt", "udhr_ar_pdftotext_layout_articles_7_11.txt"]
SOURCE_LINES = [
    "لا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفاً.",
    "نزيهة نظراً عادلاً علنياً للفصل في حقوقه والتزاماته وأية تهمة جنائية توجه له.",
    "1. كل شخص متهم بجريمة يعتبر بريئاً إلى أن تثبت إدانته قانوناً بمحاكمة علنية تؤمن له فيها",
    "2. لا يدان أي شخص من جراء أداء عمل أو الإمتناع عن أداء عمل إلاّ إذا كان ذلك يعتبر جرماً وفقاً",
]


def _read(fixtures_dir: Path, name: str) -> str:
    return (fixtures_dir / "scripts" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FIXTURES)
def test_pieces_come_back_as_source_lines(fixtures_dir: Path, name: str) -> None:
    fixed = reslint.fix(_read(fixtures_dir, name), select=SELECT).text
    lines = [line.strip() for line in fixed.splitlines()]
    for line in SOURCE_LINES:
        assert line in lines
    assert any(line.startswith("لهم جميعاً الحق في حماية متساوية") for line in lines)
    assert "ً" not in lines


@pytest.mark.parametrize("name", FIXTURES)
def test_letters_kept_and_fix_idempotent(fixtures_dir: Path, name: str) -> None:
    text = _read(fixtures_dir, name)
    fixed = reslint.fix(text, select=SELECT, unsafe=True).text
    assert Counter(ALNUM.findall(fixed)) == Counter(ALNUM.findall(text))
    assert fixed.count("\u064b") == text.count("\u064b")
    assert reslint.fix(fixed, select=SELECT, unsafe=True).text == fixed


def test_evidence_names_the_first_piece(fixtures_dir: Path) -> None:
    text = reslint.fix(_read(fixtures_dir, FIXTURES[0]), select=SELECT, ignore=["SC010"]).text
    found = reslint.lint(text, select=["SC010"])
    assert any("1. كل شخص" in (d.evidence or "") for d in found)


def test_layout_rows_left_to_the_other_rules_without_sc012(fixtures_dir: Path) -> None:
    """SC012's fixes go first where they start with another rule's (its ``fix_priority``);
    without it, SC001 still takes the bidi controls out of those rows."""
    text = _read(fixtures_dir, FIXTURES[1])
    fixed = reslint.fix(text, select=SELECT, ignore=["SC012"]).text
    assert not regex.search("[\u202a-\u202e]", fixed)
    assert reslint.lint(text, select=["SC012"])
