"""The readings UN006 gives old capitals mastheads and Arabic mastheads (``rules/masthead_readings.py``)."""

from __future__ import annotations

import reslint
from reslint_rules.masthead_readings import logical, readings, undoubled


def test_visual_order_line_read_in_reading_order() -> None:
    # pdfplumber's udhr ar masthead date: Arabic words reversed, digit runs kept the right way.
    assert logical("1948 ربمسيد/لوألا نوناك 10") == "10 كانون الأول/ديسمبر 1948"


def test_bold_doubling_undone_only_when_exact() -> None:
    assert undoubled("UUNNIITTEEDD") == "UNITED"
    assert undoubled("UNITEDUNITED") == "UNITED"
    assert undoubled("ASSESS") == "ASSESS"
    assert undoubled("COCOA") == "COCOA"


def test_capitals_organ_label_and_series_letter() -> None:
    top = ["UNITED", "NATIONS", "ORIGINAL:", "ENGLISH", "A", "A/48/653"]
    organ, symbol = "United Nations", "A/48/653"
    assert readings(top) == [organ, organ, "Original:", "English", symbol, symbol]


def test_capitals_outside_the_closed_lists_read_as_printed() -> None:
    top = ["UNITED", "KINGDOM", "ENGLISH TEXT", "ONLY", "E", "A/48/653"]
    assert readings(top) == top
    languages = ["ENGLISH ONLY", "English, French and Spanish only"]
    assert readings(languages) == ["English", "English French Spanish"]


def test_mirrored_parenthesis_and_arabic_order() -> None:
    top = [")A/RES/217 A (III", "الأمم المتحدة", "ةدحتملا ممألا"]
    assert readings(top) == ["A/RES/217 A (III)", "الأمم المتحدة", "ةدحتملا ممألا"]
    assert readings(["ةدحتملا ممألا"], visual=True) == ["الأمم المتحدة"]


def test_structure_counts_a_capitals_masthead_as_furniture() -> None:
    """pdftotext's A/48/653: the lines UN006 reads as masthead leave the structure's body too."""
    text = (
        "UNITED\nNATIONS\n\nA\nGeneral Assembly\nDistr.\nGENERAL\nA/48/653\n29 November 1993\n"
        "ORIGINAL:\n\nENGLISH\n\nForty-eighth session\nAgenda items 117 and 18\n\n"
        "The Special Committee continued its consideration of the question at its meetings.\n"
    )
    parts = reslint.structure(text)
    masthead = {item["text"] for item in parts["furniture"] if item["kind"] == "masthead"}
    assert {"UNITED", "NATIONS", "A", "ENGLISH"} <= masthead
    assert not {"UNITED", "NATIONS", "A"} & set(parts["body"])
    assert parts["body"][-1].startswith("The Special Committee")
    flagged = {text.splitlines()[d.line - 1] for d in reslint.lint(text, select=["UN006"])}
    assert masthead <= flagged
