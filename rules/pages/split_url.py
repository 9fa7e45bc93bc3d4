from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..layout import LINE_CACHE, layout
from ..lazy_pattern import lazy_regex
from ..notes import CUT_URL
from .flow import gap

# The rest of a URL: URL characters with a letter or digit among them (not a rule line
# ``-----``), not ending in a colon (not a field label ``Files-Excluded:``).
URL_PIECE = lazy_regex(r"^\s*(?!https?://|www\.)(?=\S*[^\W_])[\w\-./%?=&#~+:]*[\w\-./%?=&#~+]\s*$")
URL_PUNCT = lazy_regex(r"[-/._=%]")


class SplitUrl(Rule):
    """A URL cut over two lines.

    What it does:
        Finds a line ending in a URL cut after ``-``, ``/``, ``_``, ``=``, ``?``
        or ``&`` whose next line is a single URL-like piece, and joins the two. A rule
        line (``-----``) or a field label (``Files-Excluded:``) under a URL that ends in
        ``/`` is no piece of it.

    Why it matters:
        A cut URL is two broken links; the second half reads as a stray token.

    Example:
        ``https://dp.dsns.gov.ua/news/nadzvicaini-podiyi/raketnii-udar-rf-po-krivomu-⏎rozi``
        → ``https://dp.dsns.gov.ua/news/nadzvicaini-podiyi/raketnii-udar-rf-po-krivomu-rozi``.

    Fix safety:
        Safe when the piece holds URL punctuation (``-``, ``/``, ``.``…); unsafe when it is
        a single word, which may be the next line of text.
    """

    code = "PG006"
    name = "split-url"
    family = "pages"
    summary = "URL cut over two lines"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        body = lay.nonblank()
        for a, b in zip(body, body[1:], strict=False):
            if not (a.ends_line and _cut_url(a.text) and URL_PIECE.match(b.text)):
                continue
            if lay.kinds.get(b.index) not in (None, "url"):
                continue
            start, end = gap(doc, a, b)
            if "\f" in doc.text[start:end]:
                continue
            piece = b.text.strip()
            safe = URL_PUNCT.search(piece) is not None
            yield self.diagnostic(
                start,
                end,
                "URL cut over two lines",
                fix=Fix.replace(
                    start, end, "", Applicability.SAFE if safe else Applicability.UNSAFE, "Join the URL"
                ),
                evidence=f"the line ends in a cut URL and the next line is the piece {piece!r}",
            )


@lru_cache(maxsize=LINE_CACHE)
def _cut_url(text: str) -> bool:
    """The line ends in a URL cut after a hyphen, slash or the like (``CUT_URL``); kept by text
    for the next pass of the fix loop."""
    return CUT_URL.search(text.rstrip()) is not None
