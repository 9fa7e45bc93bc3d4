from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..fences import in_code
from .encoding import repairs

REPLACEMENT = "\ufffd"


class Mojibake(Rule):
    """Text decoded with the wrong encoding (mojibake), repaired by ftfy.

    What it does:
        A fast pre-screen marks lines holding the typical byte patterns of UTF-8 read as
        Windows-1252, Latin-1 or MacRoman (``Ã©``, ``â€™``, ``√©``) and lone C1 controls
        (Windows-1252 read as Latin-1); ftfy's encoding repair, and only that, decides.
        A line ftfy's heuristic leaves alone is re-decoded with a plan ftfy used on other
        lines of the document when the whole line decodes and yields only characters
        those repairs yielded. One diagnostic per ftfy step, with ftfy's explanation.
        Markdown code (a fenced block or a `` `code span` ``) is left alone: there mojibake
        is an example, as in ftfy's own documentation.

    Why it matters:
        ``lâ€™Ã©laboration`` matches no word: search, spelling and every word-level rule
        miss it.

    Example:
        ``prÃ©venir lâ€™Ã©laboration`` → ``prévenir l’élaboration``

    Fix safety:
        Safe: ftfy only re-decodes text when the bytes form valid UTF-8 (or Windows-1252),
        which is strong evidence; a plan taken from other lines must decode the whole line
        and yield the very characters ftfy's repairs yielded there. Unsafe when the repair
        had to put U+FFFD in place of lost bytes. The fix sits on the first step's diagnostic.
    """

    code = "CH001"
    name = "mojibake"
    family = "characters"
    summary = "Mojibake: text decoded with the wrong encoding"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for repair in repairs(doc):
            if in_code(doc, repair.start):  # a Markdown example of mojibake (`Ã©` for `é`) is meant
                continue
            original = doc.text[repair.start : repair.end]
            lossy = repair.replacement.count(REPLACEMENT) > original.count(REPLACEMENT)
            safety = Applicability.UNSAFE if lossy else Applicability.SAFE
            fix = Fix.replace(repair.start, repair.end, repair.replacement, safety, "Repair the encoding")
            evidence = f"ftfy: {original!r} → {repair.replacement!r}"
            for i, step in enumerate(repair.steps):
                yield self.diagnostic(
                    repair.start,
                    repair.end,
                    f"Mojibake: {step}",
                    fix=fix if i == 0 else None,
                    evidence=evidence,
                )
