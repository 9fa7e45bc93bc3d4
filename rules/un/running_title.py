from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


class RunningTitle(FurnitureRule):
    """A resolution title (``72/194. Assistance technique aux fins …``) printed again.

    What it does:
        Finds lines that start with a resolution number and title (``72/194. Title``)
        and repeat an earlier such line of the document. The first occurrence is the
        heading and stays.

    Why it matters:
        Resolution pages repeat their title as a running header; each copy splits the
        sentence it lands in and duplicates the heading.

    Example:
        ``72/194. Assistance technique …`` (heading, kept) … ``72/194. Assistance
        technique …`` (page 3 header, removed).

    Fix safety:
        Safe: the line repeats the heading word for word (digits, case and punctuation
        aside).
    """

    code = "UN004"
    name = "running-title"
    family = "un"
    summary = "Resolution title repeated as a running header"
    fix_safety = Applicability.SAFE
    kind = "un-title"
    label = "repeated resolution title"
