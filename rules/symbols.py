"""UN document symbols cut at a line end after a ``/`` (``(A/`` ⏎ ``810),``): the grammar
shared by the ``un`` rule UN007 and the footnote texts of :mod:`notes`."""

from __future__ import annotations

from dataclasses import dataclass

from .lazy_pattern import lazy_regex

# The first part of a UN document symbol: the main series (A, E, S, ST…) and the treaty
# bodies, commissions and programmes that issue their own series.
SERIES = (
    "A|E|S|ST|SG|DP|TD|T|CD|UNEP|CRC|CEDAW|CERD|CCPR|CAT|CED|CMW|CRPD|HRI|ECE|ECA|ECLAC|"
    "ESCAP|ESCWA|FCCC|ICCD|UNW|JIU|CTC|ISBA|SPLOS|LOS"
)
# A later part: a number (``62``, ``810``, ``2017``), an upper-case body or series with its
# number (``RES``, ``C.3``, ``CN.4``, ``L.2``, ``WP.29``) or an addendum, revision,
# corrigendum (``Add.1``, ``Rev.2``, ``Corr.1``, ``Sub.2``).
PART = r"(?:\d{1,5}[A-Z]?|[A-Z]{1,6}(?:\.\d{1,3})?|(?:Add|Rev|Corr|Amend|Sub|Suppl?)\.\d{1,3})"
# The end of a line cut after a slash: the symbol's head opens the token.
HEAD = lazy_regex(rf"(?:^|(?<=[\s(\[«“\"']))((?:{SERIES})/(?:{PART}/)*)$")
# The start of the next line: the rest of the symbol, then punctuation or the line end; a
# rest of more than one part, or ending in a numbered part (``L.2``), may also end at a space
# (a bare number before a space may open a footnote: ``A/`` ⏎ ``70 See``).
REST = lazy_regex(rf"^({PART}(?:/{PART})*)(?=[),;:\]»”\"']|\.(?:\s|$)|$|(?<=/{PART}|\.\d{{1,3}})\s)")


@dataclass(frozen=True)
class Cut:
    """A symbol cut at a line end: its head (``A/``) and its rest (``810``)."""

    head: str
    rest: str

    @property
    def symbol(self) -> str:
        """The whole symbol (``A/810``)."""
        return self.head + self.rest

    @property
    def numbered(self) -> bool:
        """The rest holds a number (``810``, ``2005/L.2``), as no prose after a slash does."""
        return any(char.isdigit() for char in self.rest)


def cut_symbol(line: str, following: str) -> Cut | None:
    """The symbol cut between ``line`` (ending in its head and ``/``) and ``following``
    (opening with its rest), when both halves follow the UN symbol grammar."""
    head = HEAD.search(line.rstrip())
    rest = REST.match(following.lstrip()) if head else None
    return Cut(head.group(1), rest.group(1)) if head and rest else None
