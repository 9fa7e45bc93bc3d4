from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .bidi import CONTROL, INSIDE_WORD, LINE_WITH_CONTROL, logical_line
from .edits import applicability
from .screen import has_script_chars


class BidiControls(Rule):
    """Bidi control characters (LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).

    What it does:
        Finds the directional formatting characters U+200E/U+200F, U+202A–U+202E and
        U+2066–U+2069 and removes them. In pdftotext's pattern (an Arabic line wrapped in
        RLE … PDF, every number, Latin word and punctuation mark in LRE … PDF) it also
        puts back the spaces and punctuation pdftotext moved across the embedding edges.

    Why it matters:
        The controls are invisible but split tokens: ``1948`` wrapped in LRE … PDF no
        longer matches ``1948``, and the symbol ``A/RES/217 A (III)`` or the barcode
        ``*4809879*`` are not found by furniture patterns.

    Example:
        ``RLE قرار اتخذته الجمعية العامة في LRE 10PDF كانون`` →
        ``قرار اتخذته الجمعية العامة في 10 كانون``

    Fix safety:
        Safe on pdftotext's balanced RLE/LRE pattern and for a control between two
        letters or digits: only invisible characters are removed and only spaces and
        punctuation move. Elsewhere (a lone RLM after punctuation may be an author's
        choice) the removal is unsafe.
    """

    code = "SC001"
    name = "bidi-control"
    family = "scripts"
    summary = "Bidi control characters left by the extractor"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc) or not CONTROL.search(doc.text):
            return
        for m in LINE_WITH_CONTROL.finditer(doc.text):
            line = m.group()
            fixed, pattern = logical_line(line)
            controls = [c.start() for c in CONTROL.finditer(line)]
            inside = sum(len(c) for c in INSIDE_WORD.findall(line))
            safe = pattern or inside == len(controls)
            evidence = "pdftotext RLE … PDF runs" if pattern else f"{inside} inside words"
            yield self.diagnostic(
                m.start() + controls[0],
                m.start() + controls[-1] + 1,
                f"{len(controls)} bidi control character(s)",
                fix=Fix.replace(
                    m.start(),
                    m.end(),
                    fixed,
                    applicability(safe),
                    "Remove bidi controls",
                ),
                evidence=evidence,
            )
