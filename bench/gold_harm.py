"""Token changes that ``reslint.fix`` makes on clean gold texts (target: 0).

    python bench/gold_harm.py [--select CODES] [--unsafe]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import gold_texts, require_corpus  # noqa: E402

import reslint  # noqa: E402


def token_changes(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.split(), after.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--select", help="comma-separated selectors (default: the default rules)")
    parser.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    args = parser.parse_args()
    require_corpus()
    select = args.select.split(",") if args.select else None
    total = 0
    for path in gold_texts():
        text = path.read_text(encoding="utf-8")
        changes = token_changes(text, reslint.fix(text, unsafe=args.unsafe, select=select).text)
        total += len(changes)
        for old, new in changes[:5]:
            print(f"{path.parent.name}/{path.name}: {old!r} -> {new!r}")
    print(f"token changes on {len(gold_texts())} gold texts: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
