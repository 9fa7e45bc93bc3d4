from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..fences import in_code
from ..lazy_pattern import lazy_regex

# Two or more spaces between two visible characters of one line (indentation is left alone).
# Starting on the literal two spaces lets the engine skip ahead; the lookbehind comes second.
RUN = lazy_regex(r"  (?<=\S  ) *(?=\S)")
LAYOUT_RUN = 4
# The spaces after the end of a sentence inside a line (``PURPOSE.  See``), not after the
# number that opens a heading or a list item (``V.  Conclusions``, ``1.  Everyone``).
SENTENCE_GAP = lazy_regex(
    r"(?m)[.!?](?<=[\p{L}\p{N})\]\"'’”»].)(?<!^[ \t]*(?:[\d.]{1,7}|[IVXLCDM]{1,7}|\p{L})\.)"
    r"[\"'’”»)\]]*( +)(?=[\p{Lu}\p{N}\"“«‘(\[])"
)
DOUBLED_WORD_GAP = lazy_regex(r"  (?<=[\p{L},;]  )(?=\p{L})")  # two spaces between two words
PARAGRAPH_BREAK = lazy_regex(r"\n[ \t]*\n")
MIN_DOUBLED = 2  # a single two-space sentence gap is no convention
SHARE = 0.2  # nor two-space sentence gaps that are rare in the document (typos)
RARE = 0.05  # at most this share of the word gaps doubled: the document does not double spaces


class MultipleSpaces(Rule):
    """A run of spaces inside a line where one space belongs.

    What it does:
        Finds two or more consecutive spaces between words of one line. Leading
        indentation and trailing spaces are left to other rules.

    Why it matters:
        pdfminer and pypdf double the spaces of justified lines (``la  coopération``);
        the doubled space splits tokens for search, matching and embedding.

    Example:
        ``prévenir et combattre efficacement le terrorisme,  et`` →
        ``prévenir et combattre efficacement le terrorisme, et``

        Two spaces after the end of a sentence are the typist's convention, not a run to
        join (``PURPOSE.  See the`` in the GPL), where the document follows it: at least
        two and a fifth of its sentence ends take two spaces, most of those of the
        paragraph do, and the document doubles almost no space between two words (after
        at most 5 % of its words). pdfminer's justified output doubles spaces everywhere
        (after 16 % to 60 % of the words in the UN corpus), so its doubled spaces after a
        sentence are still reported, as is a doubled space after a heading number
        (``V.  Conclusions``). Markdown code (a fence or a code span) is aligned on
        purpose (``x = 1  # note``): it is skipped.

    Fix safety:
        Safe for runs of two or three spaces. Runs of four or more are usually layout
        (columns of a table in ``pdftotext -layout`` output), so joining them is unsafe.
    """

    code = "WS002"
    name = "multiple-spaces"
    family = "whitespace"
    summary = "Run of spaces inside a line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        convention: frozenset[int] | None = None
        markdown = "`" in doc.text  # code needs backticks: no look-up per run without them
        for m in RUN.finditer(doc.text):
            width = m.end() - m.start()
            if markdown and in_code(doc, m.start()):
                continue
            if width == 2:
                convention = two_spaced(doc.text) if convention is None else convention
                if m.start() in convention:
                    continue
            safety = Applicability.SAFE if width < LAYOUT_RUN else Applicability.UNSAFE
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"{width} spaces in a row",
                fix=Fix.replace(m.start(), m.end(), " ", safety, "Use one space"),
            )


def two_spaced(text: str) -> frozenset[int]:
    """Offsets of the two-space sentence gaps that follow the document's own convention: those
    of the paragraphs that mostly put two spaces after a sentence, when the text does so
    often enough and doubles hardly any other space between words; else none."""
    gaps = [(m.start(1), m.end(1) - m.start(1)) for m in SENTENCE_GAP.finditer(text)]
    doubled = {start for start, width in gaps if width == 2}
    if len(doubled) < max(MIN_DOUBLED, SHARE * len(gaps)) or not rarely_doubled(text):
        return frozenset()
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    votes: dict[int, int] = {}
    for start, width in gaps:
        paragraph = bisect_right(breaks, start)
        votes[paragraph] = votes.get(paragraph, 0) + (1 if width == 2 else -1)
    return frozenset(start for start in doubled if votes[bisect_right(breaks, start)] > 0)


def rarely_doubled(text: str) -> bool:
    """Two spaces separate two words after at most :data:`RARE` of the words."""
    return sum(1 for _ in DOUBLED_WORD_GAP.finditer(text)) <= RARE * len(text.split())
