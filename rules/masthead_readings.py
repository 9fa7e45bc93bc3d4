"""Readings of first-page masthead lines that the layout's patterns miss as printed.

Old UN documents print the masthead in capitals, the organ name over two lines (``UNITED``⏎
``NATIONS``, ``NATIONS UNIES``), with the big series letter of the symbol beside it
(``NATIONS  A``, ``UNITED A``, ``A S``, pypdf's ``ANATIONS``); bold capitals come out doubled
(pdfplumber ``UUNNIITTEEDD``, pypdf ``UNITEDUNITED``, pdfminer the line twice). Some organs
missing from the layout's list (``Secretariat``, the Executive Boards, treaty bodies) are
printed wrapped over several lines.
Arabic extractions print lines in visual order (``ةدحتملا ممألا`` for ``الأمم المتحدة``) or
with the closing parenthesis of a left-to-right run mirrored to the front (``)A/RES/217 A
(III`` for ``A/RES/217 A (III)``). :func:`readings` gives each such line the text the
masthead patterns know, from closed lists only (organ names, masthead labels, language
names, the series letters of the document's own symbol, Arabic month names: pdfminer prints an
Arabic date in pieces, one to a line); every other line reads as printed.
:func:`read_masthead` gives the lines found so: UN006 reports them and the document's structure
counts them as furniture. (Shared by the un and pages families, hence outside both.)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from reslint.api import Document

from .layout import BIDI_CHAR, MASTHEAD_SPAN, SYMBOL_LINE, Layout, Segment, _masthead, layout
from .lazy_pattern import lazy_regex
from .scripts.arabic import DOC_VISUAL_SHARE, line_votes, visual_share

# The organ names UN mastheads print, as the layout's ``ORGAN`` pattern spells them.
ORGANS = (
    "United Nations",
    "Nations Unies",
    "Naciones Unidas",
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Trusteeship Council",
    "Assemblée générale",
    "Conseil de sécurité",
    "Conseil économique et social",
    "Asamblea General",
    "Consejo de Seguridad",
    "Consejo Económico y Social",
    "Организация Объединенных Наций",
    "Генеральная Ассамблея",
    "Совет Безопасности",
)
# Organ names that UN mastheads print and the layout's ``ORGAN`` pattern does not list, mostly
# wrapped over several lines (``Executive Board of the⏎United Nations Development⏎…``); each
# line of one reads as the stand-in organ name.
OTHER_ORGANS = (
    "Secretariat",
    "International Covenant on Civil and Political Rights",
    "International Human Rights Instruments",
    "Convention to Combat Desertification",
    "Executive Board of the United Nations Development Programme, the United Nations Population Fund"
    " and the United Nations Office for Project Services",
    "Executive Board of the United Nations Entity for Gender Equality and the Empowerment of Women",
)
STAND_IN = "United Nations"
# Masthead labels and the language lines under them, as the layout's patterns spell them.
WORDS = ("Distr.", "Original:", "English", "French", "Spanish", "Russian", "Arabic", "Chinese", "Français",
         "Anglais", "Espagnol", "Español", "Inglés")
# The words that join the languages of ``English, French and Spanish only``, ``ENGLISH ONLY``.
LANGUAGE_LINKS = frozenset(("and", "only", "et", "seulement", "y", "solamente"))
# The big series letters printed beside the organ name: ``A``, ``E``, ``S`` or two of them.
LOGO = lazy_regex(r"(?:^|\s+)([AES](?:\s?[AES])?)\s*$")
# The same letters printed before the organ name, glued to it or not (pypdf: ``ANATIONS``).
LEADING_LOGO = lazy_regex(r"^([AES](?:\s?[AES])?)(?=\s|\p{Lu})\s*")
# The months as UN Arabic dates print them (``10 كانون الأول/ديسمبر 1948``).
ARABIC_MONTHS = (
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
    "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)
MONTH_KEYS = {tuple(sorted(month.replace("/", " ").split())): month for month in ARABIC_MONTHS}
MONTH_WORDS = frozenset(word for words in MONTH_KEYS for word in words)
RTL_LETTER = lazy_regex(r"\p{Arabic}")
LTR_RUN = lazy_regex(r"[^\p{Arabic}\s]+(?:\s+[^\p{Arabic}\s]+)*")
TOP_CACHE = 256  # first-page tops whose readings are kept (one a document)
MIRRORED = lazy_regex(r"^\s*\)([^()]*\([^()]*)$")  # ``)A/RES/217 A (III``: the ``)`` printed first


def key(text: str) -> str:
    """``text`` compared case-, accent- and space-blind (``ASSEMBLEE  GENERALE``)."""
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(folded.split())


ORGAN_KEYS = {key(name): name for name in ORGANS} | {key(name): STAND_IN for name in OTHER_ORGANS}
MAX_WORDS = max(len(name.split()) for name in ORGANS + OTHER_ORGANS)
OTHER_KEYS = tuple(key(name) for name in OTHER_ORGANS)
ORGAN_WORDS = frozenset(word for name in ORGAN_KEYS for word in name.split())
WORD_KEYS = {key(word): word for word in WORDS}


def undoubled(word: str) -> str:
    """A bold word printed twice, letter by letter (pdfplumber: ``UUNNIITTEEDD``) or whole
    (pypdf: ``UNITEDUNITED``), once (``UNITED``); any other word as it is."""
    half = len(word) // 2
    if len(word) < 4 or len(word) % 2:
        return word
    if word[::2] == word[1::2]:
        return word[::2]
    return word[:half] if word[:half] == word[half:] else word


def logical(text: str) -> str:
    """A visual-order Arabic line in reading order: the line reversed, each left-to-right run
    (digits, Latin, symbols) put back the right way (``1948 ربمسيد/لوألا نوناك 10`` →
    ``10 كانون الأول/ديسمبر 1948``)."""
    return LTR_RUN.sub(lambda m: m.group()[::-1], text[::-1])


def readings(texts: Sequence[str], visual: bool = False) -> list[str]:
    """Each line of the first-page top (``texts``, in order) as the masthead patterns read it:
    organ names from the closed lists (in capitals or wrapped over lines, the series letters
    beside them and bold doubling aside) as the organ name (:data:`STAND_IN` for
    :data:`OTHER_ORGANS`), capitals labels and languages in their usual case, a lone series letter as the
    document's own symbol it opens, a left-to-right run with its ``)`` mirrored to the front
    made whole, and Arabic lines in reading order when the document is printed in ``visual``
    order. A line read otherwise is returned as printed, its bidi controls read as spaces (they
    part the runs pdftotext prints glued: ``10‪كانون`` is ``10 كانون``)."""
    lines = [" ".join(BIDI_CHAR.sub(" ", text).split()) for text in texts]
    symbols = [line for line in lines if SYMBOL_LINE.match(line)]
    out = _dates(_word_reading(line, symbols, visual) for line in lines)
    for start, end, organ in _organ_spans(lines, symbols):
        out[start:end] = [organ] * (end - start)
    return out


@lru_cache(maxsize=TOP_CACHE)
def _top_readings(texts: tuple[str, ...], visual: bool) -> tuple[str, ...]:
    """:func:`readings` of a document's first-page top, kept by its text: a pass of the fix loop
    seldom changes the masthead and reads it again for nothing."""
    return tuple(readings(texts, visual))


def _word_reading(line: str, symbols: Sequence[str], visual: bool) -> str:
    """One line read on its own: a series letter (the symbol it opens), a line of labels and
    languages (``ORIGINAL:``, ``ENGLISH``, ``English only``), a mirrored or visual-order Arabic
    line."""
    logo = LOGO.fullmatch(line)
    if logo and (symbol := _opened(logo.group(1), symbols)):
        return symbol
    if word := _label(line):
        return word
    mirrored = MIRRORED.match(line)
    if mirrored and _closes_code(mirrored.group(1)):
        return f"{mirrored.group(1).strip()})"
    if visual and RTL_LETTER.search(line):
        return logical(line)
    return line


def _dates(lines: Iterable[str]) -> list[str]:
    """``lines`` with each run of two or more lines that are pieces of one Arabic date read as
    that date (pdfminer's ``/`` ⏎ ``10`` ⏎ ``كانون الأول ديسمبر`` ⏎ ``1948``, each line
    ``10 كانون الأول/ديسمبر 1948``)."""
    out = list(lines)
    i = 0
    while i < len(out):
        end = i
        while end < len(out) and out[end].split() and all(_date_piece(word) for word in out[end].split()):
            end += 1
        date = _date(out[i:end]) if end - i > 1 else None
        if date:
            out[i:end] = [date] * (end - i)
        i = max(end, i + 1)
    return out


def _date_piece(word: str) -> bool:
    """A word of an Arabic date: a day or year, a month word or the slash between the months."""
    return word.isdigit() and len(word) in (1, 2, 4) or word == "/" or word in MONTH_WORDS


def _date(pieces: Sequence[str]) -> str | None:
    """The date the ``pieces`` make, each word used once: a day, a month of
    :data:`ARABIC_MONTHS` (its slash optional) and a year; ``None`` otherwise."""
    words = " ".join(pieces).split()
    numbers = sorted((word for word in words if word.isdigit()), key=len)
    month = MONTH_KEYS.get(tuple(sorted(word for word in words if not word.isdigit() and word != "/")))
    if month is None or [len(n) for n in numbers] not in ([1, 4], [2, 4]) or words.count("/") > 1:
        return None
    return f"{numbers[0]} {month} {numbers[1]}"


def _closes_code(run: str) -> bool:
    """The mirrored parenthesis closes a short code at the end of ``run`` (``(III``, ``(A``)."""
    return regex.search(r"\([A-Z0-9]{1,4}$", run.rstrip()) is not None


def _label(line: str) -> str | None:
    """``ORIGINAL: ENGLISH`` → ``Original: English``, ``English, French and Spanish only`` →
    ``English French Spanish``; ``None`` unless every word is a label, a language or a word
    that links languages."""
    words = [word.rstrip(",") for word in line.replace(":", ": ").split()]
    found = [WORD_KEYS.get(key(word)) for word in words if key(word) not in LANGUAGE_LINKS]
    if not found or not all(found):
        return None
    return " ".join(word for word in found if word)


def _opened(letters: str, symbols: Sequence[str]) -> str | None:
    """The document's symbols that the series ``letters`` open (``A S`` → ``A/52/826
    S/1998/222``); ``None`` unless each letter opens one."""
    letters = letters.replace(" ", "")
    found = [next((s for s in symbols if s.startswith(f"{letter}/")), None) for letter in letters]
    return " ".join(s for s in found if s) if found and all(found) else None


def _organ_spans(lines: Sequence[str], symbols: Sequence[str]) -> list[tuple[int, int, str]]:
    """Runs of capitals lines that make an organ name (a line repeated at once, pdfminer's bold,
    counts once; the series letters beside a line aside): ``(start, end, organ)``."""
    cores = [_core(line, symbols) for line in lines]
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        found = _organ_at(cores, i)
        if found is None:
            i += 1
            continue
        spans.append((i, found[0], found[1]))
        i = found[0]
    return spans


def _core(line: str, symbols: Sequence[str]) -> str | None:
    """A line without the series letters beside it, its bold doubling undone (empty when the
    line is only series letters, which an organ name printed around them passes over); ``None``
    for a line not all in capitals that names no organ of :data:`OTHER_ORGANS` (those are
    printed in mixed case)."""
    logo = LOGO.search(line)
    if logo and _opened(logo.group(1), symbols):
        line = line[: logo.start()]
    lead = LEADING_LOGO.match(line)
    if lead and _opened(lead.group(1), symbols) and _organ_words(line[lead.end() :]):
        line = line[lead.end() :]
    line = " ".join(undoubled(word) for word in line.split())
    return line if line.isupper() or not line or _other_organ_words(line) else None


def _other_organ_words(line: str) -> bool:
    """``line`` is a piece of a name in :data:`OTHER_ORGANS`: its words, in order, are in one."""
    piece = f" {key(line)} "
    return any(piece in f" {name} " for name in OTHER_KEYS)


def _organ_words(text: str) -> bool:
    """Every word of ``text`` (bold doubling aside) is a word of an organ name."""
    words = [key(undoubled(word)) for word in text.split()]
    return bool(words) and all(word in ORGAN_WORDS for word in words)


def _organ_at(cores: Sequence[str | None], start: int) -> tuple[int, str] | None:
    """The end of the run of capitals lines from ``start`` that make an organ name, and the name."""
    words: list[str] = []
    end = start
    while end < len(cores) and (core := cores[end]) is not None and len(" ".join(words).split()) < MAX_WORDS:
        if core and not (words and core == words[-1]):
            words.append(core)
        end += 1
        if organ := ORGAN_KEYS.get(key(" ".join(words))):
            return end + _repeats(cores, end), organ
    return None


def _repeats(cores: Sequence[str | None], end: int) -> int:
    """How many lines after ``end`` repeat the line before it (pdfminer's bold, printed twice)."""
    n = 0
    while end + n < len(cores) and cores[end + n] in ("", cores[end - 1]):
        n += 1
    return n


def read_masthead(doc: Document) -> list[tuple[Segment, str]]:
    """The first-page masthead lines the layout finds only once read as :func:`readings` reads
    them (``UNITED``⏎``NATIONS``, ``ةدحتملا ممألا``), each with its reading; lines the layout
    already gives a kind stay with the rule of that kind (memoised per document)."""
    return doc.memo("masthead_readings", lambda: _read_masthead(doc))


def _read_masthead(doc: Document) -> list[tuple[Segment, str]]:
    lay = layout(doc)
    top = [seg for seg in lay.nonblank()[:MASTHEAD_SPAN] if not seg.page]
    arabic = any(RTL_LETTER.search(seg.text) for seg in top)
    visual = arabic and visual_share(line_votes(doc)) >= DOC_VISUAL_SHARE
    texts = _top_readings(tuple(seg.text for seg in top), visual)
    if all(text == " ".join(seg.text.split()) for seg, text in zip(top, texts, strict=True)):
        return []
    read = [replace(seg, text=text) for seg, text in zip(top, texts, strict=True)]
    found = Layout(read, pages=1)
    _masthead(found, read)
    return [
        (seg, text)
        for seg, text in zip(top, texts, strict=True)
        if found.kinds.get(seg.index) == "masthead" and lay.kind(seg) is None
    ]
