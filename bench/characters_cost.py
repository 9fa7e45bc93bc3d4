"""Cost of the ``characters`` and ``typography`` families on clean text (the pre-screens).

    python bench/characters_cost.py [--repeat N]

Over the clean gold texts (``bench/corpus.gold_texts``: seeds, fr-typeset, udhr in six
languages) it times, per file and taking the best of N runs:

- ``read``: reading the file (open, decode UTF-8): what any tool pays to see the text;
- ``document``: building the :class:`reslint.api.Document` (line index) rules work on;
- ``detect``: language detection, which a run pays when no ``lang`` is configured;
- each family, and each rule alone: the time of the rules' ``check`` on a fresh document
  (its memo empty; building it is not counted). The engine's own per-rule overhead
  (watchdog, sorting) is not counted either: it is the same for every rule.

The target: a family's cost on clean text stays within 20 % of ``read + document``
(reading the text at all). The same for one large clean file (scans grow with the text,
language detection reads 20,000 characters at most), then for the real UN extractions,
where the screens fire and ftfy runs. A table per language follows the rules.

What clean text still pays: the family's one ``re`` character-class scan (its screen), the
letter-spacing candidates (space, letter, spaces, letter: a match attempt at every space) and the walk over
the punctuation marks (TY001/TY002). In CPython 3.11 a character-class scan costs 5–9 ns per
character, about read + document on its own, so the 20 % target needs a C-level scan that
the standard library lacks: UTF-16 + ``bytes.translate`` + big-integer AND, charmap
encoding, ``set(text)``, the ``regex`` module and ``str.split`` all measured as slow or slower.

Where the time goes today (2026-11-24, the large French file, best of 15, CPU time): CH+TY
9.2 ms, 344 % of read + document (276 % on the clean gold texts). The screen 3.3 ms; CH008's
candidate scan 3.0 ms; TY001 1.7 ms, of which the walk over the 968 marks takes 1.0 ms and the
eight ``str.find`` passes 0.4 ms, its check 0.2 ms; CH006's ``(cid:`` search 0.45 ms. Tried and kept: the walk
finds the marks in its own loop instead of a generator (0.1 ms, 7 % of the walk). Tried and dropped, no
result changed by any of them:

    screen, its Latin-1 part alone (a 256-bit bitmap)  3.6–4.4 ms  (whole class 3.3–3.8 ms)
    screen, Latin-1 part + the rest, two scans          7.7 ms
    CH008 candidate `` \\w +\\w `` (today)                3.0 ms
    the same with ``regex``                             5.8 ms
    ``(?<= )\\w +\\w `` / ``\\b\\w +\\w ``                   9–15 / 17 ms

``re`` pays its loop per character whatever the class (a bitmap is no faster than the
big-charset lookup), and `` \\w +\\w `` makes one match attempt per space (119,000 in the
file, 25 ns each): no literal longer than the space anchors a letter-spaced run.

Native scanners were measured too (2026-11-24, the large French file: 0.76 M characters,
read + document 2.69 ms, so the 20 % budget is 0.54 ms; best of 15, CPU time):

    re screen (today)               3.34 ms  124 %
    str.isprintable() per line      1.92 ms   71 %   (and it passes NBSP, NNBSP and ﬁ wrongly)
    google-re2 screen on the str    2.54 ms   95 %   (encodes to UTF-8 inside)
    str.encode("utf-8") alone       1.24 ms   46 %
    hyperscan screen, UTF-8 bytes   0.29 ms   11 %   (+ 24 ms import, 210 ms compile)
    hyperscan, screen + CH008/TY001 2.58 ms   95 %   (Unicode letter classes; bytes given)

Only hyperscan on bytes the engine already holds (the file as read, before decoding) fits,
and only for the screen: the letter-spacing and French-punctuation patterns need Unicode
letter classes, which cost it as much as ``re``; hyperscan cannot scan UTF-16/32 code
units aligned (accented Latin letters match private-use ranges one byte off).

C compiled for these rules does not reach it in a plain loop either (``bench/native_floor.py``,
2026-11-24, same file, ``cc -O3 -march=native``): one table lookup per character alone costs
0.26 ms (10 %); one fused scalar pass that finds the screen's characters, the 984 marks and
CH008's candidates costs 1.08 ms (41 %); a vectorised ASCII-or-control prefilter 0.15 ms (6 %).
Only a hand-vectorised scanner that also does TY001's walk over the marks (1.0 ms in Python,
about 1 µs a mark) could fit: the rules' judgement would move into C beside its Python twin,
against the plugin design (rules are pure-Python pluggy plugins) for about 7 ms per 0.8 MB of
clean text. Not done: a decision for the team, recorded in issue 6.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import gold_texts, large_french_text, require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402
from reslint.api import Document, Rule  # noqa: E402

FAMILIES = ("CH", "TY")


def best(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time (seconds) of ``repeat`` calls of ``run`` (``bench/native_floor.py`` too)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def measure(paths: list[Path], repeat: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in paths]
    size = sum(len(t.encode("utf-8")) for t in texts)
    everything = reslint.Linter(select=list(FAMILIES))
    langs = [everything.language(t) for t in texts]
    everyone = list(range(len(paths)))

    def total(run: Callable[[Path, str, str | None], object], only: list[int] = everyone) -> float:
        """Best time of ``run`` on each file (or those ``only``), summed."""
        return sum(best(functools.partial(run, paths[i], texts[i], langs[i]), repeat) for i in only)

    def checks(rules: list[Rule], only: list[int] = everyone) -> float:
        """Best time of the rules' checks on each text (or those ``only``), a fresh document every run."""
        spent = 0.0
        for i in only:
            text, lang = texts[i], langs[i]
            times = []
            for _ in range(repeat):
                doc = Document(text, lang=lang)
                start = time.process_time()
                for rule in rules:
                    if rule.applies_to(lang):
                        list(rule.check(doc, everything.options.get(rule.family, {})))
                times.append(time.process_time() - start)
            spent += min(times)
        return spent

    read = total(lambda p, t, lang: p.read_text(encoding="utf-8"))
    document = total(lambda p, t, lang: Document(t, lang=lang))
    detect = total(lambda p, t, lang: everything.language(t))
    baseline = read + document
    print(f"{len(paths)} files, {size / 1e6:.2f} MB; languages: {dict(Counter(langs))}")
    print(f"{'':<20}{'ms':>9}{'MB/s':>9}{'% of read+document':>20}")

    def row(name: str, cost: float) -> None:
        print(f"{name:<20}{cost * 1e3:>9.2f}{size / max(cost, 1e-9) / 1e6:>9.0f}{cost / baseline:>20.0%}")

    for name, cost in (("read", read), ("document", document), ("language detection", detect)):
        row(name, cost)
    rules = list(everything.rules)
    for family in FAMILIES:
        row(family, checks([r for r in rules if r.code.startswith(family)]))
    row("+".join(FAMILIES), checks(rules))
    for rule in rules:
        row(f"  {rule.code} {rule.name}"[:20], checks([rule]))
    if len(set(langs)) > 1:
        print(f"\n{'language':<10}{'files':>6}{'read+document ms':>18}{'CH+TY ms':>10}{'%':>6}")
        for lang in sorted(set(langs)):
            group = [i for i in everyone if langs[i] == lang]
            read_doc = total(lambda p, t, lang: p.read_text(encoding="utf-8"), group)
            read_doc += total(lambda p, t, lang: Document(t, lang=lang), group)
            cost = checks(rules, group)
            share = cost / read_doc
            print(f"{lang:<10}{len(group):>6}{read_doc * 1e3:>18.3f}{cost * 1e3:>10.3f}{share:>6.0%}")

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    require_corpus()
    print("== clean gold texts")
    measure(gold_texts(), args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fr_gold_x8.txt"
        big.write_text(large_french_text(), encoding="utf-8")
        print("\n== one large clean file: the French gold texts concatenated, 8 times")
        measure([big], args.repeat)
    print("\n== real UN extractions (pdftotext), for scale")
    measure(un_extractions("pdftotext"), max(1, args.repeat // 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
