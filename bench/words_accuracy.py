"""Precision and recall of the `words` rules (WD) against texts with exact ground truth.

    python bench/words_accuracy.py [--verbose]

Ground truth: the typeset corpora (`fr-typeset`, `udhr`, their `_kern` variants) whose
`source.txt` (+ footnotes, furniture) is the text that was printed. For each candidate in
an extraction the source says what is right:

* split word (WD001): adjacent pieces `a b` on one line are a split if `ab` is a word of
  the source and `a b` is not in it;
* line-end hyphen (WD002): `a-`⏎`b` should keep its hyphen if `a-b` is in the source,
  drop it if `ab` is (and `a-b` is not); otherwise the case is not scored.

The UN extractions have no source, but PyMuPDF splits almost no word and keeps the hyphen
of compounds at line ends, so its text of the same PDF is the reference for the default
pdftotext output: split words (WD001) and compounds whose hyphen pdftotext deleted (WD003:
`genderbased` is an artifact when PyMuPDF prints `gender-based`, at a line end or not). WD003's
compounds printed with a space where pdftotext joined two lines (`drug resistant`) are scored
apart, by counts: a pair that the text writes spaced more often than PyMuPDF does, and that
PyMuPDF hyphenates, is that many lost hyphens.

The French OCR of `icdar-fr` (ICDAR 2017 and 2019 post-OCR sets) aligns each OCR text with
its gold transcription character by character (`@` fills gaps): a split word is an OCR
space aligned to `@` between two pieces that spell the gold word. A join is right when the
gold has no space there, shows a line-end break (`-`, `¬`) before it, or writes the same
pieces apart but the joined form is a word of the gold text or of wordfreq at Zipf 3 (the
ICDAR 2017 gold keeps line-end splits: `séna teurs`); any other join is wrong
(`p ise` for `prise`, `Ce grouppe`). Two cases are not scored (neither right nor wrong, listed
by `--verbose`): gold marked absent (`#`), and a split the gold keeps from its own line
layout. An ICDAR gold is one line per document: the printed line ends became spaces, so a
word the print broke at a line end without a visible hyphen is two pieces in the gold too
(`accom pagneront`, `res pectueuses`). The gold cannot say whether joining them is right;
such a split is written apart only once, and one of its pieces is no word anywhere else in
the gold. Pieces the gold repeats apart (`lieux tenans`, `contra dictum`) or that are both
gold words (`Ce grouppe`) are its spelling: joining them stays wrong.

Detection precision counts diagnostics whose candidate is a real artifact; fix precision
counts fixes that produce the source form. Safe fixes are scored alone and with unsafe ones.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus, un_extractions  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

import reslint  # noqa: E402

WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")
COMPOUND = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)+")
BREAK = regex.compile(
    r"(\p{L}[\p{L}\p{M}]*|\d+) ?(-?\u00ad|[-\u2010])[ \t]*\n[ \t\n\f]*(\p{L}[\p{L}\p{M}]*|\d+)"
)
TAGS = ("[OCR_toInput]", "[OCR_aligned]", "[ GS_aligned]")
BREAK_MARKS = frozenset("-\u2011\u00ac")
KNOWN_ZIPF = 3.0
URLISH = regex.compile(r"[/@]|www\.|\.(?:org|com|int|net)\b")
LANGS = {"fr-typeset": "fr", "en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}


@dataclass
class Score:
    positives: int = 0
    detected: int = 0
    diagnostics: int = 0
    true_diagnostics: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    right_fixes: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)  # right fixes of the positives
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # real artifacts without a safe fix, and why
    unscored: list[str] = field(default_factory=list)  # safe fixes the reference cannot judge

    def miss(self, name: str, code: str, span: str, d: reslint.Diagnostic | None) -> None:
        span = span.replace("\n", "⏎")
        if d is None:
            self.misses.append(f"{name}: {code} not detected `{span}`")
        elif d.fix is None or d.fix.applicability.value != "safe":
            kind = d.fix.applicability.value if d.fix else "no fix"
            self.misses.append(f"{name}: {code} {kind} `{span}`: {d.evidence}")

    def fixed(self, kind: str, right: bool, recalled: bool) -> None:
        """Counts a fix of applicability ``kind``: right or not, of a positive or not."""
        self.fixes[kind] += 1
        self.right_fixes[kind] += right
        self.recalled[kind] += recalled

    def row(self, name: str) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "–"

        safe, both = self.fixes["safe"], self.fixes["safe"] + self.fixes["unsafe"]
        right, recalled = self.right_fixes, self.recalled
        return (
            f"| {name} | {self.positives} | {ratio(self.true_diagnostics, self.diagnostics)} "
            f"| {ratio(self.detected, self.positives)} | {safe} | {ratio(right['safe'], safe)} "
            f"| {ratio(recalled['safe'], self.positives)} | {ratio(right['safe'] + right['unsafe'], both)} "
            f"| {ratio(recalled['safe'] + recalled['unsafe'], self.positives)} |"
        )


def documents() -> list[tuple[str, Path, str]]:
    """(name, folder, lang) of every typeset document with a source."""
    out = []
    for folder in sorted(CORPUS.glob("fr-typeset/*/")):
        if (folder / "source.txt").exists():
            out.append((f"fr-typeset/{folder.name}", folder, "fr"))
    for folder in sorted(CORPUS.glob("udhr/*/")):
        lang = folder.name.split("_")[0]
        if lang in LANGS and lang != "fr-typeset" and (folder / "source.txt").exists():
            out.append((f"udhr/{folder.name}", folder, lang))
    return out


def truth_text(folder: Path) -> str:
    parts = [folder / name for name in ("source.txt", "footnotes.txt", "furniture.txt")]
    return "\n".join(p.read_text(encoding="utf-8") for p in parts if p.exists())


class Truth:
    """Word-level questions about a source text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = Counter(m.group() for m in WORD.finditer(text))

    def has_phrase(self, phrase: str) -> bool:
        return (
            regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(phrase)}(?![\p{{L}}\p{{M}}])", self.text)
            is not None
        )

    def starts_word(self, pieces: list[str], text: str, end: int) -> bool:
        """`ju s-`⏎`ticia`: the joined pieces begin a source word broken at the line end."""
        joined = "".join(pieces)
        return (
            text[end : end + 2] == "-\n"
            and regex.search(rf"(?<!\p{{L}}){joined}\p{{L}}", self.text) is not None
        )

    def is_split(self, pieces: list[str]) -> bool:
        return self.words["".join(pieces)] > 0 and not self.has_phrase(" ".join(pieces))


