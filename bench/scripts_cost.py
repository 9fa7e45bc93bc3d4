"""Cost of the scripts family (SC) on clean text, against a one-regex rule (WS001).

    python bench/scripts_cost.py [--repeat 100]

Each udhr ``source.txt`` is repeated to about 0.3–1 MB; ``lint`` with ``--select SC`` is
timed against ``lint`` with ``--select WS001`` (one regex pass: about the cost of reading
the text at all), once the word list is loaded and the text's words looked up (both are
cached per process). Prints MB/s for both and the diagnostics found (target: 0).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus  # noqa: E402

import reslint  # noqa: E402


def _mb_per_s(text: str, select: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    found = reslint.lint(text, select=select)
    return len(text.encode()) / 1e6 / (time.perf_counter() - start), len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    require_corpus()
    start = time.perf_counter()
    reslint.lint("ةدحتملا ممألا", select=["SC"])
    print(f"plugins and the Arabic word list loaded in {time.perf_counter() - start:.2f} s\n")
    print("| text | MB | SC MB/s | WS001 MB/s | SC diagnostics |")
    print("|---|---|---|---|---|")
    for lang in ("en", "fr", "es", "ru", "ar", "zh"):
        text = (CORPUS / "udhr" / f"{lang}_dev" / "source.txt").read_text(encoding="utf-8")
        reslint.lint(text, select=["SC"])  # words looked up once per process
        text = "\n\n".join([text] * args.repeat)
        sc, found = _mb_per_s(text, ["SC"])
        base, _ = _mb_per_s(text, ["WS001"])
        print(f"| udhr {lang} source ×{args.repeat} | {len(text.encode()) / 1e6:.2f} | "
              f"{sc:.1f} | {base:.1f} | {found} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
