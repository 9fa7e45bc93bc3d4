"""The built-in language detection (plugin ``language``) on clean text in the six UN languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reslint.linter import Linter
from reslint_rules.language import detect

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "scripts"


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "ar", "zh"])
def test_udhr_source_is_detected(lang: str) -> None:
    text = (SOURCES / f"udhr_{lang}_source.txt").read_text(encoding="utf-8")
    assert detect(text) == lang


def test_seed_extraction_is_french_despite_its_artifacts() -> None:
    seed = (SOURCES.parent / "examples" / "fr__A_RES_72_194.seed.txt").read_text(encoding="utf-8")
    assert detect(seed) == "fr"


def test_too_little_evidence_gives_no_language() -> None:
    assert detect("") is None
    assert detect("A/80/75 25-05279 2/19") is None
    assert detect("Nations Unies") is None


def test_configured_language_wins_over_detection() -> None:
    linter = Linter(lang="en")
    assert linter.language("Le Conseil de sécurité et les États Membres de la région") == "en"
    french = "Le Conseil et les États Membres sont dans la région pour la paix et le développement."
    assert Linter().language(french) == "fr"
