"""Token error rate of the udhr extractions against ``source.txt``, before and after ``fix``.

    python bench/scripts_udhr.py [--select SC|default] [--langs ar,zh] [--kern] [--counts]

Tokens: whitespace-separated words; in Chinese every character, with every run of spaces
one token (a stray space is one error), lines stripped (layout indentation is not an
error) and line breaks next to CJK characters dropped (a Chinese line wraps without a
space). Alignment: difflib over the token sequences of the
whole extraction and ``source.txt``; errors = substitutions + deletions + insertions, where
inserted tokens that occur in ``furniture.txt`` or ``footnotes.txt`` (as printed or
reversed; in Chinese: inserted characters left once every furniture and footnote string is
taken out, plus their spaces) are not counted, so the rate measures the body text only. Rate = errors / source
tokens. Cells: before → after safe fixes → after unsafe fixes too.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus  # noqa: E402

import reslint  # noqa: E402

EXTRACTORS = ("pdftotext", "pdftotext-layout", "pdfminer", "pypdf", "pymupdf", "pdfplumber")
CJK = r"[\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}]"
CJK_BREAK = regex.compile(rf"(?<={CJK})[\n\f]+|[\n\f]+(?={CJK})")
SPACES = regex.compile(r"\s+")


def tokens(text: str, lang: str) -> list[str]:
    if lang != "zh":
        return text.split()
    text = "\n".join(line.strip() for line in text.replace("\f", "\n").splitlines())
    text = SPACES.sub(" ", CJK_BREAK.sub("", text)).strip()
    return list(text)


def furniture(folder: Path, lang: str) -> Callable[[list[str]], int]:
    """Counts the inserted tokens that are not furniture or footnote text."""
    rows = [
        line.split("\t")
        for name in ("furniture.txt", "footnotes.txt")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
    ]
    if lang == "zh":
        strings = {"".join(part.split()) for row in rows for part in [*row, "".join(row)]}
        ordered = sorted(strings - {""}, key=len, reverse=True)

        def extra_chars(chunk: list[str]) -> int:
            chars = "".join(t for t in chunk if t != " ")
            left = chars
            for string in ordered:
                left = left.replace(string, "")
            return len(left) + (chunk.count(" ") if left or not chars else 0)

        return extra_chars
    bag = {t for row in rows for part in row[-2:] for t in tokens(part, lang)}
    bag |= {t[::-1] for t in bag}
    return lambda chunk: sum(t not in bag for t in chunk)


def error_rate(source: list[str], text: list[str], extra: Callable[[list[str]], int]) -> float:
    errors = 0
    matcher = difflib.SequenceMatcher(None, source, text, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            errors += max(i2 - i1, extra(text[j1:j2]))
    return errors / len(source)


def print_counts(langs: list[str], suffixes: tuple[str, ...]) -> int:
    """Diagnostics of the family per document and extractor: ``code safe/unsafe``."""
    print("| document | " + " | ".join(EXTRACTORS) + " |")
    print("|---|" + "---|" * len(EXTRACTORS))
    for lang in langs:
        for suffix in suffixes:
            folder = CORPUS / "udhr" / f"{lang}{suffix}"
            cells = []
            for extractor in EXTRACTORS:
                text = (folder / "text" / f"{extractor}.txt").read_text(encoding="utf-8")
                counts: Counter[tuple[str, str]] = Counter()
                for d in reslint.lint(text, lang=lang, select=["SC"]):
                    counts[d.code, d.fix.applicability.value if d.fix else "none"] += 1
                codes = sorted({code for code, _ in counts})
                cells.append(
                    " ".join(f"{c} {counts[c, 'safe']}/{counts[c, 'unsafe']}" for c in codes) or "–"
                )
            print(f"| {folder.name} | " + " | ".join(cells) + " |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--select", default="SC", help="rule selectors, or 'default' (default: SC)")
    parser.add_argument("--langs", default="en,fr,es,ru,ar,zh")
    parser.add_argument("--kern", action="store_true", help="also the *_kern_dev documents")
    parser.add_argument("--counts", action="store_true", help="diagnostics per rule instead")
    args = parser.parse_args()
    require_corpus()
    select = None if args.select == "default" else args.select.split(",")
    suffixes = ("_dev", "_kern_dev") if args.kern else ("_dev",)
    if args.counts:
        return print_counts(args.langs.split(","), suffixes)
    print("| document | " + " | ".join(EXTRACTORS) + " |")
    print("|---|" + "---|" * len(EXTRACTORS))
    for lang in args.langs.split(","):
        for suffix in suffixes:
            folder = CORPUS / "udhr" / f"{lang}{suffix}"
            source = tokens((folder / "source.txt").read_text(encoding="utf-8"), lang)
            extra = furniture(folder, lang)
            cells = []
            for extractor in EXTRACTORS:
                text = (folder / "text" / f"{extractor}.txt").read_text(encoding="utf-8")
                rates = [error_rate(source, tokens(text, lang), extra)]
                for unsafe in (False, True):
                    fixed = reslint.fix(text, lang=lang, select=select, unsafe=unsafe).text
                    rates.append(error_rate(source, tokens(fixed, lang), extra))
                cells.append(" → ".join(f"{r:.3f}" for r in rates))
            print(f"| {folder.name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
