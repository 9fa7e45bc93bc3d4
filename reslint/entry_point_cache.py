"""The installed entry points of one group, without importing importlib.metadata on most runs.

Importing importlib.metadata costs ~30 ms (it pulls the email package), a tenth of a small
run. The group's entry points are kept in the user cache with a stamp of everything
importlib.metadata reads to find them: each ``sys.path`` entry's modification time, and the
name of each distribution folder in it with the size and mtime of its ``entry_points.txt``.
Installing, removing or editing a distribution changes the stamp, and the next run reads
them again through importlib.metadata.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.machinery
import json
import os
import re
import sys
import zlib
from typing import Any

from reslint.files import replace_atomically
from reslint.user_cache import user_cache_dir

DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info", ".egg")
# importlib.metadata's ``EntryPoint.pattern``: ``module``, ``module:attr.attr``, extras ignored.
VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


def entry_points(group: str) -> list[tuple[str, str]]:
    """The ``(name, value)`` of the installed entry points of ``group``."""
    stamp = _stamp()
    if stamp is None:
        return _read(group)
    # One file per environment (not per sys.path, which tests and tools vary at will, so the user
    # cache would keep growing); the stamp holds sys.path and tells a changed one apart.
    key = zlib.crc32(repr((group, sys.prefix)).encode("utf-8", "surrogatepass"))
    try:
        path = user_cache_dir() / f"entry-points-{key:08x}.json"
    except OSError:
        return _read(group)
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        cached = json.loads(path.read_bytes())
        if cached["stamp"] == stamp:
            return [(name, value) for name, value in cached["entry_points"]]
    found = _read(group)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, json.dumps({"stamp": stamp, "entry_points": found}).encode("utf-8"))
    return found


def load(value: str) -> Any:
    """The object an entry point's ``value`` names, as ``EntryPoint.load`` finds it."""
    match = VALUE.match(value)
    if match is None:
        raise ValueError(f"malformed entry point {value!r}")
    module = importlib.import_module(match.group("module"))
    return functools.reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)


def _read(group: str) -> list[tuple[str, str]]:
    from importlib.metadata import entry_points

    return [(ep.name, ep.value) for ep in entry_points(group=group)]


def _stamp() -> list[Any] | None:
    """What importlib.metadata's path search reads; None when another finder may add distributions."""
    finders = [f for f in sys.meta_path if hasattr(f, "find_distributions")]
    if finders != [importlib.machinery.PathFinder]:
        return None
    stamp: list[Any] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            stamp.append([entry, os.stat(folder).st_mtime_ns])
            names = sorted(os.listdir(folder))
        except OSError:  # missing, or a zip archive (its mtime is stamped)
            continue
        for name in names:
            if name.lower().endswith(DISTRIBUTION_SUFFIXES):
                egg = "EGG-INFO" if name.lower().endswith(".egg") else ""
                try:
                    info = os.stat(os.path.join(folder, name, egg, "entry_points.txt"))
                    stamp.append([name, info.st_size, info.st_mtime_ns])
                except OSError:
                    stamp.append([name])
    return stamp
