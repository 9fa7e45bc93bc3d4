from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Diagnostic, Document, Rule

from ..lazy_pattern import lazy_regex
from .screen import present

PRIVATE_USE = lazy_regex(r"[\ue000-\uf8ff]+")
# Symbol fonts (Wingdings, barcode fonts) map their glyphs to U+F020–F0FF = byte + 0xF000.
SYMBOL_FONT = lazy_regex(r"[\uf020-\uf0ff]+")


class PrivateUseCharacter(Rule):
    """Private-use characters: glyphs of a symbol font with no Unicode meaning.

    What it does:
        Reports runs of Private Use Area characters (U+E000–F8FF) inside text. When a run
        lies in U+F020–F0FF, the usual mapping of symbol fonts, the evidence shows it read
        as ASCII. A line made of private-use characters only is left to the ``un``
        family's ``barcode-line`` rule (the UN barcode ``\\uf02a\\uf031\\uf037…``, which
        reads ``*172…*``).

    Why it matters:
        The characters render as boxes and match no word: a bullet, checkbox or symbol
        whose meaning the text lost.

    Example:
        ``\\uf0b7 Encourage les États Membres`` → reported (a Symbol-font bullet, ``'·'``
        read as ASCII).

    Fix safety:
        Report only: whether the glyph is a bullet, a barcode digit or a letter depends on
        the font, which the text no longer shows.
    """

    code = "CH005"
    name = "private-use-character"
    family = "characters"
    summary = "Private-use (symbol font) character"
    fix_safety = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not present(doc, PRIVATE_USE):
            return
        text = doc.text
        for m in PRIVATE_USE.finditer(text):
            if _whole_line(doc, m.start(), m.end()):
                continue  # a barcode line, the un family's
            run = m.group()
            evidence = f"{len(run)} private-use character(s) from U+{ord(run[0]):04X}"
            if SYMBOL_FONT.fullmatch(run):
                ascii_text = "".join(chr(ord(c) - 0xF000) for c in run)
                evidence += f"; as a symbol font over ASCII: {ascii_text!r}"
            yield self.diagnostic(m.start(), m.end(), "Private-use characters", evidence=evidence)


def _whole_line(doc: Document, start: int, end: int) -> bool:
    line = doc.line(doc.line_number(start))
    return not line.text[: start - line.start].strip() and not line.text[end - line.start :].strip()
