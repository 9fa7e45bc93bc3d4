from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class PageNumberLine(FurnitureRule):
    """A page-number line (``3/10``, ``- 3 -``, ``Page 3 of 10``, ``/...``).

    What it does:
        Finds lines that are only a page number in one of the printed forms
        ``N/M`` (with N ≤ M), ``- N -``, ``Page N`` or ``Page N of M``, or the ``/...``
        continuation mark of older documents.

    Why it matters:
        Page numbers are furniture; in the text they interrupt sentences and read as
        quantities.

    Example:
        ``le respect intégral des droits de l’homme ;⏎2/4⏎`` → the ``2/4`` line is
        removed.

    Fix safety:
        Safe: the whole line is the page number. A bare number alone on a line is not
        reported (it may be a footnote number).
    """

    code = "PG002"
    name = "page-number-line"
    family = "pages"
    summary = "Page-number line"
    fix_safety = Applicability.SAFE
    kind = "page-number"
    label = "page-number line"