def split_candidates(text: str, truth: Truth) -> set[tuple[int, int]]:
    """Spans of the real split words of an extraction (pairs and triples on one line)."""
    tokens = [m.span() for m in WORD.finditer(text)]
    found: set[tuple[int, int]] = set()
    i = 0
    while i < len(tokens) - 1:
        for size in (3, 2):
            run = tokens[i : i + size]
            if len(run) < size or any(text[e:s] not in (" ", "  ") for (_, e), (s, _) in pairwise(run)):
                continue
            pieces = [text[s:e] for s, e in run]
            if truth.is_split(pieces) and not any(
                truth.is_split(pieces[k : k + 2]) for k in range(1, size - 1)
            ):
                found.add((run[0][0], run[-1][1]))
                i += size - 1
                break
        i += 1
    return found


def score_splits(
    text: str, lang: str, truth: Truth, score: Score, name: str, *, extracted_truth: bool = False
) -> None:
    positives = split_candidates(text, truth)
    score.positives += len(positives)
    found = {}
    for d in reslint.lint(text, lang=lang, select=["WD001"]):
        found[d.start, d.end] = d
        score.diagnostics += 1
        pieces = text[d.start : d.end].split()
        real = (
            (d.start, d.end) in positives or truth.is_split(pieces) or truth.starts_word(pieces, text, d.end)
        )
        if not real and extracted_truth and truth.has_phrase(" ".join(pieces)):
            score.diagnostics -= 1  # the reference extraction split it too (an OCR layer): not scored
            if d.fix is not None and d.fix.applicability.value == "safe":
                score.unscored.append(f"{name}: WD001 safe `{text[d.start - 20 : d.end + 10]}`")
            continue
        score.true_diagnostics += real
        score.detected += (d.start, d.end) in positives
        if d.fix is None:
            continue
        kind = d.fix.applicability.value
        score.fixed(kind, real, real and (d.start, d.end) in positives)
        if not real:
            score.errors.append(f"{name}: WD001 {kind} `{text[d.start : d.end]}`")
    for start, end in sorted(positives):
        score.miss(name, "WD001", text[start:end], found.get((start, end)))


