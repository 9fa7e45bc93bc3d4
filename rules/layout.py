"""Page layout shared by the ``pages``, ``un`` and ``footnotes`` families (a helper, not a plugin).

One pass per document cuts the text into *segments* (a line, or the part of a line on one
side of a form feed), finds the pages (form feeds, or clusters of furniture where there
are none) and gives every segment a furniture ``kind`` or ``None`` for body text. Each
rule then reports the kind it owns, so a line is claimed by one rule only.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from typing import Any, ClassVar

import regex

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Rule

from .lazy_pattern import lazy_regex

ZONE = 6  # non-blank segments at the top and at the bottom of a page where furniture lives
NEAR = 3  # without form feeds: distance from a strong furniture segment that still counts as its zone
MASTHEAD_SPAN = 25  # the first-page masthead is sought among this many non-blank segments
LINE_CACHE = 8_192  # line readings kept: a pass of the fix loop reads again the lines it left

# The patterns below compile on first use (``lazy_regex``): compiling all 33 at import cost every
# run ~30 ms of start-up, and a document needs only some (text without a masthead or running
# lines none of the heading, organ, glued-atom or URL ones).
# Furniture atoms; a segment made only of atoms (and spaces) is furniture.
JOB = r"(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s*/\.\.\.)?"
PAGE_NUMBER = (
    r"\d{1,4}\s?/\s?\d{1,4}|-\s?\d{1,4}\s?-|(?:Page|page)\s+\d{1,4}(?:\s+(?:of|sur|de)\s+\d{1,4})?|/\.\.\."
)
BARCODE = r"\*\d{7,9}\*|[\uE000-\uF8FF]+"
RECYCLE = (
    r"Please\s+recycle|Merci\s+de\s+recycler|Prière\s+de\s+recycler|Sírvase\s+reciclar|Se\s+ruega\s+reciclar"
    r"|Просьба\s+отправить\s+на\s+вторичную\s+переработку|يرجى\s+إعادة\s+الاستعمال|请回收|♲"
)
SYMBOL = (
    r"[A-Z][A-Za-z0-9.\-]*(?:\([0-9A-Z]+\))?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9](?:\([0-9A-Z]+\))?){2,}"
    r"(?:\s[A-Z]\s\([IVXLC]+\))?\*?"
)
ATOMS = {"job": JOB, "barcode": BARCODE, "recycle": RECYCLE, "symbol": SYMBOL, "page-number": PAGE_NUMBER}
PRIORITY = ("job", "barcode", "recycle", "symbol", "page-number")
# The characters an atom can start with: G or a digit (``JOB``), a digit, -, P, p or / (``PAGE_NUMBER``),
# * or a private-use character (``BARCODE``), P, M, S, П, ي, 请 or ♲ (``RECYCLE``), A-Z (``SYMBOL``).
# Asserted first, it lets the engine pass over every other position at once (the same matches,
# three times faster than trying each alternative there).
ATOM_START = r"(?=[\d\-/*pA-Z\uE000-\uF8FFПي请♲])"
_ATOM = "|".join(f"(?P<{k.replace('-', '_')}>{ATOMS[k]})" for k in PRIORITY)
ATOM = lazy_regex(rf"{ATOM_START}(?<![\w/.\-])(?:{_ATOM})(?![\w/\-])")
# Atoms glued to their neighbours, as pypdf prints a page foot and the next page head on one
# line (``2/4 17-23181Assistance technique … A/RES/72/194``); used only near page furniture.
GLUED_ATOM = lazy_regex(
    rf"{ATOM_START}(?:(?<!\d)(?:{JOB}|{PAGE_NUMBER}|{BARCODE})(?!\d)|{RECYCLE}|{SYMBOL})"
)
JOB_INSIDE = lazy_regex(r"(?<![\d-])\d{2}-\d{5}(?!\d)")
FURNITURE_WIDTH = 160  # a line longer than this is not page furniture, whatever it holds
ONLY_ATOMS = lazy_regex(rf"^\s*(?:{ATOM_START}(?:{'|'.join(ATOMS[k] for k in PRIORITY)})\s*)++$")
SYMBOL_LINE = lazy_regex(rf"^{SYMBOL}$")
SIX_DIGITS = lazy_regex(r"^\s*\d{6}\s*$")
PAGE_NUMBER_FRACTION = lazy_regex(r"(\d{1,4})\s?/\s?(\d{1,4})")

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NO_BIDI = str.maketrans("", "", BIDI)
BIDI_CHAR = lazy_regex(f"[{BIDI}]")
SEPARATOR = lazy_regex(r"^\s*_{5,}\s*$")
URL_LINE = lazy_regex(r"^\s*(?:https?://|www\.)\S+\s*$")
NUMBERED = lazy_regex(r"^\s*\d{1,3}\s+\S")  # a footnote body or a numbered line: digits matter
UN_TITLE = lazy_regex(r"^\s*\d{1,3}/\d{1,4}\.\s+\S")
# Footnote bodies and in-text markers (shared with notes.py): ``12 See …``, ``1/ Rapport …``,
# pdftotext's number alone on its line, and the markers that cite them.
NOTE_START = lazy_regex(r"^\s*(\d{1,3}|\*{1,3})/?\s+(\S.*)$")
NUMBER_ONLY = lazy_regex(r"^\s*(\d{1,3})\s*$")
# A document's language named alone on a line: the masthead's `FRANÇAIS`, and the running header
# of older UN documents (`E/ICEF/672(Première partie)` ⏎ `Français` on every page; PG004 reads
# it as a page header the layout missed).
LANGUAGE_NAMES = frozenset(
    "english french spanish russian arabic chinese français anglais espagnol russe arabe chinois "
    "español inglés francés ruso árabe chino".split()
)
MARKERS = (
    ("glued", lazy_regex(r"(?<=[\p{L}\p{M}]{3})(\d{1,3})(?=[\s,.;:)»”。，；：、）]|$)")),
    ("after-punctuation", lazy_regex(r"(?<=[\p{L})»”’][.,;:])(\d{1,3})(?=\s+\p{Lu}|\s*$)")),
    ("old-style", lazy_regex(r"(?<=\S\s)(\d{1,3})/(?=[\s.,;]|$)")),
    ("spaced", lazy_regex(r"(?<=\p{L}{3}) (\d{1,3})(?=\s?[,;.:](?:\s|$))")),
    ("loose", lazy_regex(r"(?<=[\p{L})][.,;:]?) (\d{1,3})(?=\s+\p{Ll}|\s*$)")),
    # pdftotext's ``behind. 13 They`` (the marker after the full stop, spaced, before the next
    # sentence; ``methods.21 In`` elsewhere) and a marker before a question or exclamation
    # mark (``sur moi 1?``).
    ("spaced-after-punctuation", lazy_regex(r"(?<=\p{L}{2}[.;:]) (\d{1,3})(?=\s+\p{Lu}\p{Ll})")),
    ("spaced-before-question", lazy_regex(r"(?<=\p{L}{3}) (\d{1,3})(?=\s?[?!](?:\s|$))")),
)
STRONG_MARKERS = frozenset({"glued", "after-punctuation", "old-style"})
STRONG_MARKER_PATTERNS = tuple(pattern for form, pattern in MARKERS if form in STRONG_MARKERS)
# A line of running prose: many words and a clause or sentence mark (a footnote body, a
# sentence), which repetition alone does not make a running header.
PROSE_WORDS = 10
CLAUSE_MARK = lazy_regex(r"[;:.!?](?:\s|$)")

ORGAN = "|".join(
    (
        r"United\s+Nations|Nations\s+Unies|Naciones\s+Unidas",
        r"General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Trusteeship\s+Council",
        r"Assemblée\s+générale|Conseil\s+de\s+sécurité|Conseil\s+économique\s+et\s+social",
        r"Asamblea\s+General|Consejo\s+de\s+Seguridad|Consejo\s+Económico\s+y\s+Social",
        r"Организация\s+Объединенных\s+Наций|Генеральная\s+Ассамблея|Совет\s+Безопасности",
        r"الأمم\s+المتحدة|الجمعية\s+العامة|مجلس\s+الأمن|联合国|大会|安全理事会|经济及社会理事会",
    )
)
MASTHEAD_ATOM = "|".join(
    (
        JOB,
        BARCODE,
        RECYCLE,
        SYMBOL,
        ORGAN,
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
        r"\d{1,2}\s+\p{L}[\p{L}/ ]{0,30}\s/?\d{4}(?:\s+года)?",  # pypdf: ``10 كانون الأولديسمبر /1948``
        r"Distr\.\s*:?\s*\p{L}+",
        r"Original\s*:\s*\p{L}+",
        r"\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4}",
        r"English|French|Spanish|Russian|Arabic|Chinese|Français|Anglais|Espagnol|Español|Inglés",
    )
)
# The heading printed under the masthead, which the corpus masthead lists count in it: the
# session, the agenda item, ``Resolution adopted by the General Assembly on <date>`` (wrapped or
# not) and ``[on the report of the Third Committee (A/72/437)]``.
SESSION = (
    r"(?:\p{L}[\p{L}\-]*\s+){1,3}session|\d{4}\s+session|(?:\p{L}+\s+){1,2}período\s+(?:\p{L}+\s+)?de\s+sesiones"
    r"|\p{L}+\s+сессия|第[\p{Han}\d]+届(?:\p{Han}{0,4})会议|الدورة(?:\s+\p{Arabic}+){1,3}"
)
ITEMS = r"\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:,|and|et|y|и)\s*\d{1,3}(?:\s*\([a-z]\))?)*"
AGENDA = (
    rf"(?:(?:Provisional\s+)?[Aa]genda\s+items?\s+{ITEMS}|Items?\s+{ITEMS}\s+of\s+the\s+(?:provisional\s+)?agenda"
    rf"|Points?\s+{ITEMS}\s+de\s+l[’']ordre\s+du\s+jour(?:\s+provisoire)?|Temas?\s+{ITEMS}\s+del\s+programa"
    rf"(?:\s+provisional)?|Пункты?\s+{ITEMS}\s+(?:предварительной\s+)?повестки\s+дня"
    rf"|البنود?\s+{ITEMS}\s+من\s+جدول\s+الأعمال(?:\s+المؤقت)?|(?:临时)?议程项目\s*{ITEMS})\**"
)
HEADING_ATOM = "|".join(
    (
        SESSION,
        AGENDA,
        r"Resolution\s+adopted\s+by\s+the|Résolution\s+adoptée\s+par\s+l[’']|Resolución\s+aprobada\s+por\s+la",
        r"Резолюция,?\s+принятая\s+Генеральной\s+Ассамблеей|قرار\s+اتخذته|通过的决议",
        r"(?:on|le|el|في)(?=\s*(?:\d|$))",  # ``on`` of ``on 10 October 2018``, a date atom follows
        r"\[[^\[\]]*\([^()]*/[^()]*\)\s*\]",  # ``[on the report of … (A/72/437)]``
    )
)
HEADING_LINE = lazy_regex(rf"^\s*(?:(?:{SESSION}|{AGENDA})\s*)++$")
ORGAN_LINE = lazy_regex(rf"^\s*(?:(?:{ORGAN})\s*)++$")
MASTHEAD_LINE = lazy_regex(rf"^\s*(?:(?:{MASTHEAD_ATOM}|{HEADING_ATOM})\s*)++$")
MASTHEAD_KEY = lazy_regex(r"Distr\.|Original\s*:|^\s*" + SYMBOL + r"\s*$")
# A symbol printed in pieces, as pdfplumber does: its first pieces (``A``, ``A S``, ``CCPR``) end
# a line and the rest (``/56/385``, ``/79/811- /2025/138``) stands apart on the next line.
SYMBOL_HEADS = lazy_regex(r"(?:^|\s)((?:[A-Z][A-Z0-9.\-]*\s+)*[A-Z][A-Z0-9.\-]*)\s*$")
SYMBOL_TAIL = lazy_regex(r"/[A-Za-z0-9.\-()/]+")
# A left-column word cut by a hyphen, then the right column's text on the same line
# (``Генеральная Ассам- Distr.: General``).
CUT_THEN_COLUMN = lazy_regex(r"^(.*?\p{L}-)\s+(\S.*)$")

NORMALISE_DROP = lazy_regex(r"[\s\p{P}\p{S}]+")
DIGITS = lazy_regex(r"\d+")
# Every atom holds a digit, a ``/``, a private-use character (a barcode) or one of these words
# (each recycling notice does): a line with none of them holds no atom.
RECYCLE_WORDS = ("recycle", "reciclar", "переработку", "الاستعمال", "请回收", "♲")
ASCII_RECYCLE_WORDS = tuple(word for word in RECYCLE_WORDS if word.isascii())
PRIVATE_USE = lazy_regex(r"[\uE000-\uF8FF]")
TERMINAL = lazy_regex(rf"[.!?;:…。！？；：؟][\s\"”»’)\]{BIDI}]*$")
MAX_NUMBERS = 1
FUZZY, FUZZY_MIN = 0.85, 8  # similarity and length for an OCR variant of a running line
STRONG = frozenset({"job", "barcode", "recycle", "page-number", "symbol", "masthead"})


@dataclass(frozen=True)
class Segment:
    """A line, or the part of a line before or after a form feed."""

    index: int
    line: int
    start: int
    end: int
    text: str
    page: int
    ends_line: bool  # the segment runs to the end of its line (not up to a form feed)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Layout:
    """Segments, their furniture kinds and the evidence behind each."""

    segments: list[Segment]
    pages: int
    kinds: dict[int, str] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)
    safe: dict[int, bool] = field(default_factory=dict)
    has_form_feeds: bool = False
    _nonblank: list[Segment] | None = None

    def kind(self, seg: Segment) -> str | None:
        return self.kinds.get(seg.index)

    def of_kind(self, kind: str) -> list[Segment]:
        return [self.segments[i] for i in sorted(i for i, k in self.kinds.items() if k == kind)]

    def nonblank(self) -> list[Segment]:
        if self._nonblank is None:
            self._nonblank = [s for s in self.segments if s.text.strip()]  # not s.blank, without the call
        return self._nonblank


def layout(doc: Document) -> Layout:
    """The memoised layout of ``doc``."""
    return doc.memo("layout.layout", lambda: _analyse(doc))


class _DropTable(dict[int, int | None]):
    """:func:`normalise`'s :meth:`str.translate` table: deletes bidi controls and what
    ``NORMALISE_DROP`` matches, each character decided by those patterns the first time seen."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = None if char in BIDI or NORMALISE_DROP.match(char) else code
        self[code] = kept
        return kept


