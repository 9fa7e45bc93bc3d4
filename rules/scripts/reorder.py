"""The visual → logical reordering of one Arabic line.

pdfminer and pdfplumber print an Arabic line the way it is drawn, left to right: the letters
of every word reversed, the words in reverse order, digits and Latin runs left to right, the
sentence-final full stop at the start. Tashkeel marks come out before (pdfminer) or after
(pdfplumber) their base letter, often with a stray space, and a lam-alef ligature may keep
its own two letters in logical order (``لولأ ا`` for ``الأول``).
"""

from __future__ import annotations

import regex

from ..lazy_pattern import lazy_re, lazy_regex
from .arabic import (
    ARABIC_WORD,
    KNOWN_AT_ALL,
    LETTER_RE,
    MARKS,
    MIN_LETTERS,
    WORD_BEFORE,
    ZIPF_PER_BILLION,
    best_reading,
    strip_marks,
)

# A left-to-right run: from a strong non-Arabic letter or a digit to the last one, no Arabic.
# Arabic-Indic digits and their separators run left to right like any number.
DIGITS_AR = "\\u0660-\\u0669\\u06f0-\\u06f9"
LTR_CHAR = rf"[[[\p{{L}}\p{{Nd}}]--\p{{Arabic}}]{DIGITS_AR}]"
LTR_RUN = lazy_regex(
    rf"{LTR_CHAR}(?:[[^\p{{Arabic}}\n]{DIGITS_AR}\u066b\u066c]*{LTR_CHAR})?", regex.V1
)
WORD_WINDOW = 64
# A tanween drawn over the lam-alef ligature is typed after the alef.
LAM_TANWEEN_ALEF = lazy_re("ل\u064bا")
BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _join_gain(a: str, b: str) -> float | None:
    """How much more frequent ``a``+``b`` is than ``a`` and ``b`` as two words (unigram
    model, visual words), or ``None`` when the joined word is unknown or loses."""
    joined = best_reading(strip_marks(a + b))[1]
    parts = best_reading(strip_marks(a))[1] + best_reading(strip_marks(b))[1] - ZIPF_PER_BILLION
    return joined - parts if joined >= KNOWN_AT_ALL and joined > parts else None


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
        if _inside_word(line, start, end):
            continue
        for opening, closing in BRACKETS.items():
            if run.count(opening) > run.count(closing) and line[end : end + 1] == closing:
                end += 1
            if run.count(closing) > run.count(opening) and line[start - 1 : start] == opening:
                start -= 1
        spans.append((start, end))
    return spans


def _inside_word(line: str, start: int, end: int) -> bool:
    """Whether the run is one Latin letter glued to Arabic letters on both sides (a glyph
    printed inside a word, SC011's): it stays in the word, read with it."""
    return (
        end - start == 1
        and line[start].isascii()
        and line[start].isalpha()
        and LETTER_RE.fullmatch(line[start - 1 : start]) is not None
        and LETTER_RE.fullmatch(line[end : end + 1]) is not None
    )


def to_logical(line: str, marks_first: bool) -> str:
    """Reorder one visual-order line: runs in reverse order, right-to-left runs reversed
    (a tanween on a lam-alef ligature goes after the alef, as it is typed). A form feed
    inside the line ends a page: each page's piece is reordered on its own."""
    if "\f" in line:
        return "\f".join(to_logical(piece, marks_first) for piece in line.split("\f"))
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
