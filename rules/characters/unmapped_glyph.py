from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Diagnostic, Document, Rule

from ..lazy_pattern import lazy_regex
from .screen import found

# pdfminer's `(cid:NN)` for glyphs without a Unicode mapping, and U+FFFD runs.
UNMAPPED = lazy_regex(r"(?:\(cid:\d+\))+|\ufffd+")


class UnmappedGlyph(Rule):
    """Characters the extractor could not map: ``(cid:NN)`` tokens and U+FFFD.

    What it does:
        Reports runs of pdfminer/pdfplumber ``(cid:NN)`` tokens (a glyph whose font has no
        Unicode mapping) and of U+FFFD REPLACEMENT CHARACTER (a byte sequence that could
        not be decoded).

    Why it matters:
        The original characters are lost; the text around them needs OCR or another
        extractor. ``(cid:3)`` also looks like text to word-level rules.

    Example:
        ``Nations Uni(cid:72)s`` → reported; ``d\\ufffdveloppement`` → reported.

    Fix safety:
        Report only: nothing in the text tells which character was lost.
    """

    code = "CH006"
    name = "unmapped-glyph"
    family = "characters"
    summary = "Unmapped glyph: (cid:NN) token or U+FFFD"
    fix_safety = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        if "(cid:" not in text and "\ufffd" not in found(doc):
            return
        for m in UNMAPPED.finditer(text):
            run = m.group()
            if run[0] == "\ufffd":
                message, evidence = "Replacement character U+FFFD", f"{len(run)} undecodable character(s)"
            else:
                count = run.count("(cid:")
                message, evidence = "Unmapped glyph (cid:NN)", f"{count} glyph(s) without a Unicode mapping"
            yield self.diagnostic(m.start(), m.end(), message, evidence=evidence)
