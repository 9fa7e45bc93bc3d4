from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .edits import applicability
from .screen import has_script_chars

HAN = r"\p{Han}"
# Full-width and CJK punctuation: ，。、；：？！（）《》「」 …
CJK_PUNCT = r"[\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
HAN_SIDE = rf"(?:{HAN}|{CJK_PUNCT})"
# Spaces between two Han characters, or a Han character and CJK punctuation.
BETWEEN_HAN = lazy_regex(rf"(?<={HAN}) +(?={HAN_SIDE})|(?<={CJK_PUNCT}) +(?={HAN})")
# One space between Han and a digit or Latin letter inside a line (not a leading note number).
BESIDE_ALNUM = lazy_regex(
    rf"(?<={HAN}) (?=[\p{{Latin}}\p{{Nd}}])|(?<=[^\s][\p{{Latin}}\p{{Nd}}]*[\p{{Latin}}\p{{Nd}}]) (?={HAN})"
)
GLUED = lazy_regex(rf"{HAN}[\p{{Latin}}\p{{Nd}}]|[\p{{Latin}}\p{{Nd}}]{HAN}")
LAYOUT_RUN = 4
HAN_MAJORITY = 0.5
LETTER = lazy_regex(r"\p{L}")
HAN_CHAR = lazy_regex(HAN)


def _chinese(doc: Document) -> bool:
    """Chinese by its language or, unset, by Han being most of the letters."""
    if doc.lang is not None:
        return doc.lang.startswith("zh")
    letters = len(LETTER.findall(doc.text[:20_000]))
    return bool(letters) and len(HAN_CHAR.findall(doc.text[:20_000])) / letters >= HAN_MAJORITY


class HanSpaces(Rule):
    """A space between Han characters, or between Han and CJK punctuation.

    What it does:
        Finds spaces the extractor inserted inside Chinese text: between two Han
        characters (``世 界人权``) or between a Han character and full-width punctuation
        (``基础 ，``), and removes them; the punctuation ``，（：`` itself is kept as it is.
        A single space between Han and a digit or Latin word (``1948 年 12 月``) is
        reported too, with an unsafe fix: some house styles want that space.

    Why it matters:
        Chinese is written without spaces; an inserted space splits words for
        segmenters, search and embeddings (character error rate 0.06 from spaces alone
        has been reported for one extractor).

    Example:
        ``人类的良 心，`` → ``人类的良心，``; ``大会 1948 年 12 月 10 日`` → ``大会1948年12月10日``
        (unsafe)

    Fix safety:
        Safe between Han characters and punctuation in a Chinese document (``lang`` zh, or
        unset and mostly Han) for runs of up to three spaces; unsafe for longer runs
        (layout columns) or other documents. Spaces next to digits and Latin words:
        unsafe only, in Chinese documents only, with the document's own count of glued and
        spaced pairs as evidence.
    """

    code = "SC005"
    name = "han-spaces"
    family = "scripts"
    summary = "Space inside Chinese text"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        if not has_script_chars(doc) or not HAN_CHAR.search(doc.text):
            return
        chinese = _chinese(doc)
        for m in BETWEEN_HAN.finditer(doc.text):
            safe = chinese and m.end() - m.start() < LAYOUT_RUN
            yield self.diagnostic(
                m.start(),
                m.end(),
                "Space between Han characters",
                fix=Fix.delete(
                    m.start(),
                    m.end(),
                    applicability(safe),
                    "Remove the space",
                ),
                evidence="Chinese document" if chinese else "document not Chinese",
            )
        spaced = BESIDE_ALNUM.findall(doc.text) if chinese else []
        if not spaced:
            return
        glued = len(GLUED.findall(doc.text))
        for m in BESIDE_ALNUM.finditer(doc.text):
            yield self.diagnostic(
                m.start(),
                m.end(),
                "Space between Han and a digit or Latin letter",
                fix=Fix.delete(m.start(), m.end(), Applicability.UNSAFE, "Remove the space"),
                evidence=f"document glues {glued} Han/alphanumeric pairs, spaces {len(spaced)}",
            )