_DROP = _DropTable()


def normalise(text: str, numbers: int | None = None) -> str:
    """Key for repetition: case, spaces and punctuation ignored; digits as ``#`` when the line
    holds ``numbers`` ≤ 1 number (a page number; default: its digit runs), so that dates,
    footnotes (``2 See …``) and lists of resolutions do not look alike. Bidi controls are
    ignored too: a body line that contains the running title must be seen to contain it."""
    key = text.translate(_DROP).casefold()
    if numbers is None:
        numbers = len(DIGITS.findall(text))
    return DIGITS.sub("#", key) if 0 < numbers <= MAX_NUMBERS else key


def clean(text: str) -> str:
    """``text`` without bidi controls (Arabic extractions wrap every run in them)."""
    return text.translate(NO_BIDI) if has_bidi(text) else text


def has_bidi(text: str) -> bool:
    """``text`` holds a bidi control. Same answer as ``BIDI_CHAR.search``, sooner: ``isascii()``
    answers at once for most lines, and one substring search per control character scans a
    whole document four times faster than the pattern."""
    return not text.isascii() and any(char in text for char in BIDI)


def gap(doc: Document, a: Segment, b: Segment) -> tuple[int, int]:
    """Offsets of the whitespace between the text of ``a`` and the text of ``b``."""
    start = a.start + len(a.text.rstrip())
    end = b.start + len(b.text) - len(b.text.lstrip())
    return start, end


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text.rstrip()))


