"""Reading the family's string options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reslint.api import Applicability

# The kinds of apostrophe or quotation mark a document may be asked to use.
KINDS = ("majority", "typographic", "straight")


def choice(options: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    """The value of ``key``, which must be one of ``allowed``."""
    value = str(options.get(key, default))
    if value not in allowed:
        raise ValueError(f"typography option {key} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def wanted_kind(
    options: Mapping[str, Any], key: str, straight: int, typographic: int
) -> tuple[str, Applicability]:
    """The kind (``straight`` or ``typographic``) to use, and the safety of changing to it.

    With ``majority`` (the default) the document's more frequent kind wins, typographic on a
    tie, and the change is display-only: the document's habit is no reason to edit it.
    """
    style = choice(options, key, KINDS, "majority")
    if style != "majority":
        return style, Applicability.SAFE
    return ("straight" if straight > typographic else "typographic"), Applicability.DISPLAY_ONLY
