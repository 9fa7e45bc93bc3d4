"""Configuration: ``[tool.reslint]`` in pyproject.toml, or reslint.toml / .reslint.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reslint.errors import ConfigError

CONFIG_FILES = ("reslint.toml", ".reslint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".reslint_cache",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".tox",
    "build",
    "dist",
)
LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "extend-exclude", "plugins")
STRING_KEYS = ("lang", "encoding", "cache-dir", "baseline")


@dataclass(frozen=True)
class Config:
    """Validated settings. ``sections`` holds the per-family rule options the user set."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lang: str | None = None
    encoding: str = "utf-8"
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    cache_dir: str | None = None
    baseline: str | None = None  # relative to the config file's folder
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: Path | None = None

    @property
    def root(self) -> Path | None:
        """Folder globs are relative to: the config file's folder."""
        return self.source.parent if self.source else None

    @property
    def excludes(self) -> tuple[str, ...]:
        """The globs files are excluded by: ``exclude`` and ``extend-exclude``."""
        return (*self.exclude, *self.extend_exclude)

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang != self.lang.lower():
            # language codes are case-insensitive; rules compare them lower-case ("FR" ran none)
            object.__setattr__(self, "lang", self.lang.lower())

    def with_overrides(self, **changes: Any) -> Config:
        """Copy with the given fields replaced (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: Path | None = None) -> Config:
        where = f" in {source}" if source else ""
        values: dict[str, Any] = {"source": source}
        sections: dict[str, Mapping[str, Any]] = {}
        for key, value in data.items():
            if key in LIST_KEYS:
                values[key.replace("-", "_")] = _string_list(key, value, where)
            elif key in STRING_KEYS:
                if not isinstance(value, str):
                    raise ConfigError(f"`{key}` must be a string{where}")
                values[key.replace("-", "_")] = value
            elif key == "per-file-ignores":
                if not isinstance(value, Mapping):
                    raise ConfigError(f"`per-file-ignores` must be a table of glob = [codes]{where}")
                values["per_file_ignores"] = tuple(
                    (glob, _string_list(f"per-file-ignores.{glob}", codes, where))
                    for glob, codes in value.items()
                )
            elif key == "tool" and source is not None and source.name != "pyproject.toml":
                raise ConfigError(
                    f"unknown config key `tool`{where}: in {source.name} the settings stand at the top, "
                    "without [tool.reslint] (that table is for pyproject.toml)"
                )
            elif isinstance(value, Mapping):
                sections[key] = dict(value)
            else:
                raise ConfigError(f"unknown config key `{key}`{where}")
        values["sections"] = sections
        return cls(**values)


def _string_list(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of strings{where}")
    return tuple(value)


def read_config_file(path: Path) -> Config:
    """Parse one config file; a pyproject.toml contributes its ``[tool.reslint]`` table."""
    try:
        data = _load_toml(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reslint", {})
    return Config.from_mapping(data, path.resolve())


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with
    a ``[tool.reslint]`` table)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_reslint_table(candidate)):
                return candidate
    return None


def _has_reslint_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has a ``[tool.reslint]`` table; one that names ``tool.reslint`` but
    is not valid TOML is a :class:`ConfigError` (skipping it would drop the user's settings)."""
    try:
        return "reslint" in _load_toml(pyproject).get("tool", {})
    except OSError:
        return False
    except ValueError as exc:
        if b"tool.reslint" in pyproject.read_bytes():
            raise ConfigError(f"cannot read config {pyproject}: {exc}") from exc
        return False


def _load_toml(path: Path) -> dict[str, Any]:
    """The table of the TOML file ``path``; OSError, or ValueError (``tomllib.TOMLDecodeError``,
    ``UnicodeDecodeError``) when it cannot be read.

    tomllib is imported here: a run with no config file above its files never needs it (~4 ms).
    """
    import tomllib

    with path.open("rb") as fh:
        return tomllib.load(fh)


def discover_config(start: Path) -> Config:
    """The configuration that applies to files under ``start`` (defaults if none)."""
    found = find_config_file(start)
    return read_config_file(found) if found else Config()