def removal(doc: Document, seg: Segment) -> Edit:
    """The edit that deletes ``seg``: its text, its newline and the blank lines after it.

    A form feed is never deleted: a segment before a form feed loses only its text.
    """
    if not seg.ends_line:
        return Edit(seg.start, seg.end)
    end = seg.end
    number = seg.line
    while number < doc.line_count:
        end = doc.line_start(number + 1)
        number += 1
        nxt = doc.line(number)
        if nxt.text.strip() or "\f" in nxt.text:
            break
    else:
        end = len(doc.text)
    return Edit(seg.start, end)


def segments(doc: Document) -> list[Segment]:
    out: list[Segment] = []
    page = start = 0
    for number, line in enumerate(doc.text.split("\n"), 1):
        if "\f" not in line:
            out.append(_segment(len(out), number, start, start + len(line), line, page, True))
            start += len(line) + 1
            continue
        parts = line.split("\f")
        for i, part in enumerate(parts):
            if i:
                page += 1
            last = i == len(parts) - 1
            out.append(_segment(len(out), number, start, start + len(part), part, page, last))
            start += len(part) + 1
    return out


def _segment(index: int, line: int, start: int, end: int, text: str, page: int, ends_line: bool) -> Segment:
    """``Segment(...)`` without the frozen dataclass's ``__init__``, which sets each field
    through ``object.__setattr__`` (2.5 µs a segment, half the cost of :func:`segments`)."""
    seg = object.__new__(Segment)
    fields = seg.__dict__
    fields.update(index=index, line=line, start=start, end=end, text=text, page=page, ends_line=ends_line)
    return seg


