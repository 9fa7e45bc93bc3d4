"""Evidence-driven word repairs (family ``words``, codes WD): split words, hyphenation, lost hyphens."""

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
