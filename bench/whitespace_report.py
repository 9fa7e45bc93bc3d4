"""Whitespace family on the real UN extractions: hits per rule and extractor, and samples.

    python bench/whitespace_report.py [--sample N] [--seed S] [--codes WS003,WS005]

Prints, for every WS rule, the number of diagnostics per extractor over
``../shared/corpus/un/text/<extractor>/*.txt`` (language detected per file), then a
reproducible random sample of hits with their context, to be judged by hand. The judged
precision of the last run is kept in ``JUDGED`` below and printed at the end.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EXTRACTORS, require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402

CODES = ("WS001", "WS002", "WS003", "WS004", "WS005", "WS006", "WS007")
CONTEXT = 30
# Hand-judged samples of 30 hits per rule (seed 1): (true artifacts, judged, note).
JUDGED: dict[str, tuple[int, int, str]] = {}


def collect(codes: tuple[str, ...]) -> tuple[Counter[tuple[str, str]], list[tuple[str, str, str]]]:
    """Hit counts per (code, extractor) and every hit as (code, where, context)."""
    counts: Counter[tuple[str, str]] = Counter()
    hits: list[tuple[str, str, str]] = []
    for extractor in EXTRACTORS:
        for path in un_extractions(extractor):
            text = path.read_text(encoding="utf-8")
            for d in reslint.lint(text, select=list(codes)):
                counts[d.code, extractor] += 1
                before = text[max(0, d.start - CONTEXT) : d.start]
                after = text[d.end : d.end + CONTEXT]
                context = f"{before}⟦{text[d.start:d.end]}⟧{after}".replace("\n", "⏎")
                hits.append((d.code, f"{extractor}/{path.name}:{d.line}:{d.column}", context))
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
    print("code   " + " ".join(f"{e:>16}" for e in EXTRACTORS))
    for code in codes:
        print(f"{code}  " + " ".join(f"{counts[code, e]:>16}" for e in EXTRACTORS))
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
