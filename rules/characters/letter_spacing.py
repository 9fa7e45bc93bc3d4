from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re, lazy_regex

_L = r"[\p{Latin}\p{Cyrillic}\p{Greek}]\p{M}*"
# Single letters separated by spaces: `N A T I O N S  U N I E S`, `D i s t r .`
SPACED = lazy_regex(
    rf"(?<![\p{{L}}\p{{N}}\p{{M}}'’.\-])(?:{_L} {{1,8}}){{2,}}{_L}(?![\p{{L}}\p{{N}}\p{{M}}'’\-])(?: ?\.)?"
)
# Fast screen: any run of four or more spaced letters holds ` x y ` (two letters between spaces).
CANDIDATE = lazy_re(r" \w +\w ")
PIECE = lazy_regex(rf"({_L}|\.)( *)")
WORD = lazy_regex(r"\p{L}[\p{L}\p{M}]+")
MAX_SEGMENTED = 40
MIN_LETTERS = 4


class LetterSpacing(Rule):
    """Letter-spaced words: single letters separated by spaces.

    What it does:
        Finds runs of single Latin, Cyrillic or Greek letters separated by spaces
        (spaced-out capitals of old mastheads, or an extractor that writes every glyph
        as a word). Word boundaries are the wider gaps; where all gaps are equal, a
        unique split into words used elsewhere in the document is proposed. Runs of fewer
        than four letters are ignored, so single-letter words (``il y a à``) never count.

    Why it matters:
        ``N A T I O N S`` is seven one-letter tokens instead of one word: search,
        furniture patterns and word rules all miss it.

    Example:
        ``N A T I O N S  U N I E S`` → ``NATIONS  UNIES``; ``D i s t r .`` → ``Distr.``
        (OCR of E/ICEF/672, 1980)

    Fix safety:
        Safe when the wider gaps give the words and every word of two or more letters
        occurs elsewhere in the document. Unsafe when the words are unknown to the
        document but the run is capitals (letter-spaced headings), or when the split
        into words comes from the document's vocabulary alone (all gaps equal). Other
        runs are not reported. The wide gaps themselves are kept (``multiple-spaces``
        owns them).
    """

    code = "CH008"
    name = "letter-spacing"
    family = "characters"
    summary = "Letter-spaced word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for m in _runs(text):
            pieces = PIECE.findall(m.group())
            if sum(p != "." for p, _ in pieces) < MIN_LETTERS:
                continue
            proposal = _propose(doc, pieces)
            if proposal is None:
                continue
            replacement, safety, evidence = proposal
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"Letter-spaced text: {replacement.strip()!r}",
                fix=Fix.replace(m.start(), m.end(), replacement, safety, "Join the letters"),
                evidence=evidence,
            )


def _runs(text: str) -> Iterator[regex.Match[str]]:
    """The letter-spaced runs, matched only where the fast screen hit (at a run's start)."""
    end = 0
    for hit in CANDIDATE.finditer(text):
        at = hit.start()
        if at < end:
            continue  # inside the run just found
        m = SPACED.match(text, at - 1) if at and text[at - 1] != " " else None
        m = m or SPACED.match(text, at + 1)
        if m:
            end = m.end()
            yield m


def _propose(doc: Document, pieces: list[tuple[str, str]]) -> tuple[str, Applicability, str] | None:
    """The joined text, its safety and the evidence, or None when there is not enough."""
    gaps = [len(gap) for _, gap in pieces[:-1]]
    narrow = min((g for g in gaps if g), default=0)  # a full stop sits on its letter (gap 0)
    if not narrow or narrow > 2:
        return None  # columns of a layout, not a spaced word
    words: list[str] = [""]
    seps: list[str] = []
    for k, (piece, gap) in enumerate(pieces):
        words[-1] += piece
        if k < len(gaps) and gaps[k] > narrow:
            seps.append(gap)
            words.append("")
    bare = [w.rstrip(".") for w in words]
    if not all(_plausible_case(w) for w in bare):
        return None
    vocab = vocabulary(doc)
    known = [w for w in bare if len(w) > 1 and w.lower() in vocab]
    capitalised = not any(w.islower() for w in bare)
    if known and len(known) == sum(len(w) > 1 for w in bare):
        evidence = "the words occur elsewhere in the document: " + ", ".join(
            f"{w!r} {vocab[w.lower()]}×" for w in known
        )
        return _join(words, seps), Applicability.SAFE, evidence
    if not capitalised:
        return None
    if len(words) == 1:
        split = _segment(bare[0], vocab)
        if split:
            dot = words[0][len(bare[0]) :]
            return " ".join(split) + dot, Applicability.UNSAFE, f"the only split into document words: {split}"
    return _join(words, seps), Applicability.UNSAFE, "spaced capitals; the words do not occur elsewhere"


def _join(words: list[str], seps: list[str]) -> str:
    return words[0] + "".join(sep + word for sep, word in zip(seps, words[1:], strict=True))


def _plausible_case(word: str) -> bool:
    return word.isupper() or word.islower() or (word[:1].isupper() and word[1:].islower())


def vocabulary(doc: Document) -> Counter[str]:
    """Lower-cased words of two or more letters in the document (memoised)."""
    return doc.memo("characters.vocabulary", lambda: Counter(w.lower() for w in WORD.findall(doc.text)))


def _segment(letters: str, vocab: Counter[str]) -> list[str] | None:
    """The only split of ``letters`` into document words of 2+ letters, if exactly one."""
    if len(letters) > MAX_SEGMENTED:
        return None
    low = letters.lower()
    # ways[i]: number of splits of low[i:] (capped at 2) and the first word of one of them
    ways: list[tuple[int, int]] = [(0, 0)] * len(low) + [(1, 0)]
    for i in range(len(low) - 1, -1, -1):
        count, first = 0, 0
        for j in range(i + 2, len(low) + 1):
            if ways[j][0] and low[i:j] in vocab:
                count += ways[j][0]
                first = j
        ways[i] = (min(count, 2), first)
    if ways[0][0] != 1:
        return None
    split, i = [], 0
    while i < len(low):
        j = ways[i][1]
        split.append(letters[i:j])
        i = j
    return split if len(split) > 1 else None
