from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .encoding import repairs
from .screen import present

# C0 controls other than tab, newline, form feed and carriage return; DEL; C1 controls.
CONTROL = lazy_regex(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What Word's own control characters stand for, when it leaks them into text.
WORD_CONTROLS = {
    "\x0b": ("\n", "Word's manual line break"),
    "\x1e": ("-", "Word's non-breaking hyphen"),
    "\x1f": ("", "Word's optional hyphen"),
}


class ControlCharacter(Rule):
    """A C0 or C1 control character inside the text.

    What it does:
        Finds control characters other than tab, newline, carriage return and form feed.
        C1 controls (U+0080–009F) that the ``mojibake`` rule repairs as mis-decoded
        Windows-1252 are left to it.

    Why it matters:
        Controls are invisible, break tokenizers and XML/JSON output, and often stand for
        something lost: Word writes its non-breaking hyphen as U+001E, its optional hyphen
        as U+001F and its manual line break as U+000B.

    Example:
        ``non\\x1eself\\x1egoverning`` → ``non-self-governing`` (with ``--unsafe-fixes``)

    Fix safety:
        Unsafe: Word's U+000B, U+001E, U+001F become a line break, ``-`` and nothing;
        other C0 controls and DEL are removed. C1 controls are reported without a fix
        (they are usually a mis-decoded character, see the evidence).
    """

    code = "CH004"
    name = "control-character"
    family = "characters"
    summary = "Control character inside the text"
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not present(doc, CONTROL):
            return
        fixed = repairs(doc)  # sorted, not overlapping
        starts = [r.start for r in fixed]
        for m in CONTROL.finditer(doc.text):
            char, start = m.group(), m.start()
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < fixed[i].end:
                continue  # a mis-decoded character that CH001 repairs
            message = f"Control character U+{ord(char):04X}"
            if char >= "\x80":
                yield self.diagnostic(start, m.end(), message, evidence=_cp1252(char))
                continue
            replacement, meaning = WORD_CONTROLS.get(char, ("", "no visible meaning"))
            yield self.diagnostic(
                start,
                m.end(),
                message,
                fix=Fix.replace(start, m.end(), replacement, Applicability.UNSAFE, f"Replace: {meaning}"),
                evidence=meaning,
            )


def _cp1252(char: str) -> str:
    try:
        return f"byte 0x{ord(char):02X} is {bytes([ord(char)]).decode('cp1252')!r} in Windows-1252"
    except UnicodeDecodeError:
        return f"byte 0x{ord(char):02X} is undefined in Windows-1252"
