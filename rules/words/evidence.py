"""Evidence for word repairs: word frequencies, the document's own words, shipped and user lexicons.

Frequencies come from wordfreq (Zipf scale: log10 of occurrences per billion words), one
table per language, read from an on-disk store built on first use (`frequency_store`: a
small document costs ~1 ms instead of 0.4-1 s of importing wordfreq and loading a table).
On the gold texts of the corpus wordfreq does not know
0.12% of French word tokens, 0% en/es, 0.13% ru, 3.8% ar; pyspellchecker 4.1%, 0.8%, 19%,
34% and 9.7% (`bench/words_coverage.py`), and it has no frequencies to weigh a join
against its pieces, so wordfreq is the only frequency source.
"""

from __future__ import annotations

import math
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, pairwise, repeat
from operator import contains
from pathlib import Path
from typing import Any, TypeVar

from reslint.api import Document

from ..frequency_store import Frequencies, frequencies
from ..lazy_pattern import lazy_regex

T = TypeVar("T")
FREQUENCY_LANGS = frozenset({"fr", "en", "es", "ru", "ar"})
# Zipf = log10 of occurrences per billion words, so log10 P(word) = Zipf - ZIPF_SCALE.
ZIPF_SCALE = 9
# A word is made of letters (with combining marks); tokens never include digits or apostrophes.
# Splitting on a captured word alternates separators and words: C-level tokenisation.
WORD_SPLIT = lazy_regex(r"(\p{L}[\p{L}\p{M}]*)")
# Compounds are written with a hyphen on one line (`gender-based`, `soixante-treize`).
HYPHENS = frozenset("-\u2010")
MARK = lazy_regex(r"\p{M}")
# URLs and e-mail addresses: the whitespace-free run around `://`, `www.` or `@`.
URL_MARK = lazy_regex(r"://|www\.|@")
SPACE_BEFORE = lazy_regex(r"(?r)\s")
SPACE = lazy_regex(r"\s")
# The gap of a word hyphenated at a line end (`содей-`⏎`ствовать`).
LINE_END_HYPHEN = lazy_regex(r"[-\u00ad\u2010][ \t]*\n\s*$")
# A clean document: this many words of two letters or more, under CLEAN_SHARE of them rarer than
# CLEAN_ZIPF. Born-digital UN extractions have 0.2-2.2%; the ICDAR French OCR texts of 500 words or
# more 3% or more (`bench/words_accuracy.py`).
CLEAN_WORDS = 500
CLEAN_SHARE = 0.025
CLEAN_ZIPF = 2.0
# Single letters that are words; any other lone letter is a fragment.
LETTER_WORDS = {
    "fr": frozenset("aày"),
    "en": frozenset("ai"),
    "es": frozenset("aeouyó"),
    "ru": frozenset("авиксоуя"),
    "ar": frozenset("و"),
}

_lock = threading.Lock()
_shipped: dict[str, frozenset[str]] = {}
DATA = Path(__file__).parent / "data"
# What the rules decide from a word alone (or from the counts they key it by), kept across documents
# by language: the passes of `check --fix` lint nearly the same text again, and a corpus repeats its
# words. A memo starts afresh once it holds SHARED entries.
SHARED = 1 << 17
_memos: dict[tuple[str, str | None], dict[Any, Any]] = {}


def shipped_words(name: str) -> frozenset[str]:
    """The lower-cased words of ``data/<name>.txt`` (whitespace-separated; ``#`` starts a comment)."""
    with _lock:
        words = _shipped.get(name)
        if words is None:
            # Beside the module, not through importlib.resources: it imports tempfile and more (~5 ms
            # of every run's start-up); the package is always installed as files.
            text = (DATA / f"{name}.txt").read_text("utf-8")
            words = frozenset(w for line in text.lower().splitlines() for w in line.split("#", 1)[0].split())
            _shipped[name] = words
        return words


@dataclass(frozen=True)
class Spans:
    """Token spans, ``spans[i] == (start, end)``, kept as two arrays (no tuple or int object per token)."""

    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]


