"""Regular expressions compiled on their first use instead of at import.

``reslint check`` imports every rule family on each run (pre-commit runs it on every commit),
and most runs use few of their patterns: a French file never needs the Arabic or Han ones.
Compiling them all at import cost tens of milliseconds of start-up. A module binds
``NAME = lazy_re(...)`` where it would bind ``NAME = re.compile(...)`` and uses ``NAME`` the
same way (``NAME.search``, ``NAME.finditer``, ``NAME.pattern``); it is not a ``re.Pattern``
instance, so it is not passed to ``re.sub`` and the like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any, cast

import regex


class LazyPattern:
    """Stands for a compiled pattern: the first look-up of one of its attributes compiles it
    and keeps that attribute on the instance, so later look-ups cost what they cost on the
    pattern itself."""

    def __init__(self, compile_: Callable[[str, int], Any], pattern: str, flags: int) -> None:
        self._compile = compile_
        self._source = (pattern, flags)

    @cached_property
    def _compiled(self) -> Any:
        """The compiled pattern."""
        return self._compile(*self._source)

    def __getattr__(self, name: str) -> Any:
        """The pattern's attribute ``name`` (``search``, ``pattern``...), kept for next time."""
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", LazyPattern(re.compile, pattern, flags))


def lazy_regex(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, compiled when first used (``regex`` has no type stubs)."""
    return LazyPattern(regex.compile, pattern, flags)


def compiled(pattern: object) -> bool:
    """Whether a pattern from :func:`lazy_re` or :func:`lazy_regex` has been compiled yet."""
    return "_compiled" in vars(pattern)
