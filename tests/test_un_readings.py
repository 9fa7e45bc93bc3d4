"""The readings UN006 gives old capitals mastheads and Arabic mastheads (``rules/un/readings.py``)."""

from __future__ import annotations

from reslint_rules.un.readings import logical, readings, undoubled


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
