from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .edits import applicability
from .screen import has_script_chars

CONTROLS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROLS}]")
LINE_WITH_CONTROL = re.compile(f"^[^\\n]*[{CONTROLS}][^\\n]*$", re.MULTILINE)
# pdftotext writes an RTL run as RLE … PDF with every left-to-right piece as LRE … PDF
# (one run a line, several with -layout).
RTL_RUN = regex.compile("\u202b((?:[^\u202a-\u202e\\n]|\u202a[^\u202a-\u202e\\n]*\u202c)*)\u202c")
LTR_PIECE = regex.compile("\u202a([^\u202a-\u202e]*)\u202c")
# Neutrals the RTL level printed before a left-to-right piece that opens the line.
LEADING_NEUTRALS = regex.compile("^([^\\p{L}\\p{N}\\s\u202a-\u202e]+)\u202a([^\u202a-\u202e]*)\u202c")
CORE = regex.compile(r"^(\P{Alnum}*)(.*?)(\P{Alnum}*)$", regex.DOTALL)
WORD_CHAR = r"[\p{L}\p{M}\p{N}]"
INSIDE_WORD = regex.compile(f"(?<={WORD_CHAR})[{CONTROLS}]+(?={WORD_CHAR})")


def _reorder_piece(m: regex.Match[str]) -> str:
    """An LRE piece inside RTL text: its edge neutrals belong to the RTL flow, reversed."""
    lead, core, trail = CORE.match(m.group(1)).groups()  # type: ignore[union-attr]
    if trail.startswith(")") and core.count("(") > core.count(")"):
        core, trail = core + ")", trail[1:]
    if core.isdigit() and lead == " . ":
        lead = " ."  # a clause number ``1.``: pdftotext spaced out the full stop
    return trail[::-1] + core + lead[::-1]


def logical_line(line: str) -> tuple[str, bool]:
    """The line without bidi controls, and whether pdftotext's embedding pattern was found.

    In that pattern the neutrals pdftotext moved across an embedding boundary are put back
    (``في \u202a 10\u202cكانون`` → ``في 10 كانون``, ``\u202b)\u202aA/RES/217 A (III…`` →
    ``A/RES/217 A (III)``).
    """
    if not RTL_RUN.search(line) or RTL_RUN.sub("", line).strip():
        return CONTROL.sub("", line), False
    return RTL_RUN.sub(_rtl_run, line), True


def _rtl_run(m: regex.Match[str]) -> str:
    body = LEADING_NEUTRALS.sub(lambda p: "\u202a" + p.group(2) + p.group(1) + "\u202c", m.group(1))
    return CONTROL.sub("", LTR_PIECE.sub(_reorder_piece, body))


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
