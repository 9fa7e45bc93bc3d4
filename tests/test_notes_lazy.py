"""The footnote analysis (``rules/notes.py``) and the masthead readings compile no pattern while
imported, and the line readings ``notes.py`` keeps by text (``LINE_CACHE``) give the analysis
read afresh: a pass of the fix loop that finds them cached pairs the same bodies and markers
(and finds the same masthead readings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_lazy_pattern import EAGER_COMPILES

from reslint.api import Document
from reslint_rules import masthead_readings, notes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
CACHED = (
    notes.clean,
    notes._number,
    notes._prose,
    notes._mirrored_furniture,
    notes._ordered,
    notes._line_markers,
)


def test_importing_the_notes_and_masthead_readings_compiles_no_pattern() -> None:
    run = subprocess.run([sys.executable, "-c", EAGER_COMPILES], capture_output=True, text=True, check=True)
    modules = ("reslint_rules.notes", "reslint_rules.masthead_readings")
    assert [name for name in run.stdout.split() if name.startswith(modules)] == []


def analysis(text: str) -> tuple[list[tuple[str, list[int]]], list[notes.Marker], set[int]]:
    """The bodies (number, segment indices), the markers and the trailing bodies of ``text``."""
    found = notes.notes(Document(text))
    bodies = [(n.number, [s.index for s in n.segments]) for n in found.notes]
    return bodies, found.markers, found.trailing


def test_cached_line_readings_give_the_analysis_read_afresh() -> None:
    for name in ("typeset_A_RES_72_194_pdftotext.txt", "typeset_A_RES_72_194_pypdf.txt"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        for reading in CACHED:
            reading.cache_clear()
        fresh = analysis(text)
        assert [n for n, _ in fresh[0]] == ["1", "2", "3", "4", "5", "6"]
        assert all(reading.cache_info().currsize for reading in CACHED[:3])
        assert analysis(text) == fresh


def test_a_cached_masthead_reading_is_the_reading_afresh() -> None:
    for name in ("un_DP_2025_L.2_pypdf.txt", "udhr_ar_dev_pdftotext_page1.txt"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        masthead_readings._top_readings.cache_clear()
        fresh = masthead_readings.read_masthead(Document(text))
        assert {"United Nations", "الأمم المتحدة"} & {reading for _, reading in fresh}
        assert masthead_readings.read_masthead(Document(text)) == fresh
        assert masthead_readings._top_readings.cache_info().hits == 1
