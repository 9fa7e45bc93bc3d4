"""Word frequencies (wordfreq, Zipf scale) for the scripts family.

A word of plain letters (``PLAIN``) is one token to wordfreq, unchanged by its normalisation,
so its Zipf value comes from the on-disk frequency store by wordfreq's own arithmetic
(:func:`token_zipf`) without importing wordfreq; any other word goes to
``wordfreq.zipf_frequency``, imported on first use.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..frequency_store import frequencies

# Per language, the words wordfreq's tokenizer keeps as one unchanged token: the Arabic
# letters hamza to ghain and feh to yeh (NFKC-stable, no marks or tatweel, no case).
PLAIN = {"ar": re.compile("[\u0621-\u063a\u0641-\u064a]+")}
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
    if plain is not None and plain.fullmatch(word):
        return token_zipf(frequencies(lang).get(word))
    import wordfreq  # deferred: slow to import and to load its lists

    return float(wordfreq.zipf_frequency(word, lang))
