from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Rule

from ..lazy_pattern import lazy_re
from .arabic import (
    ARABIC_WORD,
    KNOWN_AT_ALL,
    LETTER,
    LETTER_RE,
    MARK,
    MARK_SPLIT,
    MIN_LETTERS,
    known,
    line_votes,
    never_tanween,
    strip_marks,
)
from .edits import line_rewrites

SPACE_BEFORE_MARK = lazy_re(f" +(?={MARK})")
# A mark that does not follow a letter: impossible in logical text.
STRAY_MARK = lazy_re(f"(?<!{LETTER})(?<!{MARK}){MARK}")
SAFE_GAIN = 2
INNER_MARK = lazy_re(f"{LETTER}{MARK}+{LETTER}")
# A tanween followed by a letter (or by alef and a letter): it ends words, so a cut is there.
TANWEEN_INSIDE = lazy_re(f"(?<={LETTER})[\u064b-\u064d](?=(?![اى]){LETTER}|[اى]{LETTER})")
TANWEEN = lazy_re("[\u064b-\u064d]")
DIGIT = lazy_re(r"\d")
# A clause number opening the line stays first (``1 بمحاكمة … فيهاً إلى …`` → ``1. كل …``);
# the space after it is the one the first piece had before its first word.
CLAUSE_NUMBER = lazy_re(r"^(\s*\d{1,3})")


def _bad(word: str) -> bool:
    """A lone letter (but the conjunction و) or a word unknown to the word list."""
    letters = strip_marks(word)
    return len(letters) < MIN_LETTERS and letters != "و" or known(word) < KNOWN_AT_ALL


def _misplaced_tanween(word: str) -> bool:
    """A tanween on a word that never takes one (``فيهاً``: a pronoun suffix)."""
    return TANWEEN.search(word) is not None and never_tanween(strip_marks(word))


def badness(line: str) -> tuple[int, list[str]]:
    """Stray marks, unknown Arabic words, and tanweens where none can be."""
    words = ARABIC_WORD.findall(line)
    bad = [w for w in words if _bad(w)]
    misplaced = len(TANWEEN_INSIDE.findall(line)) + sum(map(_misplaced_tanween, words))
    return len(bad) + len(STRAY_MARK.findall(line)) + misplaced, bad


def _cut_signature(line: str) -> bool:
    """The line opens with a word fragment, an unknown word has a mark inside, a tanween
    (which ends words) is followed by a letter, or a word that never takes a tanween has
    one: two pieces glued at a cut. Another lone misplaced mark is not enough."""
    words = ARABIC_WORD.findall(line)
    return (
        TANWEEN_INSIDE.search(line) is not None
        or bool(words)
        and _bad(words[0])
        or any(INNER_MARK.search(w) and _bad(w) or _misplaced_tanween(w) for w in words)
    )


def reassemble(line: str) -> str:
    """The pieces between marks in reverse order, each mark after the piece it followed."""
    pieces = MARK_SPLIT.split(line)
    out = pieces[-1] + "".join(
        pieces[i] + pieces[i - 1] for i in range(len(pieces) - 2, 0, -2)
    )
    return SPACE_BEFORE_MARK.sub("", out).strip()


class ArabicMarkPieces(Rule):
    """An Arabic line cut at its marks, the pieces printed in reverse order.

    What it does:
        Finds a line in logical order whose words break at a tashkeel mark (``ا كان …
        الثابتة ّلم`` for ``لمّا كان … الثابتة``): pypdf cuts a right-to-left line at every
        combining mark and prints the pieces last first. The fix puts the pieces back in
        order, each mark after the letter it belongs to, when that leaves fewer unknown
        words and stray marks.

    Why it matters:
        The pieces scramble a sentence (the start of the line ends up last) and leave
        word fragments (``ا``, ``ّلم``) no tool can read.

    Example:
        ``ا وأن ترفع مستوى الحياة في جو من الحرية أفسح. ًالاجتماعي قدم`` →
        ``الاجتماعي قدمًا وأن ترفع مستوى الحياة في جو من الحرية أفسح.``

    Fix safety:
        Safe when reassembling removes every stray mark and at least two defects: unknown
        words, stray marks, tanweens where none can be (before a letter, or on a word that
        never takes one: ``فيهاً``) and a clause number whose full stop only the pieces
        hold; unsafe when it removes fewer. A clause number opening the line stays first
        (the pieces must then start with its full stop); lines with other digits are left
        alone. Only the order of the pieces changes (and spaces before
        marks go): no letter or digit is lost.
    """

    code = "SC006"
    name = "arabic-mark-pieces"
    family = "scripts"
    summary = "Arabic line cut at its marks, pieces in reverse order"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for votes in line_votes(doc):
            line = votes.line
            number = CLAUSE_NUMBER.match(line.text)
            prefix = number.group(1) if number else ""
            text = line.text[number.end() :] if number else line.text
            first = MARK_SPLIT.split(text, maxsplit=1)
            # Other digits would move; a leading full stop is SC004's.
            if votes.visual > votes.logical or len(first) == 1 or DIGIT.search(text):
                continue
            if (first[0].strip() or not prefix) and not ARABIC_WORD.search(first[0]):
                continue
            if not _cut_signature(text):
                continue
            body = reassemble(text)
            # After a clause number the pieces must open with its full stop, else with a word.
            if not (body.startswith(".") if prefix else LETTER_RE.match(body)):
                continue
            before, bad_words = badness(text)
            # A clause number whose full stop the pieces hold, not the line, counts too.
            before += int(bool(prefix) and not text.startswith("."))
            fixed = prefix + body
            after, _ = badness(fixed)
            if after >= before:
                continue
            safe = before - after >= SAFE_GAIN and not STRAY_MARK.search(fixed)
            yield from line_rewrites(
                self,
                line,
                fixed,
                safe=safe,
                message="Arabic line printed in pieces cut at its marks",
                action="Put the pieces back in order",
                evidence=f"{before} unknown words or stray marks ({', '.join(bad_words[:4])}), "
                f"{after} once reassembled",
            )
