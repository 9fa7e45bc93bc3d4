from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .arabic import LETTERS, MARKS_RANGE
from .screen import has_script_chars

# A line that is one Arabic word with a number glued to it: ``المادة13``.
GLUED_LINE = re.compile(rf"^[ \t]*([{LETTERS}{MARKS_RANGE}]+)(\d{{1,3}})[ \t]*$", re.MULTILINE)
UNSAFE_NUMBERS = 2
SAFE_NUMBERS = 3


class ArabicGluedNumber(Rule):
    """A heading number glued to its Arabic word (``المادة13``).

    What it does:
        Finds lines made of one Arabic word and a number with no space between them, and
        inserts the space when the same word carries several different numbers in the
        document: a numbered heading (``المادة 1`` … ``المادة 15``), not a footnote
        reference (``الإنسان1``, glued on purpose, and met once).

    Why it matters:
        PyMuPDF drops the space where a right-to-left word meets a left-to-right number:
        ``المادة13`` is one unknown token, and heading detection (``المادة N``) fails.

    Example:
        ``المادة13`` → ``المادة 13`` (the document also has ``المادة1`` … ``المادة15``)

    Fix safety:
        Safe when the word is glued to three or more different numbers in the document;
        unsafe with two; a single occurrence is not reported. Only a space is added.
    """

    code = "SC007"
    name = "arabic-glued-number"
    family = "scripts"
    summary = "Number glued to an Arabic heading word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc):
            return
        by_word: defaultdict[str, list[re.Match[str]]] = defaultdict(list)
        for m in GLUED_LINE.finditer(doc.text):
            by_word[m.group(1)].append(m)
        for word, matches in by_word.items():
            numbers = {m.group(2) for m in matches}
            if len(numbers) < UNSAFE_NUMBERS:
                continue
            safety = Applicability.SAFE if len(numbers) >= SAFE_NUMBERS else Applicability.UNSAFE
            for m in matches:
                yield self.diagnostic(
                    m.start(2),
                    m.end(2),
                    f"Number glued to {word!r}",
                    fix=Fix.replace(m.end(1), m.end(1), " ", safety, "Insert a space"),
                    evidence=f"{word!r} carries {len(numbers)} different numbers in the document",
                )
