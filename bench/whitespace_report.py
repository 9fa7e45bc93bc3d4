"""Whitespace family on the seeds and the real UN extractions: hits per rule, and samples.

    python bench/whitespace_report.py [--sample N] [--seed S] [--codes WS003,WS005]

Prints, for every WS rule, the number of diagnostics in ``../shared/corpus/seeds/*.txt``
and per extractor over ``../shared/corpus/un/text/<extractor>/*.txt`` (language detected
per file) and how many of them have only an unsafe fix, then a reproducible random
sample of hits with their context, to be judged by hand. The judged precision of those
samples is kept in ``JUDGED`` and printed at the end. WS007 has ground truth of its own:
``bench/whitespace_french.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, EXTRACTORS, require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402
from reslint.api import Applicability  # noqa: E402

CODES = ("WS001", "WS002", "WS003", "WS004", "WS005", "WS006", "WS007")
CONTEXT = 30
# Hand-judged samples (default options: 30 hits per rule, seed 1; 2026-11-23):
# (true artifacts, judged, note). "True" means the space is an extraction artifact and the
# fix gives the intended text.
JUDGED: dict[str, tuple[int, int, str]] = {
    "WS001": (30, 30, "spaces and tabs before a line end"),
    "WS002": (30, 30, "doubled inter-word spaces, pdfminer justified lines (2 in OCR noise)"),
    "WS003": (25, 30, "the 5 false hits are OCR noise of two 1970s scans (`1.w ,i·/`, `UM . &`); "
                      "25/25 elsewhere (`behind ,`, `Court .”`, `(2015) ,`, `William J .`)"),
    "WS004": (30, 30, "`( A/79/166,`, `( IFAD)`, `item 13 )`, `partie )`; before the partner "
                      "check 20/30, the 10 false hits OCR noise of ST/CS/SER.F/313 (`' ( lco ->`)"),
    "WS005": (30, 30, "`UN -Nutrition`, `COVID -19`, `20 -ton`, `UNODC -United Nations`, `al -Qura`"),
    "WS006": (30, 30, "`BiH ’s`, `Group ’s`, `Constitution ’s` (two Word 2025 documents)"),
    "WS007": (12, 12, "all 12 in the seed A/RES/72/194; on fr-typeset _kern see whitespace_french.py"),
}


def groups() -> dict[str, list[Path]]:
    found = {"seeds": sorted((CORPUS / "seeds").glob("*.txt"))}
    found.update((extractor, un_extractions(extractor)) for extractor in EXTRACTORS)
    return found


def collect(codes: tuple[str, ...]) -> tuple[Counter[tuple[str, str]], list[tuple[str, str, str]]]:
    """Hit counts per (code, group) and every hit as (code, where, context)."""
    counts: Counter[tuple[str, str]] = Counter()
    hits: list[tuple[str, str, str]] = []
    for group, paths in groups().items():
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for d in reslint.lint(text, select=list(codes)):
                counts[d.code, group] += 1
                if d.fix is not None and d.fix.applicability is not Applicability.SAFE:
                    counts[d.code, "unsafe"] += 1
                before = text[max(0, d.start - CONTEXT) : d.start]
                after = text[d.end : d.end + CONTEXT]
                context = f"{before}⟦{text[d.start:d.end]}⟧{after}".replace("\n", "⏎")
                hits.append((d.code, f"{group}/{path.name}:{d.line}:{d.column}", context))
    return counts, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=30, help="hits shown per rule")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--codes", default=",".join(CODES))
    args = parser.parse_args()
    require_corpus()
    codes = tuple(args.codes.split(","))
    counts, hits = collect(codes)
    names = ["seeds", *EXTRACTORS, "unsafe"]
    print("code   " + " ".join(f"{e:>16}" for e in names))
    for code in codes:
        print(f"{code}  " + " ".join(f"{counts[code, e]:>16}" for e in names))
    rng = random.Random(args.seed)
    for code in codes:
        mine = [h for h in hits if h[0] == code]
        print(f"\n## {code}: {len(mine)} hits, sample of {min(args.sample, len(mine))}")
        for _, where, context in rng.sample(mine, min(args.sample, len(mine))):
            print(f"{where}  {context!r}")
    print("\n## judged precision (samples of the run recorded in JUDGED)")
    for code, (good, judged, note) in JUDGED.items():
        print(f"{code}: {good}/{judged} true artifacts — {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