def _analyse(doc: Document) -> Layout:
    segs = segments(doc)
    has_ff = "\f" in doc.text
    lay = Layout(segs, pages=1, has_form_feeds=has_ff)
    body = lay.nonblank()  # the rules that ask for it later get this list
    lay.pages = len({s.page for s in body}) or 1
    facts = _Facts(doc.text, segs)
    _classify_atoms(lay, body, _own_symbols(body, facts), facts)
    _six_digit_dates(lay, body, facts)
    _masthead(lay, body)
    zone = _zones(lay, body, facts)
    if not has_ff:
        pairs = zip(body, body[1:], strict=False)
        lay.pages = 1 + sum(1 for a, b in pairs if b.index in zone and a.index not in zone)
    headings = _un_titles(lay, body, facts)
    _repeated(lay, body, zone - headings, facts)
    return lay


def _hint(text: str) -> bool:
    """``text`` holds a barcode character or a word of a recycling notice."""
    if text.isascii():  # no private-use character, and only the ASCII words
        return any(word in text for word in ASCII_RECYCLE_WORDS)
    return PRIVATE_USE.search(text) is not None or any(word in text for word in RECYCLE_WORDS)


class _Facts:
    """What the layout asks of every segment, found in passes over the whole text.

    The furniture patterns are tried on each of thousands of lines; these facts let a line
    skip a pattern it cannot match (see ``RECYCLE_WORDS``) without changing any result.
    """

    def __init__(self, text: str, segs: Sequence[Segment]) -> None:
        self.clean = [clean(s.text) for s in segs] if has_bidi(text) else [s.text for s in segs]
        """Each segment's text without bidi controls (:func:`clean`)."""
        self.numbers = [0] * len(segs)
        """The digit runs (``DIGITS``) of each segment."""
        starts = [s.start for s in segs]
        for m in DIGITS.finditer(text):  # a run never spans a newline or a form feed
            self.numbers[bisect_right(starts, m.start()) - 1] += 1
        self.hinted = _hint(text)

    def may_hold_atom(self, seg: Segment, text: str) -> bool:
        """``text`` (the segment's, or its cleaned text) can hold a furniture atom."""
        return self.numbers[seg.index] > 0 or "/" in text or (self.hinted and _hint(text))


