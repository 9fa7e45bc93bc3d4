"""Clean text in the six UN languages gets no diagnostic and no edit from the
``characters`` and ``typography`` families; the same text made into mojibake is repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

import reslint

FAMILIES = ["CH", "TY"]
CLEAN = {
    "udhr_en.txt": "en",
    "udhr_fr.txt": "fr",
    "udhr_es.txt": "es",
    "udhr_ru.txt": "ru",
    "udhr_ar.txt": "ar",
    "udhr_zh.txt": "zh",
    "fr_typeset_A_RES_72_194.txt": "fr",
    "fr_typeset_icdar_r252.txt": "fr",
    "fr_typeset_icdar_r258.txt": "fr",
}
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _read(fixtures_dir: Path, name: str) -> str:
    return (fixtures_dir / "characters" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "lang"), CLEAN.items())
@pytest.mark.parametrize("given_lang", [True, False], ids=["lang", "detected"])
def test_clean_text_has_no_diagnostic(fixtures_dir: Path, name: str, lang: str, given_lang: bool) -> None:
    text = _read(fixtures_dir, name)
    chosen = lang if given_lang else None
    assert reslint.lint(text, lang=chosen, select=FAMILIES) == []
    assert reslint.fix(text, lang=chosen, select=FAMILIES, unsafe=True).text == text


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252, undefined bytes kept as C1 controls (as browsers do)."""
    return "".join(chr(b) if b in CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in data)


@pytest.mark.parametrize("name", [n for n in CLEAN if n.startswith("udhr_")])
@pytest.mark.parametrize("misread", ["cp1252", "latin-1"])
def test_mojibake_of_clean_text_is_repaired(fixtures_dir: Path, name: str, misread: str) -> None:
    text = _read(fixtures_dir, name)
    data = text.encode("utf-8")
    broken = _sloppy_cp1252(data) if misread == "cp1252" else data.decode("latin-1")
    assert (broken == text) == (not reslint.lint(broken, select=["CH001"]))  # udhr_en is ASCII
    assert reslint.fix(broken, select=FAMILIES).text == text
