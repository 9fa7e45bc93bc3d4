"""Loading plugins one by one, so that a broken plugin is reported instead of crashing the run."""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pluggy

from reslint import entry_point_cache, hookspec
from reslint.errors import PluginError
from reslint.rule import Rule

ENTRY_POINT_GROUP = "reslint"
CODE_PATTERN = re.compile(r"[A-Z]{1,5}[0-9]{3}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

hookimpl = pluggy.HookimplMarker("reslint")


@dataclass(frozen=True)
class PluginFailure:
    """A plugin (or one of its hooks) that failed; ``required`` ones stop the run."""

    plugin: str
    error: str
    required: bool = False

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed: {self.error}"


@dataclass(frozen=True)
class Registry:
    """Everything the loaded plugins contribute; immutable once built."""

    rules: tuple[Rule, ...]
    defaults: dict[str, dict[str, Any]]
    failures: tuple[PluginFailure, ...]
    plugin_of: dict[str, str]
    manager: pluggy.PluginManager

    def find(self, code_or_name: str) -> Rule | None:
        for rule in self.rules:
            if code_or_name in (rule.code, rule.name):
                return rule
        return None

    def detect_language(self, text: str) -> str | None:
        result: str | None = self.manager.hook.reslint_detect_language(text=text)
        return result


_cache: dict[tuple[str, ...], Registry] = {}
_cache_lock = threading.Lock()


def load_registry(plugins: Iterable[str] = ()) -> Registry:
    """Registry of the installed plugins plus the modules named in ``plugins`` (cached)."""
    key = tuple(plugins)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _build_registry(key)
        return _cache[key]


def _build_registry(required: tuple[str, ...]) -> Registry:
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspec)
    failures: list[PluginFailure] = []
    for name, value in sorted(entry_point_cache.entry_points(ENTRY_POINT_GROUP), key=lambda e: e[0]):
        if manager.has_plugin(name):
            continue
        try:
            manager.register(entry_point_cache.load(value), name=name)
        except Exception as exc:  # a broken plugin must not crash the run
            failures.append(PluginFailure(name, f"{type(exc).__name__}: {exc}"))
    for module_name in required:
        if manager.has_plugin(module_name):
            continue
        try:
            module = importlib.import_module(module_name)
            if not manager.is_registered(module):  # also installed through an entry point
                manager.register(module, name=module_name)
        except Exception as exc:
            failures.append(PluginFailure(module_name, f"{type(exc).__name__}: {exc}", True))
    rules, plugin_of, defaults = _collect(manager, set(required), failures)
    return Registry(tuple(rules), defaults, tuple(failures), plugin_of, manager)


def _collect(
    manager: pluggy.PluginManager, required: set[str], failures: list[PluginFailure]
) -> tuple[list[Rule], dict[str, str], dict[str, dict[str, Any]]]:
    rules: dict[str, Rule] = {}
    names: set[str] = set()
    plugin_of: dict[str, str] = {}
    defaults: dict[str, dict[str, Any]] = {}
    for impl in manager.hook.reslint_default_config.get_hookimpls():
        try:
            contributed: Any = impl.function() or {}
            for family, options in contributed.items():
                defaults.setdefault(family, {}).update(options)
        except Exception as exc:
            failures.append(_failure(impl.plugin_name, exc, required))
    for impl in manager.hook.reslint_rules.get_hookimpls():
        try:
            produced: Any = impl.function()
            classes: list[Any] = list(produced or [])
            for cls in classes:
                _validate_rule(cls, rules, names)
        except Exception as exc:
            failures.append(_failure(impl.plugin_name, exc, required))
            continue
        for cls in classes:
            rules[cls.code] = cls()
            names.add(cls.name)
            plugin_of[cls.code] = impl.plugin_name
            defaults.setdefault(cls.family, {})
    ordered = [rules[code] for code in sorted(rules)]
    return ordered, plugin_of, defaults


def _failure(plugin: str, exc: Exception, required: set[str]) -> PluginFailure:
    return PluginFailure(plugin, f"{type(exc).__name__}: {exc}", plugin in required)


def _validate_rule(cls: Any, rules: dict[str, Rule], names: set[str]) -> None:
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise PluginError(f"{cls!r} is not a reslint.Rule subclass")
    for attr in ("code", "name", "family"):
        if not isinstance(getattr(cls, attr, None), str):
            raise PluginError(f"rule {cls.__name__} has no {attr}")
    if not CODE_PATTERN.fullmatch(cls.code):
        raise PluginError(f"rule code {cls.code!r} is not a prefix of capitals plus 3 digits")
    if not NAME_PATTERN.fullmatch(cls.name):
        raise PluginError(f"rule name {cls.name!r} is not kebab-case")
    if cls.code in rules or cls.name in names:
        raise PluginError(f"rule {cls.code} ({cls.name}) is defined twice")
