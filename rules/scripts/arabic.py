"""Arabic text in visual order: word evidence and the visual → logical reordering of a line.

pdfminer and pdfplumber print an Arabic line the way it is drawn, left to right: the letters
of every word reversed, the words in reverse order, digits and Latin runs left to right, the
sentence-final full stop at the start. Tashkeel marks come out before (pdfminer) or after
(pdfplumber) their base letter, often with a stray space, and a lam-alef ligature may keep
its own two letters in logical order (``لولأ ا`` for ``الأول``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

import regex

from reslint.api import Document, Line

from .lexicon import zipf

LETTER = r"[\p{Arabic}&&\p{L}]"
MARK = r"[\p{scx=Arabic}&&\p{Mn}]"
ARABIC_WORD = regex.compile(rf"(?:{LETTER}|{MARK})+", regex.V1)
WORD_BEFORE = regex.compile(rf"(?:{LETTER}|{MARK})+$", regex.V1)
MARKS = regex.compile(MARK, regex.V1)
# A left-to-right run: from a strong non-Arabic letter or a digit to the last one, no Arabic.
LTR_RUN = regex.compile(
    r"[[\p{L}\p{Nd}]--\p{Arabic}](?:[^\p{Arabic}\n]*[[\p{L}\p{Nd}]--\p{Arabic}])?", regex.V1
)
# A space the extractor put next to a mark or a lone alef inside one word.
SUSPECT_SPACE = regex.compile(
    rf"(?<={MARK}) (?={LETTER})|(?<={LETTER}) (?={MARK})"
    rf"|(?<=(?:\s|^)ا) (?={LETTER})|(?<={LETTER}) (?=ا(?:\s|$))",
    regex.V1,
)
MARK_AFTER_SPACE = regex.compile(rf" {MARK}", regex.V1)
MARK_BEFORE_SPACE = regex.compile(rf"{MARK} ", regex.V1)
LAM_ALEF = regex.compile(r"ل[أإآا]")
# Letters that only end a word in logical order (taa marbuta, alef maksura).
FINAL_ONLY = frozenset("ةى")
BRACKETS = {"(": ")", "[": "]", "{": "}"}
KNOWN = 3.0
JOIN_MIN = 1.0
ZIPF_PER_BILLION = 9.0
MIN_LETTERS = 2


def strip_marks(word: str) -> str:
    return MARKS.sub("", word)


def known(word: str) -> float:
    """Zipf frequency of an Arabic word (marks ignored)."""
    return zipf(strip_marks(word), "ar")


def _lam_alef_variants(visual: str) -> Iterator[str]:
    """``visual`` and the forms where a lam-alef pair printed in logical order is swapped."""
    spots = [m.start() for m in LAM_ALEF.finditer(visual)][:2]
    for choice in product((False, True), repeat=len(spots)):
        chars = list(visual)
        for swap, at in zip(choice, spots, strict=True):
            if swap:
                chars[at], chars[at + 1] = chars[at + 1], chars[at]
        yield "".join(chars)


def best_reading(visual: str) -> tuple[str, float]:
    """The visual word (lam-alef variants) whose reversal is most frequent, and that Zipf."""
    best, best_z = visual, known(visual[::-1])
    for variant in _lam_alef_variants(visual):
        z = known(variant[::-1])
        if z > best_z:
            best, best_z = variant, z
    return best, best_z


@dataclass(frozen=True)
class WordVote:
    """How one Arabic word of a line reads: ``visual`` (reversed), ``logical`` or neither."""

    word: str
    vote: str | None
    reading: str


def vote(word: str) -> WordVote:
    letters = strip_marks(word)
    if len(letters) < MIN_LETTERS:
        return WordVote(word, None, word)
    reading, z_rev = best_reading(letters)
    z_log = known(letters)
    if letters[0] in FINAL_ONLY and letters[-1] not in FINAL_ONLY and z_log < KNOWN:
        return WordVote(word, "visual", reading[::-1])
    if letters[-1] in FINAL_ONLY and letters[0] not in FINAL_ONLY and z_rev < KNOWN:
        return WordVote(word, "logical", word)
    if z_rev >= KNOWN and z_log < 1.0:
        return WordVote(word, "visual", reading[::-1])
    if z_log >= KNOWN and z_rev < 1.0:
        return WordVote(word, "logical", word)
    return WordVote(word, None, word)


def join_suspect_spaces(line: str) -> str:
    """Drop the spaces the extractor put inside a visual-order word (unigram evidence)."""
    out, last = [], 0
    for m in SUSPECT_SPACE.finditer(line):
        lm = WORD_BEFORE.search(line, 0, m.start())
        rm = ARABIC_WORD.match(line, m.end())
        if lm is None or rm is None:
            continue
        a, b = lm.group(), rm.group()
        joined = best_reading(strip_marks(a + b))[1]
        parts = best_reading(strip_marks(a))[1] + best_reading(strip_marks(b))[1]
        # Unigram model: the joined word beats the two parts read as independent words.
        if joined >= JOIN_MIN and joined > parts - ZIPF_PER_BILLION:
            out.append(line[last : m.start()])
            last = m.end()
    out.append(line[last:])
    return "".join(out)


def _clusters(text: str, marks_first: bool) -> list[str]:
    """Base letters each followed by its marks; a mark belongs to the next base when
    ``marks_first`` (pdfminer), else to the previous one (pdfplumber)."""
    items: list[str] = []
    pending = ""
    for ch in text:
        if MARKS.fullmatch(ch):
            if marks_first or not items or items[-1].isspace():
                pending += ch
            else:
                items[-1] += ch
            continue
        if pending and not ch.isspace():
            items.append(ch + pending)
            pending = ""
        else:
            if pending:
                items.append(pending)
                pending = ""
            items.append(ch)
    if pending:
        items.append(pending)
    return items


def _ltr_spans(line: str) -> list[tuple[int, int]]:
    """Left-to-right runs, widened to take in a bracket that closes or opens inside them."""
    spans = []
    for m in LTR_RUN.finditer(line):
        start, end = m.span()
        run = m.group()
        for opening, closing in BRACKETS.items():
            if run.count(opening) > run.count(closing) and line[end : end + 1] == closing:
                end += 1
            if run.count(closing) > run.count(opening) and line[start - 1 : start] == opening:
                start -= 1
        spans.append((start, end))
    return spans


def to_logical(line: str, marks_first: bool) -> str:
    """Reorder one visual-order line: runs in reverse order, right-to-left runs reversed."""
    line = join_suspect_spaces(line)
    pieces, last = [], 0
    for start, end in _ltr_spans(line):
        pieces.append((line[last:start], False))
        pieces.append((line[start:end], True))
        last = end
    pieces.append((line[last:], False))
    out = []
    for text, ltr in reversed(pieces):
        if ltr:
            out.append(text)
            continue
        words = [_fix_lam_alef(w) for w in regex.split(r"(\s+)", text)]
        items = _clusters("".join(words), marks_first)
        out.append("".join(reversed(items)))
    return "".join(out)


def _fix_lam_alef(visual_word: str) -> str:
    letters = strip_marks(visual_word)
    if len(letters) < MIN_LETTERS or letters != visual_word:
        return visual_word
    return best_reading(visual_word)[0]



@dataclass(frozen=True)
class LineVotes:
    """The word votes of one line that holds Arabic words."""

    line: Line
    words: tuple[WordVote, ...]

    @property
    def visual(self) -> int:
        return sum(w.vote == "visual" for w in self.words)

    @property
    def logical(self) -> int:
        return sum(w.vote == "logical" for w in self.words)


def _line_votes(doc: Document) -> list[LineVotes]:
    out = []
    for line in doc.lines():
        words = tuple(vote(m.group()) for m in ARABIC_WORD.finditer(line.text))
        if words:
            out.append(LineVotes(line, words))
    return out


def line_votes(doc: Document) -> list[LineVotes]:
    """Every line with Arabic words and how its words vote (memoised per document)."""
    if not ARABIC_WORD.search(doc.text):
        return []
    return doc.memo("scripts.arabic_votes", lambda: _line_votes(doc))


def marks_first(doc: Document) -> bool:
    """Whether this extractor printed marks before their base (pdfminer) or after it."""
    text = doc.text
    return doc.memo(
        "scripts.marks_first",
        lambda: len(MARK_AFTER_SPACE.findall(text)) > len(MARK_BEFORE_SPACE.findall(text)),
    )
