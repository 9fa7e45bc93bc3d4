"""CRLF handling: rules see ``\\n`` only; offsets and edits are mapped back to the original."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from reslint.diagnostics import Edit


class NewlineMap:
    """Maps offsets in the LF-normalised text to offsets in the original CRLF text."""

    def __init__(self, original: str) -> None:
        self.original = original
        positions: list[int] = []
        if "\r\n" in original:
            # where each CR would sit in the LF text: after the parts before it and one
            # newline per earlier CRLF (C-level loops: millions of lines take milliseconds)
            lengths = map(len, original.split("\r\n")[:-1])
            positions = list(accumulate(lengths, lambda before, length: before + length + 1))
        self._crs = positions
        self.normalized = original.replace("\r\n", "\n") if positions else original
        lf_only = original.count("\n") - len(positions)
        self.newline = "\r\n" if len(positions) >= lf_only and positions else "\n"

    @property
    def identity(self) -> bool:
        return not self._crs

    def offset(self, normalized_offset: int) -> int:
        return normalized_offset + bisect_left(self._crs, normalized_offset)

    def edits(self, edits: Iterable[Edit]) -> list[Edit]:
        """The same edits on the original text; inserted newlines follow the file's majority."""
        if self.identity:
            return list(edits)
        return [
            Edit(self.offset(e.start), self.offset(e.end), e.replacement.replace("\n", self.newline))
            for e in edits
        ]
