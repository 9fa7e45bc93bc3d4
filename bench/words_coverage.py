"""Which word list knows the words of clean UN text: wordfreq or pyspellchecker?

    python bench/words_coverage.py

For each language, the share of word tokens of the gold texts (seeds, fr-typeset and udhr
sources) that each list does not know, and the load time of each list.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, gold_texts, require_corpus  # noqa: E402

WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")


def lang_of(path: Path) -> str:
    if "udhr" in path.parts:
        return path.parent.name.split("_")[0]
    return "fr"


def main() -> int:
    require_corpus()
    import wordfreq
    from spellchecker import SpellChecker

    tokens: dict[str, list[str]] = defaultdict(list)
    for path in gold_texts():
        tokens[lang_of(path)] += [w.lower() for w in WORD.findall(path.read_text(encoding="utf-8"))]
    print(f"gold texts under {CORPUS}")
    print("| lang | tokens | wordfreq OOV | load | pyspellchecker OOV | load |\n|---|---|---|---|---|---|")
    for lang in ("fr", "en", "es", "ru", "ar"):
        words = tokens.get(lang)
        if not words:
            continue
        start = time.process_time()
        table = wordfreq.get_frequency_dict(lang)
        wf_load = time.process_time() - start
        start = time.process_time()
        speller = SpellChecker(language=lang)
        sp_load = time.process_time() - start
        known = speller.word_frequency.dictionary
        wf_oov = sum(w not in table for w in words) / len(words)
        sp_oov = sum(w not in known for w in words) / len(words)
        print(f"| {lang} | {len(words)} | {wf_oov:.2%} | {wf_load:.2f} s | {sp_oov:.2%} | {sp_load:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
