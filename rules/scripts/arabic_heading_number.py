from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re
from .arabic import LETTERS, MARKS_RANGE, vote
from .edits import applicability
from .screen import has_script_chars

WORD = f"[{LETTERS}{MARKS_RANGE}]+"
# ``المادة13``: one Arabic word and a number glued to it, alone on a line (PyMuPDF).
GLUED = lazy_re(rf"^[ \t]*(?P<word>{WORD})(?P<number>\d{{1,3}})[ \t]*$", re.MULTILINE)
# ``13`` alone on a line, then (after blank lines) the word alone on its line (pdfminer).
SPLIT = lazy_re(
    rf"^[ \t]*(?P<number>\d{{1,3}})[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<word>{WORD})[ \t]*$",
    re.MULTILINE,
)
# ``المادة 8``: the heading as the document writes it elsewhere, word, space, number.
SPACED = lazy_re(rf"^[ \t]*(?P<word>{WORD}) (?P<number>\d{{1,3}})[ \t]*$", re.MULTILINE)
UNSAFE_NUMBERS = 2
SAFE_NUMBERS = 3


class ArabicHeadingNumber(Rule):
    """A heading number glued to its Arabic word, or split from it onto another line.

    What it does:
        Finds headings made of one Arabic word and a number printed ``المادة13`` (no space)
        or as ``13`` on a line of its own before ``المادة``, and writes them ``المادة 13``
        when the same word carries several different numbers in the document (glued, split
        or written ``المادة 8`` on a line of its own): a numbered heading, not a footnote
        reference (``الإنسان1``, glued on purpose, met once).

    Why it matters:
        PyMuPDF drops the space where a right-to-left word meets a left-to-right number,
        and pdfminer puts the number in a text box of its own: ``المادة13`` is one unknown
        token, and heading detection (``المادة N``) fails either way.

    Example:
        ``المادة13`` → ``المادة 13``; ``13⏎⏎المادة`` → ``المادة 13`` (the document also
        has ``المادة1`` … ``المادة15``)

    Fix safety:
        Safe when the word carries three or more different numbers in the document
        (counting the spaced headings); unsafe with two; a word with a single number is
        not reported. The word must read in
        logical order (a reversed one is SC003's first). Only spaces and line breaks
        change.
    """

    code = "SC007"
    name = "arabic-heading-number"
    family = "scripts"
    summary = "Number glued to an Arabic heading word or split from it"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc):
            return
        by_word: defaultdict[str, list[re.Match[str]]] = defaultdict(list)
        for pattern in (GLUED, SPLIT):
            for m in pattern.finditer(doc.text):
                by_word[m.group("word")].append(m)
        spaced: defaultdict[str, set[str]] = defaultdict(set)
        for m in SPACED.finditer(doc.text):
            spaced[m.group("word")].add(m.group("number"))
        for word, matches in by_word.items():
            numbers = {m.group("number") for m in matches} | spaced[word]
            if len(numbers) < UNSAFE_NUMBERS or vote(word).vote == "visual":
                continue
            safety = applicability(len(numbers) >= SAFE_NUMBERS)
            for m in matches:
                start, end = m.span("number")
                yield self.diagnostic(
                    start,
                    end,
                    f"Heading number {m.group('number')} not spaced after {word!r}",
                    fix=Fix.replace(
                        min(m.start("word"), start),
                        max(m.end("word"), end),
                        f"{word} {m.group('number')}",
                        safety,
                        "Write the heading as word, space, number",
                    ),
                    evidence=f"{word!r} carries {len(numbers)} different numbers in the document",
                )
