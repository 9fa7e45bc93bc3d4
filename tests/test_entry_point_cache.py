"""Entry points read from the user cache are those importlib.metadata finds, and any
install, removal or edit of a distribution on ``sys.path`` is seen on the next run."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reslint.entry_point_cache import VALUE, entry_points, load

# In a fresh interpreter: an earlier test may have imported the importlib_metadata backport,
# which replaces the standard library's distribution finder (the cache then stands aside).
SCRIPT = """
import importlib.metadata, json
from reslint.entry_point_cache import entry_points
found = entry_points("reslint")
print(json.dumps([found, [[ep.name, ep.value] for ep in importlib.metadata.entry_points(group="reslint")]]))
"""


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESLINT_USER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv("PYTHONPATH", str(folder))
    return folder


def fresh_run() -> list[list[str]]:
    """The entry points found by :func:`entry_points` in a new interpreter (checked against
    importlib.metadata there)."""
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    found, expected = json.loads(out.stdout)
    assert found == expected
    return found  # type: ignore[no-any-return]


def install(site: Path, name: str, text: str) -> None:
    dist = site / f"{name}-0.1.dist-info"
    dist.mkdir(exist_ok=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(text)


def test_cached_entry_points_equal_importlib_metadata(cache: Path) -> None:
    first = fresh_run()
    assert ["words", "reslint_rules.words"] in first
    [path] = cache.glob("entry-points-*.json")
    assert fresh_run() == first and json.loads(path.read_text())["entry_points"] == first


def test_install_edit_and_removal_are_seen(site: Path) -> None:
    fresh_run()
    install(site, "extra_plugin", "[reslint]\nextra = extra_mod\n")
    assert ["extra", "extra_mod"] in fresh_run()
    install(site, "extra_plugin", "[reslint]\nextra = extra_mod:plugin\n")
    assert ["extra", "extra_mod:plugin"] in fresh_run()
    (site / "extra_plugin-0.1.dist-info" / "entry_points.txt").unlink()
    assert "extra" not in dict(fresh_run())


def test_corrupt_or_unwritable_cache_reads_importlib_metadata(cache: Path, tmp_path: Path) -> None:
    expected = fresh_run()
    [path] = cache.glob("entry-points-*.json")
    for content in (b"", b"[1, 2]", b'{"stamp": 1}', b"\xff"):
        path.write_bytes(content)
        assert fresh_run() == expected
    (tmp_path / "file").write_text("")
    os.environ["RESLINT_USER_CACHE_DIR"] = str(tmp_path / "file" / "cache")
    assert fresh_run() == expected


def test_another_distribution_finder_bypasses_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Finder:
        @staticmethod
        def find_distributions(*args: object, **kwargs: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    expected = [(ep.name, ep.value) for ep in importlib.metadata.entry_points(group="reslint")]
    assert entry_points("reslint") == expected
    assert not cache.exists()


def test_load_finds_module_and_attribute_like_entry_point_load() -> None:
    assert load("os.path") is os.path
    assert load("os:path.join") is os.path.join
    assert load("os : path.join [extra]") is os.path.join
    with pytest.raises(ValueError):
        load("not a value!")
    with pytest.raises(AttributeError):
        load("os:missing")
    assert VALUE.pattern == importlib.metadata.EntryPoint.pattern.pattern
