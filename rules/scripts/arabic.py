"""Arabic words and lines: character classes, word-list evidence, per-line votes.

A word votes ``visual`` when it is known to the Arabic word list only reversed (or starts
with a letter that only ends words), ``logical`` the other way round. pdfminer and
pdfplumber print Arabic the way it is drawn, left to right, so their words vote visual.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from reslint.api import Document, Line

from ..lazy_pattern import lazy_re
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
ARABIC_WORD = lazy_re(f"[{LETTERS}{MARKS_RANGE}]+")
WORD_BEFORE = lazy_re(f"[{LETTERS}{MARKS_RANGE}]+$")
MARKS = lazy_re(MARK)
LETTER_RE = lazy_re(LETTER)
# Cuts a text at each mark, the marks kept as pieces of their own (``MARK_SPLIT.split``).
MARK_SPLIT = lazy_re(f"({MARK})")
MARK_AFTER_SPACE = lazy_re(f" {MARK}")
MARK_BEFORE_SPACE = lazy_re(f"{MARK} ")
LAM_ALEF = lazy_re("ل[أإآا]")
# Word shapes: the article or a final-only letter where logical order puts them, or
# where visual order does (``ةدحتملا``, ``لاو…``); a line is screened on them first.
EDGE = f"(?<!{LETTER})(?<!{MARK})"
END = f"(?!{LETTER})(?!{MARK})"
LOGICAL_SHAPE = lazy_re(f"{EDGE}[وفبكل]?ال{LETTER}{{2}}|{LETTER}{{2}}[ةى]{MARK}*{END}")
VISUAL_SHAPE = lazy_re(f"{LETTER}{{2}}لا[وفبك]?{MARK}*{END}|{EDGE}[ةى]{MARK}*{LETTER}")
SCREEN_MIN = 2
ARABIC_LINE = lazy_re(f"^[^\\n]*?{LETTER}", re.MULTILINE)
# Letters that only end a word in logical order (taa marbuta, alef maksura).
FINAL_ONLY = frozenset("ةى")
KNOWN = 3.0
# Below this Zipf frequency a word counts as unknown.
KNOWN_AT_ALL = 1.0
ZIPF_PER_BILLION = 9.0
MIN_LETTERS = 2


def strip_marks(word: str) -> str:
    return MARKS.sub("", word)


# Words that never take a tanween: definite ones (the article) and particles, with the
# prepositions that carry a pronoun.
ARTICLE = lazy_re("^(?:[وفبك]?ال|لل)")
PARTICLES = frozenset(
    "إذا هذا كذا لذا هكذا كهذا كما لما بما مما عما فيما إنما ربما أما إما بينما عندما "
    "حينما كلما طالما هنا أنا إلا ألا حيثما مهما أينما كيفما لنا بنا عنا منا لا ما "
    "فيها لها بها منها عنها إليها عليها لديها فيهما لهما بهما منهما عنهما عليهما".split()
)


def never_tanween(letters: str) -> bool:
    """Whether a word (its letters, no marks) never ends in a tanween: definite, or a
    particle (``فيها``, ``كما``)."""
    return letters in PARTICLES or ARTICLE.search(letters) is not None


TANWEEN_FATH = "\u064b"
# The letters a final tanween fath is written on (or before, for alef), and the shortest word
# taken as its carrier.
TANWEEN_CARRIERS = frozenset("اةء")
TANWEEN_MIN_LETTERS = 3
# Endings that mostly are not a tanween's seat (a pronoun suffix, a plural verb), though
# some nouns end so (``وجهًا``, ``عضوًا``): such words are not taken as its carrier.
UNLIKELY_TANWEEN = lazy_re("(?:ها|هما|وا)$")


def takes_tanween(word: str) -> bool:
    """Whether ``word`` (no mark yet) may be an indefinite noun ending in a tanween fath."""
    return (
        strip_marks(word) == word
        and len(word) >= TANWEEN_MIN_LETTERS
        and word[-1] in TANWEEN_CARRIERS
        and not never_tanween(word)
        and UNLIKELY_TANWEEN.search(word) is None
        and known(word) >= KNOWN_AT_ALL
    )


def known(word: str) -> float:
    """Zipf frequency of an Arabic word (marks ignored)."""
    return zipf(strip_marks(word), "ar")


def joined_wins(left: str, right: str) -> bool:
    """Unigram model: ``left``+``right`` is a known word and beats the two parts."""
    joined = known(left + right)
    return joined >= KNOWN and joined > known(left) + known(right) - ZIPF_PER_BILLION


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
    if z_rev >= KNOWN and z_log < KNOWN_AT_ALL:
        return WordVote(word, "visual", reading[::-1])
    if z_log >= KNOWN and z_rev < KNOWN_AT_ALL:
        return WordVote(word, "logical", word)
    return WordVote(word, None, word)


@dataclass(frozen=True)
class LineVotes:
    """How the Arabic words of one line read: counts, and the word votes when looked up."""

    line: Line
    visual: int
    logical: int
    words: tuple[WordVote, ...] = ()


def count_votes(words: tuple[WordVote, ...]) -> tuple[int, int]:
    """(visual, logical) votes among ``words``."""
    return sum(w.vote == "visual" for w in words), sum(w.vote == "logical" for w in words)


def text_votes(text: str) -> tuple[WordVote, ...]:
    return tuple(vote(w) for w in ARABIC_WORD.findall(text))


def _word_votes(line: Line) -> LineVotes:
    words = text_votes(line.text)
    return LineVotes(line, *count_votes(words), words)


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


def visual_lines(doc: Document) -> set[int]:
    """The numbers of the lines whose words vote more for visual order than for logical."""
    return {v.line.number for v in line_votes(doc) if v.visual > v.logical}


# A document is in visual order when this share of its deciding words read only reversed.
DOC_VISUAL_SHARE = 0.8


def visual_share(lines: list[LineVotes]) -> float:
    """The share of the words voting ``visual`` among those that vote at all."""
    visual = sum(v.visual for v in lines)
    decided = visual + sum(v.logical for v in lines)
    return visual / decided if decided else 0.0


def next_nonblank(doc: Document, number: int, step: int) -> Line | None:
    """The first line from line ``number`` on, ``step`` (±1) at a time, that holds more than
    spaces and tabs (a form feed counts: blank lines are skipped, a page break is not)."""
    number += step
    while 1 <= number <= doc.line_count:
        line = doc.line(number)
        if line.text.strip(" \t"):
            return line
        number += step
    return None


def marks_first(doc: Document) -> bool:
    """Whether this extractor printed marks before their base (pdfminer) or after it."""
    text = doc.text
    return doc.memo(
        "scripts.marks_first",
        lambda: len(MARK_AFTER_SPACE.findall(text)) > len(MARK_BEFORE_SPACE.findall(text)),
    )
