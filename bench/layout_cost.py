"""CPU cost of the shared page layout analysis (``rules/layout.py``) on the real extractions.

    python bench/layout_cost.py [--repeat 3]

The analysis behind the page, UN and footnote rules (``--profile`` charges it to the first of
them that asks, usually FN001), timed alone in one process on the UN extractions of all six
extractors and the fr-typeset texts: best CPU seconds of ``--repeat`` runs, and MB/s. Each text
is read twice: first with the line caches cleared (what ``check`` pays), then again with the
lines just read in them (what a pass of the fix loop pays for the lines it did not change).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus, un_extractions  # noqa: E402

from reslint.api import Document  # noqa: E402
from reslint_rules.layout import LINE_READINGS, layout  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs (the fastest is kept)")
    args = parser.parse_args()
    require_corpus()
    files = un_extractions() + sorted(CORPUS.glob("fr-typeset/*/text/*.txt"))
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in files]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    first = again = float("inf")
    for _ in range(args.repeat):
        for reading in LINE_READINGS:
            reading.cache_clear()
        first = min(first, _time(texts, twice=False))
        again = min(again, _time(texts, twice=True))
    print(f"layout of {len(texts)} files ({megabytes:.2f} MB):")
    for name, seconds in (("first reading", first), ("read again", again)):
        print(f"  {name}: {seconds:.2f} s CPU, {megabytes / seconds:.2f} MB/s")
    return 0


def _time(texts: list[str], twice: bool) -> float:
    """CPU seconds of the layouts of ``texts``; if ``twice``, of the second of two readings of
    each (a fresh document each time: the layout is memoised per document)."""
    spent = 0.0
    for text in texts:
        if twice:
            layout(Document(text))
        doc = Document(text)
        started = time.process_time()
        layout(doc)
        spent += time.process_time() - started
    return spent


if __name__ == "__main__":
    sys.exit(main())
