"""The per-user cache folder, for data derived once from installed packages (word-frequency stores)."""

from __future__ import annotations

import os
from pathlib import Path

ENV = "RESLINT_USER_CACHE_DIR"


def user_cache_dir() -> Path:
    """``$RESLINT_USER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reslint``, else ``~/.cache/reslint``
    (``%LOCALAPPDATA%\\reslint`` on Windows). The folder may not exist yet or be unwritable."""
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or (os.name == "nt" and os.environ.get("LOCALAPPDATA"))
    return Path(base) / "reslint" if base else Path.home() / ".cache" / "reslint"
