"""Arabic text in visual order: word evidence and the visual → logical reordering of a line.

pdfminer and pdfplumber print an Arabic line the way it is drawn, left to right: the letters
of every word reversed, the words in reverse order, digits and Latin runs left to right, the
sentence-final full stop at the start. Tashkeel marks come out before (pdfminer) or after
(pdfplumber) their base letter, often with a stray space, and a lam-alef ligature may keep
its own two letters in logical order (``لولأ ا`` for ``الأول``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import regex

from reslint.api import Document, Line

from .lexicon import zipf
from .screen import has_script_chars

# Arabic letters and combining marks as explicit ranges (``re`` runs them fastest).
LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6"
    "\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f"
)
MARKS_RANGE = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
LETTER = f"[{LETTERS}]"
MARK = f"[{MARKS_RANGE}]"
ARABIC_WORD = re.compile(f"[{LETTERS}{MARKS_RANGE}]+")
WORD_BEFORE = re.compile(f"[{LETTERS}{MARKS_RANGE}]+$")
MARKS = re.compile(MARK)
# A left-to-right run: from a strong non-Arabic letter or a digit to the last one, no Arabic.
# Arabic-Indic digits and their separators run left to right like any number.
DIGITS_AR = "\\u0660-\\u0669\\u06f0-\\u06f9"
LTR_CHAR = rf"[[[\p{{L}}\p{{Nd}}]--\p{{Arabic}}]{DIGITS_AR}]"
LTR_RUN = regex.compile(
    rf"{LTR_CHAR}(?:[[^\p{{Arabic}}\n]{DIGITS_AR}\u066b\u066c]*{LTR_CHAR})?", regex.V1
)
LETTER_RE = re.compile(LETTER)
WORD_WINDOW = 64
MARK_AFTER_SPACE = re.compile(f" {MARK}")
MARK_BEFORE_SPACE = re.compile(f"{MARK} ")
LAM_ALEF = re.compile("ل[أإآا]")
# A tanween drawn over the lam-alef ligature is typed after the alef.
LAM_TANWEEN_ALEF = re.compile("ل\u064bا")
# Word shapes: the article or a final-only letter where logical order puts them, or
# where visual order does (``ةدحتملا``, ``لاو…``); a line is screened on them first.
EDGE = f"(?<!{LETTER})(?<!{MARK})"
END = f"(?!{LETTER})(?!{MARK})"
LOGICAL_SHAPE = re.compile(f"{EDGE}[وفبكل]?ال{LETTER}{{2}}|{LETTER}{{2}}[ةى]{MARK}*{END}")
VISUAL_SHAPE = re.compile(f"{LETTER}{{2}}لا[وفبك]?{MARK}*{END}|{EDGE}[ةى]{MARK}*{LETTER}")
SCREEN_MIN = 2
ARABIC_LINE = re.compile(f"^[^\\n]*?{LETTER}", re.MULTILINE)
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


@lru_cache(maxsize=100_000)
def vote(word: str) -> WordVote:
    """Whether ``word`` reads as printed, reversed, or cannot tell (word list, letters)."""
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


def _join_gain(a: str, b: str) -> float | None:
    """How much more frequent ``a``+``b`` is than ``a`` and ``b`` as two words (unigram
    model, visual words), or ``None`` when the joined word is unknown or loses."""
    joined = best_reading(strip_marks(a + b))[1]
    parts = best_reading(strip_marks(a))[1] + best_reading(strip_marks(b))[1] - ZIPF_PER_BILLION
    return joined - parts if joined >= JOIN_MIN and joined > parts else None


def _edge_words(left: str, right: str) -> tuple[str, str] | None:
    """The Arabic word ending ``left`` and the one starting ``right``, if both exist."""
    before = WORD_BEFORE.search(left[-WORD_WINDOW:])
    after = ARABIC_WORD.match(right)
    return (before.group(), after.group()) if before and after else None


def _mark_gap(left: str, right: str) -> bool:
    return bool(left and right) and (
        MARKS.fullmatch(left[-1]) is not None and LETTER_RE.fullmatch(right[0]) is not None
        or LETTER_RE.fullmatch(left[-1]) is not None and MARKS.fullmatch(right[0]) is not None
    )


def _gain(left: str, right: str) -> float | None:
    words = _edge_words(left, right)
    return _join_gain(*words) if words else None


def join_suspect_spaces(line: str) -> str:
    """Drop the spaces the extractor put inside a visual-order word: first those beside a
    mark, then one beside a lone alef (to the side whose joined word wins)."""
    parts = line.split(" ")
    joined = [parts[-1]]
    for left in reversed(parts[:-1]):
        if _mark_gap(left, joined[-1]) and _gain(left, joined[-1]) is not None:
            joined[-1] = left + joined[-1]
        else:
            joined.append(left)
    parts = joined[::-1]
    out: list[str] = []
    for i, part in enumerate(parts):
        if part == "ا" and out and i + 1 < len(parts):
            gain_left, gain_right = _gain(out[-1], part), _gain(part, parts[i + 1])
            if gain_left is not None and (gain_right is None or gain_left >= gain_right):
                out[-1] += part
                continue
            if gain_right is not None:
                parts[i + 1] = part + parts[i + 1]
                continue
        out.append(part)
    return " ".join(out)


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
    """Reorder one visual-order line: runs in reverse order, right-to-left runs reversed
    (a tanween on a lam-alef ligature goes after the alef, as it is typed)."""
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
    return LAM_TANWEEN_ALEF.sub("لا\u064b", "".join(out))


def _fix_lam_alef(visual_word: str) -> str:
    letters = strip_marks(visual_word)
    if len(letters) < MIN_LETTERS or letters != visual_word:
        return visual_word
    return best_reading(visual_word)[0]



@dataclass(frozen=True)
class LineVotes:
    """How the Arabic words of one line read: counts, and the word votes when looked up."""

    line: Line
    visual: int
    logical: int
    words: tuple[WordVote, ...] = ()


def _word_votes(line: Line) -> LineVotes:
    words = tuple(vote(w) for w in ARABIC_WORD.findall(line.text))
    visual = sum(w.vote == "visual" for w in words)
    logical = sum(w.vote == "logical" for w in words)
    return LineVotes(line, visual, logical, words)


def _line_votes(doc: Document) -> list[LineVotes]:
    """Word shapes first, over the whole text at once: a line with two words shaped logical
    (article first, final-only letter last) and none shaped reversed is logical without a
    look-up; the other lines with Arabic words are looked up word by word."""
    text, number = doc.text, doc.line_number
    shaped = Counter(map(number, map(re.Match.start, LOGICAL_SHAPE.finditer(text))))
    reversed_shape = set(map(number, map(re.Match.start, VISUAL_SHAPE.finditer(text))))
    out = []
    for m in ARABIC_LINE.finditer(text):
        n = number(m.start())
        line = doc.line(n)
        if shaped[n] >= SCREEN_MIN and n not in reversed_shape:
            out.append(LineVotes(line, 0, shaped[n]))
        else:
            out.append(_word_votes(line))
    return out


def line_votes(doc: Document) -> list[LineVotes]:
    """Every line with Arabic words and how its words vote (memoised per document)."""
    return doc.memo(
        "scripts.arabic_votes",
        lambda: _line_votes(doc) if has_script_chars(doc) and ARABIC_WORD.search(doc.text) else [],
    )


def marks_first(doc: Document) -> bool:
    """Whether this extractor printed marks before their base (pdfminer) or after it."""
    text = doc.text
    return doc.memo(
        "scripts.marks_first",
        lambda: len(MARK_AFTER_SPACE.findall(text)) > len(MARK_BEFORE_SPACE.findall(text)),
    )
