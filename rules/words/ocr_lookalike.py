from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, LineChange, Rule

from ..lazy_pattern import lazy_re, lazy_regex
from .evidence import Evidence, evidence, words_around

# `1’application`, `1'homme`: a digit one where the elided article `l’` belongs.
ONE_ELISION = lazy_regex(r"(?<![\p{L}\p{N}.,])1(?=['’]([aeiouyhàâäéèêëîïôöûüœæ]\p{L}*))", regex.IGNORECASE)
ALNUM = lazy_regex(r"[\p{L}\p{N}]+")
ALNUM_BEFORE = lazy_regex(r"(?r)[\p{L}\p{N}]*")
# The characters of a look-alike: a token without one is never suspect (a fast stdlib scan).
LOOKALIKE = lazy_re("rn|[01I]")
# A look-alike inside a word: 0 or 1 among letters, `I` among lower-case letters, `rn` for `m`.
SUSPECT = lazy_regex(r"(?<=\p{L})[01](?=\p{L})|^[01](?=\p{L}{3})|(?<=\p{Ll})I(?=\p{Ll})|rn")
MIN_LENGTH = 4
# No word is longer: a longer token (letters and digits without spaces) is not tried.
MAX_LENGTH = 60
KNOWN_ZIPF = 3.0
SAFE_ZIPF = 5.0
UNKNOWN_ZIPF = 1.5


class OcrLookalike(Rule):
    """An OCR confusion of look-alike characters inside a word.

    What it does:
        Finds `1’application` (the digit one for the French article `l’`), a `0` or `1`
        among letters (`c0mmittee`, `0CTOBER`, `internationa1ly`), a capital `I` among
        lower-case letters (`wiIl`) and `rn` read for `m` (`developrnent`, `frorn`). It
        reports one only when the original is not a word and exactly one corrected
        spelling is. A digit at the end of a word is a footnote marker (`elles1`) and is
        never touched.

    Why it matters:
        OCR layers of scanned UN documents and some extractions carry these
        confusions; `1’application` also breaks the French elision that other rules and
        tokenizers expect.

    Example:
        ``vue de suivre 1’application de sa résolution`` →
        ``vue de suivre l’application de sa résolution``

    Fix safety:
        The corrected word must be a word of the language (Zipf > 0) or of a lexicon: a
        document form alone is no evidence (`Gobiernos` is not `Gobiemos`). Safe when it
        also occurs elsewhere in the document, or is common (Zipf ≥ 5) while the original
        is unknown; unsafe otherwise (`merne` is not safely `meme`: French `même` lost its
        accent in the web text behind the Zipf). No fix when `rn` may also be `rm`
        (`arnes`: `ames` or `armes`).
    """

    code = "WD004"
    name = "ocr-lookalike"
    family = "words"
    summary = "OCR look-alike characters inside a word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        ev = evidence(doc, options)
        if doc.lang == "fr":
            yield from self._elisions(text, ev)
        # Decided once per distinct word, then found in the text with one scan.
        corrections = {
            word: found
            for word in {token for _, token in _lookalike_tokens(doc)}
            if MIN_LENGTH <= len(word) <= MAX_LENGTH
            and _maybe_suspect(word)
            and SUSPECT.search(word)
            and (found := _correct(word, ev))
        }
        if not corrections:
            return
        for m in regex.finditer(r"(?<![\p{L}\p{N}])\L<words>(?![\p{L}\p{N}])", text, words=list(corrections)):
            if ev.doc.in_url(*m.span()):
                continue
            word = m.group()
            corrected, applicability, facts = corrections[word]
            fix = None
            if applicability is not None:
                fix = Fix.replace(m.start(), m.end(), corrected, applicability, f"Write `{corrected}`")
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"`{word}` looks like `{corrected}` misread by OCR",
                fix=fix,
                evidence=facts,
            )

    def _elisions(self, text: str, ev: Evidence) -> Iterator[Diagnostic]:
        for m in ONE_ELISION.finditer(text):
            word = m.group(1)
            # The word itself is in the document's counts once: it must be common or used again.
            if ev.zipf(word) < KNOWN_ZIPF and not ev.in_lexicon(word) and ev.count(word) < 2:
                continue
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"Digit `1` before `’{word}` where the article `l’` belongs",
                fix=Fix.replace(m.start(), m.end(), "l", message="Write `l`"),
                evidence=f"`{word}` is a word (Zipf {ev.zipf(word):.1f}); `1’` is not French",
            )


