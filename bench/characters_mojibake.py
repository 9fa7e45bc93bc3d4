"""Mojibake repair (CH001) on the clean gold texts made into mojibake, per misreading.

    python bench/characters_mojibake.py

Each gold text (seeds, fr-typeset, udhr in six languages) is encoded in UTF-8 and read
back with a wrong codec (Windows-1252 as browsers do it, Latin-1, MacRoman, or
Windows-1252 twice); ``reslint.fix`` with the ``characters`` family (safe fixes only)
must restore it. Prints, per misreading: texts changed by the misreading, texts
restored exactly, lines left differing, and diagnostics on the clean originals (must be 0).

MacRoman is screened by its Latin signatures (``√`` and ``‚Ä``, lead bytes C3 and E2) and
by three-byte sequences (a lead ``‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ`` and two continuation bytes: CJK);
its two-byte Cyrillic leads read as ``– —``, common punctuation, so a wider screen would
send clean text to ftfy. Lines ftfy's heuristic leaves alone (``Pre√°mbulo``) are repaired
with the plan ftfy used on other lines of the document. ftfy never repairs Cyrillic in
MacRoman nor a lone ``‚Äê`` (U+2010), so Russian and English stay missed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import gold_texts, require_corpus  # noqa: E402

import reslint  # noqa: E402

CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def sloppy_cp1252(text: str) -> str:
    data = text.encode("utf-8")
    return "".join(chr(b) if b in CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in data)


MISREADINGS: dict[str, Callable[[str], str]] = {
    "utf-8 as windows-1252": sloppy_cp1252,
    "utf-8 as latin-1": lambda t: t.encode("utf-8").decode("latin-1"),
    "utf-8 as macroman": lambda t: t.encode("utf-8").decode("mac_roman"),
    "utf-8 as windows-1252, twice": lambda t: sloppy_cp1252(sloppy_cp1252(t)),
}


def main() -> int:
    require_corpus()
    texts = {p.parent.name + "/" + p.name: p.read_text(encoding="utf-8") for p in gold_texts()}
    clean_hits = sum(len(reslint.lint(t, select=["CH"])) for t in texts.values())
    print(f"{len(texts)} gold texts; characters diagnostics on the clean originals: {clean_hits}")
    print(f"{'misreading':<30}{'changed':>9}{'restored':>10}{'lines left':>12}")
    for name, misread in MISREADINGS.items():
        changed = restored = left = 0
        for text in texts.values():
            broken = misread(text)
            if broken == text:
                continue
            changed += 1
            fixed = reslint.fix(broken, select=["CH"]).text
            restored += fixed == text
            left += sum(a != b for a, b in zip(fixed.split("\n"), text.split("\n"), strict=False))
        print(f"{name:<30}{changed:>9}{restored:>10}{left:>12}")
    return 1 if clean_hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
