"""Footnote bodies and in-text markers, shared by the ``footnotes`` and ``pages`` families.

A footnote region starts after a separator line (``__________________``) or, at the bottom
of a page or at the end of the document, at a numbered line whose number is cited by a
marker earlier in the text. A region holds bodies (``12 See A/70/287.``, or pdftotext's
number on a line of its own followed by the text), their continuation lines and the page
furniture printed among them. It ends at the page end or at the first line that cannot
belong to it.

pdftotext often prints the footnote numbers as a column apart from their texts: the numbers
alone on their lines before, between or after the bodies (a number just above its body, the
lowest of a block often last), the first one sometimes glued to the last body line of the
page (``peuvent appa1``). Such a block is paired only when it fills the rest of its page, its
numbers run without gap, markers earlier in the text cite them and there are exactly as many
unnumbered bodies as numbers (see :func:`_column` and :func:`_deal`).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from reslint.api import Document

from .layout import (
    BIDI,
    BIDI_CHAR,
    LINE_CACHE,
    MARKERS,
    NOTE_START,
    ONLY_ATOMS,
    STRONG_MARKERS,
    Layout,
    Segment,
    ends_sentence,
    layout,
)
from .layout import clean as without_bidi
from .lazy_pattern import lazy_regex
from .scripts.arabic import DOC_VISUAL_SHARE, line_votes, visual_share
from .symbols import cut_symbol

HAS_DIGIT = lazy_regex(r"\d")
# A footnote number alone on its line, old style too (``1/``, A/48/653).
NOTE_NUMBER_LINE = lazy_regex(r"^\s*(\d{1,3})/?\s*$")
# Marker forms beside the layout's ``MARKERS``: glued after a comma or semicolon before a
# lower-case word (``Human Rights,1 the``, ``days”,32 stressing``, ``self-defence;4 and``; the
# ``after-punctuation`` form wants a capital after it, which a full stop needs: ``para.1 of``),
# glued after a quotation closed after punctuation (``to admit.”2``, ``Entities.”62 The``), and
# spaced after one before a capital or the line end (``decisions.” 38 Every``, ``of war”. 52
# The``, ``(see sect. V). 14 Civilians``).
CLOSING = "”’\"»"
AFTER_QUOTE = rf"(?<=[.!?…]\s?[{CLOSING}]|[{CLOSING})]\.)"  # ``decisions.” 38``, ``war”. 52``
NOTE_MARKERS = (
    *MARKERS,
    ("after-comma", lazy_regex(r"(?<=[\p{L})»”’][,;])(\d{1,3})(?=\s+\p{Ll})")),
    ("after-quote", lazy_regex(rf"(?<=[.,;:!?…][{CLOSING}])(\d{{1,3}})(?=\s|$)")),
    ("spaced-after-quote", lazy_regex(rf"{AFTER_QUOTE} (\d{{1,3}})(?=\s+\p{{Lu}}|\s*$)")),
)
STRONG_NOTE_MARKERS = STRONG_MARKERS | {"after-comma", "after-quote"}
# Numbers that read as quantities as often as markers, markers only where the numbering places
# them (see :func:`_in_order`): after a year or a symbol and its punctuation (``2030,1``,
# ``72/4;1``, ``2025. 22``, ``decision 14/CP.1,1``), after a year and a space (``of 1971 26
# and``), after a quotation and a comma (``Route”,
# 30 to``), glued after a bracket or a comma before anything (``Union)40``, ``Medicine;26
# (e)``), spaced before a bracket (``Masani 112 (see``), spaced after punctuation before a
# capital (``at least 29. 24 Both``, ``Darfur. 76 RSF``, ``Silah Tibbi, 35 Thawra``).
ORDERED = lazy_regex(
    rf"(?:(?<=(?:(?<!\d)\d{{4}}|/[\p{{L}}\d.]*\d)[.,;]\s?|(?<![\d,.])\d{{4}}\s|[{CLOSING}][,;]\s|\)|\p{{L}}[,;])"
    r"(\d{1,3})(?=\s|$)"
    r"|(?<=\p{L}{2}) (\d{1,3})(?=\s+\()"
    r"|(?<=[\p{L}\p{N}]{2}[.,;:]) (\d{1,3})(?=\s+\p{Lu}))(?!\d)"
)
# What every marker form holds: one to three digits after a letter, a mark, punctuation, a
# closing quotation mark or a space; a line without it is not matched against each form.
MARKER_DIGITS = lazy_regex(r"(?<=[\p{L}\p{M}.,;:\s”’\"»])\d{1,3}(?!\d)")
INLINE_NUMBER = lazy_regex(r"(?<=\S\s|[\p{L}\p{M}.,;:”’\"»)])(\d{1,3})(?=[\s,.;:)]|$)")  # see _numbers_above
LEADING_PUNCT = lazy_regex(r"^\s*[.,;:]")
GLUED_NUMBER = lazy_regex(r"(?<=\p{L}{2})(\d{1,3})\s*$")
WORD_BEFORE = lazy_regex(r"[\p{L}\p{M}]+\d{1,3}$")  # the letters a glued number ends, with it
LEADERS = lazy_regex(r"(?:\.\s?){5,}")
URL_START = lazy_regex(r"^\s*(?:https?://|www\.)")
FULL_STOP = lazy_regex(r"[.!?…。！？][\s\"”»’)\]]*$")
UN_DOCUMENT_LINK = lazy_regex(r"^\s*https?://(?:www\.)?(?:undocs\.org|documents\.un\.org|docs\.un\.org)/")
CUT_URL = lazy_regex(r"(?:https?://|www\.)\S*[-/_=?&]$")
MAX_LINES = 15  # a footnote body longer than this is more likely a table or body text
MAX_COLUMN = 40  # a column of footnote numbers longer than this is a table
TEXT_KINDS = (None, "url", "separator")  # what a page holds between its top and foot furniture
# Where a column body ends, tried in turn until the numbers pair: at a number alone or a
# sentence end; a body printed under its number at the next number only (its further
# paragraphs); in a block where some numbers are printed above their bodies, every body at
# the next number only (``… (I-CAN).`` ⏎ ``Geneva, …`` ⏎ ``23`` ⏎ ``N4G …`` ⏎ ``22``).
PARAGRAPHS = ("none", "headed", "all")
FOLIO_RUN = 3  # bare page numbers at page feet go up with the pages on this many pages at least
MAX_STEP = 3  # a body numbered more than this after the previous one is not the next note
PAGE_TOP = frozenset({"symbol", "running"})  # furniture printed at page tops
MAX_PARAGRAPH = 4  # a footnote's further paragraph, between it and the next, is at most this long
# A word once the punctuation, digits and symbols around it are gone (``(Agreement,2``,
# ``㈠人人…迫害2。``), two letters at least; OCR debris mixes cases (``nEM.aMAE.1``, ``rOCyf``)
# or scatters single letters (``UJI 151, j> d, C l``).
PROSE_WORD = lazy_regex(r"^[^\p{L}]*(?=\p{L}{2})[\p{Lu}\p{Lt}]?[\p{Ll}\p{Lo}\p{M}’'\-]+[^\p{L}]*$")
PROSE_MIN = 1
LIST_SPAN = 60  # earlier items of a numbered list are sought among this many segments
LIST_CHAIN = 3  # this many lower-numbered lines up the page make a numbered list
TAIL_CANDIDATES = 400  # starts of the final footnote block are sought among the last segments
# pdftotext prints the number opening an Arabic footnote as a left-to-right run holding the
# space that follows it (``\u202b\u202a 2\u202cانظر``, read ``2 انظر``).
RTL_NOTE_NUMBER = lazy_regex("^(\\s*\u202b?)\u202a\\s+(\\d{1,3})\u202c(?=\\S)")
# Arabic text in reading order (pdftotext): a number alone on its line, in its own left-to-right
# run or with the bidi controls gone, is a superscript printed apart (a marker, or the number of
# the body above it).
APART_NUMBER = lazy_regex("^\\s*\u202b?\u202a?\\s*(\\d{1,3})\u202c{0,2}\\s*$")
APART_END = lazy_regex("(?<=\u202c)\\s+\u202b\u202a\\s*(\\d{1,3})\u202c\u202c\\s*$")  # ``-layout``
ARABIC_SAMPLE = 20000  # characters whose letters say whether a document is Arabic
# Arabic in visual order: a footnote body ends with its number, a marker precedes its word.
VISUAL_HEAD = lazy_regex(r"^\s*(\d{1,3})\s+(\S.*\p{Arabic}.*)$")
VISUAL_NOTE = lazy_regex(r"^\s*(\S.*\p{Arabic}.*?)\s+(\d{1,3})\s*$")
ARABIC = lazy_regex(r"\p{Arabic}")
LATIN = lazy_regex(r"\p{Latin}")
VISUAL_MARKER = lazy_regex(r"(?<![\p{L}\p{M}\p{N}])(\d{1,3})(?=\p{Arabic}{2})")
OPEN_END = lazy_regex(r"[(\[]\s*$")  # a bracket left open at the line end
NUMBER_HEAD = lazy_regex(rf"\s*[\d*{BIDI}]")  # what a numbered line starts with
MIRRORED = lazy_regex(r"\)([^()\s][^()]*\([^()\s]*)(?=\s|$)")
MIRRORED_BARCODE = lazy_regex(r"\*\*(\d{7,9})(?!\d)")
# pdftotext prints the full stop after a number that ends an Arabic line before the number
# (``\u202a.71\u202c``, read ``71.``).
RTL_LAST_NUMBER = lazy_regex("\u202a([.,])(\\d+)\u202c(?=\u202c*\\s*$)")


@lru_cache(maxsize=LINE_CACHE)
def clean(text: str) -> str:
    """``text`` without bidi controls, in the order read: a footnote number in a left-to-right
    run before its right-to-left text first and the space after it, the full stop after the
    number that ends the line. This and the other line readings cached by ``LINE_CACHE``
    depend on the line's text alone: a pass of the fix loop does not read again the lines it
    left unchanged (the whole-document decisions are made again)."""
    if "\u202a" in text:
        text = RTL_LAST_NUMBER.sub(r"\2\1", RTL_NOTE_NUMBER.sub(r"\1\2 ", text))
    return without_bidi(text)


@dataclass
class Note:
    """One footnote body: its number and the segments holding its text.

    The segments are in document order and include the number printed on a line of its own
    (before or after the text); ``glued`` holds the offsets of a number glued to the end of
    the body line before the footnote block instead.
    """

    number: str
    segments: list[Segment] = field(default_factory=list)
    glued: tuple[int, int] | None = None

    def lines(self, printed: str | None = None) -> list[str]:
        """The text lines, without the number printed alone on its line; as printed in the
        document text ``printed`` when given (a visual-order line is read with its number
        first, see :func:`_logical`)."""
        alone = self._alone()
        kept = [s for k, s in enumerate(self.segments) if k != alone]
        return [(printed[s.start : s.end] if printed is not None else s.text).strip() for s in kept]

    @property
    def apart(self) -> bool:
        """The number is printed apart from the text (alone on its line, or glued)."""
        return self.glued is not None or self._alone() is not None

    @property
    def first(self) -> Segment:
        """The first line of the text (its number may be printed after it)."""
        alone = self._alone()
        return next((s for k, s in enumerate(self.segments) if k != alone), self.segments[0])

    def _alone(self) -> int | None:
        """Where among the segments the number is printed alone on its line (the first such)."""
        return next((k for k, s in enumerate(self.segments) if _alone(s.text) == self.number), None)

    @property
    def text(self) -> str:
        parts = [clean(p) for p in self.lines()]
        first = NOTE_START.match(parts[0]) if parts and not self.apart else None
        if first and first.group(1) == self.number:
            parts[0] = first.group(2).strip()
        return _joined([p for p in parts if p])

    @property
    def line(self) -> int:
        return self.segments[0].line


def _alone(text: str) -> str | None:
    """The footnote number printed alone on the line ``text``, if it is one."""
    m = NOTE_NUMBER_LINE.match(clean(text))
    return m.group(1) if m else None


def _joined(lines: Sequence[str]) -> str:
    """The lines of a body as one text: a space between two lines, none inside a UN
    symbol cut after its slash (``(A/`` ⏎ ``810),``; see UN007)."""
    out = lines[0] if lines else ""
    for before, line in zip(lines, lines[1:], strict=False):
        cut = cut_symbol(before, line)
        out += line if cut and cut.numbered else " " + line
    return out


@dataclass(frozen=True)
class Marker:
    number: str
    start: int
    end: int
    form: str
    segment: int


@dataclass
class Notes:
    notes: list[Note]
    markers: list[Marker]  # markers in the body text (not inside footnote bodies)
    members: set[int]  # indices of the segments that belong to a footnote body
    trailing: set[int]  # indices (in ``notes``) of the bodies already after all body text


def notes(doc: Document) -> Notes:
    """The memoised footnotes of ``doc``."""
    return doc.memo("notes.notes", lambda: _analyse(doc, layout(doc)))


def _analyse(doc: Document, lay: Layout) -> Notes:
    body: Sequence[Segment] = lay.nonblank()
    kinds = lay.kinds
    visual = _visual(doc)
    arabic = _apart(doc, visual)
    markers = _markers(doc, lay, body, visual, arabic)
    if visual:
        body = [_logical(s) for s in body]
    first_marker: dict[str, int] = {}
    cited: dict[str, list[tuple[int, bool]]] = {}  # number -> (offset, strong) of each marker
    in_prose: dict[int, bool] = {}  # per segment: a long line holds many markers
    for m in markers:
        # A number before a lower-case word is evidence for pairing only; so is a number in
        # OCR debris (``flMflk nEM.aMAE.1 BCE``): a body needs a marker in running prose.
        prose = in_prose.get(m.segment)
        if prose is None:  # a marker printed apart is judged by the line beside it, not its own
            prose = in_prose[m.segment] = m.form == "apart" or _prose(lay.segments[m.segment].text)
        if m.form != "loose" and prose:
            first_marker.setdefault(m.number, m.start)
        strong = prose and (m.form != "loose" or doc.text[m.start - 2 : m.start - 1] in ".,;:")
        cited.setdefault(m.number, []).append((m.start, strong))
    found: list[Note] = []
    claimed: set[int] = set()
    folios = _folios(lay, body)
    i = 0
    while i < len(body):
        seg = body[i]
        if kinds.get(seg.index) == "separator":
            region, end = _column(lay, body, i + 1, cited, folios)
            if not region:
                region, end = _parse(lay, body, i + 1)
            found += region
            # A column of numbers after a separator that cannot be paired is footnotes still:
            # no block starts inside it (it would start in the middle and pair wrongly).
            area = range(i + 1, _area_end(lay, body, i + 1))
            column = not region and any(_alone(body[k].text) for k in area)
            claimed.update(range(i, area.stop if column else end))
            i = end
            continue
        i += 1
    for start in _candidate_starts(lay, body):
        if start in claimed or _list_item(lay, body, start, claimed):
            continue
        region, end = _column(lay, body, start, cited, folios)
        if not region:
            region, end = _numbered(doc, lay, body, start, claimed, found, first_marker)
        if region:
            found += region
            claimed.update(range(start, end))
    if lay.has_form_feeds and arabic:
        found += _numbers_after(lay, body, claimed, first_marker)
    found.sort(key=lambda n: n.first.index)
    members = {s.index for n in found for s in n.segments}
    glued = {n.glued[0] for n in found if n.glued}
    markers = [m for m in markers if m.segment not in members and m.start not in glued]
    markers = sorted(markers + _in_order(lay, markers, found, members), key=lambda m: m.start)
    last_body = max((s.index for s in body if s.index not in members and s.index not in kinds), default=-1)
    # Bodies after the last one printed apart from its number are already in place.
    apart = max((k for k, n in enumerate(found) if n.apart), default=-1)
    trailing = {k for k, n in enumerate(found) if k > apart and n.segments[0].index > last_body}
    return Notes(found, markers, members, trailing)


def _in_order(
    lay: Layout, markers: Sequence[Marker], found: Sequence[Note], members: set[int]
) -> list[Marker]:
    """Markers that read as quantities unless the numbering places them (``ORDERED``:
    ``2015–2030,1 in``, ``resolution 72/4;1``, ``June 2025. 22``, ``Masani 112 (see``): for a
    body N no marker cites, the one such number N in the body text after the first marker of
    N-1 (the text start for the first body) and before the first marker of N+1 (without one,
    before the body). For pairing only: no fix glues or moves them."""
    first: dict[str, int] = {}
    for m in markers:
        first.setdefault(m.number, m.start)
    starts = [s.start for s in lay.segments]
    kinds = lay.kinds
    out: list[Marker] = []
    for note in found:
        number = note.number
        if number in first or not number.isdigit():
            continue
        lo = 0 if note is found[0] else first.get(str(int(number) - 1))
        hi = first.get(str(int(number) + 1), note.first.start)
        if lo is None or hi <= lo:
            continue
        hits = [
            Marker(number, seg.start + start, seg.start + end, "in-order", seg.index)
            for seg in lay.segments[bisect_right(starts, lo) - 1 : bisect_left(starts, hi) + 1]
            if number in seg.text and seg.index not in members and kinds.get(seg.index) is None
            for found_number, start, end in _ordered(seg.text)
            if found_number == number and lo <= seg.start + start < hi
        ]
        if len(hits) == 1:
            out += hits
            first[number] = hits[0].start  # it places the next one (``1971, 32 the`` … ``1988, 33``)
    return out


@lru_cache(maxsize=LINE_CACHE)
def _ordered(text: str) -> tuple[tuple[str, int, int], ...]:
    """The numbers of one line that ``ORDERED`` finds, each with its offsets in the line."""
    hits = ((m, m.lastindex or 0) for m in ORDERED.finditer(text))  # the one group that matched
    return tuple((m.group(group), m.start(group), m.end(group)) for m, group in hits)


def _numbers_after(
    lay: Layout, body: Sequence[Segment], claimed: set[int], first_marker: Mapping[str, int]
) -> list[Note]:
    """Arabic footnotes (pdftotext) whose number, a superscript, is printed after their text,
    alone on the next line or, with ``-layout``, in its own run at the end of the last line:
    the last lines of a page before its furniture, from a blank line to that number, which a
    marker printed earlier cites (``ُ`` ⏎ ``اعتمد بموجب قرار …`` ⏎ ``1``, then the job number
    and the page break)."""
    found: list[Note] = []
    for last in _page_lasts(lay, body):
        split = _number_after(body[last])
        cited = split is not None and first_marker.get(split[0], body[last].start) < body[last].start
        if split is None or not cited or last in claimed:
            continue
        start = last
        while start > 0 and body[start - 1].index == body[start].index - 1 and last - start < MAX_LINES:
            start -= 1  # back to the blank line that opens the block
        lines = [*body[start:last], *split[1]]
        plain = all(s.index not in lay.kinds and not APART_NUMBER.match(s.text) for s in body[start:last])
        if len(lines) > 1 and plain and start > 0 and body[start - 1].page == body[last].page:
            found.append(Note(split[0], lines))
            claimed.update(range(start, last + 1))
    return found


def _number_after(seg: Segment) -> tuple[str, list[Segment]] | None:
    """The number ``seg`` prints after a footnote text, and ``seg`` as the body's segments: the
    line itself when the number stands alone on it, or its text and its number apart when the
    number ends it in a run of its own (``…ديسمبر ‪.1948‬‬ ‫‪1‬‬``)."""
    if alone := APART_NUMBER.match(seg.text):
        return alone.group(1), [seg]
    end = APART_END.search(seg.text)
    if end is None:
        return None
    cut = seg.start + end.start()
    text = replace(seg, end=cut, text=seg.text[: end.start()], ends_line=False)
    return end.group(1), [text, replace(seg, start=cut, text=seg.text[end.start() :])]


def _page_lasts(lay: Layout, body: Sequence[Segment]) -> list[int]:
    """Index (in ``body``) of the last line of each page that is not page furniture."""
    lasts: dict[int, int] = {}
    kinds = lay.kinds
    for i, seg in enumerate(body):
        if seg.index not in kinds and not _mirrored_furniture(clean(seg.text)):
            lasts[seg.page] = i
    return sorted(lasts.values())


def _numbered(
    doc: Document,
    lay: Layout,
    body: Sequence[Segment],
    start: int,
    claimed: set[int],
    found: Sequence[Note],
    first_marker: Mapping[str, int],
) -> tuple[list[Note], int]:
    """The bodies of a block that starts at ``body[start]`` with a numbered line an earlier
    marker cites, when they fill the rest of the page; none otherwise."""
    seg = body[start]
    number = _number(seg.text)
    if number is None or first_marker.get(number, len(doc.text)) >= seg.start:
        return [], start
    before = [int(n.number) for n in found if n.number.isdigit() and n.segments[0].index < seg.index]
    if number.isdigit() and before and not max(before) < int(number) <= max(before) + MAX_STEP:
        return [], start  # numbering goes up step by step; another number is a list item or a date
    region, end = _parse(lay, body, start)
    return (region, end) if region and _fills_page(lay, body, start, region, end) else ([], start)


def _fills_page(lay: Layout, body: Sequence[Segment], start: int, region: Sequence[Note], end: int) -> bool:
    """The bodies from ``body[start]`` fill the rest of their page: they run to its end
    (``end``; without form feeds, the document end), or without form feeds to the page
    furniture after them (``/...``, a job number, the next page's symbol), which the
    region passed."""
    if end == _page_end(lay, body, start) or lay.has_form_feeds:
        return end == _page_end(lay, body, start)
    foot = _area_end(lay, body, start)
    return foot < end and all(s.index < body[foot].index for note in region for s in note.segments)


@lru_cache(maxsize=LINE_CACHE)
def _number(text: str) -> str | None:
    """The number opening a footnote body or printed alone on the line, if any."""
    if not NUMBER_HEAD.match(text):
        return None  # most lines: no need to clean and match
    text = clean(text)
    m = NOTE_START.match(text) or NOTE_NUMBER_LINE.match(text)
    return m.group(1) if m else None


def _candidate_starts(lay: Layout, body: Sequence[Segment]) -> list[int]:
    """Lines that may open a footnote block near page bottoms (form feeds) and in the
    document's final block (each line tested once: the two ranges overlap)."""
    near = set(range(max(0, len(body) - TAIL_CANDIDATES), len(body)))
    if lay.has_form_feeds:
        pages: dict[int, list[int]] = {}
        for i, seg in enumerate(body):
            pages.setdefault(seg.page, []).append(i)
        for idx in pages.values():
            near.update(idx[-40:])
    return sorted(i for i in near if _opens(lay, body, i))


def _opens(lay: Layout, body: Sequence[Segment], i: int) -> bool:
    """``body[i]`` may open a footnote block: a numbered line, or the line after a body line
    with a footnote number glued to its end."""
    numbered = _number(body[i].text) is not None
    return lay.kinds.get(body[i].index) is None and (numbered or _glued(lay, body, i) is not None)


@lru_cache(maxsize=LINE_CACHE)
def _prose(text: str) -> bool:
    """Running prose, not OCR debris: words make up at least half of the tokens."""
    tokens = text.split()
    words = sum(1 for t in tokens if PROSE_WORD.match(t))
    return words >= PROSE_MIN and 2 * words >= len(tokens)


def _list_item(lay: Layout, body: Sequence[Segment], i: int, claimed: set[int]) -> bool:
    """``body[i]`` is an item of a numbered list (``1 Accepts …``, ``2 …``, ``5 …`` before
    ``6 Acknowledges …``): a chain of three body lines numbered below it, each at most three
    below the next, runs up its page. The first bodies of a footnote block whose markers
    were lost make a shorter chain."""
    return len(_lower_items(lay, body, i, claimed)) >= LIST_CHAIN


def _lower_items(lay: Layout, body: Sequence[Segment], i: int, claimed: set[int]) -> list[int]:
    """Indices of the unclaimed body lines numbered just below ``body[i]``, then below that
    one, and so on, up the page (at most ``LIST_SPAN`` segments back)."""
    chain: list[int] = []
    number = _number(body[i].text)
    j = i - 1
    while number is not None and number.isdigit() and j > max(-1, i - LIST_SPAN):
        seg = body[j]
        if seg.page != body[i].page:
            break
        found = _number(seg.text)
        below = found is not None and found.isdigit() and 0 < int(number) - int(found) <= MAX_STEP
        if below and j not in claimed and lay.kinds.get(seg.index) is None:
            chain.append(j)
            number = found
        j -= 1
    return chain


def _area_end(lay: Layout, body: Sequence[Segment], i: int) -> int:
    """Index (in ``body``) of the page end, or without form feeds of the next page furniture."""
    if lay.has_form_feeds:
        return _page_end(lay, body, i)
    kinds = lay.kinds
    return next((j for j in range(i, len(body)) if kinds.get(body[j].index) not in (None, "url")), len(body))


def _page_end(lay: Layout, body: Sequence[Segment], i: int) -> int:
    """Index (in ``body``) just past the last segment of the page of ``body[i]``."""
    if not lay.has_form_feeds or i >= len(body):
        return len(body)
    page = body[i].page
    while i < len(body) and body[i].page == page:
        i += 1
    return i


def _parse(lay: Layout, body: Sequence[Segment], i: int) -> tuple[list[Note], int]:
    """Bodies from ``body[i]`` on; returns them and the index where the region stops.

    Parsing fails (no bodies) when numbers stand alone two in a row: pdftotext printed a
    column of numbers apart from their texts, which cannot be paired safely. A number
    alone that is not the next footnote ends the region (a table column). Link lines after
    a finished body (``https://doi.org/…``, the rest of a cut one) are its own when another
    body follows them; after the last body, when they end the page right under it (see
    :func:`_foot_links`); other link lines are left to the pages family (PG003).
    """
    stop = _page_end(lay, body, i)
    found: list[Note] = []
    current: Note | None = None
    links: list[Segment] = []  # link lines since the last finished body
    crossed = False  # page furniture since the current body started (without form feeds)
    last = 0
    kinds = lay.kinds
    j = i
    while j < stop:
        seg = body[j]
        kind = kinds.get(seg.index)
        text = clean(seg.text)
        if kind is not None and kind != "url" or kind is None and _mirrored_furniture(text):
            # Without form feeds, a page-top line (symbol, running header) is a page break: the
            # body before it does not run on into the next page's text.
            crossed = crossed or not lay.has_form_feeds and kind in PAGE_TOP
            j += 1
            continue
        if LEADERS.search(text):
            return [], i  # ``4 Ethics . . . . 7``: a table of contents
        alone = NOTE_NUMBER_LINE.match(text)
        if alone and found and j == stop - 1 and lay.has_form_feeds and alone.group(1) != str(last + 1):
            j += 1  # the page's last line, a number alone that is not the next body's: its page number
            continue
        head = alone or NOTE_START.match(text)
        waiting = current is not None and _waiting(current)
        if crossed and (alone or waiting):
            break  # a number alone at the foot or at the next page's top: a page number (``7``)
        if waiting and (alone or not _opens_body(text)):
            return [], i  # a column of numbers, ``1`` ⏎ ``.. text`` (a list item in visual order)
            # or a number alone before the rest of a sentence
        open_ = current is not None and (waiting or _continues(current) and not crossed)
        number = head.group(1) if head else None
        if number is not None and _plausible(number, last, found) and not (open_ and not _next(number, last)):
            if current is not None:
                current.segments += links
            links, crossed = [], False
            current = Note(number, [seg])
            found.append(current)
            last = int(number) if number.isdigit() else last
        elif current is not None and open_ and len(current.segments) < MAX_LINES and (
            not alone or _inner_number(lay, body, current, j, stop)
        ):
            current.segments.append(seg)
        elif kind == "url" and not alone or links and _url_tail(links[-1], text):
            links.append(seg)
        elif current is not None and not alone and (k := _paragraph_end(lay, body, j, stop, last)):
            current.segments += links + list(body[j:k])  # a body's next paragraph, before the next body
            links = []
            j = k
            continue
        else:
            break
        j += 1
    if current is not None and _waiting(current):
        found.pop()
    elif current is not None and links and _foot_links(lay, body, j, current, links, j == stop):
        current.segments += links
    return found, j


def _foot_links(
    lay: Layout, body: Sequence[Segment], j: int, note: Note, links: Sequence[Segment], end: bool
) -> bool:
    """The link lines after the last body of a block are its own (``… Geneva, Switzerland.``
    ⏎ ``https://doi.org/10.4060/cd2223en.`` ⏎⏎ ``2/14``, pdfminer's A/80/61): the first is
    printed right under the body's last line (no blank line between), the body is
    unfinished, or none links to a UN document (the target of a link annotation on a
    document symbol: ``https://undocs.org/…``); and page furniture follows them:
    with form feeds, nothing else to the page ``end``; without, before the next line of
    text, ``body[j]``. Link-annotation lines printed after a
    body and then the running text (``5 E/CN.15/2017/5.`` ⏎⏎ ``https://undocs.org/…`` ⏎
    ``aux États Membres``) are left to the pages family."""
    under = links[0].index == note.segments[-1].index + 1 or _continues(note)
    if not under and any(UN_DOCUMENT_LINK.match(s.text) for s in links):
        return False
    if lay.has_form_feeds:
        return end
    tail = itertools.takewhile(lambda s: s is not links[-1], (body[k] for k in range(j - 1, -1, -1)))
    return any(lay.kinds.get(s.index) not in TEXT_KINDS for s in tail)


def _paragraph_end(lay: Layout, body: Sequence[Segment], j: int, stop: int, last: int) -> int | None:
    """Where the lines from ``body[j]`` end when they are one more paragraph of the body
    before them (``… (WHO).`` ⏎ ``Participation entails …`` ⏎ ``respective agencies.`` ⏎
    ``10 The UN-Nutrition …``): at most ``MAX_PARAGRAPH`` lines with no furniture among them,
    then footnote ``last + 1`` on the same page, or with form feeds the page foot (its end,
    or the furniture that fills the rest of the page: ``… (A/48/23).`` ⏎ ``/...``,
    pdfminer's A/48/653); ``None`` otherwise."""
    for k in range(j + 1, min(j + MAX_PARAGRAPH + 1, stop + 1)):
        if k == stop or lay.kinds.get(body[k].index) not in (None, "url"):
            foot = all(lay.kinds.get(s.index) not in TEXT_KINDS for s in body[k:stop])
            return k if lay.has_form_feeds and foot else None
        number = _number(body[k].text)
        if number is not None:
            return k if number == str(last + 1) and not _alone(body[k].text) else None
    return None


def _url_tail(link: Segment, text: str) -> bool:
    """``text`` is the rest of the URL cut at the end of ``link`` (``…/185f9382-722f-449c-8f92-``
    ⏎ ``aa976bba26cc/content``): one word after a URL cut at a hyphen, slash or the like."""
    return CUT_URL.search(clean(link.text).strip()) is not None and len(text.split()) == 1


@lru_cache(maxsize=LINE_CACHE)
def _mirrored_furniture(text: str) -> bool:
    """Page furniture as extractors print it in a right-to-left document: pdftotext with the
    closing parenthesis of a left-to-right run moved to its front (``4/4    )48-09879 (A``) or
    the barcode's closing star (``**4809879``),
    pdfplumber in visual order (``لامعتسالا ةداعإ ىجري``)."""
    if text.isascii() and ")" not in text and "**" not in text:
        return False  # most lines: no mirrored run, no Arabic
    unmirrored, count = MIRRORED.subn(r"\1)", text)
    unmirrored, stars = MIRRORED_BARCODE.subn(r"*\1*", unmirrored)
    if count + stars > 0 and ONLY_ATOMS.match(unmirrored) is not None:
        return True
    return ARABIC.search(text) is not None and ONLY_ATOMS.match(text[::-1]) is not None


def _inner_number(lay: Layout, body: Sequence[Segment], note: Note, j: int, stop: int) -> bool:
    """The number alone on ``body[j]`` is part of ``note``, cut out of a bracket (pymupdf's
    ``قرار الجمعية العامة217 ألف د- (`` ⏎ ``3`` ⏎ ``) المؤرخ10``): the body's last line ends
    with an opening bracket and the next line on the page goes on with text, not another
    number or page furniture."""
    nxt = body[j + 1] if j + 1 < stop else None
    if nxt is None or not OPEN_END.search(clean(note.segments[-1].text)):
        return False
    return lay.kinds.get(nxt.index) is None and not _alone(nxt.text)


@dataclass
class _Scan:
    """A column block as read: the numbers alone on their lines, the bodies in order (number
    ``""`` until dealt) and, by position in ``bodies``, the number printed just before a body
    (on the line above it, no blank line between: pdftotext prints a number beside its text)."""

    numbers: list[Segment] = field(default_factory=list)
    bodies: list[Note] = field(default_factory=list)
    heads: dict[int, str] = field(default_factory=dict)


def _column(
    lay: Layout,
    body: Sequence[Segment],
    i: int,
    cited: Mapping[str, Sequence[tuple[int, bool]]],
    folios: frozenset[int],
) -> tuple[list[Note], int]:
    """pdftotext's column form from ``body[i]`` on: footnote numbers alone on their lines
    (or glued to the body line before the block), bodies without numbers, in any order;
    ``folios`` are page-number lines (see :func:`_folios`), passed over.

    A body ends at a number alone, or at a sentence end when the next line may open a
    body; failing a pairing, a body goes on over sentence ends to the next number (its
    further paragraphs), first a body whose number is printed on the line just above it,
    then every body (see ``PARAGRAPHS``).
    Returns the bodies and the index where the block stops; no bodies unless the block runs
    to the page end (without form feeds: to page furniture or the document end) and
    :func:`_deal` pairs every number with one body.
    """
    if i >= len(body):
        return [], i
    glued = _glued(lay, body, i)
    area = range(i, _area_end(lay, body, i))
    alone = (k for k in area if body[k].index not in folios)
    numbers = sum(1 for k in alone if _alone(body[k].text))
    if not numbers and not glued:
        return [], i  # no number to deal (most blocks: numbered bodies)
    headed: bool | None = None  # some number is printed just above its body (tested once)
    for paragraphs in PARAGRAPHS:
        if paragraphs != "none":
            headed = _headed(lay, body, area) if headed is None else headed
            if not headed:
                break  # without such a number, the other ways read the block as the first
        scan, end = _scan(lay, body, i, numbers + bool(glued), folios, paragraphs)
        dealt = _deal(scan, glued, cited, body[i].start, lambda: _numbers_above(lay, body, i)) if scan else []
        if dealt:
            return dealt, end
    return [], i


def _scan(
    lay: Layout,
    body: Sequence[Segment],
    i: int,
    available: int,
    folios: frozenset[int],
    paragraphs: str,
) -> tuple[_Scan | None, int]:
    """The numbers and bodies of a column block from ``body[i]`` to the page end (see
    :func:`_column`); ``None`` when the lines cannot be footnotes: a number twice or a long
    column (a table), more bodies than the ``available`` numbers (running text), a body
    that cannot open one (``1`` ⏎ ``.. text``, a list item in visual order).

    A URL line right after a body's last line is part of it (``… Rome.`` ⏎
    ``https://doi.org/10.4060/cd1254en.``), also when it is the block's last line."""
    stop = _page_end(lay, body, i)
    scan = _Scan()
    seen: set[str] = set()  # the numbers alone so far
    open_ = False  # the last body may go on (no number alone since, no sentence end)
    kinds = lay.kinds
    j = i
    while j < stop:
        seg = body[j]
        kind = kinds.get(seg.index)
        text = clean(seg.text)
        current = scan.bodies[-1] if scan.bodies else None
        if kind == "separator":
            return None, i  # footnotes come after a separator line, not before one
        if seg.index in folios or kind not in (None, "url") or kind is None and _mirrored_furniture(text):
            if not lay.has_form_feeds and scan.bodies and _unnumbered(scan.bodies) == available:
                break  # without form feeds, page furniture after a complete block ends it
        elif alone := NOTE_NUMBER_LINE.match(text):
            number = alone.group(1)
            if number in seen or len(scan.numbers) >= MAX_COLUMN:
                return None, i  # a number twice, or a long column: a table, not footnotes
            seen.add(number)
            scan.numbers.append(seg)
            open_ = False
        elif current is not None and len(current.segments) < MAX_LINES and (
            kind == "url" and current.segments[-1] is body[j - 1]
            or open_ and (not _finished(current) or _goes_on(scan, paragraphs))
        ):
            current.segments.append(seg)
        elif kind == "url":
            pass  # a link line after page furniture is left to the pages family
        else:
            head = NOTE_START.match(text)
            number = head.group(1) if head and head.group(1).isdigit() else ""
            prev = body[j - 1]
            if scan.numbers and prev is scan.numbers[-1] and prev.index + 1 == seg.index:
                scan.heads[len(scan.bodies)] = _alone(prev.text) or ""
                number = ""  # ``35`` ⏎ ``34 percent were …``: the number above is the body's
            scan.bodies.append(Note(number, [seg]))
            open_ = True
            if _unnumbered(scan.bodies) > available or not _opens_body(text):
                return None, i
        j += 1
    return scan, j


def _headed(lay: Layout, body: Sequence[Segment], area: range) -> bool:
    """Some number alone in ``area`` is printed just above a line of text (its body)."""
    return any(
        body[k].index + 1 == body[k + 1].index
        and _alone(body[k].text) is not None
        and lay.kinds.get(body[k + 1].index) is None
        and _alone(body[k + 1].text) is None
        for k in area[:-1]
    )


def _goes_on(scan: _Scan, paragraphs: str) -> bool:
    """The last body of ``scan`` goes on over a sentence end (see ``PARAGRAPHS``)."""
    return paragraphs == "all" or paragraphs == "headed" and len(scan.bodies) - 1 in scan.heads


def _folios(lay: Layout, body: Sequence[Segment]) -> frozenset[int]:
    """Segment indices of page numbers printed as a bare number (``3``) in a document whose
    pages carry no other page number: numbers alone last on their page or followed by page
    furniture that go up one by one with the pages. With form feeds, on half the pages
    (``FOLIO_RUN`` at least) the number minus the page index is the same; then the number
    of a page without one at its foot, alone between blank lines where pdftotext printed
    it (amid the footnote column: ``7`` ⏎ ``8`` ⏎⏎ ``4`` ⏎⏎ ``See …``), is one too. Without
    form feeds, ``FOLIO_RUN`` such numbers at least follow one another, each one or two
    more (a page whose number is printed elsewhere)."""
    if not body or "page-number" in lay.kinds.values():
        return frozenset()
    feet: list[tuple[int, Segment]] = []  # (number, segment) at page feet
    apart: list[tuple[int, Segment]] = []  # (number, segment) alone between blank lines
    kinds = lay.kinds
    for k, seg in enumerate(body):
        alone = NOTE_NUMBER_LINE.match(seg.text)
        if alone is None or kinds.get(seg.index) is not None:
            continue
        nxt = body[k + 1] if k + 1 < len(body) else None
        if nxt is None or nxt.page != seg.page or kinds.get(nxt.index) not in TEXT_KINDS:
            feet.append((int(alone.group(1)), seg))
        elif k and body[k - 1].index + 1 < seg.index < nxt.index - 1:
            apart.append((int(alone.group(1)), seg))
    if not lay.has_form_feeds:
        return frozenset(seg.index for run in _chains(feet) if len(run) >= FOLIO_RUN for seg in run)
    by_page: dict[int, list[Segment]] = {}  # number minus page index -> segments
    for number, seg in feet:
        by_page.setdefault(number - seg.page, []).append(seg)
    least = max(FOLIO_RUN, (body[-1].page - body[0].page + 1) // 2)
    runs = {key: run for key, run in by_page.items() if len(run) >= least}
    numbered = {seg.page for run in runs.values() for seg in run}
    extra = [seg for number, seg in apart if number - seg.page in runs and seg.page not in numbered]
    return frozenset(seg.index for seg in [*itertools.chain(*runs.values()), *extra])


def _chains(numbered: Sequence[tuple[int, Segment]]) -> list[list[Segment]]:
    """The segments of ``numbered`` in runs whose numbers go up by one or two, in order (the
    others in between aside)."""
    ends: dict[int, list[Segment]] = {}  # the last number of a run -> the run
    runs: list[list[Segment]] = []
    for number, seg in numbered:
        run = ends.pop(number - 1, None) or ends.pop(number - 2, None)
        if run is None:
            run = []
            runs.append(run)
        run.append(seg)
        ends[number] = run
    return runs


def _opens_body(text: str) -> bool:
    """A line may open a footnote text: not lower case (the rest of a sentence) unless a
    URL, not punctuation first (a list item in visual order), no dot leaders (contents)."""
    first = text.lstrip()[:1]
    if LEADING_PUNCT.match(text) or LEADERS.search(text):
        return False
    return not first.islower() or URL_START.match(text) is not None


def _finished(note: Note) -> bool:
    """The body ends a sentence (``:`` or ``;`` do not end a footnote) and no URL is cut."""
    last = note.segments[-1].text.strip()
    return bool(FULL_STOP.search(last)) and not CUT_URL.search(last)


def _unnumbered(bodies: Sequence[Note]) -> int:
    return sum(1 for b in bodies if not b.number)


def _deal(
    scan: _Scan,
    glued: tuple[str, int, int] | None,
    cited: Mapping[str, Sequence[tuple[int, bool]]],
    start: int,
    above: Callable[[], Sequence[str]],
) -> list[Note]:
    """Deals the column numbers to the unnumbered bodies: each body its number printed just
    above it and the rest, smallest first, to the other bodies in order (``body`` ⏎ ``6`` ⏎
    ``body`` ⏎ … ⏎ ``5``: pdftotext prints the lowest number of a block last); failing that,
    all the numbers, smallest first, to the bodies in order.

    Pairs nothing unless the numbers go round, the bodies are then numbered one by one
    without gap, and markers before the block (other than the glued number itself) cite
    half the numbers at least, one of them in a strong form: not a number before a
    lower-case word, but glued, old style or after punctuation (``behind. 13``); or, for two
    bodies or more, the numbers ``above`` the block on its page cite them all in order. An
    extraction may lose a marker; a table column is not cited."""
    values = [int(_alone(s.text) or 0) for s in scan.numbers] + ([int(glued[0])] if glued else [])
    if not values or min(values) < 1:
        return []
    for heads in (scan.heads, {}):
        numbered = _dealt(scan.bodies, values, heads)
        if numbered and (_cited_enough(numbered, glued, cited, start) or _in_sequence(numbered, above())):
            return _numbered_bodies(scan, numbered, glued)
    return []


def _dealt(bodies: Sequence[Note], values: Sequence[int], heads: Mapping[int, str]) -> list[str] | None:
    """The numbers of ``bodies`` once dealt (see :func:`_deal`), or ``None`` when they do not
    go round or do not run without gap."""
    free = sorted(values)
    for number in heads.values():
        free.remove(int(number))
    if len(free) != sum(1 for k, b in enumerate(bodies) if not b.number and k not in heads):
        return None
    dealt = iter(free)
    numbered = [b.number or heads.get(k) or str(next(dealt)) for k, b in enumerate(bodies)]
    first = int(numbered[0])
    return numbered if [int(n) for n in numbered] == list(range(first, first + len(numbered))) else None


def _cited_enough(
    numbered: Sequence[str],
    glued: tuple[str, int, int] | None,
    cited: Mapping[str, Sequence[tuple[int, bool]]],
    start: int,
) -> bool:
    """Markers before the block (``start``), the glued number aside, cite half the
    ``numbered`` bodies at least, one of them in a strong form."""
    at = glued[1] if glued else -1
    before = [[strong for p, strong in cited.get(n, ()) if p < start and p != at] for n in numbered]
    strong = any(any(found) for found in before)
    return strong and 2 * sum(1 for found in before if found) >= len(numbered)


def _in_sequence(numbered: Sequence[str], above: Sequence[str]) -> bool:
    """Two numbers or more, each found after the one before among the numbers ``above``."""
    rest = iter(above)
    return len(numbered) > 1 and all(number in rest for number in numbered)


def _numbers_above(lay: Layout, body: Sequence[Segment], i: int) -> list[str]:
    """The numbers inside the lines of body text above ``body[i]`` on its page (up to the
    page furniture above it), in order: markers of any form, and numbers that read as
    quantities as often, after a space in the line (``Board for 2024. 3``, ``of 1971 5
    and``, ``of 1988, 6 in``)."""
    page = body[i].page
    k = i
    while k > 0 and body[k - 1].page == page and lay.kinds.get(body[k - 1].index) in TEXT_KINDS:
        k -= 1
    lines = [seg.text for seg in body[k:i] if lay.kinds.get(seg.index) is None]
    return [m.group(1) for text in lines for m in INLINE_NUMBER.finditer(text)]


def _numbered_bodies(scan: _Scan, numbered: Sequence[str], glued: tuple[str, int, int] | None) -> list[Note]:
    """The bodies of ``scan`` numbered, each with its number's line (or glued offsets)."""
    for note, number in zip(scan.bodies, numbered, strict=True):
        note.number = number
        note.segments += [s for s in scan.numbers if _alone(s.text) == number]
        note.segments.sort(key=lambda s: s.index)
        if glued and glued[0] == number:
            note.glued = glued[1:]
    return scan.bodies


def _glued(lay: Layout, body: Sequence[Segment], i: int) -> tuple[str, int, int] | None:
    """The number glued to the end of the body line before ``body[i]`` on its page, as
    pdftotext prints the first number of a footnote column (``peuvent appa1``), with its
    offsets."""
    prev = body[i - 1] if i else None
    if prev is None or prev.page != body[i].page or not HAS_DIGIT.match(prev.text.rstrip()[-1:]):
        return None  # the last test spares the search along the line
    if lay.kinds.get(prev.index) is not None:
        return None
    m = GLUED_NUMBER.search(prev.text)
    if m is None or _written_elsewhere(body, prev, prev.text[: m.end(1)]):
        return None
    return (m.group(1), prev.start + m.start(1), prev.start + m.end(1))


def _written_elsewhere(body: Sequence[Segment], prev: Segment, line: str) -> bool:
    """The word the number is glued to, with the number (``XFree86``, ``ttyS1``,
    ``PowerPC64``), is written so on another line: a name the document uses, not a word
    with a footnote number glued to it by the extractor."""
    word = WORD_BEFORE.search(line)
    if word is None:
        return False
    token = word.group()
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){regex.escape(token)}(?!\p{{N}})")
    return any(token in s.text and pattern.search(s.text) for s in body if s is not prev)


def _waiting(note: Note) -> bool:
    """A number printed alone, still waiting for its text."""
    return len(note.segments) == 1 and _alone(note.segments[0].text) is not None


def _continues(note: Note) -> bool:
    """Whether the next line may still belong to ``note`` (a colon does not end it)."""
    last = clean(note.segments[-1].text).strip()
    return not ends_sentence(last) or last.endswith(":") or bool(CUT_URL.search(last))


def _next(number: str, last: int) -> bool:
    return not number.isdigit() or int(number) == last + 1


def _plausible(number: str, last: int, found: Sequence[Note]) -> bool:
    if not number.isdigit():
        return not found
    n = int(number)
    return n > 0 and (not found or last < n <= last + MAX_STEP)


def _markers(
    doc: Document, lay: Layout, body: Sequence[Segment], visual: bool, apart: bool = False
) -> list[Marker]:
    """The markers in the body text (furniture aside), in document order; in a document in
    visual order, also a number glued before an Arabic word (``1ناسنإلا``, ``.2داهطضالا``);
    with ``apart`` (Arabic in reading order), a number alone on its line (pdftotext's
    superscript printed apart from its word, ``الإعلان العالمي لحقوق الإنسان`` ⏎ ``1``)."""
    out: list[Marker] = []
    kinds = lay.kinds
    for seg in body:
        if kinds.get(seg.index) is not None:
            continue
        for number, start, end, form in _line_markers(seg.text, visual, apart):
            out.append(Marker(number, seg.start + start, seg.start + end, form, seg.index))
    out.sort(key=lambda m: m.start)
    return out


@lru_cache(maxsize=LINE_CACHE)
def _line_markers(text: str, visual: bool, apart: bool) -> tuple[tuple[str, int, int, str], ...]:
    """The markers of one line of body text (see :func:`_markers`), each as its number, its
    offsets in the line and its form."""
    if not HAS_DIGIT.search(text):
        return ()
    if apart and (alone := APART_NUMBER.match(text)):
        return ((alone.group(1), alone.start(1), alone.end(1), "apart"),)
    visible, at = _visible(text)
    found = _found_markers(visible, visual)
    return tuple((m.group(1), at[m.start(1)], at[m.end(1) - 1] + 1, form) for form, m in found)


def _found_markers(text: str, visual: bool) -> list[tuple[str, regex.Match[str]]]:
    """The markers of one line, each with its form."""
    found = [hit for run in MARKER_DIGITS.finditer(text) if (hit := _marker_at(text, run.start()))]
    if visual:
        taken = {m.start(1) for _, m in found}
        found += [("glued", m) for m in VISUAL_MARKER.finditer(text) if m.start(1) not in taken]
    return found


def _marker_at(text: str, at: int) -> tuple[str, regex.Match[str]] | None:
    """The first of the ``NOTE_MARKERS`` forms whose number is the digit run at ``at``. Every form
    matches from its number or from the space before it, and its number is such a run (see
    ``MARKER_DIGITS``): trying each form there finds what scanning the line with each would."""
    spaced = text[at - 1] == " "
    for form, pattern in NOTE_MARKERS:
        m = pattern.match(text, at - 1) if spaced else None
        m = m or pattern.match(text, at)
        if m is not None and m.start(1) == at:
            return form, m
    return None


def _apart(doc: Document, visual: bool) -> bool:
    """The document is Arabic in reading order, where pdftotext prints a superscript number
    alone on its line (in visual order a number alone is as often a clause number)."""
    sample = doc.text[:ARABIC_SAMPLE]
    if visual or ARABIC.search(sample) is None:
        return False  # most documents: no need to count letters
    return len(ARABIC.findall(sample)) > len(LATIN.findall(sample))


def _visual(doc: Document) -> bool:
    """The document is Arabic printed in visual order (pdfplumber, pdfminer), as SC003 judges."""
    return doc.memo("notes.visual", lambda: visual_share(line_votes(doc)) >= DOC_VISUAL_SHARE)


def _logical(seg: Segment) -> Segment:
    """``seg`` read in the order of the line in visual order: the number it ends with first
    and its full stop last (``.71 ةحفصلا … رظنا 2`` is the body of footnote 2, read ``2 71
    ةحفصلا … رظنا.``), the number it starts with last (``1 ةداملا`` is a heading, read
    ``ةداملا 1``); ``seg`` itself when it has no such number."""
    head = VISUAL_HEAD.match(seg.text)
    if head is not None:
        return replace(seg, text=f"{head.group(2)} {head.group(1)}")
    m = VISUAL_NOTE.match(seg.text)
    if m is None:
        return seg
    rest = m.group(1)
    stop = rest[:1] if rest[:1] in ".!?؟" else ""  # the full stop printed first
    return replace(seg, text=f"{m.group(2)} {rest[len(stop):]}{stop}")


def _visible(text: str) -> tuple[str, Sequence[int]]:
    """``text`` without bidi controls (``الاضطهاد\u202a.2\u202c`` holds the marker of
    ``الاضطهاد.2``) and the offset in ``text`` of each character kept."""
    if not BIDI_CHAR.search(text):
        return text, range(len(text))
    at = [k for k, char in enumerate(text) if char not in BIDI]
    return "".join(text[k] for k in at), at
