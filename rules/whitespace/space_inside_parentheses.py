from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Line, Rule

from ..lazy_pattern import lazy_regex
from ._gap import delete_gap
from ._rtl import NOT_RTL

# One to three spaces just inside a parenthesis that stands where prose puts one: `(` after
# a space or a line start and before a word, `)` after a word and before a space or
# punctuation. OCR noise such as `PE( MMOCTM`, `*g( -` or `OC )KilAET` does not qualify.
# Both are anchored on the parenthesis (rare), the gap captured around it. Right-to-left text
# (mirrored brackets in visual order) is the scripts family's.
GAPS = lazy_regex(
    rf"(?<=^|[\s\[“‘\"'«])\((?P<open>[ \t]{{1,3}})(?={NOT_RTL}[\p{{L}}\p{{N}}“‘\"'«\[])"
    rf"|(?<={NOT_RTL}[\p{{L}}\p{{N}}\p{{M}}.’”\"'»\]](?P<close>[ \t]{{1,3}}))\)(?=$|[\s,.;:!?”’\"'»\])])",
    regex.MULTILINE,
)
PAREN = lazy_regex(r"[()]")
NEAR = 3  # lines searched for the partner of a parenthesis (blank lines skipped)


def _padded_pairs(text: str) -> tuple[set[int], set[int]]:
    """Offsets of the `(` and of the `)` of the pairs of one line padded on both sides.

    `( a )` is a deliberate style of list labels and legal texts, not an artifact.
    """
    opens: set[int] = set()
    closes: set[int] = set()
    opened: list[int] = []
    for m in PAREN.finditer(text):
        if m.group() == "(":
            opened.append(m.start())
        elif opened:
            o, c = opened.pop(), m.start()
            if text[o + 1] in " \t" and text[c - 1] in " \t":
                opens.add(o)
                closes.add(c)
    return opens, closes


def _has_partner(doc: Document, line: Line, paren: int, opening: bool) -> bool:
    """Whether the parenthesis has its partner on its line or the nearest non-blank line
    (after it for `(`, before it for `)`): a lone bracket is OCR noise, not prose."""
    column = paren - line.start
    partner, step = (")", 1) if opening else ("(", -1)
    if partner in (line.text[column:] if opening else line.text[:column]):
        return True
    for number in range(line.number + step, line.number + step * (NEAR + 1), step):
        if not 1 <= number <= doc.line_count:
            break
        text = doc.line(number).text
        if text.strip():
            return partner in text
    return False


class SpaceInsideParentheses(Rule):
    """A space after an opening or before a closing parenthesis.

    What it does:
        Finds one to three spaces right after `(` or right before `)` on the same line,
        where the parenthesis stands as in prose: a space or line start before `(`, a space
        or punctuation after `)`, and its partner on the same or the nearest non-blank line.
        Parentheses padded on both sides (`( a )`, a deliberate style), empty ones (`( )`)
        and OCR noise (`PE( MMOCTM`, `' ( lco ->`) are left alone.

    Why it matters:
        Extractors print a space where a glyph was kerned (`( A/79/352, para. 5)`,
        `agenda item 13 )`); the bracket then no longer sticks to its word, which breaks
        document-symbol and citation patterns.

    Example:
        `the Secretary-General ( S/2025/358), the` → `the Secretary-General (S/2025/358), the`

    Fix safety:
        Safe: only the spaces are removed.
    """

    code = "WS004"
    name = "space-inside-parentheses"
    family = "whitespace"
    summary = "Space after '(' or before ')'"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        padded: dict[int, tuple[set[int], set[int]]] = {}
        for m in GAPS.finditer(doc.text):
            opening = m.group("open") is not None
            start, end = m.span("open" if opening else "close")
            paren = start - 1 if opening else end
            line = doc.line(doc.line_number(paren))
            if line.number not in padded:
                padded[line.number] = _padded_pairs(line.text)
            opens, closes = padded[line.number]
            if paren - line.start in (opens if opening else closes):
                continue
            if not _has_partner(doc, line, paren, opening):
                continue
            where = "after '('" if opening else "before ')'"
            yield delete_gap(self, start, end, f"Space {where}", "Remove the space")
