"""Worst-case time of every registered rule on adversarial input, and whether it stays linear.

    python bench/adversarial.py                  # every rule, every input, 25k and 100k characters
    python bench/adversarial.py --size 100000    # 100k and 400k characters
    python bench/adversarial.py --only WD001,WS007 --limit 30

Each rule's ``check`` runs alone (no fix loop) on long texts made of one repeated unit
(punctuation, spaces, hyphens, apostrophes, digits, mixed scripts, very long lines, ...) at
two sizes, 1x and 4x, in CPU seconds. The table gives, per rule, its slowest input, the time per MB at 4x
and the growth ratio t(4x)/t(1x): about 4 is linear, about 16 quadratic (ratios of runs
under 20 ms are noise). A run over ``--limit`` seconds is cut off by the engine's per-rule
time limit and shown as a timeout. ``tests/test_reliability_adversarial.py`` runs the same
inputs, smaller, under a generous bound.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reslint.document import Document  # noqa: E402
from reslint.linter import Linter, RuleTimeout, _deadline  # noqa: E402
from reslint.rule import Rule  # noqa: E402

# name -> unit repeated up to the wanted size
UNITS: dict[str, str] = {
    "periods": ".",
    "commas": ",",
    "ellipses": "…",
    "semicolons-spaced": " ;",
    "question-marks": "?",
    "quotes-fr": "« » ",
    "parentheses": "(",
    "parens-spaced": "( ) ",
    "slashes": "/",
    "underscores": "_",
    "asterisks": "*",
    "spaces": " ",
    "tabs": "\t",
    "nbsp": "\u00a0\u202f",
    "letter-space": "a ",
    "letter-2spaces": "a  ",
    "letter-spaced-caps": "N A T I O N S  ",
    "hyphens": "-",
    "word-hyphen": "a-",
    "hyphen-space": "a - ",
    "hyphen-eol": "inter-\n",
    "dashes": "–—",
    "soft-hyphens": "ab\u00ad",
    "apostrophes": "'",
    "curly-apostrophes": "’",
    "elisions": "l ’",
    "elision-words": "d’l’",
    "digits": "1",
    "digit-space": "1 ",
    "digit-dot": "1.",
    "digit-slash": "72/",
    "job-numbers": "17-23181 (F) 230118\n",
    "footnote-lines": "1\n",
    "long-word": "a",
    "split-word": "desti née ",
    "caps": "A",
    "prose-one-line": "Les États Membres ont décidé d’adopter la résolution, l ’élaboration desti née. ",
    "prose-lines": "Les États Membres ont décidé d’adopter la\n",
    "blank-lines": "\n",
    "crlf": "a \r\n",
    "form-feeds": "\f",
    "page-breaks": "Texte\n\f",
    "repeated-header": "A/RES/72/194\ntexte\n\f",
    "urls": "https://undocs.org/fr/A/RES/72/",
    "url-lines": "https://undocs.org/A/1\n",
    "mixed-scripts": "aя中ا1",
    "cyrillic-latin": "Пpивeт ",
    "arabic": "السلام عليكم ",
    "arabic-presentation": "\ufefb\ufe8e ",
    "han-spaced": "中 ",
    "combining": "e\u0301",
    "bidi-controls": "\u202b\u202c\u200f",
    "zero-width": "a\u200b\u2060",
    "private-use": "\ue000",
    "ligatures": "ﬁﬂ",
    "mojibake": "Ã©",
    "replacement-char": "\ufffd",
    "cid-tokens": "(cid:12)",
    "control-chars": "\x01\x7f\x85",
    "surrogate-pairs": "😀",
    "roman-numerals": "IV. ",
    "numbered-paragraphs": "13. a\n",
}


def adversarial_inputs(size: int) -> dict[str, str]:
    """Every adversarial text, each ``size`` characters long (a unit cut at the end)."""
    return {name: (unit * (size // len(unit) + 1))[:size] for name, unit in UNITS.items()}


def language_for(rule: Rule) -> str | None:
    """A language the rule applies to (French where it can)."""
    if rule.applies_to("fr"):
        return "fr"
    return sorted(rule.languages)[0] if rule.languages else None


def time_rule(linter: Linter, rule: Rule, doc: Document, limit: float) -> float | None:
    """Seconds ``rule.check`` takes on ``doc``; ``None`` past ``limit``. A crash is
    reported on stderr (the fuzz tests own crashes) and timed like a normal return."""
    started = time.process_time()  # CPU time: other load on the machine does not inflate it
    try:
        with _deadline(limit):
            for _ in rule.check(doc, linter.options.get(rule.family, {})):
                pass
    except RuleTimeout:
        return None
    except Exception as exc:
        print(f"{rule.code} raised {type(exc).__name__}: {exc}", file=sys.stderr)
    return time.process_time() - started


def measure(
    rules: Iterable[Rule], size: int, limit: float, linter: Linter
) -> list[tuple[str, str, float | None, float | None]]:
    """(code, input, t1, t4): time on ``size`` and ``4 * size`` characters, fresh documents."""
    small, large = adversarial_inputs(size), adversarial_inputs(4 * size)
    rows = []
    for rule in rules:
        lang = language_for(rule)
        time_rule(linter, rule, Document("warm up: load lazy data", lang=lang), limit)
        for name in UNITS:
            t1 = time_rule(linter, rule, Document(small[name], lang=lang), limit)
            t4 = time_rule(linter, rule, Document(large[name], lang=lang), limit) if t1 is not None else None
            rows.append((rule.code, name, t1, t4))
    return rows


def report(rows: list[tuple[str, str, float | None, float | None]], size: int) -> str:
    mb = 4 * size / 1_000_000
    worst: dict[str, tuple[str, str, float | None, float | None]] = {}
    for row in rows:
        code, _name, _t1, t4 = row
        best = worst.get(code)
        if best is None or t4 is None or (best[3] is not None and t4 > best[3]):
            worst[code] = row
    lines = [
        f"| rule | slowest input | s/MB at {4 * size:,} chars | t(4x)/t(1x) | timeouts |",
        "|---|---|---:|---:|---:|",
    ]
    by_time = sorted(worst.values(), key=lambda r: -(r[3] if r[3] is not None else float("inf")))
    for code, name, t1, t4 in by_time:
        timeouts = sum(1 for r in rows if r[0] == code and r[3] is None)
        per_mb = "timeout" if t4 is None else f"{t4 / mb:.3f}"
        ratio = "-" if t4 is None or not t1 or t4 < 0.02 else f"{t4 / t1:.1f}"
        lines.append(f"| {code} | {name} | {per_mb} | {ratio} | {timeouts} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=25_000, help="characters of the 1x inputs")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds before a run counts as a timeout")
    parser.add_argument("--only", help="comma-separated rule codes")
    args = parser.parse_args(argv)
    linter = Linter(select=["ALL"])
    rules = [r for r in linter.rules if not args.only or r.code in args.only.split(",")]
    started = time.perf_counter()
    rows = measure(rules, args.size, args.limit, linter)
    print(report(rows, args.size))
    print(f"\n{len(rules)} rules x {len(UNITS)} inputs in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