def _own_symbols(body: Sequence[Segment], facts: _Facts) -> dict[str, int]:
    """Symbols printed alone on a line more than once: the document's own symbols."""
    counts: Counter[str] = Counter()
    for seg in body:
        text = facts.clean[seg.index].strip()
        if "/" in text and SYMBOL_LINE.match(text):
            counts[text] += 1
    return {sym: n for sym, n in counts.items() if n >= 2}


def _classify_atoms(lay: Layout, body: Sequence[Segment], own: dict[str, int], facts: _Facts) -> None:
    """Footnote separators, URL lines and lines made only of furniture atoms (one loop: this
    runs for every line)."""
    for seg in body:
        text = facts.clean[seg.index]
        if "_____" in text and SEPARATOR.match(text):
            lay.kinds[seg.index], lay.safe[seg.index] = "separator", True
            lay.evidence[seg.index] = "a line of underscores (footnote separator)"
        elif ("http" in text or "www." in text) and URL_LINE.match(text):
            lay.kinds[seg.index] = "url"
        elif facts.may_hold_atom(seg, text) and _only_atoms(text):
            _atom_line(lay, seg, text, own)


@lru_cache(maxsize=LINE_CACHE)
def _only_atoms(text: str) -> bool:
    """``text`` is made only of furniture atoms (``ONLY_ATOMS``). This and the other line
    readings cached by ``LINE_CACHE`` depend on the line's text alone: a line repeated in a
    document, or left unchanged by a pass of the fix loop, is not read again."""
    return ONLY_ATOMS.match(text) is not None


def _atom_line(lay: Layout, seg: Segment, text: str, own: dict[str, int]) -> None:
    """The kind of ``seg``, a line of furniture atoms (``text`` is its text without bidi
    controls), unless it is a reference or its atoms are glued together."""
    atoms = list(ATOM.finditer(text))
    found = [(m.lastgroup or "").replace("_", "-") for m in atoms]
    symbols = [m.group() for m in atoms if m.lastgroup == "symbol"]
    if any(sym not in own for sym in symbols) and len(found) == 1:
        return  # a symbol printed once is a reference (e.g. a footnote body), not a header
    for m in PAGE_NUMBER_FRACTION.finditer(text):
        if found == ["page-number"] and int(m.group(1)) > int(m.group(2)):
            return
    kind = next((k for k in PRIORITY if k in found), None)
    if kind is None:
        return  # atoms glued together (``- 3 -Page 3 of 10``): not a clean furniture line
    lay.kinds[seg.index], lay.safe[seg.index] = kind, True
    lay.evidence[seg.index] = f"the line is only {' + '.join(dict.fromkeys(found))} ({text.strip()!r})"
    if symbols and found == ["symbol"]:
        sym = symbols[0]
        lay.evidence[seg.index] = f"{sym!r} is the document's own symbol (alone on {own[sym]} lines)"


def _six_digit_dates(lay: Layout, body: Sequence[Segment], facts: _Facts) -> None:
    """``241018`` on its own line next to a job number is the job line's date code."""
    for i, seg in enumerate(body):
        if facts.numbers[seg.index] == 1 and SIX_DIGITS.match(seg.text) and seg.index not in lay.kinds:
            near = body[max(0, i - 2) : i + 3]
            if any(lay.kinds.get(s.index) == "job" for s in near):
                lay.kinds[seg.index], lay.safe[seg.index] = "job", True
                lay.evidence[seg.index] = "a date code next to a UN job number"


def _masthead(lay: Layout, body: Sequence[Segment]) -> None:
    """The first-page block of symbol, organ, ``Distr.``, date and ``Original:`` lines, with the
    session, agenda item and ``Resolution adopted …`` lines printed in or under it.

    Session and agenda lines followed by a heading (``Troisième Commission``, the agenda item's
    title: a short line) open the document's own heading and stay, as in the seed gold.
    """
    block: list[Segment] = []
    after: Segment | None = None  # the first-page line that ends the block
    top = [seg for seg in body[:MASTHEAD_SPAN] if not seg.page]
    pieced = _pieced_symbols(top) | _cut_organs(top)
    texts = {seg.index: pieced.get(seg.index) or clean(seg.text) for seg in top}
    i = 0
    while i < len(top):
        # A masthead line may be wrapped in two or three (``Организация Объеди-⏎ненных Наций``;
        # pymupdf's Arabic date ``10⏎كانون الأول ديسمبر⏎/1948``).
        lines = [texts[seg.index] for seg in top[i : i + 3]]
        width = next((n for n in (1, 2, 3) if _masthead_line(reduce(_rejoined, lines[:n]))), 0)
        if not width:
            after = top[i]
            break
        block += top[i : i + width]
        i += width
    if after is not None and len(clean(after.text).split()) < PROSE_WORDS:
        _drop_heading(block)
    if len(block) < 2 or not any(MASTHEAD_KEY.search(texts[s.index]) for s in block):
        return
    for seg in block:
        lay.kinds[seg.index], lay.safe[seg.index] = "masthead", True
        lay.evidence[seg.index] = "first-page masthead (symbol, organ, Distr., date, Original, session)"
        if seg.index in pieced:
            lay.evidence[seg.index] += f"; printed in pieces, read as {pieced[seg.index]!r}"


