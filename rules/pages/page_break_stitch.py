from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .flow import body_pairs, continues, gap, unfinished, usual_gap

STRAY_INDENT = 2  # at most this many leading spaces count as a stray space, not layout


class PageBreakStitch(Rule):
    """A sentence still cut by a page break once the furniture around it is gone.

    What it does:
        Looks at two consecutive body lines with no furniture or footnote left between
        them. When the first leaves its sentence unfinished and the second starts in
        lower case, a form feed, extra blank lines or a stray leading space between them
        are replaced by the document's ordinary line break.

    Why it matters:
        After running headers and footnote blocks are removed, ``continuer à fournir`` and
        ``aux États Membres`` are still separated by a page break (or by blank lines and
        an indent that look like a new paragraph); sentence splitters cut there.

    Example:
        ``de continuer à fournir⏎␌ aux États Membres`` → ``de continuer à fournir⏎aux
        États Membres``.

    Fix safety:
        Safe when the next line starts in lower case (only whitespace and the form feed
        go). Unsafe when it starts with a capital after an unfinished line (it may be a
        heading).
    """

    code = "PG004"
    name = "page-break-stitch"
    family = "pages"
    summary = "Sentence cut by a page break or stray gap"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        sep = "\n" * usual_gap(doc)
        for a, b in body_pairs(doc):
            start, end = gap(doc, a, b)
            between = doc.text[start:end]
            page_break = "\f" in between
            lead = len(b.text) - len(b.text.lstrip())
            if continues(a, b):
                safety = Applicability.SAFE
            elif page_break and b.text.strip()[:1].isupper() and unfinished(a):
                safety = Applicability.UNSAFE
            else:
                continue
            stray = page_break or between.count("\n") > len(sep) or 0 < lead <= STRAY_INDENT
            if not stray or between == a.text[len(a.text.rstrip()) :] + sep:
                continue
            keep = len(a.text) - len(a.text.rstrip()) if a.ends_line else 0
            what = "a page break" if page_break else "a stray gap"
            yield self.diagnostic(
                start,
                end,
                f"Sentence cut by {what}",
                fix=Fix.replace(start + keep, end, sep, safety, "Join the sentence across the break"),
                evidence=f"{a.text.strip()[-30:]!r} is unfinished and {b.text.strip()[:30]!r} goes on",
            )
