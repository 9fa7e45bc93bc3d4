"""A dependency-free progress bar on standard error, for long runs on a terminal only."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
MIN_ITEMS = 50
DELAY = 0.5
INTERVAL = 0.1
WIDTH = 30


def wanted(total: int, stream: TextIO | None = None) -> bool:
    """A bar only for many files, on a terminal, outside pre-commit and dumb terminals."""
    stream = stream or sys.stderr
    return (
        total >= MIN_ITEMS
        and stream.isatty()
        and "PRE_COMMIT" not in os.environ
        and os.environ.get("TERM") != "dumb"
    )


def progress(
    items: Iterable[T], total: int, stream: TextIO | None = None, label: str = "files"
) -> Iterator[T]:
    """Yield ``items``, drawing ``[====>   ] done/total`` once the run lasts over ``DELAY``
    seconds; the line is erased at the end."""
    if not wanted(total, stream):
        yield from items
        return
    out = stream or sys.stderr
    start = last = time.monotonic()
    drawn = False
    try:
        for done, item in enumerate(items, 1):
            yield item
            now = time.monotonic()
            if now - start >= DELAY and now - last >= INTERVAL:
                out.write("\r" + render(done, total, label))
                out.flush()
                drawn, last = True, now
    finally:
        if drawn:
            out.write("\r\x1b[K")
            out.flush()


def render(done: int, total: int, label: str = "files") -> str:
    filled = WIDTH * done // max(total, 1)
    head = ">" if filled < WIDTH else ""
    return f"[{'=' * filled}{head}{' ' * (WIDTH - filled - len(head))}] {done}/{total} {label}"
