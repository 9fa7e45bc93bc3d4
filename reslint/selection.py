"""Which rules run: select / extend-select / ignore by code, prefix, name, family or ALL."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import Any

from reslint.config import Config
from reslint.errors import ConfigError
from reslint.plugins import Registry
from reslint.rule import Rule


def specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule`` (0: not at all)."""
    if selector == "ALL":
        return 1
    if selector == rule.family:
        return 2
    if selector in (rule.name, rule.code):
        return 100
    if rule.code.startswith(selector):
        return 2 + len(selector)
    return 0


def split_selectors(text: str) -> tuple[str, ...]:
    """The selectors of a comma-separated list (``"WS, WD001"``), spaces around each dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def validate_selectors(selectors: Iterable[str], registry: Registry, where: str) -> None:
    for selector in selectors:
        if not any(specificity(selector, rule) for rule in registry.rules):
            failed = "; ".join(str(f) for f in registry.failures)
            hint = f" (rules may be missing because {failed})" if failed else ""
            raise ConfigError(f"unknown rule selector `{selector}` in {where}{hint}")


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] | None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """Rules enabled by the selectors; the most specific selector wins, ignore on a tie."""
    chosen = []
    select = tuple(select) if select is not None else None
    extend_select, ignore = tuple(extend_select), tuple(ignore)
    for rule in rules:
        on = max((specificity(s, rule) for s in (select or ()) + extend_select), default=0)
        if select is None and rule.default_enabled:
            on = max(on, 1)
        off = max((specificity(s, rule) for s in ignore), default=0)
        if on and on > off:
            chosen.append(rule)
    return tuple(chosen)


def ignored_for_path(config: Config, path: str | None) -> tuple[str, ...]:
    """Selectors that ``per-file-ignores`` turns off for ``path``."""
    if not path or not config.per_file_ignores:
        return ()
    pure = PurePath(path)
    candidates = {pure.as_posix(), pure.name}
    if config.root is not None:
        try:
            candidates.add(Path(path).resolve().relative_to(config.root).as_posix())
        except (ValueError, OSError):
            pass
    out: list[str] = []
    for glob, selectors in config.per_file_ignores:
        if any(fnmatch.fnmatch(c, glob) for c in candidates):
            out.extend(selectors)
    return tuple(out)


def resolve_options(config: Config, registry: Registry) -> dict[str, dict[str, Any]]:
    """Per-family options: the plugins' defaults updated by the config, type-checked."""
    where = str(config.source) if config.source else "config"
    merged = {family: dict(options) for family, options in registry.defaults.items()}
    for family, options in config.sections.items():
        if family not in merged:
            raise ConfigError(f"unknown config key `{family}` in {where}")
        defaults = merged[family]
        for key, value in options.items():
            if key not in defaults:
                known = ", ".join(sorted(defaults)) or "none"
                raise ConfigError(f"unknown option `{family}.{key}` in {where} (known: {known})")
            _check_type(f"{family}.{key}", defaults[key], value, where)
            defaults[key] = value
    for family, key, allowed in _choices(registry):
        value = merged.get(family, {}).get(key)
        if family in config.sections and key in config.sections[family] and value not in allowed:
            listed = ", ".join(map(str, allowed))
            raise ConfigError(f"option `{family}.{key}` in {where} must be one of {listed}, not {value!r}")
    return merged


def _choices(registry: Registry) -> Iterator[tuple[str, str, list[Any]]]:
    """``(family, option, allowed values)`` declared by the plugins; a plugin whose hook fails
    declares nothing (its rules still check their options when they run)."""
    for impl in registry.manager.hook.reslint_option_choices.get_hookimpls():
        try:
            declared: Any = impl.function() or {}
            found = [(f, k, list(v)) for f, opts in declared.items() for k, v in opts.items()]
        except Exception:
            continue
        yield from found


def _check_type(key: str, default: Any, value: Any, where: str) -> None:
    if default is None:
        return
    expected: type | tuple[type, ...] = type(default)
    if isinstance(default, (list, tuple)):
        expected = (list, tuple)
    elif isinstance(default, (int, float)) and not isinstance(default, bool):
        expected = (int, float)
    elif isinstance(default, Mapping):
        expected = Mapping
    if not isinstance(value, expected) or (isinstance(value, bool) != isinstance(default, bool)):
        raise ConfigError(f"option `{key}` in {where} must be of type {type(default).__name__}")
