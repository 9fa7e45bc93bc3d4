"""Reading the family's string options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def choice(options: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    """The value of ``key``, which must be one of ``allowed``."""
    value = str(options.get(key, default))
    if value not in allowed:
        raise ValueError(f"typography option {key} must be one of {', '.join(allowed)}, not {value!r}")
    return value
