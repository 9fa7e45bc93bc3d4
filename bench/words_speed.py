"""Cost of the `words` rules: dictionary load per language and lint throughput per rule
(CPU time of this process, the best of ``REPEAT`` runs, so that a loaded machine does not skew it).

    python bench/words_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402
from reslint_rules.words.evidence import frequencies  # noqa: E402

RULES = ("WD001", "WD002", "WD003", "WD004", "WD005")
REPEAT = 3


def cpu_seconds(text: str, code: str, fix: bool = False) -> float:
    """The least CPU time of ``REPEAT`` lints (or fix loops) of ``text`` with rule (or family) ``code``."""
    run = reslint.fix if fix else reslint.lint
    times = []
    for _ in range(REPEAT):
        start = time.process_time()
        run(text, lang="en", select=[code])
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    require_corpus()
    start = time.process_time()
    import wordfreq  # noqa: F401

    print(f"import wordfreq: {time.process_time() - start:.2f} s")
    for lang in ("fr", "en", "es", "ru", "ar"):
        start = time.process_time()
        table = frequencies(lang)
        print(f"load {lang}: {time.process_time() - start:.2f} s ({len(table):,} words)")
    text = "\n".join(p.read_text(encoding="utf-8") for p in un_extractions("pdftotext"))
    size = len(text.encode("utf-8")) / 1e6
    print(f"\n{size:.1f} MB of UN pdftotext extractions (lang en)")
    print("| rule | s | MB/s |\n|---|---|---|")
    for code in (*RULES, "WD"):
        elapsed = cpu_seconds(text, code)
        print(f"| {code} | {elapsed:.2f} | {size / elapsed:.2f} |")
    # The fix loop lints again until the text settles: what the words rules keep across documents
    # (`evidence.shared_memo`) serves its later passes (and, here, the later repeats).
    elapsed = cpu_seconds(text, "WD", fix=True)
    print(f"| WD --fix | {elapsed:.2f} | {size / elapsed:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
