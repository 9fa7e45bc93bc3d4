from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Rule

from ..fences import in_code
from ..lazy_pattern import lazy_regex
from ._gap import delete_gap

# English clitics after an apostrophe: possessive `’s`, `n’t`, `’re`, `’ll`, `’ve`, `’d`, `’m`.
# The clitic must end the word and not be closed by a quote (`the letter 's'`).
CLITIC = r"(?i:s|t|re|ll|ve|d|m)(?![\p{L}\p{N}\p{M}’'ʼ])"
# `Women ’s` (space before the apostrophe) or `Iran’ s` (space after it, before `s`). Anchored
# on the apostrophe, with the gap before it captured in the lookbehind.
GAP = lazy_regex(
    rf"(?<=[\p{{L}}\p{{N}}]\p{{M}}*(?P<before>[ \t]{{1,3}}))[’'ʼ]{CLITIC}"
    rf"|(?<=[\p{{L}}\p{{N}}]\p{{M}}*)[’'ʼ](?P<after>[ \t]{{1,3}})(?=(?i:s)(?![\p{{L}}\p{{N}}\p{{M}}’'ʼ]))"
)


class SpaceBeforeApostrophe(Rule):
    """A space that detaches an English clitic from its word: `Women ’s`, `Iran’ s`.

    What it does:
        Finds one to three spaces between a word and an apostrophe followed by a closed
        list of English clitics (`’s`, `’t`, `’re`, `’ll`, `’ve`, `’d`, `’m`), or between
        a word's apostrophe and a lone `s`. An opening quote (`‘whole`, `'gens"`) and a
        quoted letter (`the letter 's'`) are left alone, and so is Markdown code (a code
        span or fence: `` `Women ’s` `` quoted as an example). French elisions are WS007's.

    Why it matters:
        Word's kerning before the apostrophe becomes a space in pdftotext, pdfminer and
        pypdf output (`BiH ’s` 24 times in one Security Council letter): the possessive
        turns into a token of its own and the name no longer matches.

    Example:
        `the Global Strategy for Women ’s, Children’s` →
        `the Global Strategy for Women’s, Children’s`

    Fix safety:
        Safe: only the spaces are removed, and only before a closed list of clitics; the
        document's own apostrophe character is kept.
    """

    code = "WS006"
    name = "space-before-apostrophe"
    family = "whitespace"
    summary = "Space detaching an English clitic ('s, 't...) from its word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for m in GAP.finditer(doc.text):
            where = "before" if m.group("before") else "after"
            start, end = m.span(where)
            if in_code(doc, start):
                continue
            yield delete_gap(
                self,
                start,
                end,
                f"Space {where} the apostrophe of a clitic",
                "Attach the clitic to its word",
            )