def score_hyphens(text: str, lang: str, truth: Truth, score: Score, name: str) -> None:
    expected = {}
    for m in BREAK.finditer(text):
        a, b = m[1], m[3]
        if "\u00ad" in m[2] or truth.has_phrase(f"{a}-{b}") or truth.has_phrase(f"{a}\u2010{b}"):
            expected[m.start()] = "keep" if "-" in m[2] or "\u2010" in m[2] else "drop"
        elif truth.words[a + b]:
            expected[m.start()] = "drop"
    score.positives += len(expected)
    found = {}
    for d in reslint.lint(text, lang=lang, select=["WD002"]):
        found[d.start] = d
        score.diagnostics += 1
        want = expected.get(d.start)
        score.true_diagnostics += want is not None
        score.detected += want is not None
        if d.fix is None or want is None:
            continue
        kind = d.fix.applicability.value
        replacement = d.fix.edits[0].replacement
        got = "keep" if replacement[:1] in "-\u2010" else "drop"
        score.fixed(kind, got == want, got == want)
        if got != want:
            score.errors.append(f"{name}: WD002 {kind} {got} `{text[d.start : d.end]!s}` (want {want})")
    for start in sorted(expected):
        hit = found.get(start)
        span = text[start : hit.end if hit else text.find("\n", text.find("\n", start) + 1)]
        score.miss(name, f"WD002 ({expected[start]})", span, hit)


def _around(text: str, m: regex.Match[str]) -> tuple[int, int]:
    """The whitespace-free run around a match."""
    start = max(text.rfind(c, 0, m.start()) for c in " \n\t") + 1
    ends = [i for i in (text.find(c, m.end()) for c in " \n\t") if i >= 0]
    return start, min(ends, default=len(text))


def score_lost_hyphens(
    text: str, diagnostics: list[reslint.Diagnostic], truth: Truth, score: Score, name: str
) -> None:
    # Every run of parts of a compound (`fit-forpurpose` lost the hyphen of `for-purpose`), outside URLs.
    source = truth.text
    compounds = (m for m in COMPOUND.finditer(source) if not URLISH.search(source, *_around(source, m)))
    hyphenated = {
        "-".join(parts[i:j])
        for parts in (m.group().lower().split("-") for m in compounds)
        for i in range(len(parts))
        for j in range(i + 2, len(parts) + 1)
    }
    positives = {
        (s, e)
        for s, e in (m.span() for m in WORD.finditer(text))
        for i in range(2, e - s - 1)
        if f"{text[s : s + i]}-{text[s + i : e]}".lower() in hyphenated and not truth.words[text[s:e]]
    }
    score.positives += len(positives)
    found = {}
    for d in diagnostics:
        if " " in text[d.start : d.end]:
            continue  # a compound printed with a space (`drug resistant`): scored by `score_spaced_compounds`
        found[d.start, d.end] = d
        real = (d.start, d.end) in positives
        if not real and truth.words[text[d.start : d.end]]:
            continue  # PyMuPDF prints the merged form too (`goodfaith` is in the PDF): not scored
        score.diagnostics += 1
        score.true_diagnostics += real
        score.detected += real
        if d.fix is None or not d.fixable:
            continue
        kind = d.fix.applicability.value
        score.fixed(kind, real, real)
        if not real:
            score.errors.append(f"{name}: WD003 {kind} `{text[d.start : d.end]}`")
    for start, end in sorted(positives):
        score.miss(name, "WD003", text[start:end], found.get((start, end)))


