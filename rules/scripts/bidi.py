"""pdftotext's bidi embedding pattern: an Arabic line as RLE … PDF runs, every left-to-right
piece inside as LRE … PDF, and the logical text of a line or of one run."""

from __future__ import annotations

import re

import regex

from ..lazy_pattern import lazy_re, lazy_regex

CONTROLS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = lazy_re(f"[{CONTROLS}]")
LINE_WITH_CONTROL = lazy_re(f"^[^\\n]*[{CONTROLS}][^\\n]*$", re.MULTILINE)
# pdftotext writes an RTL run as RLE … PDF with every left-to-right piece as LRE … PDF
# (one run a line, several with -layout).
RTL_RUN = lazy_regex("\u202b((?:[^\u202a-\u202e\\n]|\u202a[^\u202a-\u202e\\n]*\u202c)*)\u202c")
LTR_PIECE = lazy_regex("\u202a([^\u202a-\u202e]*)\u202c")
# Neutrals the RTL level printed before a left-to-right piece that opens the line.
LEADING_NEUTRALS = lazy_regex("^([^\\p{L}\\p{N}\\s\u202a-\u202e]+)\u202a([^\u202a-\u202e]*)\u202c")
CORE = lazy_regex(r"^(\P{Alnum}*)(.*?)(\P{Alnum}*)$", regex.DOTALL)
WORD_CHAR = r"[\p{L}\p{M}\p{N}]"
INSIDE_WORD = lazy_regex(f"(?<={WORD_CHAR})[{CONTROLS}]+(?={WORD_CHAR})")


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
    return RTL_RUN.sub(rtl_run, line), True


def rtl_run(m: regex.Match[str]) -> str:
    """The logical text of one RLE … PDF run (``RTL_RUN``'s match), without controls."""
    body = LEADING_NEUTRALS.sub(lambda p: "\u202a" + p.group(2) + p.group(1) + "\u202c", m.group(1))
    return CONTROL.sub("", LTR_PIECE.sub(_reorder_piece, body))
