from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Rule

from ..lazy_pattern import lazy_regex

# French words that elide their last vowel before a vowel or a mute h (closed list).
ELIDED = "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu aujourd prud entr".split()
VOWEL_OR_H = "aeiouyhàâäéèêëîïôöùûüÿœæ"
# `grand’mère` and its kin: the old apocope of `grande` before a few feminine nouns.
GRAND_NOUNS = (
    "mère mères messe rue route tante tantes chose peine peur salle place faim soif chambre garde"
    " voile croix"
).split()
WORD_START = r"(?<![\p{L}\p{N}\p{M}_.’'ʼ-])"
GAP = r"[ \t]{0,3}"
WORDS = "|".join(ELIDED)
NOUNS = "|".join(GRAND_NOUNS)
# Anchored on the apostrophe; the elided word and the gap before it are in the lookbehind.
# Case is ignored only inside the word lists (a global IGNORECASE halves the scan speed).
ELISION = lazy_regex(
    rf"(?<={WORD_START}(?i:(?P<word>{WORDS}))(?P<a>{GAP}))[’'ʼ](?P<b>{GAP})(?=(?i:[{VOWEL_OR_H}]))"
    rf"|(?<={WORD_START}(?i:(?P<word>grand))(?P<c>{GAP}))[’'ʼ](?P<d>{GAP})(?=(?i:{NOUNS})\b)"
)


class DetachedElision(Rule):
    """A French elision detached from its word: `l ’élaboration`, `qu 'il`, `l’ homme`.

    What it does:
        Finds spaces around the apostrophe of an elided French word from a closed list
        (`l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu aujourd prud entr`,
        any case: `L ’Assemblée`) when a vowel or `h` follows, and `grand ’mère`.

    Why it matters:
        Word's kerning before the apostrophe becomes a space in pdftotext, pdfminer and
        pypdf output (12 times in the seed A/RES/72/194), and OCR detaches it too: the
        article becomes a token of its own and the noun no longer matches.

    Example:
        `par l ’élaboration d’initiatives` → `par l’élaboration d’initiatives`

    Fix safety:
        Safe: a closed list of elided words before a vowel is positive evidence; only the
        spaces are removed and the document's own apostrophe (`’` or `'`) is kept.
    """

    code = "WS007"
    name = "detached-elision"
    family = "whitespace"
    summary = "French elision detached from its word (l ’élaboration)"
    fix_safety = Applicability.SAFE
    languages = frozenset({"fr"})

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for m in ELISION.finditer(doc.text):
            spans = [m.span(g) for g in "abcd" if m.group(g)]
            if not spans:
                continue
            elision = m.group("word") + m.group().strip()
            yield self.diagnostic(
                spans[0][0],
                spans[-1][1],
                f"Elision '{elision}' detached from its word",
                fix=Fix(
                    tuple(Edit(s, e) for s, e in spans),
                    message="Attach the elision to its word",
                ),
            )
