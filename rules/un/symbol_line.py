from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class SymbolLine(FurnitureRule):
    """The document's own symbol printed alone as a running header.

    What it does:
        Finds lines that are only a UN document symbol (``A/80/75``,
        ``A/C.3/62/L.2``, ``A/RES/72/194``) when that symbol stands alone on at least
        two lines of the document: it is then the running header, not a reference.

    Why it matters:
        The header is repeated on every page and interrupts the sentence that runs over
        the page break.

    Example:
        ``réponses pénales apportées à⏎A/RES/72/194⏎ces formes de criminalité`` → the
        ``A/RES/72/194`` line is removed.

    Fix safety:
        Safe. A symbol printed once on its own line (a footnote body such as
        ``A/70/287``) or cited inside a sentence is body text and is not reported.
    """

    code = "UN003"
    name = "symbol-line"
    family = "un"
    summary = "Document-symbol running header"
    fix_safety = Applicability.SAFE
    kind = "symbol"
    label = "document-symbol header"
