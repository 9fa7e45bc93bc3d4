from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class Masthead(FurnitureRule):
    """The first-page masthead: organ, symbol, ``Distr.``, date, ``Original:``.

    What it does:
        Finds the block at the top of the first page made only of masthead lines
        (``Nations Unies``, ``A/C.3/62/L.2``, ``Assemblée générale``, ``Distr.
        limitée``, ``2 octobre 2007``, ``Français``, ``Original : anglais``, the job line
        and the barcode). The block must hold a ``Distr.``/``Original:`` line or a
        symbol line. The session, agenda item and title that follow are body text.

    Why it matters:
        The masthead is metadata, not prose; parsers and embedders want it apart. It is
        its own rule so that users who keep it can ignore just this code.

    Example:
        ``Nations Unies  A/C.3/62/L.2⏎Assemblée générale⏎Distr. limitée⏎…⏎Soixante-deuxième
        session`` → everything before ``Soixante-deuxième session`` is removed.

    Fix safety:
        Safe: only lines that match a masthead pattern, in the first-page block, are
        removed.
    """

    code = "UN006"
    name = "masthead"
    family = "un"
    summary = "First-page masthead (symbol, Distr., date, Original)"
    fix_safety = Applicability.SAFE
    kind = "masthead"
    label = "masthead line"
