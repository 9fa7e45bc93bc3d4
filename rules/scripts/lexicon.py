"""Word frequencies (wordfreq, Zipf scale) for the scripts family.

A word of plain letters (``PLAIN``), maybe between punctuation wordfreq's tokenizer drops, is
one token to wordfreq, its letters unchanged by its normalisation, so its Zipf value comes
from the on-disk frequency store by wordfreq's own arithmetic (:func:`token_zipf`) without
importing wordfreq; any other word goes to ``wordfreq.zipf_frequency``, imported on first use.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..frequency_store import frequencies
from ..lazy_pattern import lazy_re

# Per language, the words wordfreq's tokenizer makes one token of their letters (group 1),
# unchanged: the Arabic letters hamza to ghain and feh to yeh (NFKC-stable, no marks or
# tatweel, no case), with leading and trailing punctuation it drops.
DROPPED = '()\\[\\].,:;!"«»\u201c\u201d\u060c\u061b\u061f'
PLAIN = {"ar": lazy_re(f"[{DROPPED}]*([\u0621-\u063a\u0641-\u064a]+)[{DROPPED}]*")}
# ``zipf_frequency``'s default minimum (Zipf 0) as a frequency, as wordfreq computes it.
MINIMUM = 10**0.0 / 1e9


def token_zipf(freq: float) -> float:
    """``wordfreq.zipf_frequency`` of a word that is one token of frequency ``freq`` (0 if unknown),
    by the same steps as wordfreq 3 (``_word_frequency``, then ``zipf_frequency``)."""
    if freq:
        freq = 1.0 / (0.0 + 1.0 / freq)  # the combination of one token's frequency
        unrounded = max(freq, MINIMUM)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)  # 3 significant digits
    else:
        freq = MINIMUM
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (0.0 when unknown); marks are ignored."""
    plain = PLAIN.get(lang)
    match = plain.fullmatch(word) if plain is not None else None
    if match:
        return token_zipf(frequencies(lang).get(match[1]))
    import wordfreq  # deferred: slow to import and to load its lists

    return float(wordfreq.zipf_frequency(word, lang))