def _pieced_symbols(top: Sequence[Segment]) -> dict[int, str]:
    """The lines of a symbol printed in pieces, each read with the whole symbol in place of its
    pieces: heads ending a line (``A``, ``United Nations A``) and tails on the next line, or on
    the one after an organ line (``CCPR⏎United Nations⏎/C/121/D/2025/2011``)."""
    texts: dict[int, str] = {}
    for i, seg in enumerate(top[:-1]):
        heads = _symbol_heads(text := clean(seg.text))
        if heads is None:
            continue
        at, head = heads
        j = i + 2 if i + 2 < len(top) and ORGAN_LINE.match(clean(top[i + 1].text)) else i + 1
        words = clean(top[j].text).split()
        tails = [word for word in words if SYMBOL_TAIL.fullmatch(word)]
        symbols = _joined(head.split(), tails)
        if symbols is not None:
            texts[seg.index] = text[:at] + symbols
            texts[top[j].index] = " ".join(symbols if word in tails else word for word in words)
    return texts


@lru_cache(maxsize=LINE_CACHE)
def _masthead_line(text: str) -> bool:
    """``text`` is a line of the masthead (``MASTHEAD_LINE``); cached as :func:`_only_atoms`."""
    return MASTHEAD_LINE.match(text) is not None


@lru_cache(maxsize=LINE_CACHE)
def _symbol_heads(text: str) -> tuple[int, str] | None:
    """The offset and text of the symbol heads ending ``text`` (``SYMBOL_HEADS``), if any; cached
    as :func:`_only_atoms`."""
    heads = SYMBOL_HEADS.search(text)
    return None if heads is None else (heads.start(1), heads.group(1))


def _cut_organs(top: Sequence[Segment]) -> dict[int, str]:
    """The lines of an organ name cut by a hyphen beside the right column's masthead line, each
    read with the whole name: the rest of the word is one of the next two lines (two-column
    mastheads: ``Генеральная Ассам- Distr.: General⏎10 декабря 1948 года⏎блея``)."""
    texts: dict[int, str] = {}
    for i, seg in enumerate(top):
        cut = CUT_THEN_COLUMN.match(clean(seg.text))
        if cut is None or not MASTHEAD_LINE.match(cut.group(2)):
            continue
        for nxt in top[i + 1 : i + 3]:
            if ORGAN_LINE.match(organ := _rejoined(cut.group(1), nxt.text)):
                texts[seg.index], texts[nxt.index] = f"{organ} {cut.group(2)}", organ
                break
    return texts


def _joined(heads: list[str], tails: list[str]) -> str | None:
    """The symbols the last heads and the tails make, one head to each tail in order (``A S``
    and ``/79/811- /2025/138`` make ``A/79/811-S/2025/138``); ``None`` unless all are symbols."""
    if not tails or len(heads) < len(tails):
        return None
    pairs = zip(heads[-len(tails) :], tails, strict=True)
    symbols = "".join(head + tail + ("" if tail.endswith("-") else " ") for head, tail in pairs).rstrip()
    return symbols if all(SYMBOL_LINE.match(symbol) for symbol in symbols.split()) else None


def _rejoined(first: str, second: str) -> str:
    """Two lines as one: a word cut by a hyphen at the end of ``first`` made whole again."""
    first, second = clean(first).rstrip(), clean(second).lstrip()
    if regex.search(r"\p{L}-$", first):
        return first[:-1] + second
    return f"{first} {second}"


def _drop_heading(block: list[Segment]) -> None:
    """Drops the session and agenda lines that end ``block`` (and the organ lines among them:
    ``Seventy-ninth session⏎Agenda item 5⏎Security Council``); organ lines before them stay."""
    cut = len(block)
    while cut and (HEADING_LINE.match(text := clean(block[cut - 1].text)) or ORGAN_LINE.match(text)):
        cut -= 1
    while cut < len(block) and not HEADING_LINE.match(clean(block[cut].text)):
        cut += 1
    del block[cut:]


def _zones(lay: Layout, body: Sequence[Segment], facts: _Facts) -> set[int]:
    """Indices of the segments where running headers and footers may sit."""
    zone: set[int] = set()
    if lay.has_form_feeds:
        by_page: dict[int, list[Segment]] = defaultdict(list)
        for seg in body:
            by_page[seg.page].append(seg)
        for segs in by_page.values():
            zone.update(s.index for s in segs[:ZONE] + segs[-ZONE:])
        return zone
    for i, seg in enumerate(body):
        if _page_furniture(lay, seg, facts):
            zone.update(s.index for s in body[max(0, i - NEAR) : i + NEAR + 1])
    return zone


