"""Accuracy of the page-structure families (pages, footnotes, un) on the shared corpus.

    python bench/structure_accuracy.py [--only seeds,typeset,un] [--show N]

* seeds: ``reslint.fix`` of ``seeds/*.txt`` against ``seeds/gold`` (body, then the
  footnotes), whitespace ignored; token edits left.
* typeset: fr-typeset and udhr (every extractor) against ``source.txt`` + ``footnotes.txt``;
  token similarity (characters for Chinese, whose line breaks split no words), documents
  equal modulo whitespace, footnote bodies recovered, furniture tokens left.
* un: the real UN extractions, with and without form feeds: furniture lines removed,
  other lines removed (for review; target 0), footnote pairing, footnotes found against
  the most any of the six extractors finds in the same document (a lower bound of the
  truth), URL lines of a footnote body left in the body text, page breaks stitched.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, EXTRACTORS, require_corpus, un_extractions  # noqa: E402

import reslint  # noqa: E402
from reslint.document import Document  # noqa: E402
from reslint_rules.layout import URL_LINE, layout  # noqa: E402
from reslint_rules.notes import notes as note_analysis  # noqa: E402

STRUCTURE = ["PG", "FN", "UN", "WS001", "WS002"]
# Independent furniture detectors (the survey regexes of un/ARTIFACTS.md), not reslint's.
FURNITURE = [
    re.compile(r"^\s*(?:GE\.)?\d{2}-\d{5}\b.*$"),
    re.compile(r"^\s*\*\d{7,9}\*\s*$"),
    re.compile(r"^\s*(?:\d{2}-\d{5}\s+)?\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?\s*$"),
    re.compile(r"^\s*_{5,}\s*$"),
    re.compile(r"^\s*(?:Please recycle|Merci de recycler)\s*♲?\s*$"),
    re.compile(r"^\s*[A-Z][A-Z0-9.\-]*(?:/[A-Za-z0-9.\-]+){2,}\s*$"),
    re.compile(r"^\s*\d{6}\s*$"),
]


def tokens(text: str, cjk: bool = False) -> list[str]:
    """Words; for Chinese (no spaces between words) the characters, whitespace aside."""
    return list("".join(text.split())) if cjk else text.split()


def edits(a: list[str], b: list[str]) -> int:
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


def gold_footnotes(path: Path) -> str:
    if not path.exists():
        return ""
    return "\n".join(line.replace("\t", " ", 1) for line in path.read_text(encoding="utf-8").splitlines())


def seeds(select: list[str] | None) -> None:
    print("\n## Seeds: fixed output vs gold (body + footnotes), whitespace ignored\n")
    print("| seed | rules | token edits left | equal modulo whitespace |")
    print("|---|---|---|---|")
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        gold_dir = CORPUS / "seeds" / "gold"
        gold = (gold_dir / path.name).read_text(encoding="utf-8")
        gold += "\n" + gold_footnotes(gold_dir / path.name.replace(".txt", ".footnotes.txt"))
        text = path.read_text(encoding="utf-8")
        runs = (("structure + WS", select or STRUCTURE, False), ("all default", None, False),
                ("all default, unsafe too", None, True))
        for label, sel, unsafe in runs:
            out = reslint.fix(text, select=sel, unsafe=unsafe).text
            n = edits(tokens(gold), tokens(out))
            print(f"| {path.stem} | {label} | {n} | {'yes' if n == 0 else 'no'} |")
    print("\n`reslint.structure` (paragraphs equal to a gold paragraph, whitespace aside); `words fixed`:")
    print("after `fix --unsafe` of the other families, which repair words inside the paragraphs:\n")
    print("| seed | input | body paragraphs matched | footnotes equal to gold | furniture lines |")
    print("|---|---|---|---|---|")
    seeds = sorted((CORPUS / "seeds").glob("*.txt"))
    for path, label in [(p, lab) for p in seeds for lab in ("raw", "words fixed")]:
        gold_dir = CORPUS / "seeds" / "gold"
        gold = [" ".join(p.split()) for p in (gold_dir / path.name).read_text(encoding="utf-8").split("\n\n")]
        notes = gold_footnotes(gold_dir / path.name.replace(".txt", ".footnotes.txt")).splitlines()
        text = path.read_text(encoding="utf-8")
        if label != "raw":
            text = reslint.fix(text, ignore=["PG", "FN", "UN"], unsafe=True).text
        parts = reslint.structure(text)
        body = {" ".join(p.split()) for p in parts["body"]}
        got = [f"{n['number']} {' '.join(n['text'].split())}" for n in parts["footnotes"]]
        same = sum(1 for a, b in zip(got, notes, strict=False) if a == " ".join(b.split()))
        print(f"| {path.stem} | {label} | {sum(1 for p in gold if p in body)}/{len(gold)} "
              f"(got {len(parts['body'])}) | "
              f"{same}/{len(notes)} (got {len(got)}) | {len(parts['furniture'])} |")


def typeset(select: list[str] | None, show: int) -> None:
    print("\n## fr-typeset and udhr: fixed body vs source.txt + footnotes.txt\n")
    print("| set | extractor | docs | token similarity before → structure + WS (→ all rules, unsafe) | "
          "equal modulo whitespace (all rules, unsafe) | furniture lines left | footnotes found/expected |")
    print("|---|---|---|---|---|---|---|")
    for group in ("fr-typeset", "udhr"):
        docs = [d for d in sorted((CORPUS / group).iterdir()) if (d / "source.txt").exists()]
        for extractor in ("pdfminer", "pdfplumber", "pdftotext", "pdftotext-layout", "pymupdf", "pypdf"):
            before = after = full = 0.0
            left = found = expected = equal = 0
            for doc in docs:
                src = doc / "text" / f"{extractor}.txt"
                if not src.exists():
                    continue
                gold = (doc / "source.txt").read_text(encoding="utf-8")
                gold += "\n" + gold_footnotes(doc / "footnotes.txt")
                text = src.read_text(encoding="utf-8")
                out = reslint.fix(text, select=select or STRUCTURE).text
                cjk = doc.name.startswith("zh")
                g = tokens(gold, cjk)
                before += difflib.SequenceMatcher(None, g, tokens(text, cjk), autojunk=False).ratio()
                after += difflib.SequenceMatcher(None, g, tokens(out, cjk), autojunk=False).ratio()
                everything = tokens(reslint.fix(text, unsafe=True).text, cjk)
                full += difflib.SequenceMatcher(None, g, everything, autojunk=False).ratio()
                equal += g == everything
                left += sum(1 for line in out.splitlines() if any(p.match(line) for p in FURNITURE))
                notes = reslint.structure(text)["footnotes"]
                found += len(notes)
                expected += len((doc / "footnotes.txt").read_text(encoding="utf-8").splitlines())
                if show and extractor == "pdftotext":
                    o = tokens(out, cjk)
                    diff = [op for op in difflib.SequenceMatcher(None, g, o, autojunk=False)
                            .get_opcodes() if op[0] != "equal"]
                    for _op, i1, i2, j1, j2 in diff[:show]:
                        print(f"    {doc.name}: {' '.join(g[i1:i2])!r} -> {' '.join(o[j1:j2])!r}")
            n = len(docs)
            scores = f"{before / n:.3f} → {after / n:.3f} (→ {full / n:.3f})"
            print(f"| {group} | {extractor} | {n} | {scores} | {equal}/{n} | {left} | "
                  f"{found}/{expected} |")


REMOVING = ("UN", "PG001", "PG002", "PG003", "FN001")


def un_file(task: tuple[str, bool, Path, list[str] | None]) -> dict[str, object]:
    """Measures for one UN extraction (run in a worker process)."""
    extractor, keep_ff, path, select = task
    text = path.read_text(encoding="utf-8")
    if not keep_ff:
        text = text.replace("\f", "")
    result = reslint.fix(text, select=select or STRUCTURE)
    # UN006 removes the masthead with one fix, held by its first line's diagnostic.
    found = reslint.lint(text, select=select or STRUCTURE)
    removed = [(d.code, text[d.start : d.end].strip()) for d in found
               if d.code.startswith(REMOVING) and (d.fix is not None or d.code == "UN006")]
    suspects = [f"{code} {line[:100]!r}" for code, line in removed
                if code != "UN006" and not _furniture(line) and not _repeats(line, text)]
    structure = reslint.structure(text)
    unpaired = sum(1 for d in reslint.lint(text, select=["FN003"]) if "has no marker" in d.message)
    removed_lines = {d.line for d in found if d.fix is not None and d.code.startswith(REMOVING)}
    before = sum(1 for line in text.splitlines() if _furniture(line))
    after = sum(1 for line in result.text.splitlines() if _furniture(line))
    return {
        "key": (extractor, keep_ff),
        "name": path.name,
        "furniture": (before, before - after),
        "suspects": suspects,
        "masthead": sum(1 for code, _line in removed if code == "UN006"),
        "notes": (len(structure["footnotes"]), len(structure["footnotes"]) - unpaired),
        "urls_left": _footnote_urls_left(text, removed_lines),
        "stitched": sum(1 for d in result.applied if d.code == "PG004" and "page break" in d.message),
        "gaps": sum(1 for d in result.applied if d.code == "PG004" and "page break" not in d.message),
    }


def _footnote_urls_left(text: str, removed: set[int]) -> list[str]:
    """Bare URL lines that follow a footnote body (the nearest line above that is not a URL,
    blank or page furniture belongs to one) but neither move with it nor are removed:
    left in the body text."""
    doc = Document(text)
    lay = layout(doc)
    members = note_analysis(doc).members
    left: list[str] = []
    owner: int | None = None  # the segment above that is neither a URL line nor furniture
    for seg in lay.nonblank():
        if not URL_LINE.match(seg.text):
            owner = owner if lay.kinds.get(seg.index) not in (None, "url") else seg.index
        elif seg.index not in members and owner in members and seg.line not in removed:
            left.append(seg.text.strip())
    return left


def _furniture(line: str) -> bool:
    return any(p.match(line) for p in FURNITURE)


def un(select: list[str] | None, show: int) -> None:
    print("\n## UN extractions (45 documents per extractor)\n")
    print("| extractor | form feeds | furniture lines removed | other lines removed (masthead aside) | "
          "masthead lines | footnotes found | found / best of six (lower bound) | paired with a marker | "
          "footnote URL lines left in body | page breaks stitched | stray gaps closed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    tasks = [(e, ff, p, select) for e in EXTRACTORS for ff in (True, False) for p in un_extractions(e)]
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(un_file, tasks, chunksize=4))
    best: dict[tuple[str, bool], int] = {}  # the most footnotes any extractor finds, per document
    for r in results:
        key = (str(r["name"]), r["key"][1])  # type: ignore[index]
        best[key] = max(best.get(key, 0), r["notes"][0])  # type: ignore[index]
    suspects: list[str] = []
    urls: list[str] = []
    for extractor in EXTRACTORS:
        for keep_ff in (True, False):
            rows = [r for r in results if r["key"] == (extractor, keep_ff)]
            furn_in = sum(r["furniture"][0] for r in rows)  # type: ignore[index]
            furn_out = sum(r["furniture"][1] for r in rows)  # type: ignore[index]
            notes = sum(r["notes"][0] for r in rows)  # type: ignore[index]
            expected = sum(best[(str(r["name"]), keep_ff)] for r in rows)
            left = sum(len(r["urls_left"]) for r in rows)  # type: ignore[arg-type, misc]
            paired = sum(r["notes"][1] for r in rows)  # type: ignore[index]
            stitched = sum(r["stitched"] for r in rows)  # type: ignore[misc]
            gaps = sum(r["gaps"] for r in rows)  # type: ignore[misc]
            other = sum(len(r["suspects"]) for r in rows)  # type: ignore[arg-type, misc]
            masthead = sum(r["masthead"] for r in rows)  # type: ignore[misc]
            for r in rows:
                tag = f"{extractor}{'' if keep_ff else ' (no FF)'} {r['name']}"
                suspects += [f"{tag}: {line}" for line in r["suspects"]]  # type: ignore[attr-defined]
                urls += [f"{tag}: {line}" for line in r["urls_left"]]  # type: ignore[attr-defined]
            share = furn_out / furn_in if furn_in else 0.0
            rate = paired / max(notes, 1)
            print(f"| {extractor} | {'yes' if keep_ff else 'stripped'} | {furn_out}/{furn_in} "
                  f"({share:.0%}) | {other} | {masthead} | {notes} | {notes}/{expected} "
                  f"({notes / max(expected, 1):.0%}) | {paired} ({rate:.0%}) | {left} | {stitched} | "
                  f"{gaps} |")
    if show:
        print("\nOther lines removed (masthead aside; not matched by the survey regexes, nor repeated 3×):")
        for line in suspects[:show]:
            print("   ", line)
        print("\nFootnote URL lines left in the body:")
        for line in urls[:show]:
            print("   ", line)


def _repeats(line: str, text: str) -> bool:
    """A line repeated three times or more (digits aside) is a running header by any account."""
    key = re.sub(r"\d+", "#", line)
    return sum(1 for other in text.splitlines() if re.sub(r"\d+", "#", other.strip()) == key) >= 3


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="seeds,typeset,un")
    parser.add_argument("--select", default=None, help="rules to run (default: PG, FN, UN and WS001/2)")
    parser.add_argument("--show", type=int, default=0, help="print up to N differences / suspects")
    args = parser.parse_args()
    require_corpus()
    select = args.select.split(",") if args.select else None
    parts = args.only.split(",")
    if "seeds" in parts:
        seeds(select)
    if "typeset" in parts:
        typeset(select, args.show)
    if "un" in parts:
        un(select, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
