"""WS003–WS007 on real extractor excerpts: positions located independently, fixes, idempotence.

Each expected artifact is written with its gap in brackets (``BiH⟦ ⟧’s``). The test finds
every occurrence of the artifact in the file with ``str.find`` and counts lines and
columns itself, so the engine's own offset → line:col mapping is checked too.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import reslint

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
CODES = ["WS003", "WS004", "WS005", "WS006", "WS007"]
KEPT = set("/’'-")  # besides letters and digits, never lost by a fix

EXPECTED: dict[str, dict[str, list[str]]] = {
    "whitespace/en__S_2025_284.pdftotext.txt": {
        "WS005": ["first⟦ ⟧-instance"],
        "WS006": ["BiH⟦ ⟧’s", "Prosecutor⟦ ⟧’s", "Schmidt⟦ ⟧’s"],
    },
    "whitespace/en__E_2025_28.pdfminer.txt": {
        "WS004": ["(⟦ ⟧E/CN.7/2025/3-"],
        "WS005": ["open⟦ ⟧-ended", "drug⟦ ⟧-related"],
    },
    "whitespace/en__A_39_361.pymupdf.txt": {
        "WS003": ["York⟦ ⟧.\n", "38/402)⟦ ⟧.", "Timor⟦ ⟧."],
        "WS005": ["then-Director⟦ ⟧-Ceneral"],
    },
    "whitespace/fr__A_RES_72_194_kern.pdfminer.txt": {
        "WS007": ["L⟦ ⟧’Assemblée", "l⟦ ⟧’assistance", "qu⟦ ⟧’il", "s⟦ ⟧’attaquer",
                  "d⟦ ⟧’action", "c⟦ ⟧’est", "d⟦ ⟧’appliquer"],
    },
    "examples/fr__A_RES_72_194.seed.txt": {
        "WS007": ["l⟦ ⟧’élaboration", "l⟦ ⟧’a ", "c⟦ ⟧’est"],
    },
    "examples/en__A_80_61.pdfminer.txt": {
        "WS003": ["forms⟦ ⟧. Rome"],
        "WS004": ["(⟦ ⟧IFAD)"],
        "WS005": ["UN⟦ ⟧-Nutrition", "run⟦ ⟧-up"],
    },
    "examples/en__A_RES_73_3.pdftotext-layout.txt": {
        "WS005": ["high⟦ ⟧-level"],
        "WS006": ["Women⟦ ⟧’s"],
    },
    "examples/en__S_2025_411.pypdf.txt": {
        "WS003": ["(2015)⟦ ⟧,", "deal”⟦ ⟧,"],
        "WS004": ["(⟦ ⟧A/79/82", "(⟦ ⟧S/2025/358)"],
        "WS005": ["six⟦ ⟧-month", "Secretary⟦ ⟧-General", "re⟦ ⟧-emphasized"],
        "WS006": ["Iran⟦ ⟧’s", "Iran’⟦ ⟧s", "E3’⟦ ⟧s"],
    },
    "examples/fr__E_ICEF_672_PartI.pdftotext.txt": {
        "WS004": ["partie⟦ ⟧)"],
    },
    "whitespace/fr__A_RES_72_194.gold.txt": {},
    "whitespace/en__udhr.gold.txt": {},
}


def _split(marked: str) -> tuple[str, int, str]:
    """(artifact as in the text, offset of the gap in it, repaired form)."""
    head, rest = marked.split("⟦", 1)
    gap, tail = rest.split("⟧", 1)
    return head + gap + tail, len(head), head + tail


def _positions(text: str, artifact: str, gap: int) -> list[tuple[int, int]]:
    found, start = [], text.find(artifact)
    while start != -1:
        offset = start + gap
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        found.append((line, column))
        start = text.find(artifact, start + 1)
    return found


def _kept(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isalnum() or c in KEPT)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_positions_fix_and_idempotence(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    expected = set()
    for code, artifacts in EXPECTED[name].items():
        for marked in artifacts:
            artifact, gap, _ = _split(marked)
            where = _positions(text, artifact, gap)
            assert where, f"{artifact!r} not in {name}"
            expected.update((code, line, column) for line, column in where)
    found = {(d.code, d.line, d.column) for d in reslint.lint(text, select=CODES)}
    assert found == expected

    fixed = reslint.fix(text, select=CODES, unsafe=True).text
    for artifacts in EXPECTED[name].values():
        for marked in artifacts:
            artifact, _, repaired = _split(marked)
            assert artifact not in fixed
            assert fixed.count(repaired) >= text.count(artifact)
    assert _kept(fixed) == _kept(text)

    once = reslint.fix(text, select=["WS"], unsafe=True).text
    assert reslint.fix(once, select=["WS"], unsafe=True).text == once
    if not EXPECTED[name]:  # clean gold text: no edit at all
        assert once == text