def _page_furniture(lay: Layout, seg: Segment, facts: _Facts) -> bool:
    """``seg`` is strong page furniture, or a short line with a job number glued in (pypdf)."""
    if lay.kinds.get(seg.index) in STRONG:
        return True
    short = len(seg.text) < FURNITURE_WIDTH and facts.numbers[seg.index] > 1  # a job number: two runs
    return short and _job_inside(seg.text)


@lru_cache(maxsize=LINE_CACHE)
def _job_inside(text: str) -> bool:
    """``text`` holds a job number (``JOB_INSIDE``); cached as :func:`_only_atoms`."""
    return JOB_INSIDE.search(text) is not None


def _repeated(lay: Layout, body: Sequence[Segment], zone: set[int], facts: _Facts) -> None:
    """Lines (or what is left of a line once its atoms are removed) repeated across pages.

    A text that is also printed in the middle of a page (``Article 3`` beside the
    ``Article 1`` of a page top) is body text, whatever its repetition.
    """
    pages_of: dict[str, set[int]] = defaultdict(set)
    keyed: list[tuple[Segment, str]] = []
    page = _page_index(lay, body, zone)
    inside: set[str] = set()  # keys also printed away from page tops and bottoms: body text
    first_page = page[body[0].index] if body else 0  # no running header there, only headings
    notes = _note_blocks(lay, body, facts)
    title = _title(lay, body)  # body text, which the running title repeats: neither inside nor running
    title_key = title and DIGITS.sub("", normalise(title.text, MAX_NUMBERS + 1))
    kinds, numbers_of = lay.kinds, facts.numbers
    for seg in body:
        index = seg.index
        if index in kinds or index in notes or seg is title:
            continue
        in_zone = index in zone
        key = _repetition_key(seg.text, numbers_of[index], in_zone and facts.may_hold_atom(seg, seg.text))
        if len(key) < 3:
            continue
        if not in_zone:
            if page[index] != first_page or key not in LANGUAGE_NAMES:  # the masthead's `FRANÇAIS`
                inside.add(key)
            continue
        pages_of[key].add(page[index])
        keyed.append((seg, key))
    need = max(2, math.ceil(0.4 * lay.pages))
    strong = max(3, math.ceil(0.5 * lay.pages))
    running = {k for k, pages in pages_of.items() if len(pages) >= need and k not in inside}
    misses = [
        (seg, near)
        for seg, key in keyed
        if key not in running and key not in inside and page[seg.index] != first_page
        and (near := _near_miss(key, running))
    ]
    # The pages a running line is printed on, its OCR variants counted (`E/lCEF/6î2(Première partie)`).
    covered = {key: set(pages_of[key]) for key in running}
    for seg, near in misses:
        covered[near].add(page[seg.index])
    for seg, key in keyed:
        if key in running:
            seen, variants = len(pages_of[key]), len(covered[key])
            titled = key == title_key  # the running title of a short UN document (2 of its 3 pages)
            lay.kinds[seg.index] = "running"
            lay.safe[seg.index] = (variants >= strong or titled) and not _prose(seg.text)
            lay.evidence[seg.index] = f"at the top or bottom of {seen} of {lay.pages} pages (digits aside)"
            if variants > seen:
                lay.evidence[seg.index] += f", {variants} with its OCR variants"
            if titled:
                lay.evidence[seg.index] += ", the title printed under the masthead"
    for seg, near in misses:
        lay.kinds[seg.index] = "running"
        lay.safe[seg.index] = len(covered[near]) >= strong and not _prose(seg.text)
        lay.evidence[seg.index] = (
            f"differs by a few characters (OCR) from the running line {near!r}, "
            f"printed on {len(covered[near])} of {lay.pages} pages with its variants"
        )


@lru_cache(maxsize=LINE_CACHE)
def _repetition_key(text: str, numbers: int, glued: bool) -> str:
    """The repetition key (:func:`normalise`) of a line's ``text``, which holds ``numbers``
    digit runs, with the atoms glued to it removed if ``glued``; cached as :func:`_only_atoms`."""
    if 0 < numbers <= MAX_NUMBERS and NUMBERED.match(text):  # more numbers are kept anyway
        numbers = MAX_NUMBERS + 1
    if glued:
        text = GLUED_ATOM.sub(" ", text)
    return normalise(text, numbers)


def _title(lay: Layout, body: Sequence[Segment]) -> Segment | None:
    """The line under the first-page masthead (the title; its footnote marker printed alone on
    a line above it aside, as pdftotext -layout does in Arabic); ``None`` without a masthead."""
    under = False
    for seg in body:
        if lay.kinds.get(seg.index) == "masthead":
            under = True
        elif under and seg.index not in lay.kinds and not NUMBER_ONLY.match(clean(seg.text)):
            return seg
    return None


