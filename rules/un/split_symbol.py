"""A UN document symbol cut after a ``/`` at a line end (``(A/`` ⏎ ``810),``), family ``un``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..layout import gap, layout
from ..symbols import Cut, cut_symbol


def certain(cut: Cut, text: str) -> bool:
    """The cut needs no more evidence: its rest holds a number (``A/`` ⏎ ``810``,
    ``E/CN.4/`` ⏎ ``2005/L.2``), or the whole symbol is written elsewhere in ``text``."""
    if cut.numbered:
        return True
    return regex.search(rf"(?<![\w/.\-]){regex.escape(cut.symbol)}(?![\w/\-])", text) is not None


class SplitSymbol(Rule):
    """A UN document symbol cut over two lines after a ``/``.

    What it does:
        Finds a line that ends in the head of a UN document symbol and a slash (``(A/``,
        ``E/CN.4/``, ``A/C.3/62/``, ``S/``) whose next line opens with the rest of it
        (``810),``, ``2005/L.2``, ``RES/2334``), and joins the two halves. The head must
        open with a UN series (``A``, ``E``, ``S``, ``ST``, ``DP``, ``CRC``…) and every
        part must follow the symbol grammar: numbers, upper-case bodies with their number
        (``C.3``, ``CN.4``, ``L.2``) or ``Add.1``, ``Rev.2``, ``Corr.1``. A rest of one part
        must be followed by punctuation or the line end (``A/`` ⏎ ``70 See …`` is left
        alone), and the rest must hold a number unless the whole symbol is written
        elsewhere in the document. ``and/`` ⏎ ``or``, ``SLA/TC/`` ⏎ ``Al-Hadi`` and old-style
        footnote markers (``1/``) are never touched.

    Why it matters:
        The PDF broke the line after the slash; joined with a space the symbol becomes
        ``(A/ 810)``, which no search or link resolver finds.

    Example:
        ``primera parte, Resoluciones (A/`` ⏎ ``810), pág. 71.`` → ``primera parte,
        Resoluciones (A/810), pág. 71.``

    Fix safety:
        Safe: only the line break and the spaces around it are removed, and only between
        two halves that the symbol grammar joins.
    """

    code = "UN007"
    name = "split-symbol"
    family = "un"
    summary = "UN document symbol cut over two lines after a slash"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if "/" not in doc.text:
            return
        lay = layout(doc)
        body = lay.nonblank()
        for a, b in zip(body, body[1:], strict=False):
            if not a.ends_line or not a.text.rstrip().endswith("/") or a.page != b.page:
                continue
            cut = cut_symbol(a.text, b.text)
            if cut is None or a.index in lay.kinds or b.index in lay.kinds:
                continue
            if not certain(cut, doc.text):
                continue
            start, end = gap(doc, a, b)
            yield self.diagnostic(
                start,
                end,
                f"Document symbol {cut.symbol} is cut over two lines",
                fix=Fix.replace(start, end, "", Applicability.SAFE, "Join the symbol"),
                evidence=f"{cut.head!r} ends the line and {cut.rest!r} opens the next; UN symbol grammar",
            )
