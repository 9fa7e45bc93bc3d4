from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .options import wanted_kind

# An apostrophe between two letters (elision, possessive, contraction), not a quote.
APOSTROPHE = lazy_regex(r"(?<=\p{L}\p{M}*)['’](?=\p{L})")
CHARS = {"typographic": "’", "straight": "'"}


class MixedApostrophes(Rule):
    """Straight ``'`` and typographic ``’`` apostrophes mixed in one document.

    What it does:
        Counts the apostrophes between two letters (``l’homme``, ``Women's``) and, when
        both kinds occur, reports those not of the preferred kind. The option
        ``apostrophes`` sets it: ``majority`` (default: the document's more frequent
        kind, ``’`` on a tie), ``typographic`` or ``straight``. Quotation marks are not
        apostrophes and are not counted.

    Why it matters:
        ``l'homme`` and ``l’homme`` are different strings for search, counting and
        deduplication; mixing comes from pasting OCR or different extractors together.

    Example:
        ``l’homme … l'application`` (1 straight, 40 typographic) → ``l'application``
        reported.

    Fix safety:
        Never changed by default: with ``majority`` the fix is display-only. Safe when
        the kind is set explicitly (``typographic`` or ``straight``): the user chose it.
    """

    code = "TY004"
    name = "mixed-apostrophes"
    family = "typography"
    summary = "Straight and typographic apostrophes mixed"
    fix_safety = Applicability.DISPLAY_ONLY

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        if "'" not in text or "’" not in text:
            return
        found = list(APOSTROPHE.finditer(text))
        straight = sum(m.group() == "'" for m in found)
        curly = len(found) - straight
        if not straight or not curly:
            return
        kind, safety = wanted_kind(options, "apostrophes", straight, curly)
        wanted = CHARS[kind]
        evidence = f"{curly} typographic and {straight} straight apostrophes between letters"
        for m in found:
            if m.group() != wanted:
                yield self.diagnostic(
                    m.start(),
                    m.end(),
                    f"Apostrophe {m.group()!r} where the document uses {wanted!r}",
                    fix=Fix.replace(m.start(), m.end(), wanted, safety, f"Use {wanted!r}"),
                    evidence=evidence,
                )
