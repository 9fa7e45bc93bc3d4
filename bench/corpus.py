"""Locating the shared corpus (``../shared/corpus``) for benchmarks and accuracy reports."""

from __future__ import annotations

import os
from pathlib import Path

CORPUS = Path(os.environ.get("RESLINT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
EXTRACTORS = ("pdftotext", "pdftotext_layout", "pdfminer", "pypdf", "pymupdf", "pdfplumber")


def gold_texts() -> list[Path]:
    """Clean texts that must come out of ``fix`` with no token changed."""
    seeds = [
        p for p in sorted((CORPUS / "seeds" / "gold").glob("*.txt"))
        if not p.name.endswith((".footnotes.txt", ".masthead.txt"))
    ]
    typeset = [
        p for p in sorted(CORPUS.glob("fr-typeset/*/source.txt")) + sorted(CORPUS.glob("udhr/*/source.txt"))
        if "_kern" not in p.parent.name
    ]
    return seeds + typeset


def large_french_text() -> str:
    """One large clean file: the French gold texts (seeds, fr-typeset, udhr fr) joined, 8 times."""
    french = [p for p in gold_texts() if "udhr" not in str(p) or "fr_dev" in str(p)]
    return "\n\n".join(p.read_text(encoding="utf-8") for p in french) * 8


def un_extractions(extractor: str | None = None) -> list[Path]:
    """The real UN extractions, for one extractor or all six."""
    names = (extractor,) if extractor else EXTRACTORS
    return [p for name in names for p in sorted((CORPUS / "un" / "text" / name).glob("*.txt"))]


def require_corpus() -> None:
    if not CORPUS.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS} (set RESLINT_CORPUS)")
