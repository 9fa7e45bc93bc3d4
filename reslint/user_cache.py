"""The per-user cache folder, for data derived once from installed packages (word-frequency stores)."""

from __future__ import annotations

import os
from pathlib import Path

ENV = "RESLINT_USER_CACHE_DIR"


def user_cache_dir() -> Path:
    """``$RESLINT_USER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reslint``, else ``~/.cache/reslint``
    (``%LOCALAPPDATA%\\reslint`` on Windows). The folder may not exist yet or be unwritable;
    OSError when there is no home folder to put it in."""
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or (os.name == "nt" and os.environ.get("LOCALAPPDATA"))
    if base:
        return Path(base) / "reslint"
    try:
        return Path.home() / ".cache" / "reslint"
    except RuntimeError as exc:  # neither HOME nor a password entry
        raise OSError(str(exc)) from exc
