from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class JobNumberLine(FurnitureRule):
    """A UN job-number line printed at the foot of every page.

    What it does:
        Finds lines made only of a UN job number, its language letter, date codes and
        page number (``25-05279 2/19``, ``17-23181 (F)    230118    230118``,
        ``GE.25-01234``), and a six-digit date code printed on its own line next to one.

    Why it matters:
        The job number is page furniture: left in place it cuts sentences at every page
        break and adds tokens that match nothing in the text.

    Example:
        ``aux fins de la ratification⏎17-23181⏎3/4⏎de ces instruments`` → the
        ``17-23181`` line is removed.

    Fix safety:
        Safe: the line holds nothing but job-number pieces. A number cited inside a
        sentence is never touched.
    """

    code = "UN001"
    name = "job-number-line"
    family = "un"
    summary = "UN job-number line (page furniture)"
    fix_safety = Applicability.SAFE
    kind = "job"
    label = "UN job-number line"
