from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re, lazy_regex
from .screen import has_script_chars

# Arabic Presentation Forms-A and -B (U+FEFF, the BOM, is another rule's).
FORMS = lazy_re("[\ufb50-\ufdff\ufe70-\ufefe]+")
# NFKC writes the spacing forms of the marks (U+FE70–U+FE7F) as space or tatweel + mark.
SPACING_MARK = lazy_regex("^[ \u0640](?=\\p{Mn}$)")


def fold(forms: str) -> str:
    """NFKC of each presentation form, a spacing mark becoming the bare combining mark."""
    return "".join(SPACING_MARK.sub("", unicodedata.normalize("NFKC", c)) for c in forms)


class ArabicPresentationForms(Rule):
    """Arabic presentation forms instead of base letters.

    What it does:
        Finds characters of the Arabic Presentation Forms-A and -B blocks (U+FB50–U+FDFF,
        U+FE70–U+FEFE): positional glyph forms (``ﺍ ﻟ ﻤ``) and ligatures (``ﻻ``, ``ﷲ``)
        that some PDFs map their glyphs to, and folds them to base letters with NFKC
        applied to those characters only.

    Why it matters:
        A word spelt with presentation forms is a different string: it matches nothing in
        search, dictionaries or embeddings, although it looks the same on screen.

    Example:
        ``ﺍﻟﻤﺘﺤﺪﺓ`` → ``المتحدة``; ``ﻻ`` → ``لا``

    Fix safety:
        Safe: NFKC maps each form to the letters it stands for (a spacing mark form becomes
        the combining mark, without the space NFKC would add), the text around is not
        touched, and folding again changes nothing.
    """

    code = "SC002"
    name = "arabic-presentation-forms"
    family = "scripts"
    summary = "Arabic presentation forms instead of base letters"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc):
            return
        for m in FORMS.finditer(doc.text):
            folded = fold(m.group())
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"{len(m.group())} Arabic presentation form(s)",
                fix=Fix.replace(m.start(), m.end(), folded, message=f"Fold to {folded!r}"),
                evidence=" ".join(f"U+{ord(c):04X}" for c in m.group()[:8]),
            )
