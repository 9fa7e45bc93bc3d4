from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Rule

from ..fences import in_code
from ..lazy_pattern import lazy_regex
from ._gap import delete_gap
from ._rtl import NOT_RTL

# A comma, or a full stop that ends a word (not a dot leader `. . .`/`....`, an ellipsis or a
# decimal `.5`), after one to three spaces that follow a word, a closing bracket or quote.
# The match is anchored on the mark (rare) and captures the gap in the lookbehind, which is
# several times faster than scanning every space. Longer runs are layout (table columns).
# `; : ! ?` belong to the typography family; right-to-left text is the scripts family's.
WORD_END = rf"{NOT_RTL}[\p{{L}}\p{{N}}\p{{M}})\]”’»\"'%]"
MARK = r"(?:,|\.(?![ \t]*\.)(?=$|\s|[”’»\"')\]]))"
GAP = lazy_regex(rf"(?<={WORD_END}(?P<gap>[ \t]{{1,3}})){MARK}", regex.MULTILINE)
BARE = lazy_regex(rf"(?<={WORD_END}){MARK}", regex.MULTILINE)
# A full stop standing alone before an option or a shell operator is an argument, the
# current directory: `pip install -e . --group dev`, `cmake . -DBUILD_TESTING=ON`.
ARGUMENT = lazy_regex(r"\.[ \t]+(?:-|&&|\||>|<)")
# A word with `/` or `@` is an address or a path: `https://…/license.htm .`,
# `/usr/share/common-licenses/GPL-2 .`, `support@example.com .` (the space keeps the
# full stop out of the address when it is copied).
ADDRESS = lazy_regex(r"\S*[/@]\S*$")
# A document that spaces a mark at least this often, and more often than not, has the habit
# (old print, tables) rather than an artifact.
CONVENTION = 3


class SpaceBeforeCommaOrPeriod(Rule):
    """A space between a word and the comma or full stop that follows it.

    What it does:
        Finds one to three spaces before a `,` or before a `.` that ends a word. Dot
        leaders of tables of contents (`Introduction . . . 3`, `....`), ellipses and
        decimals (`.5`) are left alone, and so are `; : ! ?`, before which French puts a
        space (the typography family owns them).

        Code is left alone: a full stop standing for the current directory before an
        option or a shell operator (`pip install -e . --group dev`, `cmake . -DX=ON`) and
        anything in Markdown code (a fence or a code span).

    Why it matters:
        Extractors print a space where a glyph was kerned or set in italics
        (`in all its forms . Rome.`, `no one behind , its`, `William J .`); the detached
        mark becomes a token of its own for search, sentence splitting and embeddings.

    Example:
        `leave no one behind , its UNAIDS Division` →
        `leave no one behind, its UNAIDS Division`

    Fix safety:
        Safe: only the spaces are removed. Unsafe when the document itself spaces the mark
        at least three times and more often than not: old print (17th-century French:
        `la plus belle , entiere`) and some tables do it on purpose. Unsafe too for a full
        stop after an address or a path (a word with `/` or `@`:
        `/usr/share/common-licenses/GPL-2 .`), which typists space on purpose.
    """

    code = "WS003"
    name = "space-before-comma-or-period"
    family = "whitespace"
    summary = "Space before a comma or full stop"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        hits = list(GAP.finditer(doc.text))
        if not hits:
            return
        spaced = Counter(m.group() for m in hits)
        bare = Counter(m.group() for m in BARE.finditer(doc.text))
        for m in hits:
            start, end = m.span("gap")
            mark = m.group()
            if in_code(doc, start) or ARGUMENT.match(doc.text, m.start()):
                continue
            usual = spaced[mark] < CONVENTION or bare[mark] > spaced[mark]
            address = mark == "." and ADDRESS.search(doc.text, max(0, start - 200), start) is not None
            yield delete_gap(
                self,
                start,
                end,
                f"Space before '{mark}'",
                f"Attach '{mark}' to the word before it",
                safe=usual and not address,
                evidence=_evidence(spaced[mark], bare[mark], mark, usual, address),
            )


def _evidence(spaced: int, bare: int, mark: str, usual: bool, address: bool) -> str | None:
    """Why the fix is unsafe: the document's habit, or an address before the full stop."""
    if address:
        return "the word before is an address or a path: the space may keep the full stop out of it"
    if usual:
        return None
    share = f"{spaced} of {spaced + bare} places"
    return f"the document puts a space before '{mark}' in {share}: a typographic convention?"
