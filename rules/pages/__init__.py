"""Page structure: headers, page numbers, link lines, page breaks, reflow (family ``pages``, codes PG).

The family also answers the ``reslint_structure`` hook: body paragraphs, footnotes and the
furniture removed, with their original line numbers.
"""

from __future__ import annotations

from typing import Any

from reslint.api import Document, Rule, hookimpl

from ..layout import layout
from ..masthead_readings import read_masthead
from ..notes import notes
from .flow import paragraphs
from .heading_order import HeadingOrder
from .headings import headings
from .link_url_line import LinkUrlLine, link_runs
from .page_break_stitch import PageBreakStitch
from .page_number_line import PageNumberLine
from .reflow import Reflow
from .running_header import RunningHeader
from .split_url import SplitUrl


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [RunningHeader, PageNumberLine, LinkUrlLine, PageBreakStitch, Reflow, SplitUrl, HeadingOrder]


@hookimpl
def reslint_structure(doc: Document, options: dict[str, dict[str, Any]]) -> dict[str, Any]:
    lay = layout(doc)
    found = notes(doc)
    keep = found.members | headings(doc)
    kinds = lay.kinds
    removed = [
        (seg, kind)
        for seg in lay.nonblank()
        if (kind := kinds.get(seg.index)) not in (None, "url") and seg.index not in keep
    ]
    removed += [(seg, "url") for run, _ in link_runs(doc) for seg in run]
    removed += [(seg, "masthead") for seg, _ in read_masthead(doc) if seg.index not in keep]
    removed.sort(key=lambda item: item[0].index)
    skip = found.members | {seg.index for seg, _ in removed}
    return {
        "body": paragraphs(doc, skip),
        "footnotes": [{"number": n.number, "text": n.text, "line": n.line} for n in found.notes],
        "furniture": [{"line": seg.line, "text": seg.text.strip(), "kind": kind} for seg, kind in removed],
    }
