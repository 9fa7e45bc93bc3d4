"""The document a rule sees: text, lines, pages, language and memoised analyses."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, NamedTuple, TypeVar

from reslint.diagnostics import Edit

T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """One line: 1-based ``number``, offsets of its text (newline excluded) and the text."""

    number: int
    start: int
    end: int
    text: str


class LineChange(NamedTuple):
    """Whole lines a fix pass rewrote: ``previous.text[old_start:old_end]`` became
    ``text[new_start:new_end]``. Each span starts at a line start and ends just past a line
    break (or at the end of the text)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


class Document:
    """Immutable text with cheap offset → (line, column) lookup.

    Lines are separated by ``\\n``; pages by form feeds (``\\f``) where the extractor gave
    them. Analyses shared by several rules are computed once through :meth:`memo`.

    In the fix loop, every pass after the first lints a document whose :attr:`previous` is
    the document of the pass before and whose :attr:`edits` (offsets in ``previous.text``)
    turned that text into this one; :meth:`changed_lines` says which lines they rewrote.
    A rule may reuse what it computed on the previous document (``previous.memo``) for
    the text outside those lines, which is the same text, shifted. ``previous`` is
    ``None`` on a first pass, after a change of language and outside the fix loop; the
    two are in the same language. A document keeps only the one
    before it (creating a document with ``previous`` releases ``previous.previous``), and
    of that one's analyses only those memoised with ``reuse=True`` (see :meth:`memo`).
    """

    def __init__(
        self,
        text: str,
        *,
        lang: str | None = None,
        path: str | None = None,
        previous: Document | None = None,
        edits: Sequence[Edit] = (),
    ) -> None:
        self.text = text
        self.lang = lang
        self.path = path
        self.previous = previous
        """The document of the previous fix pass (``None`` if there is none)."""
        self.edits: tuple[Edit, ...] = tuple(edits) if previous is not None else ()
        """The edits (sorted, not overlapping) that made :attr:`text` from ``previous.text``."""
        if previous is not None:
            if previous.lang != lang:  # what rules reuse from it holds for its language
                raise ValueError(f"the previous document is in {previous.lang!r}, not {lang!r}")
            previous.previous = None
            previous._keep_reused()
        # Each line starts one past the end of the previous one (C-level loops: a 50 MB text
        # with a million lines takes milliseconds).
        lengths = map(len, text.split("\n")[:-1])
        self._line_starts = list(accumulate(lengths, lambda start, length: start + length + 1, initial=0))
        self._memo: dict[str, Any] = {}
        self._reused: set[str] = set()  # the memo keys the next fix pass may read (``reuse=True``)
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

    def changed_lines(self) -> tuple[LineChange, ...]:
        """The lines :attr:`edits` rewrote, merged where they share or touch a line, in
        order; the text between them is the previous document's (computed once)."""
        return self.memo("reslint.changed_lines", self._changed_lines)

    def _changed_lines(self) -> tuple[LineChange, ...]:
        if self.previous is None:
            return ()
        old = self.previous.text
        changes: list[LineChange] = []
        shift = 0  # new offset - old offset, past the edits so far
        for edit in sorted(self.edits):
            start = old.rfind("\n", 0, edit.start) + 1
            end = old.find("\n", edit.end) + 1 or len(old)
            new_start = start + shift
            shift += len(edit.replacement) - (edit.end - edit.start)
            if changes and start <= changes[-1].old_end:  # shares or touches the lines before
                start, _, new_start, _ = changes.pop()
            changes.append(LineChange(start, end, new_start, end + shift))
        return tuple(changes)

    def memo(self, key: str, compute: Callable[[], T], *, reuse: bool = False) -> T:
        """Return the analysis stored under ``key``, computing it once per document.

        ``reuse=True`` marks an analysis the next fix pass reads from this document (as its
        :attr:`previous`): it is kept when the next pass's document links this one, and the
        other analyses are dropped then (a previous document would otherwise hold them all
        through the next pass). Marking it in any call keeps it.
        """
        if reuse:
            self._reused.add(key)
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._memo:
                self._memo[key] = compute()
            return self._memo[key]  # type: ignore[no-any-return]

    def _keep_reused(self) -> None:
        """Drop the analyses not marked ``reuse=True`` (this document became a previous one)."""
        with self._lock:
            self._memo = {key: value for key, value in self._memo.items() if key in self._reused}
