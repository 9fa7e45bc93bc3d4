from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..fences import in_code
from .punctuation import usage

CLOSING = frozenset(";:!?")
INVERTED = frozenset("¿¡")


class SpaceBeforePunctuation(Rule):
    """A space before ``; : ! ?`` (or after Spanish ``¿ ¡``) in English, Spanish, Russian.

    What it does:
        These languages put no space before ``; : ! ?``, nor after the Spanish opening
        ``¿`` and ``¡``. Finds such spaces after a word (a space at the start of a line
        is indentation; Markdown code, a fence or a code span, is skipped:
        ``cond ? a : b``). ``,`` ``.`` and brackets belong to the ``whitespace`` family.

    Why it matters:
        The space comes from glyph positioning in the PDF (``building E ; and``,
        ``graduation ;`` in UN documents) and makes the mark a token of its own.

    Example:
        ``for the combined duration of the process of graduation ;`` →
        ``for the combined duration of the process of graduation;`` (E/2025/L.9)

    Fix safety:
        Safe when the document itself writes that mark without a space more often than
        with one (or for ``¿ ¡``, which never take one); unsafe otherwise.
    """

    code = "TY002"
    name = "space-before-punctuation"
    family = "typography"
    summary = "Space before ; : ! ? (or after ¿ ¡) in English, Spanish or Russian"
    fix_safety = Applicability.SAFE
    languages = frozenset({"en", "es", "ru"})

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = usage(doc)
        checked = CLOSING | INVERTED if doc.lang == "es" else CLOSING
        for mark in found.marks:
            if not mark.spaces or mark.char not in checked or in_code(doc, mark.space_start):
                continue
            spaced, bare = found.spaced.get(mark.char, 0), found.bare.get(mark.char, 0)
            if mark.char in INVERTED:
                safe, evidence = True, f"Spanish takes no space after {mark.char!r}"
            else:
                safe = bare > spaced
                evidence = f"no space before {mark.char!r} in {bare} of {spaced + bare} places"
            side = "after" if mark.char in INVERTED else "before"
            yield self.diagnostic(
                mark.space_start,
                mark.space_end,
                f"Space {side} {mark.char!r}",
                fix=Fix.delete(
                    mark.space_start,
                    mark.space_end,
                    Applicability.SAFE if safe else Applicability.UNSAFE,
                    "Remove the space",
                ),
                evidence=evidence,
            )
