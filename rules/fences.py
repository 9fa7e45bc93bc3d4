"""Code in Markdown: the lines between two fences (lines starting with ```` ``` ````) and
the spans between two equal runs of backticks on one line (```` `ls -l` ````).

reslint also runs on hand-typed documents (READMEs, notes) as a pre-commit hook. Code in
them is indented, aligned and punctuated on purpose (``x = 1  # note``, ``pip install .``,
``=> {``): the rules that read spacing as an extraction artifact skip it.
"""

from __future__ import annotations

from bisect import bisect_right

from reslint.api import Document

from .lazy_pattern import lazy_regex

FENCE = "```"
# A code span: a run of backticks, then text, then a run of the same length (Markdown).
SPAN = lazy_regex(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def in_code(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is inside a fenced code block or a code span of its line."""
    text = doc.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end]
    if "`" in line and any(m.start() < offset - start < m.end() for m in SPAN.finditer(line)):
        return True
    return in_fence(doc, offset)


def in_fence(doc: Document, offset: int) -> bool:
    """Whether ``offset`` of the document is inside a fenced code block."""
    starts, ends = fences(doc)
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def fences(doc: Document) -> tuple[list[int], list[int]]:
    """Start and end offsets of the fenced code blocks (fence lines excluded), memoised."""
    return doc.memo("fences", lambda: _fences(doc.text) if FENCE in doc.text else ([], []))


def _fences(text: str) -> tuple[list[int], list[int]]:
    """:func:`fences` read from the text: a line starting with the fence opens or closes one."""
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    for line in text.split("\n"):
        if line.lstrip().startswith(FENCE):
            if len(starts) > len(ends):
                ends.append(offset)
            else:
                starts.append(offset + len(line) + 1)
        offset += len(line) + 1
    if len(starts) > len(ends):
        ends.append(len(text))
    return starts, ends
