"""CPU cost of the shared page layout analysis (``rules/layout.py``) on the real extractions.

    python bench/layout_cost.py [--repeat 3]

The analysis behind the page, UN and footnote rules (``--profile`` charges it to the first of
them that asks, usually FN001), timed alone in one process on the UN extractions of all six
extractors and the fr-typeset texts: best CPU seconds of ``--repeat`` runs, and MB/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus, un_extractions  # noqa: E402

from reslint.api import Document  # noqa: E402
from reslint_rules.layout import layout  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs (the fastest is kept)")
    args = parser.parse_args()
    require_corpus()
    files = un_extractions() + sorted(CORPUS.glob("fr-typeset/*/text/*.txt"))
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in files]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(args.repeat):
        docs = [Document(t) for t in texts]  # fresh documents: the layout is memoised per document
        started = time.process_time()
        for doc in docs:
            layout(doc)
        best = min(best, time.process_time() - started)
    print(f"layout of {len(texts)} files ({megabytes:.2f} MB): {best:.2f} s CPU, {megabytes / best:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
