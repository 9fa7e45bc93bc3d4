"""Evidence-driven word repairs (family ``words``, codes WD).

Split words (WD001), line-end hyphenation (WD002), lost compound hyphens (WD003), OCR
look-alikes (WD004) and words run together (WD005). Every decision rests on evidence
shown in the diagnostic: the document's own words, word frequencies for its language
(wordfreq, loaded on first use) and shipped lists in ``data/``.

Option (``[tool.reslint.words]``): ``extend-words``, a list of words to treat as known
(names, terms of the user's domain), like typos' and codespell's word lists.
"""

from __future__ import annotations

from typing import Any

from reslint.api import Rule, hookimpl

from .line_end_hyphen import LineEndHyphen
from .lost_hyphen import LostHyphen
from .ocr_lookalike import OcrLookalike
from .run_together import RunTogether
from .split_word import SplitWord


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [SplitWord, LineEndHyphen, LostHyphen, OcrLookalike, RunTogether]


@hookimpl
def reslint_default_config() -> dict[str, dict[str, Any]]:
    return {"words": {"extend-words": []}}
