"""The scripts family (SC) on udhr excerpts: clean text untouched, extractions repaired."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex

import reslint

SELECT = ["SC"]
ALNUM = regex.compile(r"[\p{L}\p{N}]")


def _read(fixtures_dir: Path, name: str) -> str:
    return (fixtures_dir / "scripts" / name).read_text(encoding="utf-8")


def _letters(text: str) -> Counter[str]:
    return Counter(ALNUM.findall(text))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "ar", "zh"])
def test_clean_source_gets_no_diagnostic(fixtures_dir: Path, lang: str) -> None:
    text = _read(fixtures_dir, f"udhr_{lang}_source.txt")
    assert reslint.lint(text, select=SELECT) == []
    assert reslint.lint(text, lang=lang, select=SELECT) == []


@pytest.mark.parametrize(
    "name",
    [
        "udhr_ar_pdfplumber.txt",
        "udhr_ar_pdfminer.txt",
        "udhr_ar_pdftotext.txt",
        "udhr_ar_pymupdf.txt",
        "udhr_zh_kern_pdfminer.txt",
    ],
)
def test_fix_keeps_letters_and_is_idempotent(fixtures_dir: Path, name: str) -> None:
    text = _read(fixtures_dir, name)
    fixed = reslint.fix(text, select=SELECT, unsafe=True).text
    assert fixed != text
    assert _letters(fixed) == _letters(text)
    assert reslint.fix(fixed, select=SELECT, unsafe=True).text == fixed


@pytest.mark.parametrize(
    "name", ["udhr_ar_pdfplumber.txt", "udhr_ar_pdftotext.txt", "udhr_ar_pymupdf.txt"]
)
def test_arabic_lines_come_out_as_in_the_source(fixtures_dir: Path, name: str) -> None:
    fixed = reslint.fix(_read(fixtures_dir, name), select=SELECT).text
    for line in (
        "هو أساس الحرية والعدل والسلام في العالم.",
        "التمرد على الاستبداد والظلم.",
    ):
        assert line in fixed.splitlines()


def test_visual_order_evidence_names_the_words(fixtures_dir: Path) -> None:
    found = reslint.lint(_read(fixtures_dir, "udhr_ar_pdfplumber.txt"), select=["SC003"])
    assert found
    assert all(d.evidence and "known only reversed" in d.evidence for d in found)
    assert any("ةدحتملا→المتحدة" in (d.evidence or "") for d in found)


def test_chinese_kern_gaps_removed(fixtures_dir: Path) -> None:
    fixed = reslint.fix(_read(fixtures_dir, "udhr_zh_kern_pdfminer.txt"), select=SELECT).text
    source = _read(fixtures_dir, "udhr_zh_source.txt")
    assert "世界人权宣言1" in fixed
    assert "鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利" in fixed
    assert not regex.search(r"\p{Han} +\p{Han}", fixed)
    assert "，" in fixed and "，" in source


@pytest.mark.parametrize("name", ["udhr_ar_kern_pdfminer.txt", "udhr_ar_kern_pdfplumber.txt"])
def test_arabic_kerning_letters_removed(fixtures_dir: Path, name: str) -> None:
    """LibreOffice's ``o`` at a widened letter gap goes, in visual order too (pdfminer cuts
    the line into three at it); only those letters are lost."""
    text = _read(fixtures_dir, name)
    fixed = reslint.fix(text, select=SELECT).text
    lost = _letters(text) - _letters(fixed)
    assert lost == Counter({"o": 3})
    assert not _letters(fixed) - _letters(text)
    lines = fixed.splitlines()
    assert "وهيئة في المجتمع، واضعين على الدوام هذا الإعلان نصب أعينهم، إلى توطيد احترام هذه الحقوق" in lines
    assert "ومراعاتها بصورة عالمية فعالة بين الدول الأعضاء ذاتها وشعوب البقاع الخاضعة لسلطانها." in lines
    assert reslint.fix(fixed, select=SELECT).text == fixed
