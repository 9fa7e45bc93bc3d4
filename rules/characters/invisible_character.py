from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .screen import present

# Zero-width space, word joiner, invisible operators, Mongolian vowel separator, BOM
# inside the text, and the zero-width (non-)joiners.
INVISIBLE = lazy_regex(r"[\u200b-\u200d\u2060-\u2064\u180e\ufeff]+")
JOINERS = frozenset("\u200c\u200d")
# Scripts and symbols where the (non-)joiners shape the text (Arabic, Indic, emoji…).
SHAPING = lazy_regex(
    r"[^\p{Latin}\p{Cyrillic}\p{Greek}\p{Han}\p{Common}\p{Inherited}]|\p{Extended_Pictographic}"
)


class InvisibleCharacter(Rule):
    """Zero-width and other invisible format characters inside the text.

    What it does:
        Finds zero-width spaces (U+200B), word joiners (U+2060), invisible operators
        (U+2061–2064), the Mongolian vowel separator (U+180E), a byte-order mark (U+FEFF)
        after the start of the text, and zero-width (non-)joiners (U+200C, U+200D) next
        to Latin, Cyrillic, Greek or Han text (in Arabic, Indic scripts and emoji they
        are meaningful and left alone).

    Why it matters:
        They are invisible yet split words and break patterns: the UN PDF S/2025/239 has
        a word joiner after en dashes (``August–\\u2060 N ovember``, ``7–\\u206012``) that
        defeats range and split-word matching.

    Example:
        ``paras. 7–\\u206012)`` → ``paras. 7–12)``

    Fix safety:
        Safe for the zero-width space, word joiner, invisible operators and BOM: removing
        an invisible character changes nothing a reader sees. Unsafe for the zero-width
        (non-)joiners, which can control ligatures and shaping.
    """

    code = "CH003"
    name = "invisible-character"
    family = "characters"
    summary = "Zero-width or other invisible character"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not present(doc, INVISIBLE):
            return
        text = doc.text
        for m in INVISIBLE.finditer(text):
            start, end = m.span()
            if start == 0 and text[0] == "\ufeff":  # a leading BOM marks the encoding
                start += 1
            found = text[start:end]
            if not found:
                continue
            if JOINERS.intersection(found) and _shaping_neighbour(text, start, end):
                continue
            safety = Applicability.UNSAFE if JOINERS.intersection(found) else Applicability.SAFE
            names = ", ".join(dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in found))
            yield self.diagnostic(
                start,
                end,
                f"Invisible character: {names}",
                fix=Fix.delete(start, end, safety, "Remove the invisible character"),
                evidence=f"between {text[max(0, start - 8) : start]!r} and {text[end : end + 8]!r}",
            )


def _shaping_neighbour(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any(c and SHAPING.match(c) for c in (before, after))
