from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..layout import Layout, Segment, ends_sentence, layout, removal
from ..notes import CUT_URL, notes


class LinkUrlLine(Rule):
    """Bare URL lines appended after a page: the targets of its link annotations.

    What it does:
        Finds runs of lines that are only a URL (``https://undocs.org/fr/A/RES/70/291``),
        belong neither to a footnote body nor to the sentence before them, and mostly end
        in a document reference the text already cites (``70/291``, ``2133 (2014)``).
        Some extractors print the target of every link of a page after the page text.

    Why it matters:
        The lines repeat references already in the text and split the sentence that
        runs over the page break (in the seed resolution three URL lines sit between
        ``continuer à fournir`` and ``aux États Membres``).

    Example:
        ``5 E/CN.15/2017/5.⏎https://undocs.org/fr/A/RES/70/177⏎https://undocs.org/fr/A/RES/70/291⏎aux
        États Membres`` → both URL lines are removed.

    Fix safety:
        Safe for a run of two or more URL lines; unsafe for a single one. A URL that
        continues a footnote body, a sentence or a line ending in a colon, or whose
        target the text does not cite (a footnote that pdftotext printed apart from its
        number), stays.
    """

    code = "PG003"
    name = "link-url-line"
    family = "pages"
    summary = "Bare link-annotation URL line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for run, cited in link_runs(doc):
            safety = Applicability.SAFE if len(run) >= 2 else Applicability.UNSAFE
            for seg in run:
                yield self.diagnostic(
                    seg.start,
                    seg.end,
                    f"Link-annotation URL line: {seg.text.strip()!r}",
                    fix=Fix((removal(doc, seg),), safety, "Remove the URL line"),
                    evidence=f"{cited} of the {len(run)} URL-only lines in a row point to a document "
                    "the text already cites, outside any footnote body",
                )


def link_runs(doc: Document) -> list[tuple[list[Segment], int]]:
    """Runs of link-annotation lines, each with how many of its URLs the text cites."""
    lay = layout(doc)
    kinds = lay.kinds
    prose = "\n".join(s.text for s in lay.nonblank() if kinds.get(s.index) != "url")
    out = []
    for run in _runs(lay, notes(doc).members):
        cited = sum(1 for seg in run if _cited(seg.text.strip(), prose))
        if 2 * cited >= len(run):  # else URLs of their own (a footnote printed apart from its number)
            out.append((run, cited))
    return out


def _cited(url: str, prose: str) -> bool:
    """The URL ends in a document reference (``A/RES/70/291``, ``2133(2014)``) the text cites."""
    parts = [p for p in url.split("://", 1)[-1].rstrip("/.,;").split("/")[1:] if p]
    if not parts or not any(c.isdigit() for c in parts[-1]):
        return False
    ident = "/".join(parts[-2:]) if parts[-1].isdigit() and len(parts) > 1 else parts[-1]
    pattern = regex.escape(ident).replace(r"\(", r"\s*\(")
    return regex.search(rf"(?<![\w/]){pattern}(?![\w/])", prose) is not None


def _runs(lay: Layout, members: set[int]) -> Iterator[list[Segment]]:
    run: list[Segment] = []
    prev: Segment | None = None
    kinds = lay.kinds
    for seg in lay.nonblank():
        if kinds.get(seg.index) == "url" and seg.index not in members:
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
    """The line before may go on with a URL (an unfinished sentence, a line that announces
    what follows with a colon, ``The former upstream was:``, or a cut URL)."""
    if CUT_URL.search(prev.text.rstrip()) or prev.text.rstrip().endswith(":"):
        return True
    body_text = prev.index not in lay.kinds or prev.index in members
    return body_text and not ends_sentence(prev.text)
