"""WS007 (detached French elision) against exact ground truth: ``fr-typeset/*_kern``.

    python bench/whitespace_french.py

The ``_kern`` documents are French UN-style texts typeset with 2 pt gaps planted after the
letter before an elision apostrophe (``kern.json``); the plain ones have none. For each
extractor: WS007 hits, how many of them join a word that ``source.txt`` contains
(verified), and the source's elision tokens (``l’assistance``) found in the text before
and after ``fix``. The plain documents must give no hits.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus  # noqa: E402

import reslint  # noqa: E402

CONFIG = {"select": ["WS007"]}
EDGE_PUNCT = "\"'«»“”()[],.;:!?…"
ELISION_TOKEN = regex.compile(r"[’']\p{L}")


def elision_tokens(text: str) -> Counter[str]:
    tokens = (t.strip(EDGE_PUNCT) for t in text.split())
    return Counter(t for t in tokens if ELISION_TOKEN.search(t))


def matched(source: Counter[str], text: str) -> int:
    found = elision_tokens(text)
    return sum(min(n, found[t]) for t, n in source.items())


def main() -> int:
    require_corpus()
    rows: dict[str, Counter[str]] = {}
    for doc in sorted(CORPUS.glob("fr-typeset/*/source.txt")):
        folder = doc.parent
        source = elision_tokens(doc.read_text(encoding="utf-8"))
        kern = folder.name.endswith("_kern")
        planted = 0
        if kern:
            gaps = json.loads((folder / "kern.json").read_text(encoding="utf-8"))["gaps"]
            planted = sum(g["kind"] == "apostrophe" for g in gaps)
        for path in sorted((folder / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            row = rows.setdefault(f"{path.stem} {'kern' if kern else 'plain'}", Counter())
            hits = reslint.lint(text, lang="fr", config=CONFIG)
            fixed = reslint.fix(text, lang="fr", config=CONFIG).text
            joined = elision_tokens(fixed) - elision_tokens(text)
            row.update(
                planted=planted,
                hits=len(hits),
                verified=sum(min(n, source[t]) for t, n in joined.items()),
                before=matched(source, text),
                after=matched(source, fixed),
                source=sum(source.values()),
            )
    cols = ("planted", "hits", "verified", "before", "after", "source")
    print(f"{'extractor':24}" + "".join(f"{c:>10}" for c in cols))
    for name, row in sorted(rows.items()):
        print(f"{name:24}" + "".join(f"{row[c]:>10}" for c in cols))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
