from __future__ import annotations

from reslint.api import Applicability

from ..layout import FurnitureRule


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
        Safe: the line holds only underscores and spaces.
    """

    code = "FN001"
    name = "separator-line"
    family = "footnotes"
    summary = "Footnote separator line of underscores"
    fix_safety = Applicability.SAFE
    kind = "separator"
    label = "footnote separator"
