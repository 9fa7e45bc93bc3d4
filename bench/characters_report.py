"""The ``characters`` and ``typography`` families on the real extractions: hits per rule.

    python bench/characters_report.py [--sample N]

Counts diagnostics per rule and extractor over ``../shared/corpus/un/text``, the udhr and
fr-typeset extractions (language detected per file), with the number of safe, unsafe and
report-only ones, then prints a few hits per rule in context to be judged by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, EXTRACTORS, require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402

FAMILIES = ["CH", "TY"]
CONTEXT = 30


def extractions() -> dict[str, list[Path]]:
    """Files per corpus part: the UN documents per extractor, then udhr and fr-typeset."""
    parts = {f"un/{name}": un_extractions(name) for name in EXTRACTORS}
    parts["udhr"] = sorted(CORPUS.glob("udhr/*/text/*.txt"))
    parts["fr-typeset"] = sorted(CORPUS.glob("fr-typeset/*/text/*.txt"))
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    require_corpus()
    counts: Counter[tuple[str, str]] = Counter()
    safety: dict[str, Counter[str]] = defaultdict(Counter)
    hits: dict[str, list[str]] = defaultdict(list)
    parts = extractions()
    for part, paths in parts.items():
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for d in reslint.lint(text, select=FAMILIES):
                counts[d.code, part] += 1
                safety[d.code][d.fix.applicability.value if d.fix else "report"] += 1
                context = text[max(0, d.start - CONTEXT) : d.end + CONTEXT]
                hits[d.code].append(f"{part}/{path.name}:{d.line} {d.message} | {context!r}")
    codes = sorted(safety)
    print(f"{'part':<22}" + "".join(f"{c:>7}" for c in codes))
    for part in parts:
        print(f"{part:<22}" + "".join(f"{counts[c, part]:>7}" for c in codes))
    print("\nfix safety per rule:")
    for code in codes:
        print(f"  {code}: {dict(safety[code])}")
    rng = random.Random(args.seed)
    for code in codes:
        print(f"\n{code}:")
        for line in rng.sample(hits[code], min(args.sample, len(hits[code]))):
            print(f"  {line[:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