def score_spaced_compounds(
    text: str, diagnostics: list[reslint.Diagnostic], truth: Truth, score: Score
) -> None:
    """WD003's compounds printed with a space where pdftotext joined two lines (`drug resistant`),
    by counts: a pair the reference (line-end hyphens joined) writes spaced fewer times than
    the text, and hyphenated, is that many lost hyphens."""
    wanted: Counter[str] = Counter()
    for m in regex.finditer(r"(?<![\p{L}\p{M}])(\p{L}+)-(\p{L}+)(?![\p{L}\p{M}-])", truth.text):
        pair = f"{m[1]} {m[2]}"
        wanted[pair] = max(0, _spaced(text, pair) - _spaced(truth.text, pair))
    score.positives += sum(wanted.values())
    for d in diagnostics:
        pair = text[d.start : d.end]
        if " " not in pair:
            continue
        real = wanted[pair] > 0
        wanted[pair] -= real
        score.diagnostics += 1
        score.true_diagnostics += real
        score.detected += real
        if d.fix is not None and d.fixable:
            kind = d.fix.applicability.value
            score.fixed(kind, real, real)
            if not real:
                score.errors.append(f"WD003 spaced {kind} `{pair}`")


def _spaced(text: str, pair: str) -> int:
    return len(regex.findall(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(pair)}(?![\p{{L}}\p{{M}}])", text))


def score_un(scores: dict[str, Score]) -> None:
    """pdftotext against PyMuPDF's text of the same PDF."""
    for path in un_extractions("pdftotext"):
        reference = path.parent.parent / "pymupdf" / path.name
        if not reference.exists() or not path.name.startswith("en__"):
            continue
        text = path.read_text(encoding="utf-8")
        truth = Truth(regex.sub(r"-[ \t]*\n\s*", "-", reference.read_text(encoding="utf-8")))
        where = f"un/{path.name}"
        group = scores.setdefault("WD001 un-en pdftotext", Score())
        score_splits(text, "en", truth, group, where, extracted_truth=True)
        lost = reslint.lint(text, lang="en", select=["WD003"])
        score_lost_hyphens(text, lost, truth, scores.setdefault("WD003 un-en pdftotext", Score()), where)
        score_spaced_compounds(text, lost, truth, scores.setdefault("WD003 spaced un-en pdftotext", Score()))


class Aligned:
    """An icdar-fr OCR text and its gold, aligned character by character (`@` fills gaps)."""

    def __init__(self, path: Path) -> None:
        lines = path.read_text(encoding="utf-8").split("\n")
        self.ocr, aligned, self.gold = (next(x for x in lines if x.startswith(t))[len(t) + 1 :] for t in TAGS)
        self.at = [i for i, c in enumerate(aligned) if c != "@"]  # at[k]: where ocr[k] is aligned
        self.plain = self.gold.replace("@", "")
        self.words = Counter(m.group().lower() for m in WORD.finditer(self.plain))

    def gold_of(self, start: int, end: int) -> str:
        return self.gold[self.at[start] : self.at[end - 1] + 1].replace("@", "")

    def broken(self, k: int) -> bool:
        """The gold has no space where OCR space ``k`` is, or a line-end break mark."""
        g, gold = self.at[k], self.gold
        return gold[g] == "@" or gold[g] in BREAK_MARKS or gold[:g].rstrip("@ ")[-1:] in BREAK_MARKS

    def unscorable(self, start: int, end: int) -> bool:
        """The gold is absent (`#`) or keeps the split from its own line layout (module docstring)."""
        apart = self.gold_of(start, end)
        if "#" in apart:
            return True
        pieces = self.ocr[start:end].split()
        if apart.split() != pieces:
            return False
        phrase = rf"(?<!\p{{L}}){regex.escape(' '.join(pieces))}(?!\p{{L}})"
        once = len(regex.findall(phrase, self.plain)) == 1
        return once and min(self.words[p.lower()] for p in pieces) == 1

    def right_join(self, start: int, end: int) -> bool:
        if all(self.broken(k) for k in range(start, end) if self.ocr[k] == " "):
            return True
        apart = self.gold_of(start, end)
        joined = apart.replace(" ", "")
        return " " in apart and (self.words[joined.lower()] > 0 or zipf_frequency(joined, "fr") >= KNOWN_ZIPF)

    def splits(self) -> set[tuple[int, int]]:
        """OCR pieces `a b` whose space the gold does not have and that spell the gold word (not letter
        spacing, `D U`: the letter-spacing rule's artifact)."""
        ocr, tokens = self.ocr, [m.span() for m in WORD.finditer(self.ocr)]
        return {
            (a, d)
            for (a, b), (c, d) in pairwise(tokens)
            if ocr[b:c] == " "
            and self.gold[self.at[b]] == "@"
            and self.gold_of(a, d) == ocr[a:b] + ocr[c:d]
            and not (ocr[a:d].isupper() and min(b - a, d - c) == 1)
        }


def score_ocr(scores: dict[str, Score]) -> None:
    """WD001 on the French OCR of icdar-fr against its aligned gold."""
    score = scores.setdefault("WD001 icdar-fr OCR", Score())
    for path in sorted(CORPUS.glob("icdar-fr/icdar20*/*/*.txt")):
        doc, name = Aligned(path), str(path.relative_to(CORPUS))
        positives = doc.splits()
        score.positives += len(positives)
        found = {}
        for d in reslint.lint(doc.ocr, lang="fr", select=["WD001"]):
            found[d.start, d.end] = d
            real = doc.right_join(d.start, d.end)
            if not real and doc.unscorable(d.start, d.end):
                if d.fix is not None and d.fix.applicability.value == "safe":
                    score.unscored.append(f"{name}: WD001 safe `{doc.ocr[d.start : d.end]}`")
                continue
            score.diagnostics += 1
            score.true_diagnostics += real
            score.detected += (d.start, d.end) in positives
            if d.fix is not None:
                kind = d.fix.applicability.value
                score.fixed(kind, real, real and (d.start, d.end) in positives)
                if not real:
                    gold = doc.gold_of(max(0, d.start - 20), min(len(doc.ocr), d.end + 20))
                    score.errors.append(f"{name}: WD001 {kind} `{doc.ocr[d.start : d.end]}`, gold `{gold}`")
        for start, end in sorted(positives):
            score.miss(name, "WD001", doc.ocr[start:end], found.get((start, end)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list every wrong fix")
    parser.add_argument("--misses", action="store_true", help="list every artifact not fixed safely, and why")
    args = parser.parse_args()
    require_corpus()
    scores: dict[str, Score] = {}
    for name, folder, lang in documents():
        truth = Truth(truth_text(folder))
        group = ("kern " if "_kern" in folder.name else "") + (
            "fr-typeset" if "fr-typeset" in name else f"udhr-{lang}"
        )
        for path in sorted((folder / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            where = f"{name}/{path.stem}"
            score_splits(text, lang, truth, scores.setdefault(f"WD001 {group}", Score()), where)
            score_hyphens(text, lang, truth, scores.setdefault(f"WD002 {group}", Score()), where)
    score_un(scores)
    score_ocr(scores)
    print(
        "| rule / corpus | artifacts | detection P | detection R | safe fixes | safe P | safe R "
        "| safe+unsafe P | safe+unsafe R |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    totals: dict[str, Score] = {}
    for key in sorted(scores):
        print(scores[key].row(key))
        total = totals.setdefault(key.split()[0] + (" OCR" if "OCR" in key else ""), Score())
        s = scores[key]
        total.positives += s.positives
        total.detected += s.detected
        total.diagnostics += s.diagnostics
        total.true_diagnostics += s.true_diagnostics
        total.fixes.update(s.fixes)
        total.right_fixes.update(s.right_fixes)
        total.recalled.update(s.recalled)
        total.errors += s.errors
        total.misses += s.misses
        total.unscored += s.unscored
    for key, total in sorted(totals.items()):
        print(total.row(f"**{key} all**"))
    for total in totals.values():
        for line in total.errors if args.verbose else total.errors[:15]:
            print(line)
        for line in total.misses if args.misses else ():
            print(line)
        for line in total.unscored if args.verbose else ():
            print(f"unscored (check by eye): {line!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
