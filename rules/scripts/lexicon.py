"""Word frequencies (wordfreq, Zipf scale) for the scripts family, loaded lazily once."""

from __future__ import annotations

import threading
from functools import lru_cache
from types import ModuleType

_LOCK = threading.Lock()
_MODULE: list[ModuleType] = []


def _wordfreq() -> ModuleType:
    """Import wordfreq on first use (it is slow to import and to load its lists)."""
    if not _MODULE:
        with _LOCK:
            if not _MODULE:
                import wordfreq

                _MODULE.append(wordfreq)
    return _MODULE[0]


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (0.0 when unknown); marks are ignored."""
    return float(_wordfreq().zipf_frequency(word, lang))
