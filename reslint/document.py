"""The document a rule sees: text, lines, pages, language and memoised analyses."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """One line: 1-based ``number``, offsets of its text (newline excluded) and the text."""

    number: int
    start: int
    end: int
    text: str


class Document:
    """Immutable text with cheap offset → (line, column) lookup.

    Lines are separated by ``\\n``; pages by form feeds (``\\f``) where the extractor gave
    them. Analyses shared by several rules are computed once through :meth:`memo`.
    """

    def __init__(self, text: str, *, lang: str | None = None, path: str | None = None) -> None:
        self.text = text
        self.lang = lang
        self.path = path
        # Each line starts one past the end of the previous one (C-level loops: a 50 MB text
        # with a million lines takes milliseconds).
        lengths = map(len, text.split("\n")[:-1])
        self._line_starts = list(accumulate(lengths, lambda start, length: start + length + 1, initial=0))
        self._memo: dict[str, Any] = {}
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self.text)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, number: int) -> int:
        """Offset of the first character of 1-based line ``number``."""
        return self._line_starts[number - 1]

    def line_end(self, number: int) -> int:
        """Offset just past the text of line ``number`` (before its newline)."""
        if number < len(self._line_starts):
            return self._line_starts[number] - 1
        return len(self.text)

    def line(self, number: int) -> Line:
        start, end = self.line_start(number), self.line_end(number)
        return Line(number, start, end, self.text[start:end])

    def lines(self) -> Iterator[Line]:
        text, starts = self.text, self._line_starts
        last = len(starts) - 1
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i < last else len(text)
            yield Line(i + 1, start, end, text[start:end])

    def line_number(self, offset: int) -> int:
        """1-based line containing ``offset`` (an offset at a newline belongs to its line)."""
        return bisect_right(self._line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``, column in code points."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def pages(self) -> list[tuple[int, int]]:
        """(start, end) offsets of the pages delimited by form feeds (one page if none)."""
        return self.memo("reslint.pages", self._split_pages)

    def _split_pages(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        pos = self.text.find("\f")
        while pos != -1:
            spans.append((start, pos))
            start = pos + 1
            pos = self.text.find("\f", start)
        spans.append((start, len(self.text)))
        return spans

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Return the analysis stored under ``key``, computing it once per document."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._memo:
                self._memo[key] = compute()
            return self._memo[key]  # type: ignore[no-any-return]
