from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..layout import Layout, Segment, ends_sentence, layout, removal
from ..notes import CUT_URL, notes


class LinkUrlLine(Rule):
    """Bare URL lines appended after a page: the targets of its link annotations.

    What it does:
        Finds runs of lines that are only a URL (``https://undocs.org/fr/A/RES/70/291``)
        and belong neither to a footnote body nor to the sentence before them. Some
        extractors print the target of every link of a page after the page text.

    Why it matters:
        The lines repeat references already in the text and split the sentence that
        runs over the page break (in the seed resolution three URL lines sit between
        ``continuer à fournir`` and ``aux États Membres``).

    Example:
        ``5 E/CN.15/2017/5.⏎https://undocs.org/fr/A/RES/70/177⏎https://undocs.org/fr/A/RES/70/291⏎aux
        États Membres`` → both URL lines are removed.

    Fix safety:
        Safe for a run of two or more URL lines; unsafe for a single one. A URL that
        continues a footnote body or a sentence stays.
    """

    code = "PG003"
    name = "link-url-line"
    family = "pages"
    summary = "Bare link-annotation URL line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        members = notes(doc).members
        for run in _runs(lay, members):
            safety = Applicability.SAFE if len(run) >= 2 else Applicability.UNSAFE
            for seg in run:
                yield self.diagnostic(
                    seg.start,
                    seg.end,
                    f"Link-annotation URL line: {seg.text.strip()!r}",
                    fix=Fix((removal(doc, seg),), safety, "Remove the URL line"),
                    evidence=f"one of {len(run)} URL-only lines in a row, outside any footnote body",
                )


def _runs(lay: Layout, members: set[int]) -> Iterator[list[Segment]]:
    run: list[Segment] = []
    prev: Segment | None = None
    for seg in lay.nonblank():
        if lay.kind(seg) == "url" and seg.index not in members:
            if run or prev is None or not _continued_by_url(lay, prev, members):
                run.append(seg)
            continue
        if run:
            yield run
            run = []
        prev = seg
    if run:
        yield run


def _continued_by_url(lay: Layout, prev: Segment, members: set[int]) -> bool:
    """The line before may go on with a URL (an unfinished sentence or a cut URL)."""
    if CUT_URL.search(prev.text.rstrip()):
        return True
    body_text = lay.kind(prev) is None or prev.index in members
    return body_text and not ends_sentence(prev.text)
