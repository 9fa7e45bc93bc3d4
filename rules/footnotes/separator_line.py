from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document

from ..layout import FurnitureRule, Layout, layout
from ..notes import NOTE_NUMBER_LINE, clean, notes

TYPED_KINDS = frozenset({"separator", "url"})  # kinds a typed document has too


class SeparatorLine(FurnitureRule):
    """The footnote separator line (``__________________``).

    What it does:
        Finds lines made only of five or more underscores, the rule Word prints above
        the footnotes of a page.

    Why it matters:
        The separator sits in the middle of the sentence that runs over the page break
        and is meaningless once the footnotes are gathered at the end.

    Example:
        ``de continuer à fournir⏎__________________⏎ 2 Résolutions 53/243 A et B.`` → the
        underscore line is removed.

    Fix safety:
        Safe: the line holds only underscores and spaces. A rule line of a document
        without any page furniture (no form feed, running header or page number) is a
        footnote separator only when a footnote body or number follows one of its rule
        lines: a rule typed between the sections of a licence (a Debian ``copyright``
        file) is text, and is not reported.
    """

    code = "FN001"
    name = "separator-line"
    family = "footnotes"
    summary = "Footnote separator line of underscores"
    fix_safety = Applicability.SAFE
    kind = "separator"
    label = "footnote separator"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        if _paged(lay) or _footed(doc, lay):
            yield from super().check(doc, options)


def _paged(lay: Layout) -> bool:
    """The document has the page furniture of an extraction (form feeds, running
    headers, page numbers...): its rule lines are footnote separators."""
    return lay.has_form_feeds or not TYPED_KINDS.issuperset(lay.kinds.values())


def _footed(doc: Document, lay: Layout) -> bool:
    """Some separator has a footnote body or a footnote number line after it."""
    members = notes(doc).members
    body = lay.nonblank()
    return any(
        lay.kinds.get(seg.index) == "separator"
        and (after.index in members or NOTE_NUMBER_LINE.match(clean(after.text)) is not None)
        for seg, after in zip(body, body[1:], strict=False)
    )
