from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .screen import present

LIGATURE = lazy_regex("[\ufb00-\ufb06]")


class Ligature(Rule):
    """A Latin typographic ligature character (``ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ``).

    What it does:
        Finds the presentation-form ligatures U+FB00–FB06 that some fonts map their
        ligature glyphs to, and spells them out. Letters that are real letters of a
        language (``œ``, ``æ``, ``ĳ``) are not ligatures and are never touched.

    Why it matters:
        ``déﬁnition`` does not match ``définition`` in search, spelling or embeddings.

    Example:
        ``la déﬁnition ofﬁcielle`` → ``la définition officielle``

    Fix safety:
        Safe: the ligature and its letters are the same text (Unicode compatibility
        decomposition).
    """

    code = "CH007"
    name = "ligature"
    family = "characters"
    summary = "Typographic ligature character"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not present(doc, LIGATURE):
            return
        for m in LIGATURE.finditer(doc.text):
            char = m.group()
            letters = unicodedata.normalize("NFKC", char)
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"Ligature {char} for {letters!r}",
                fix=Fix.replace(m.start(), m.end(), letters, message=f"Spell out {letters!r}"),
                evidence=f"U+{ord(char):04X} {unicodedata.name(char)}",
            )