@dataclass(frozen=True)
class DocWords:
    """Counts of the document's own words (lower-cased), and where URLs are."""

    words: Counter[str]
    compounds: Counter[str]
    urls: tuple[tuple[int, int], ...]
    tokens: Spans
    texts: tuple[str, ...]  # the tokens' text
    lowered: tuple[str, ...]  # the tokens' text in lower case
    gaps: tuple[str, ...]  # gaps[i]: the text between token i and token i + 1
    # `genderbased` → (6, 3): `gender-based` occurs 3× (the most frequent way to hyphenate it).
    hyphen_joins: dict[str, tuple[int, int]]

    def in_url(self, start: int, end: int) -> bool:
        i = bisect_right(self.urls, (start, sys.maxsize)) - 1
        return i >= 0 and self.urls[i][1] >= end


@dataclass(frozen=True)
class Chunks:
    """A text split by ``WORD_SPLIT``: separator, word, separator, …, word, separator (``parts``),
    the offset where each part ends, the words in lower case, and the runs of words kept from the
    previous fix pass's split (``kept``: first word here, first word there, how many). The offsets
    are machine integers: the next fix pass keeps the split (and would keep an int object per part)."""

    parts: list[str]
    ends: array[int]
    lowered: list[str]
    kept: list[tuple[int, int, int]]

    def piece(self, start: int, end: int) -> tuple[list[str], list[str], int]:
        """The parts and lowered words of ``text[start:end]`` and the index of its first word, both
        offsets at a line start or the text's end (a separator part holds the line break before
        each: no word spans them)."""
        ends = self.ends
        first, last = self._part_at(start), self._part_at(end)
        first_start = ends[first - 1] if first else 0
        last_start = ends[last - 1] if last else 0
        if first == last:
            return [self.parts[first][start - first_start : end - first_start]], [], first // 2
        head = self.parts[first][start - first_start :]
        tail = self.parts[last][: end - last_start]
        return [head, *self.parts[first + 1 : last], tail], self.lowered[first // 2 : last // 2], first // 2

    def _part_at(self, offset: int) -> int:
        """The separator part that holds the cut at ``offset`` (a line start or the text's end)."""
        if offset >= self.ends[-1]:
            return len(self.parts) - 1
        return bisect_right(self.ends, offset - 1) if offset else 0


def chunks(doc: Document) -> Chunks:
    """``doc``'s text split into separators and words (computed once per document). In a fix pass,
    only the lines the previous pass changed are split again: no word spans a line break, so
    the rest is the previous document's split (:meth:`Document.changed_lines`)."""
    return doc.memo("words.chunks", lambda: _chunks(doc), reuse=True)


def _chunks(doc: Document) -> Chunks:
    kept: list[tuple[int, int, int]] = []
    if doc.previous is None:
        parts, lowered = _split(doc.text)
    else:
        parts, lowered = [""], []
        for new_parts, new_lowered, old_word in _pieces(doc, doc.previous):
            if old_word >= 0 and new_lowered:
                kept.append((len(lowered), old_word, len(new_lowered)))
            parts[-1] += new_parts[0]  # the separators either side of a line start join
            parts.extend(new_parts[1:])
            lowered.extend(new_lowered)
    return Chunks(parts, array("q", accumulate(map(len, parts))), lowered, kept)


def _pieces(doc: Document, previous: Document) -> Iterator[tuple[list[str], list[str], int]]:
    """The parts and lowered words of ``doc``'s text in order: those of the lines kept from
    ``previous`` taken from its split (with the index there of their first word), the lines
    changed since split again (index -1)."""
    before, kept = chunks(previous), 0
    for change in doc.changed_lines():
        yield before.piece(kept, change.old_start)
        yield *_split(doc.text[change.new_start : change.new_end]), -1
        kept = change.old_end
    yield before.piece(kept, len(previous.text))


def _split(text: str) -> tuple[list[str], list[str]]:
    """The parts of ``text`` split by ``WORD_SPLIT`` and its words in lower case."""
    parts = WORD_SPLIT.split(text)
    return parts, list(map(str.lower, parts[1::2]))


def _count(text: str, split: Chunks) -> DocWords:
    """The word and compound counts of ``text``, split as ``split``."""
    urls = _urls(text)
    pieces, bounds = split.parts, split.ends  # separator, word, separator, …, word, separator
    tokens = Spans(bounds[0:-1:2], bounds[1::2])
    texts, gaps = tuple(pieces[1::2]), tuple(pieces[2:-1:2])
    lowered = tuple(split.lowered)
    words = Counter(lowered)
    # Words inside URLs (`elimpacto-economico`) are not evidence of how the text spells them.
    for url_start, url_end in urls:
        for i in range(bisect_left(tokens.starts, url_start), bisect_left(tokens.starts, url_end)):
            words[lowered[i]] -= 1
    if urls:  # drop the words left at 0 (`+` copies the counter in a Python loop: not without URLs)
        words = +words
    compounds: Counter[str] = Counter()
    chains = _chains(pieces)
    for k in _outside([(tokens.starts[c[0]], tokens.ends[c[-1]]) for c in chains], urls):
        parts = [lowered[i] for i in chains[k]]
        for a, b in pairwise(parts):
            compounds[f"{a}-{b}"] += 1
        if len(parts) > 2:
            compounds["-".join(parts)] += 1
    hyphen_joins: dict[str, tuple[int, int]] = {}
    for pair, count in compounds.most_common():
        left, _, right = pair.partition("-")
        if "-" not in right:
            hyphen_joins.setdefault(left + right, (len(left), count))
    return DocWords(words, compounds, urls, tokens, texts, lowered, gaps, hyphen_joins)


def _chains(chunks: list[str]) -> list[list[int]]:
    """The compounds written on one line (`gender-based`): runs of token indices joined by a hyphen.

    A run does not start at a token glued to a combining mark (it is not a word's start).
    """
    gaps = chunks[2:-1:2]
    chains: list[list[int]] = []
    for i in compress(range(len(gaps)), map(HYPHENS.__contains__, gaps)):
        if chains and chains[-1][-1] == i:
            chains[-1].append(i + 1)
        else:
            chains.append([i, i + 1])
    for chain in chains:
        if MARK.match(chunks[2 * chain[0]][-1:]):
            del chain[0]
    return [chain for chain in chains if len(chain) > 1]


def _urls(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for m in URL_MARK.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        before = SPACE_BEFORE.search(text, 0, m.start())
        after = SPACE.search(text, m.end())
        spans.append((before.end() if before else 0, after.start() if after else len(text)))
    return tuple(spans)


def _outside(spans: list[tuple[int, int]], urls: tuple[tuple[int, int], ...]) -> Iterator[int]:
    """The indices of the ``spans`` (sorted) that do not overlap a URL (sorted), in one merged pass."""
    j = 0
    for k, (start, end) in enumerate(spans):
        while j < len(urls) and urls[j][1] <= start:
            j += 1
        if j == len(urls) or end <= urls[j][0]:
            yield k


def evidence(doc: Document, options: Mapping[str, Any]) -> Evidence:
    """The :class:`Evidence` for ``doc`` under the family ``options`` (built once per document)."""
    user = tuple(options.get("extend-words", ()))
    key = f"words.evidence.{hash(user)}"
    return doc.memo(key, lambda: Evidence(doc, user, doc.memo(f"{key}.memo", dict, reuse=True)))


class Evidence:
    """What is known about words in one document: frequencies, its own counts, lexicons.

    Its :meth:`memo` is kept for the next fix pass (``Document.memo(reuse=True)``), the rest is
    dropped: the evidence of a previous document is built again cheaply, its counts taken on first use.
    """

    def __init__(self, doc: Document, user_words: Iterable[str], memo: dict[str, Any]) -> None:
        self.lang = doc.lang
        self._text, self._split = doc.text, chunks(doc)
        self._memo = memo
        self._table: Frequencies | None = frequencies(doc.lang) if doc.lang in FREQUENCY_LANGS else None
        self._letters = LETTER_WORDS.get(doc.lang or "", frozenset())
        self._lexicon = shipped_words("lexicon") | {w.lower() for w in user_words}
        self._zipf: dict[str, float] = shared_memo("zipf", doc.lang)  # `_lookup` reads the language alone
        self._clean: bool | None = None

    @cached_property
    def doc(self) -> DocWords:
        """The document's word and compound counts, counted on first use."""
        return _count(self._text, self._split)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """What ``compute`` returns, computed once for this document and these user words (the next
        fix pass may read it from the previous document's evidence: it is kept for that pass)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    @property
    def has_frequencies(self) -> bool:
        return self._table is not None

    @property
    def clean(self) -> bool:
        """The document reads as born-digital text, not OCR: it has ``CLEAN_WORDS`` words or more and
        under ``CLEAN_SHARE`` of them are rarer than ``CLEAN_ZIPF`` and in no lexicon, not counting the
        halves of words hyphenated at a line end (`содей-`⏎`ствовать`; computed once)."""
        if self._clean is None:
            words = self.doc.words
            distinct = {w for w in words if len(w) > 1}
            total = sum(words[w] for w in distinct)
            rare = distinct - self.known_elsewhere(distinct, CLEAN_ZIPF)
            unknown = sum(words[w] for w in rare)
            if total >= CLEAN_WORDS and unknown >= CLEAN_SHARE * total:  # the halves may tip it
                halves = self._hyphen_halves()
                unknown = sum(max(words[w] - halves[w], 0) for w in rare)
            self._clean = total >= CLEAN_WORDS and unknown < CLEAN_SHARE * total
        return self._clean

    def _hyphen_halves(self) -> Counter[str]:
        """The tokens (in lower case) on either side of a hyphen at a line end, with their counts."""
        low, gaps = self.doc.lowered, self.doc.gaps
        lines = compress(range(len(gaps)), map(contains, gaps, repeat("\n")))
        breaks = [i for i in lines if LINE_END_HYPHEN.match(gaps[i])]
        return Counter([low[i] for i in breaks] + [low[i + 1] for i in breaks])

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` in the document's language (0 if unknown).

        A lone letter scores only if the language uses it as a word (`à`, `y`, `I`).
        Memoised per word, across the documents of the language: rules ask about the same words many times.
        """
        z = self._zipf.get(word)
        if z is None:
            z = self._zipf[word] = self._lookup(word)
        return z

    def _lookup(self, word: str) -> float:
        low = word.lower()
        if len(low) == 1 and low not in self._letters:
            return 0.0
        if self._table is None:
            return 0.0
        freq = self._table.get(low, 0.0)
        return math.log10(freq) + ZIPF_SCALE if freq > 0 else 0.0

    def in_lexicon(self, word: str) -> bool:
        return word.lower() in self._lexicon

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the document as a token of its own."""
        return self.doc.words[word.lower()]

    def compound_count(self, left: str, right: str) -> int:
        """How often ``left-right`` occurs in the document on one line."""
        return self.doc.compounds[f"{left.lower()}-{right.lower()}"]

    def known(self, word: str, min_zipf: float = 3.0) -> bool:
        """``word`` is a common word, in a lexicon, or used in the document."""
        low = word.lower()
        common = len(low) > 1 and self._table is not None and self._table.get(low) >= _frequency(min_zipf)
        return low in self.doc.words or low in self._lexicon or common

    def known_elsewhere(self, distinct: set[str], min_zipf: float) -> set[str]:
        """The words of ``distinct`` in a lexicon or at Zipf ``min_zipf`` or above, whatever the document."""
        found = distinct & self._lexicon
        if self._table is not None:
            found |= self._table.common_among(distinct, _frequency(min_zipf))
        return found


def shared_memo(name: str, lang: str | None) -> dict[Any, Any]:
    """The memo ``name`` of ``lang`` kept across the documents of this process (a fresh one once it
    holds ``SHARED`` entries): what a rule decides from a word alone, in that language."""
    with _lock:
        memo = _memos.get((name, lang))
        if memo is None or len(memo) >= SHARED:
            memo = _memos[name, lang] = {}
        return memo


def words_around(text: str, hits: Iterable[Any], before: Any, after: Any) -> Iterator[tuple[int, int]]:
    """The start and end of the word around each of ``hits`` (matches in ``text``, in order), each
    word once: ``before`` (a reversed pattern) reads back from a hit's start, ``after`` on from it."""
    end = 0
    for hit in hits:
        if hit.start() >= end:  # not in the word just taken
            start = before.match(text, 0, hit.start()).start()
            end = after.match(text, hit.start()).end()
            yield start, end


def _frequency(zipf: float) -> float:
    """The frequency (per word) of a Zipf value: log10 of occurrences per billion words."""
    return float(10 ** (zipf - 9))