def _lookalike_tokens(doc: Document) -> list[tuple[int, str]]:
    """The ALNUM tokens holding a look-alike character (all that :func:`_maybe_suspect` accepts) with
    their offsets (once per document). In a fix pass, only the lines the previous pass changed are
    scanned again: no token spans a line break (:meth:`Document.changed_lines`)."""
    return doc.memo("words.lookalike-tokens", lambda: _tokens_after(doc), reuse=True)


def _tokens_after(doc: Document) -> list[tuple[int, str]]:
    previous, text = doc.previous, doc.text
    if previous is None:
        return _scan(text, 0, len(text))
    before, found, kept = _lookalike_tokens(previous), [], 0
    starts = [start for start, _ in before]
    end = LineChange(len(previous.text), len(previous.text), len(text), len(text))
    for change in (*doc.changed_lines(), end):
        shift = change.new_start - change.old_start
        kept_tokens = before[bisect_left(starts, kept) : bisect_left(starts, change.old_start)]
        found += [(start + shift, token) for start, token in kept_tokens]
        found += _scan(text, change.new_start, change.new_end)
        kept = change.old_end
    return found


def _scan(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """The tokens :func:`_lookalike_tokens` finds in ``text[start:stop]`` (whole lines)."""
    tokens = words_around(text, LOOKALIKE.finditer(text, start, stop), ALNUM_BEFORE, ALNUM)
    return [(begin, text[begin:end]) for begin, end in tokens]


def _maybe_suspect(word: str) -> bool:
    """A cheap pre-test for :data:`SUSPECT` (plain substring checks)."""
    return "rn" in word or "0" in word or "1" in word or "I" in word[1:]


def _correct(word: str, ev: Evidence) -> tuple[str, Applicability | None, str] | None:
    z_word = ev.zipf(word)
    if z_word >= UNKNOWN_ZIPF or ev.in_lexicon(word):
        return None
    suspects = list(SUSPECT.finditer(word))
    candidates = {_replace(word, m) for m in suspects}
    known = [c for c in candidates if ev.known(c, KNOWN_ZIPF) and len(c) >= MIN_LENGTH]
    if len(known) != 1:
        return None
    corrected = known[0]
    in_doc, z_corrected = ev.count(corrected), ev.zipf(corrected)
    # A document's own use of the corrected spelling is no evidence on its own: `Gobiernos` beside
    # one misread `Gobiemos` would be "corrected" into it. The correction must be a word.
    if z_corrected == 0 and not ev.in_lexicon(corrected):
        return None
    facts = f"Zipf `{corrected}` {z_corrected:.1f}, `{word}` {z_word:.1f}"
    if in_doc:
        facts = f"`{corrected}` occurs {in_doc}× in this document; {facts}"
    # `arnes` is `ames` or `armes`: when `rn` may also be `rm`, the reading is a guess.
    rm_reading = any(
        m.group() == "rn" and _is_word(word[: m.start()] + "rm" + word[m.end() :], ev) for m in suspects
    )
    if rm_reading or z_corrected == 0:
        return corrected, None, facts + ("; `rn` may also be `rm`" if rm_reading else "")
    safe = (in_doc or z_corrected >= SAFE_ZIPF) and z_word == 0
    return corrected, Applicability.SAFE if safe else Applicability.UNSAFE, facts


def _is_word(word: str, ev: Evidence) -> bool:
    return ev.zipf(word) > 0 or ev.in_lexicon(word)


def _replace(word: str, m: regex.Match[str]) -> str:
    """``word`` with the look-alike at ``m`` read as the letter it imitates, in its case."""
    found, start, end = m.group(), m.start(), m.end()
    upper = start == 0 or (word[end : end + 1].isupper() and word[start - 1].isupper())
    letter = {"0": "O" if upper else "o", "1": "I" if upper else "l", "I": "l", "rn": "m"}[found]
    return word[:start] + letter + word[end:]