def _note_blocks(lay: Layout, body: Sequence[Segment], facts: _Facts) -> set[int]:
    """Segments of footnote blocks: from a separator, or from a line that starts with (or is)
    a number an earlier marker cites, to the page end or the next page furniture. Footnote
    text may repeat from page to page (``Adopted under the … Convention``) but is not a
    running footer."""
    out: set[int] = set()
    cited = _cited_numbers(body, facts)
    page = -1
    open_ = False
    for seg in body:
        kind = lay.kinds.get(seg.index)
        if seg.page != page or _page_furniture(lay, seg, facts):
            open_, page = False, seg.page
        if kind == "separator" or (cited and _cites(seg, cited, facts)):
            open_ = True
        if open_ and kind is None:
            out.add(seg.index)
    return out


def _cited_numbers(body: Sequence[Segment], facts: _Facts) -> dict[str, int]:
    """The numbers that a strong footnote marker cites, each with its first offset."""
    out: dict[str, int] = {}
    numbers = facts.numbers
    for seg in body:
        if not numbers[seg.index]:
            continue  # every marker is a number
        for number, at in _strong_markers(seg.text):
            out.setdefault(number, seg.start + at)
    return out


@lru_cache(maxsize=LINE_CACHE)
def _strong_markers(text: str) -> tuple[tuple[str, int], ...]:
    """The numbers the strong footnote markers in ``text`` cite, with their offsets; cached as
    :func:`_only_atoms`."""
    found = (m for pattern in STRONG_MARKER_PATTERNS for m in pattern.finditer(text))
    return tuple((m.group(1), m.start(1)) for m in found)


def _cites(seg: Segment, cited: Mapping[str, int], facts: _Facts) -> bool:
    """``seg`` opens a footnote body whose number a marker before it cites."""
    text = facts.clean[seg.index]
    if not facts.numbers[seg.index] and "*" not in text:
        return False  # no number to cite
    number = _opening_number(text)
    return number is not None and cited.get(number, seg.start) < seg.start


@lru_cache(maxsize=LINE_CACHE)
def _opening_number(text: str) -> str | None:
    """The number (or asterisks) that ``text`` starts with, or is, as a footnote body does;
    cached as :func:`_only_atoms`."""
    m = NUMBER_ONLY.match(text) or NOTE_START.match(text)
    return m.group(1) if m is not None else None


def _prose(text: str) -> bool:
    """A line of running prose (a sentence, a footnote body), never a safe running header."""
    return len(text.split()) >= PROSE_WORDS and CLAUSE_MARK.search(text.strip()) is not None


def _near_miss(key: str, running: set[str]) -> str | None:
    """A running key that ``key`` matches fuzzily (OCR variants of a header)."""
    if len(key) < FUZZY_MIN or not running:
        return None
    import difflib  # here: only documents with running lines compare them (~1 ms of start-up)

    for other in running:
        if other in key and len(key) >= len(other) + 3 or DIGITS.sub("", key) == DIGITS.sub("", other):
            continue  # a sentence quoting the title (``the …``), or the title with a footnote marker
        matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
        ratios = (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio)
        if all(ratio() >= FUZZY for ratio in ratios):
            return other
    return None


def _page_index(lay: Layout, body: Sequence[Segment], zone: set[int]) -> dict[int, int]:
    if lay.has_form_feeds:
        return {s.index: s.page for s in body}
    out, page, was_zone = {}, 0, False
    for seg in body:
        in_zone = seg.index in zone
        if in_zone and not was_zone:
            page += 1
        out[seg.index], was_zone = page, in_zone
    return out


def _un_titles(lay: Layout, body: Iterable[Segment], facts: _Facts) -> set[int]:
    """``72/194. Title`` printed again after the heading is a running title.

    Returns the indices of the headings themselves (first occurrences), which stay.
    """
    first: dict[str, Segment] = {}
    for seg in body:
        if seg.index in lay.kinds or facts.numbers[seg.index] < 2 or not UN_TITLE.match(seg.text):
            continue
        key = normalise(seg.text)
        if key in first:
            lay.kinds[seg.index], lay.safe[seg.index] = "un-title", True
            lay.evidence[seg.index] = f"repeats the resolution title of line {first[key].line}"
        else:
            first[key] = seg
    return {seg.index for seg in first.values()}


# The line readings kept across documents (``LINE_CACHE`` each): benchmarks and tests start cold
# by clearing them.
LINE_READINGS = (
    _only_atoms,
    _job_inside,
    _repetition_key,
    _strong_markers,
    _opening_number,
    _masthead_line,
    _symbol_heads,
)


class FurnitureRule(Rule):
    """A rule that removes the segments of one furniture ``kind`` (see :func:`layout`)."""

    kind: ClassVar[str]
    label: ClassVar[str]

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        for seg in lay.of_kind(self.kind):
            safety = Applicability.SAFE if lay.safe.get(seg.index) else Applicability.UNSAFE
            yield self.diagnostic(
                seg.start,
                seg.end,
                f"{self.label}: {seg.text.strip()!r}",
                fix=Fix((removal(doc, seg),), safety, "Remove the line"),
                evidence=lay.evidence.get(seg.index),
            )
