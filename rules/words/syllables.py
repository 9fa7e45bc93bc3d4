"""Hyphenation points of a word: where a typesetter may break it at a line end.

The patterns are LibreOffice's (TeX-derived) hyphenation dictionaries shipped by pyphen (pure
Python): a break `dévelop-`⏎`pement` that the patterns allow in `développement` is one that
hyphenation produces; `anti-`⏎`terrorism` (`an-titer-ror-ism`) and `mid-`⏎`term` are not. Many
compounds' junctions are hyphenation points too (`sous-ré-gio-nale`, `vi-ce-pré-sident`): the
patterns only say that a break is possible. A dictionary is read once per language, on first use
(~15 ms), and pyphen itself is imported then too (~25 ms), not at start-up.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

# The pyphen dictionary of each language that has one.
DICTIONARIES = {"fr": "fr", "en": "en_US", "es": "es", "ru": "ru_RU"}

_lock = threading.Lock()
_loaded: dict[str, pyphen.Pyphen] = {}


def is_hyphenation_point(lang: str | None, before: str, after: str) -> bool:
    """The patterns of ``lang`` allow breaking ``before + after`` between ``before`` and ``after``.

    ``False`` for a language without a dictionary.
    """
    name = DICTIONARIES.get(lang or "")
    if name is None:
        return False
    with _lock:
        dictionary = _loaded.get(name)
        if dictionary is None:
            import pyphen  # deferred: a pre-commit run seldom needs it

            dictionary = _loaded[name] = pyphen.Pyphen(lang=name)
    low = before.lower()
    return len(low) in dictionary.positions(low + after.lower())
