"""Token error rate of the udhr extractions against ``source.txt``, before and after ``fix``.

    python bench/scripts_udhr.py [--select SC|default] [--langs ar,zh] [--kern]

Tokens: whitespace-separated words; in Chinese every character, with every run of spaces
one token (a stray space is one error), lines stripped (layout indentation is not an
error) and line breaks next to CJK characters dropped (a Chinese line wraps without a
space). Alignment: difflib over the token sequences of the
whole extraction and ``source.txt``; errors = substitutions + deletions + insertions, where
inserted tokens that occur in ``furniture.txt`` or ``footnotes.txt`` (as printed or
reversed) are not counted, so the rate measures the body text only. Rate = errors / source
tokens. Cells: before → after safe fixes → after unsafe fixes too.
"""

from __future__ import annotations

import argparse
import difflib
import sys
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


def furniture_bag(folder: Path, lang: str) -> set[str]:
    text = "\n".join(
        line.split("\t", 1)[-1]
        for name in ("furniture.txt", "footnotes.txt")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
    )
    bag = set(tokens(text.replace("\t", " "), lang))
    bag |= {t[::-1] for t in bag}
    bag.discard(" ")
    return bag


def error_rate(source: list[str], text: list[str], bag: set[str]) -> float:
    errors = 0
    matcher = difflib.SequenceMatcher(None, source, text, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        inserted = sum(t not in bag for t in text[j1:j2])
        errors += max(i2 - i1, inserted)
    return errors / len(source)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--select", default="SC", help="rule selectors, or 'default' (default: SC)")
    parser.add_argument("--langs", default="en,fr,es,ru,ar,zh")
    parser.add_argument("--kern", action="store_true", help="also the *_kern_dev documents")
    args = parser.parse_args()
    require_corpus()
    select = None if args.select == "default" else args.select.split(",")
    suffixes = ("_dev", "_kern_dev") if args.kern else ("_dev",)
    print("| document | " + " | ".join(EXTRACTORS) + " |")
    print("|---|" + "---|" * len(EXTRACTORS))
    for lang in args.langs.split(","):
        for suffix in suffixes:
            folder = CORPUS / "udhr" / f"{lang}{suffix}"
            source = tokens((folder / "source.txt").read_text(encoding="utf-8"), lang)
            bag = furniture_bag(folder, lang)
            cells = []
            for extractor in EXTRACTORS:
                text = (folder / "text" / f"{extractor}.txt").read_text(encoding="utf-8")
                rates = [error_rate(source, tokens(text, lang), bag)]
                for unsafe in (False, True):
                    fixed = reslint.fix(text, lang=lang, select=select, unsafe=unsafe).text
                    rates.append(error_rate(source, tokens(fixed, lang), bag))
                cells.append(" → ".join(f"{r:.3f}" for r in rates))
            print(f"| {folder.name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
