from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .screen import found

# Soft hyphens followed by more text on the same line; line-end ones are the hyphenation
# rule's (family ``words``). Group ``gap``: spaces left where two lines were joined.
INNER = lazy_regex(r"\u00ad+(?P<gap>[ \t]*)(?=[^\s\u00ad])")
LETTER = lazy_regex(r"\p{L}")


class SoftHyphenInLine(Rule):
    """A soft hyphen (U+00AD) inside a line.

    What it does:
        Finds soft hyphens with more text after them on the same line. A soft hyphen
        only marks where a word may be broken; inside a line it is a leftover of
        hyphenation after the extractor joined the lines. Soft hyphens at a line end are
        left to the hyphenation rule of the ``words`` family.

    Why it matters:
        The invisible character splits the word for search and matching:
        ``augmen\\u00adtation`` is not ``augmentation``.

    Example:
        ``l'augmen\\u00adtation de la production`` → ``l'augmentation de la production``
        (pdfminer, E/ICEF/672)

    Fix safety:
        Safe when the soft hyphen sits directly before the rest of the word: removing an
        invisible character changes nothing a reader sees. Unsafe when spaces follow it
        and it is removed with them (``dévelop\\u00ad pement`` → ``développement``): the
        soft hyphen is evidence of a broken word, but the spaces could be real. A real
        ``-`` before it is always kept.
    """

    code = "CH002"
    name = "soft-hyphen-in-line"
    family = "characters"
    summary = "Soft hyphen inside a line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        if "\u00ad" not in found(doc):
            return
        for m in INNER.finditer(text):
            gap = m.group("gap")
            if gap and not LETTER.match(text, m.end()):
                end, safety = m.start("gap"), Applicability.SAFE  # keep the space before a non-letter
            else:
                end = m.end()
                safety = Applicability.UNSAFE if gap else Applicability.SAFE
            yield self.diagnostic(
                m.start(),
                end,
                "Soft hyphen inside a line",
                fix=Fix.delete(m.start(), end, safety, "Remove the soft hyphen"),
                evidence="U+00AD marks a hyphenation point; it is invisible inside a line",
            )
