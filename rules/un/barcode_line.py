from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class BarcodeLine(FurnitureRule):
    """The first-page barcode printed as text.

    What it does:
        Finds a line that is only the barcode of a UN document: the job number between
        asterisks (``*1723181*``) or a run of private-use glyphs (a barcode font the
        extractor could not map, ``\\uf02a\\uf031…``).

    Why it matters:
        The barcode is an image of the job number; as text it is a meaningless token in
        the body.

    Example:
        ``Merci de recycler⏎*1723181*⏎`` → the ``*1723181*`` line is removed.

    Fix safety:
        Safe: the pattern cannot be body text.
    """

    code = "UN002"
    name = "barcode-line"
    family = "un"
    summary = "Barcode line (*1723181* or private-use glyphs)"
    fix_safety = Applicability.SAFE
    kind = "barcode"
    label = "barcode line"
