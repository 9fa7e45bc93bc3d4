from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from itertools import compress
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .evidence import Evidence, evidence

MIN_LENGTH = 8
MAX_PIECE = 20
MIN_PIECES = 3
MIN_CONTENT_PIECE = 4
PIECE_ZIPF = 3.5
FUNCTION_WORDS = {
    "en": frozenset("a an the of to in on at by for as is are was or and with from that this be not".split()),
    "fr": frozenset("de du des la le les et en un une au aux à pour par sur dans qui que est".split()),
    "es": frozenset("de del la el los las y en un una por para con que es al se".split()),
}
# The best reading must beat the runner-up by this many Zipf units for an (unsafe) fix.
CLEAR_MARGIN = 3.0
CAMEL = lazy_regex(r"(?<=\p{Ll})(?=\p{Lu})")

Reading = tuple[float, tuple[str, ...]]
Respaced = tuple[str, Applicability, str]  # the spaced words, fix applicability, evidence


class RunTogether(Rule):
    """Words run together where the extractor lost the spaces.

    What it does:
        Finds a long token that is not a word (`Reportof`, `theEconomicandSocialCouncil`)
        but reads as common words including a function word (`of`, `the`), or as words
        joined at lower-to-upper case changes. Readings are scored with a unigram model
        (sum of the words' Zipf frequencies); whole lines are never re-segmented.

    Why it matters:
        pdfplumber drops every inter-word space of some 1990s Distiller PDFs; the
        resulting tokens are invisible to search and to every word-level rule.

    Example:
        ``Reportof theEconomicandSocialCouncil`` → ``Reportof the Economic and Social Council``

    Fix safety:
        Unsafe, and only for three or more words with case changes whose reading beats
        every other by a wide margin; otherwise the best reading is a suggestion that is
        never applied.
    """

    code = "WD005"
    name = "run-together-words"
    family = "words"
    summary = "Words run together without spaces"
    fix_safety = Applicability.UNSAFE
    # Only two of 61 surveyed UN PDFs lose their spaces, and the readings are guesses: opt in.
    default_enabled = False

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        ev = evidence(doc, options)
        if not ev.has_frequencies:
            return
        tokens, texts = ev.doc.tokens, ev.doc.texts
        function_words = FUNCTION_WORDS.get(doc.lang or "", frozenset())
        # Decided once per distinct word; nearly all are short or known.
        spaced = {
            word: found
            for word in set(texts)
            if len(word) >= MIN_LENGTH and (found := _respace(word, ev, function_words))
        }
        for i in compress(range(len(texts)), map(spaced.__contains__, texts)):
            (start, end), word = tokens[i], texts[i]
            if ev.doc.in_url(start, end):
                continue
            words, applicability, facts = spaced[word]
            yield self.diagnostic(
                start,
                end,
                f"`{word}` looks like the words `{words}` run together",
                fix=Fix.replace(start, end, words, applicability, f"Write `{words}`"),
                evidence=facts,
            )


def _respace(word: str, ev: Evidence, function_words: frozenset[str]) -> Respaced | None:
    """The words run together in ``word``, how safe spacing them is, and why."""
    if ev.zipf(word) > 0 or ev.in_lexicon(word) or ev.count(word) > 1:
        return None
    if ev.doc.hyphen_joins.get(word.lower()):
        return None
    readings = _readings(word, ev, function_words)
    if not readings:
        return None
    best = readings[0]
    camel = bool(CAMEL.search(word))
    # Without case changes, exactly one function word and no lone letter (`Reportof`):
    # two content words are a lost hyphen as often as a lost space (WD003), and
    # names read as `Hair at on`.
    small = [p for p in best[1] if p.lower() in function_words]
    if not camel and (len(small) != 1 or any(len(p) == 1 for p in best[1])):
        return None
    margin = best[0] - readings[1][0] if len(readings) > 1 else math.inf
    clear = camel and len(best[1]) >= MIN_PIECES and margin >= CLEAR_MARGIN
    applicability = Applicability.UNSAFE if clear else Applicability.DISPLAY_ONLY
    facts = " + ".join(f"`{p}` {ev.zipf(p):.1f}" for p in best[1])
    runner_up = f"; next reading `{' '.join(readings[1][1])}`" if len(readings) > 1 else ""
    return " ".join(best[1]), applicability, f"`{word}` is not a word; Zipf {facts}{runner_up}"


def _readings(word: str, ev: Evidence, function_words: frozenset[str]) -> list[Reading]:
    """The two best ways to cut ``word`` into function words and common words of four
    letters or more (camel-case cuts are forced)."""
    forced = [m.start() for m in CAMEL.finditer(word)]
    n = len(word)
    # best[i]: up to two (score, pieces) readings of word[:i], best first.
    best: list[list[Reading]] = [[] for _ in range(n + 1)]
    best[0] = [(0.0, ())]
    for i in range(1, n + 1):
        found: list[Reading] = []
        # A piece ending at i starts at the last forced cut before i or after it.
        first = max([k for k in forced if k < i], default=0)
        for j in range(max(first, i - MAX_PIECE), i):
            if not best[j]:
                continue
            piece = word[j:i]
            z = ev.zipf(piece)
            if piece.lower() not in function_words and (len(piece) < MIN_CONTENT_PIECE or z < PIECE_ZIPF):
                continue
            found += [(score + z - 9, pieces + (piece,)) for score, pieces in best[j]]
        best[i] = sorted(found, reverse=True)[:2]
    return best[n]
