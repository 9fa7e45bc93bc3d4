from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .options import wanted_kind

# Double quotation marks: straight, and the typographic ones (English “ ”, „ of Russian and
# German). Guillemets « » are another system, used with “ ” in French: never counted.
QUOTE = lazy_regex('["“”„]')
TYPOGRAPHIC = frozenset("“”„")
# What a straight quote may follow to open a quotation, and precede to close one.
BEFORE_OPENING = lazy_regex(r"[\s(\[{/—–-]")
AFTER_CLOSING = lazy_regex(r"[\s)\]}.,;:!?/—–-]")


class MixedQuotes(Rule):
    """Straight ``"`` and typographic ``“ ”`` quotation marks mixed in one document.

    What it does:
        Counts the double quotation marks (``"`` against ``“ ” „``; a ``"`` after a digit
        is an inch or second mark and is not counted) and, when both kinds occur, reports
        those not of the preferred kind. The option ``quotes`` sets it: ``majority``
        (default: the document's more frequent kind, typographic on a tie),
        ``typographic`` or ``straight``. Guillemets ``« »`` are not counted: French nests
        ``“ ”`` inside them, which is no mixing.

    Why it matters:
        ``"Clever heads"`` and ``“Clever heads”`` are different strings for search,
        patterns and deduplication; mixing comes from pasting the output of different
        extractors or OCR together.

    Example:
        ``the (“Clever heads”) project … the “250+” project … The phrase "containing the
        Declaration … Peoples" would be deleted`` (A/50/610 pasted after E/2025/L.9) → the
        two ``"`` reported.

    Fix safety:
        Never changed by default: with ``majority`` the fix is display-only. Safe when the
        kind is set explicitly: ``“ ” „`` become ``"``; a ``"`` becomes ``“`` after a space
        or opening bracket and before a word, ``”`` after a word and before a space or
        punctuation. A ``"`` with no such context gets no fix.
    """

    code = "TY005"
    name = "mixed-quotes"
    family = "typography"
    summary = "Straight and typographic quotation marks mixed"
    fix_safety = Applicability.DISPLAY_ONLY

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        if '"' not in text or not any(mark in text for mark in TYPOGRAPHIC):
            return
        found = [m.start() for m in QUOTE.finditer(text) if not _measure(text, m.start())]
        straight = sum(text[at] == '"' for at in found)
        curly = len(found) - straight
        if not straight or not curly:
            return
        kind, safety = wanted_kind(options, "quotes", straight, curly)
        evidence = f"{curly} typographic and {straight} straight quotation marks"
        for at in found:
            char = text[at]
            if (char == '"') == (kind == "straight"):
                continue
            wanted = '"' if kind == "straight" else _direction(text, at)
            yield self.diagnostic(
                at,
                at + 1,
                f"Quotation mark {char!r} where the document uses {kind} ones",
                fix=Fix.replace(at, at + 1, wanted, safety, f"Use {wanted!r}") if wanted else None,
                evidence=evidence,
            )


def _measure(text: str, at: int) -> bool:
    """A straight ``"`` right after a digit: inches or seconds (``12"``), not a quote."""
    return text[at] == '"' and at > 0 and text[at - 1].isdigit()


def _direction(text: str, at: int) -> str | None:
    """``“`` or ``”`` for the straight quote at ``at``, when its neighbours tell."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if BEFORE_OPENING.match(before) and not after.isspace():
        return "“"
    if not before.isspace() and AFTER_CLOSING.match(after):
        return "”"
    return None
