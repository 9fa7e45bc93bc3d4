"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own diagnostics cache (`reslint check` caches by default), so no
    test sees another's results and none writes a cache into the working tree."""
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path_factory.mktemp("reslint-cache")))
