"""Cheap language detection for the six UN languages (plugin ``language``).

Script decides Arabic, Russian and Chinese; among Latin-script texts the most frequent
function words decide French, English or Spanish. Only the first 8,000 characters are
read, so detection costs the same for a 50 MB file as for a page.
"""

from __future__ import annotations

from collections import Counter

from reslint.api import hookimpl

from .lazy_pattern import lazy_re

SAMPLE = 8_000
MIN_EVIDENCE = 5
# Runs of letters of each script (the standard `re` module with explicit ranges is several
# times faster here than `regex`'s \p{Script} classes).
SCRIPTS = {
    "ar": lazy_re(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"),
    "ru": lazy_re(r"[\u0400-\u052f]+"),
    "zh": lazy_re(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"),
    "latin": lazy_re(r"[A-Za-z\u00c0-\u024f]+"),
}
STOPWORDS = {
    "fr": "le la les des du de et en un une pour dans sur par qui que est au aux sont ces cette avec",
    "en": "the and of to in for on by with that is are this be as from its which were",
    "es": "el la los las de del y en para por con que es una un al sobre sus se como",
}
# Function words that belong to one language only vote for it.
OWNER = {
    word: lang
    for lang, words in STOPWORDS.items()
    for word in words.split()
    if sum(word in other.split() for other in STOPWORDS.values()) == 1
}


def detect(text: str) -> str | None:
    """``fr``, ``en``, ``es``, ``ru``, ``ar``, ``zh`` or ``None`` when the sample is too thin."""
    sample = text[:SAMPLE]
    letters = {lang: sum(map(len, pattern.findall(sample))) for lang, pattern in SCRIPTS.items()}
    latin = letters.pop("latin")
    script = max(letters, key=letters.__getitem__)
    if letters[script] > latin:
        return script
    if not latin:
        return None
    votes = Counter(OWNER[w] for w in SCRIPTS["latin"].findall(sample.lower()) if w in OWNER)
    if not votes:
        return None
    lang, count = votes.most_common(1)[0]
    return lang if count >= MIN_EVIDENCE else None


@hookimpl
def reslint_detect_language(text: str) -> str | None:
    return detect(text)
