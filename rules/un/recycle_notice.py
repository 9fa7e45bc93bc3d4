from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class RecycleNotice(FurnitureRule):
    """The ``Please recycle`` / ``Merci de recycler`` notice of the first page.

    What it does:
        Finds a line that is only the recycling notice (English, French, Spanish, or the
        ♲ sign), alone or next to the job number.

    Why it matters:
        It is printed at the foot of the first page and lands in the middle of the text.

    Example:
        ``17-23181 (F)⏎Merci de recycler⏎*1723181*`` → the ``Merci de recycler`` line is
        removed.

    Fix safety:
        Safe: the whole line is the notice.
    """

    code = "UN005"
    name = "recycle-notice"
    family = "un"
    summary = "Please recycle / Merci de recycler notice"
    fix_safety = Applicability.SAFE
    kind = "recycle"
    label = "recycling notice"
